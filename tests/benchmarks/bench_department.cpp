// One 10-year replication of scenarios/base.json (~4,300 referrals a year, 168 social worker
// posts), with and without the detail the viewer needs; and one of scenarios/teams.json with the
// durations that emerge from work (use_emergent_durations(): what base costs once it switches to
// teams and emergent durations, issue 11). Reports simulated events per second.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/department/pathway_config.hpp"
#include "cssim/scenario/scenario.hpp"

namespace {

cssim::department::DepartmentConfig load_department(const std::string& file) {
    const auto result =
        cssim::scenario::load_scenario(std::string(CSSIM_SOURCE_DIR) + "/scenarios/" + file);
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

void run_config(benchmark::State& state, const cssim::department::DepartmentConfig& config,
                bool with_detail) {
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
    run_config(state, load_department("base.json"), false);
}
void BM_DepartmentBase10YearsWithDetail(benchmark::State& state) {
    run_config(state, load_department("base.json"), true);
}
/** teams.json with the emergent durations, without detail. */
void BM_DepartmentTeamsEmergent10Years(benchmark::State& state) {
    cssim::department::DepartmentConfig config = load_department("teams.json");
    cssim::department::use_emergent_durations(config.pathway);
    run_config(state, config, false);
}

BENCHMARK(BM_DepartmentBase10Years)->Unit(benchmark::kMillisecond)->MinTime(5.0);
BENCHMARK(BM_DepartmentBase10YearsWithDetail)->Unit(benchmark::kMillisecond)->MinTime(5.0);
BENCHMARK(BM_DepartmentTeamsEmergent10Years)->Unit(benchmark::kMillisecond)->MinTime(5.0);

}  // namespace

BENCHMARK_MAIN();
