// cssim_bench_queue: M/M/5 at rho = 0.9 with 10^6 customers per iteration, through the code
// `cssim run` uses (load_scenario + queue::run_replication), against the hand-written flat loop
// of peers/flat_queue_loop.cpp. Figures: docs/performance.md, "Reference queue".
//
// Both sides draw the same numbers from the same streams in the same event order, so before
// timing each benchmark checks that they produce the same results (else it reports an error):
// the comparison is of two implementations of one computation, nothing else.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "cssim/queue/queue_model.hpp"
#include "cssim/scenario/scenario.hpp"
#include "peers/flat_queue_loop.hpp"

namespace {

/** @brief 10^6 arrivals expected: lambda = 4.5 a day for 222,222.2 days. */
constexpr const char* kHorizonFor1MCustomers = "horizon_days=222222.2";

/** @brief scenarios/queue/mm5.json with no warm-up and 10^6 customers; range(0) == 1 lifts the
 * capacity (pure M/M/5) via `--set capacity=null`, which removes the key. */
cssim::scenario::Scenario load_mm5(bool unlimited) {
    std::vector<std::string> sets{kHorizonFor1MCustomers, "warmup_days=0"};
    if (unlimited)
        sets.emplace_back("capacity=null");
    auto result = cssim::scenario::load_scenario(
        std::string(CSSIM_SOURCE_DIR) + "/scenarios/queue/mm5.json", sets);
    if (!result.scenario)
        throw std::runtime_error("cannot load mm5.json");
    return *result.scenario;
}

bool same_results(const cssim::queue::QueueConfig& config, std::uint64_t seed) {
    const cssim::queue::QueueRunStats a = cssim::queue::simulate(config, seed, 0, nullptr);
    const cssim::bench::FlatQueueResult b = cssim::bench::run_flat_queue(config, seed, 0);
    return a.arrivals_total == b.arrivals_total && a.served == b.served && a.blocked == b.blocked &&
           a.wait_ticks_sum == static_cast<double>(b.wait_sum) &&
           a.system_ticks_sum == static_cast<double>(b.system_sum) &&
           a.queue_area == static_cast<double>(b.queue_area) &&
           a.busy_area == static_cast<double>(b.busy_area);
}

void BM_QueueModelMM5(benchmark::State& state) {
    const cssim::scenario::Scenario scenario = load_mm5(state.range(0) == 1);
    if (!same_results(*scenario.queue, scenario.seed)) {
        state.SkipWithError("model and flat loop disagree");
        return;
    }
    std::uint64_t replication = 0;
    double customers = 0.0;
    for (auto _ : state) {
        cssim::record::ReplicationRecord record =
            cssim::queue::run_replication(*scenario.queue, scenario.seed, replication++, false);
        customers += record.metrics.back().value;  // "arrivals": every customer (no warm-up)
        benchmark::DoNotOptimize(record);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(customers));
    state.counters["customers_per_s"] = benchmark::Counter(customers, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_QueueModelMM5)->Arg(0)->Arg(1)->ArgName("unlimited")->Unit(benchmark::kMillisecond);

void BM_FlatLoopMM5(benchmark::State& state) {
    const cssim::scenario::Scenario scenario = load_mm5(state.range(0) == 1);
    std::uint64_t replication = 0;
    double customers = 0.0;
    for (auto _ : state) {
        const cssim::bench::FlatQueueResult r =
            cssim::bench::run_flat_queue(*scenario.queue, scenario.seed, replication++);
        customers += static_cast<double>(r.arrivals_total);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(customers));
    state.counters["customers_per_s"] = benchmark::Counter(customers, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FlatLoopMM5)->Arg(0)->Arg(1)->ArgName("unlimited")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
