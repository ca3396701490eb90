// One 10-year replication of scenarios/base.json (~4,300 referrals a year, 168 social worker
// posts), with and without the detail the viewer needs. Reports simulated events per second.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/scenario/scenario.hpp"

namespace {

cssim::department::DepartmentConfig load_base() {
    const auto result =
        cssim::scenario::load_scenario(std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json");
    if (!result.scenario || !result.scenario->department) {
        for (const auto& d : result.diagnostics) {
            std::cerr << cssim::scenario::format_diagnostic(d) << '\n';
        }
        std::abort();
    }
    return *result.scenario->department;
}

double events_of(const cssim::record::ReplicationRecord& record) {
    for (const auto& m : record.metrics) {
        if (m.name == "simulation_events")
            return m.value;
    }
    return 0.0;
}

void run(benchmark::State& state, bool with_detail) {
    const cssim::department::DepartmentConfig config = load_base();
    std::uint64_t replication = 0;
    double events = 0.0;
    for (auto _ : state) {
        auto record =
            cssim::department::run_replication(config, 20230401, replication++, with_detail);
        events += events_of(record);
        benchmark::DoNotOptimize(record);
    }
    state.counters["events_per_second"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
    state.counters["events_per_replication"] = events / static_cast<double>(state.iterations());
}

void BM_DepartmentBase10Years(benchmark::State& state) {
    run(state, false);
}
void BM_DepartmentBase10YearsWithDetail(benchmark::State& state) {
    run(state, true);
}

BENCHMARK(BM_DepartmentBase10Years)->Unit(benchmark::kMillisecond)->MinTime(5.0);
BENCHMARK(BM_DepartmentBase10YearsWithDetail)->Unit(benchmark::kMillisecond)->MinTime(5.0);

}  // namespace

BENCHMARK_MAIN();
