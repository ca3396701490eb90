// cssim_bench_phold: PHOLD (152 LPs, 16 events each, 10% remote, lookahead 0.1, mean delay 1,
// horizons 200 and 2000) through models/phold on the logical-process facility at 1 and 2 threads,
// against the hand-written sequential loop of peers/flat_phold_loop.cpp, BM_PholdWhereTheTimeGoes
// (the same runs with LpRunOptions::times: delivering, running LPs and waiting, per epoch), and
// BM_EpochBarrier, the cost of one epoch's barrier on its own. scripts/bench_phold.py
// prints the parallel efficiency and the ratio to the loop. Figures: docs/performance.md, "PHOLD".
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "cssim/parallel/logical_process.hpp"
#include "cssim/phold/phold_model.hpp"
#include "peers/flat_phold_loop.hpp"

namespace {

/** @brief The configuration (scenarios/phold/phold152.json) over `horizon` time units:
 * 2000 as in the scenario (about 4.4 million events), or 200 (about 440,000). */
cssim::phold::PholdConfig config_152(double horizon) {
    cssim::phold::PholdConfig config;
    config.lps = 152;
    config.events_per_lp = 16;
    config.remote_fraction = 0.1;
    config.mean_delay = 1.0;
    config.lookahead = 0.1;
    config.horizon = horizon;
    return config;
}

void BM_PholdLogicalProcesses(benchmark::State& state) {
    const cssim::phold::PholdConfig config = config_152(static_cast<double>(state.range(1)));
    cssim::phold::PholdRunOptions options;
    options.threads = static_cast<int>(state.range(0));
    std::uint64_t replication = 0;
    double events = 0.0;
    for (auto _ : state) {
        const cssim::phold::PholdRunStats stats =
            cssim::phold::simulate(config, 1, replication++, options);
        events += static_cast<double>(stats.events_processed);
        benchmark::DoNotOptimize(stats);
    }
    state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
}
// Real time: with threads, CPU time of the main thread alone would flatter the parallel run.
// Horizon 200: a run of ~25 ms, where starting up (the second thread's LPs moving to its core)
// shows; 2000, the scenario's: the steady state.
BENCHMARK(BM_PholdLogicalProcesses)
    ->ArgsProduct({{1, 2}, {200, 2000}})
    ->ArgNames({"threads", "horizon"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/** The same runs with LpRunOptions::times: where each thread's time went, per epoch (ns, the
 * mean over threads; run_max_ns the busier thread's LP time). Kept apart from the cases above,
 * whose figures are read without the clock reads this adds. */
void BM_PholdWhereTheTimeGoes(benchmark::State& state) {
    const cssim::phold::PholdConfig config = config_152(static_cast<double>(state.range(1)));
    std::vector<cssim::parallel::LpThreadTimes> times;
    cssim::phold::PholdRunOptions options;
    options.threads = static_cast<int>(state.range(0));
    options.times = &times;
    std::uint64_t replication = 0;
    double events = 0.0;
    double thread_epochs = 0.0;
    double epochs = 0.0;
    double deliver = 0.0;
    double run = 0.0;
    double run_max = 0.0;
    double wait = 0.0;
    for (auto _ : state) {
        const cssim::phold::PholdRunStats stats =
            cssim::phold::simulate(config, 1, replication++, options);
        events += static_cast<double>(stats.events_processed);
        epochs += static_cast<double>(stats.epochs);
        double busiest = 0.0;
        for (const cssim::parallel::LpThreadTimes& t : times) {
            thread_epochs += static_cast<double>(t.epochs);
            deliver += t.deliver_ns;
            run += t.run_ns;
            wait += t.wait_ns;
            busiest = std::max(busiest, t.run_ns);
        }
        run_max += busiest;
        benchmark::DoNotOptimize(stats);
    }
    state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
    state.counters["deliver_ns"] = deliver / thread_epochs;
    state.counters["run_ns"] = run / thread_epochs;
    state.counters["run_max_ns"] = run_max / epochs;
    state.counters["wait_ns"] = wait / thread_epochs;
}
BENCHMARK(BM_PholdWhereTheTimeGoes)
    ->ArgsProduct({{1, 2}, {2000}})
    ->ArgNames({"threads", "horizon"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_PholdFlatLoop(benchmark::State& state) {
    const cssim::phold::PholdConfig config = config_152(static_cast<double>(state.range(0)));
    std::uint64_t replication = 0;
    double events = 0.0;
    for (auto _ : state) {
        const cssim::bench::FlatPholdResult r =
            cssim::bench::run_flat_phold(config, 1, replication++);
        events += static_cast<double>(r.events_processed);
        benchmark::DoNotOptimize(r);
    }
    state.counters["events_per_s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PholdFlatLoop)
    ->Arg(200)
    ->Arg(2000)
    ->ArgName("horizon")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/** @brief One event per epoch: it either sends a message to the LP in the other group (which
 * handles it next epoch) or schedules itself again, so an epoch is almost nothing but the
 * barrier (and the exchange of one message each way). */
class PingLp final : public cssim::parallel::LogicalProcess {
public:
    PingLp(std::uint32_t id, bool messages) : LogicalProcess(id), messages_(messages) {}
    void run_until(cssim::core::Tick end) override { simulation().run_until(end, *this); }
    void operator()(const cssim::core::Event& e) {
        if (messages_) {
            send(id() ^ 1U, e.time + 1, 0);
        } else {
            simulation().schedule_at(e.time + 1, 0);
        }
    }

private:
    bool messages_;
};

// The cost of one epoch's barrier: two LPs in two groups, lookahead 1 tick, 100,000 epochs, one
// event per LP per epoch; with messages:1 each event is a message to the other group. Time per
// epoch at 2 threads less that at 1 is what the threads pay to meet (docs/logical-processes.md).
void BM_EpochBarrier(benchmark::State& state) {
    constexpr cssim::core::Tick kEpochs = 100000;
    const bool messages = state.range(1) != 0;
    cssim::parallel::LpRunOptions options;
    options.lookahead = 1;
    options.end = kEpochs;
    options.threads = static_cast<int>(state.range(0));
    options.partition = {0, 1};
    double epochs = 0.0;
    for (auto _ : state) {
        std::vector<std::unique_ptr<PingLp>> lps;
        std::vector<cssim::parallel::LogicalProcess*> pointers;
        for (std::uint32_t i = 0; i < 2; ++i) {
            lps.push_back(std::make_unique<PingLp>(i, messages));
            lps.back()->simulation().schedule_at(0, 0);
            pointers.push_back(lps.back().get());
        }
        const cssim::parallel::LpRunOutcome outcome =
            cssim::parallel::run_logical_processes(pointers, options);
        epochs += static_cast<double>(outcome.epochs);
        benchmark::DoNotOptimize(outcome);
    }
    state.counters["epochs_per_s"] = benchmark::Counter(epochs, benchmark::Counter::kIsRate);
    state.counters["ns_per_epoch"] =
        benchmark::Counter(epochs, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_EpochBarrier)
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->ArgNames({"threads", "messages"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
