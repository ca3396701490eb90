// Sweep throughput: replications of scenarios/base.json (10 simulated years, metrics only, as a
// sweep runs them) per second through the parallel job runner at 1 and 2 threads. Parallel
// efficiency = rate(2) / (2 rate(1)). Figures in docs/performance.md, section "Sweeps:
// throughput and parallel efficiency". Run on an otherwise idle machine:
//   build/tests/benchmarks/cssim_bench_sweep --benchmark_repetitions=3
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "cssim/department/department.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/scenario/scenario.hpp"

namespace {

// User + system CPU seconds of all threads of this process so far.
double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

// Jobs per iteration: a multiple of both thread counts, enough that the tail (the last job
// running alone) is a small part of the time.
constexpr std::size_t kJobs = 16;

void sweep_throughput(benchmark::State& state, const cssim::department::DepartmentConfig& config) {
    const int threads = static_cast<int>(state.range(0));
    std::uint64_t first = 0;
    const double cpu_start = process_cpu_seconds();
    for (auto _ : state) {
        std::vector<double> sink(kJobs);
        cssim::parallel::RunnerOptions options;
        options.threads = threads;
        cssim::parallel::run_jobs(
            kJobs,
            [&](std::size_t j) {
                const auto r =
                    cssim::department::run_replication(config, 20230401, first + j, false);
                sink[j] = r.metrics.empty() ? 0.0 : r.metrics.front().value;
            },
            options);
        benchmark::DoNotOptimize(sink.data());
        first += kJobs;  // fresh replications each iteration, as in a sweep
    }
    const double jobs = static_cast<double>(state.iterations() * kJobs);
    state.SetItemsProcessed(static_cast<std::int64_t>(jobs));
    // CPU of every thread of the process per replication: equal at 1 and 2 threads when the
    // runner adds no overhead (locks, false sharing, memory bandwidth), whatever the load.
    state.counters["cpu_s_per_rep"] = (process_cpu_seconds() - cpu_start) / jobs;
    state.counters["threads"] = threads;
}
}  // namespace

int main(int argc, char** argv) {
    const auto loaded =
        cssim::scenario::load_scenario(std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json");
    if (!loaded.scenario || !loaded.scenario->department) {
        std::fprintf(stderr, "cannot load scenarios/base.json\n");
        return 1;
    }
    const cssim::department::DepartmentConfig& config = *loaded.scenario->department;
    benchmark::RegisterBenchmark("BM_SweepThroughput", sweep_throughput, config)
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kSecond)
        ->UseRealTime()
        ->Iterations(2);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
