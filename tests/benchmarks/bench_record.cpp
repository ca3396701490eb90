/**
 * @file bench_record.cpp
 * @brief engine/record speed: writing and opening a 10-year run archive, loading one
 * replication, loading a series across replications, the text outputs, and durable appends to
 * a sweep results store. Figures are recorded in docs/performance.md ("Run archive").
 *
 * The archive is synthetic but sized like a 10-year department run: 3,650 days, 80 series,
 * 200 office-floor tracks and 400 events per replication, 30 replications, every replication
 * with tracks (the worst case for file size). It is written once, in main(), to a scratch
 * directory that is removed at exit. The page cache is warm except in the _Cold benchmark,
 * which evicts the archive's pages first (an archive opened from disk for the first time).
 */
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "cssim/record/archive_reader.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/results_store.hpp"
#include "cssim/record/run_outputs.hpp"

namespace {

using namespace cssim::record;

constexpr std::size_t kDays = 3650;
constexpr std::size_t kSeries = 80;
constexpr std::size_t kTracks = 200;
constexpr std::size_t kEvents = 400;
constexpr std::uint64_t kReplications = 30;

RunInfo make_info() {
    RunInfo info;
    info.scenario_name = "bench";
    info.model = "department";
    info.scenario_json = R"({"model":"department","name":"bench"})";
    info.replications = kReplications;
    info.layout.days = static_cast<std::int64_t>(kDays);
    info.layout.warmup_days = 365;
    info.layout.status_names = {"working", "sick", "on_notice", "vacant"};
    info.layout.contract_names = {"employed", "agency", "newly_qualified"};
    for (int i = 0; i < 12; ++i) {
        const std::string id = "stage" + std::to_string(i);
        info.layout.nodes.push_back({id, "Stage " + std::to_string(i), "stage/" + id});
        if (i > 0) {
            info.layout.edges.push_back({"stage" + std::to_string(i - 1), id, 0.5});
        }
    }
    return info;
}

ReplicationRecord make_replication(std::uint64_t replication) {
    std::mt19937_64 gen(replication + 1);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    ReplicationRecord r;
    r.replication = replication;
    r.seed = replication;
    for (int m = 0; m < 40; ++m) {
        r.metrics.push_back({"metric_" + std::to_string(m), u(gen)});
    }
    for (std::size_t s = 0; s < kSeries; ++s) {
        Series series{"series/" + std::to_string(s), "cases", "A synthetic series", 0, {}, ""};
        series.values.resize(kDays);
        for (auto& v : series.values) {
            v = u(gen) * 100.0;
        }
        r.series.push_back(std::move(series));
    }
    for (std::size_t t = 0; t < kTracks; ++t) {
        EntityTrack track;
        track.id = static_cast<std::uint32_t>(t);
        track.label = "SW " + std::to_string(t);
        track.role = "social_worker";
        track.team = "Team " + std::to_string(t / 10);
        track.status.assign(kDays, 0);
        track.contract.assign(kDays, 1);
        track.caseload.resize(kDays);
        track.stress.resize(kDays);
        for (std::size_t d = 0; d < kDays; ++d) {
            track.caseload[d] = static_cast<float>(u(gen) * 25.0);
            track.stress[d] = static_cast<float>(u(gen));
        }
        r.tracks.push_back(std::move(track));
    }
    for (std::size_t e = 0; e < kEvents; ++e) {
        r.events.push_back({static_cast<std::int64_t>(e * 13000), "resignation",
                            static_cast<std::int64_t>(e % kTracks), "SW resigned"});
    }
    return r;
}

void write_bench_archive(const std::filesystem::path& path,
                         const std::vector<ReplicationRecord>& records) {
    ArchiveWriter writer(path, make_info());
    for (const auto& r : records) {
        writer.add(r);
    }
    writer.finish();
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("cssim-bench-record-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path archive = dir / "run.sqlite";
    {
        std::vector<ReplicationRecord> records;
        for (std::uint64_t r = 0; r < kReplications; ++r) {
            records.push_back(make_replication(r));
        }
        write_bench_archive(archive, records);
        benchmark::RegisterBenchmark("BM_WriteArchive_30reps",
                                     [&records, &dir](auto& state) {
                                         for (auto _ : state) {
                                             write_bench_archive(dir / "written.sqlite", records);
                                         }
                                     })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(2);

        std::vector<ReplicationRecord> many;  // a sweep-sized text output: 1,000 x 40 metrics
        for (std::uint64_t r = 0; r < 1000; ++r) {
            ReplicationRecord small;
            small.design_point = r / 100;
            small.replication = r % 100;
            small.metrics = records[r % kReplications].metrics;
            many.push_back(std::move(small));
        }
        benchmark::RegisterBenchmark("BM_SummaryJsonAndCsv_1000reps", [many](auto& state) {
            for (auto _ : state) {
                benchmark::DoNotOptimize(summary_json("bench", many));
                benchmark::DoNotOptimize(replications_csv("bench", many));
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_ResultsStoreDurableAppend",
                                     [&dir, many](auto& state) {
                                         ResultsStore store(dir / "results.sqlite", "bench");
                                         std::size_t i = 0;
                                         for (auto _ : state) {
                                             store.append(many[i++ % many.size()]);
                                         }
                                     })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(100);
        // The lambdas capture by reference: everything stays alive until the run below.
        benchmark::RegisterBenchmark("BM_OpenArchive", [&archive](auto& state) {
            for (auto _ : state) {
                ArchiveReader reader(archive);
                benchmark::DoNotOptimize(reader.info().layout.days);
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_OpenAndLoadOneReplication", [&archive](auto& state) {
            for (auto _ : state) {
                ArchiveReader reader(archive);
                const ReplicationRecord r = reader.load_replication(17);
                benchmark::DoNotOptimize(r.tracks.back().stress.back());
            }
        })->Unit(benchmark::kMillisecond);
        // Cold: the archive's pages are dropped from the page cache (posix_fadvise DONTNEED on
        // this file only; the file was fsynced, so its pages are clean) before each iteration.
        benchmark::RegisterBenchmark("BM_OpenAndLoadOneReplication_Cold", [&archive](auto& state) {
            for (auto _ : state) {
                state.PauseTiming();
                const int fd = ::open(archive.c_str(), O_RDONLY);
                ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
                ::close(fd);
                state.ResumeTiming();
                ArchiveReader reader(archive);
                const ReplicationRecord r = reader.load_replication(17);
                benchmark::DoNotOptimize(r.tracks.back().stress.back());
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_LoadSeriesAcross30Replications", [&archive](auto& state) {
            const ArchiveReader reader(archive);
            for (auto _ : state) {
                benchmark::DoNotOptimize(reader.load_series("series/40"));
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_SeriesBand30Replications", [&archive](auto& state) {
            const ArchiveReader reader(archive);
            for (auto _ : state) {
                benchmark::DoNotOptimize(reader.series_band("series/40"));
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RunSpecifiedBenchmarks();
    }
    std::printf("archive size: %.1f MB\n",
                static_cast<double>(std::filesystem::file_size(archive)) / 1e6);
    std::filesystem::remove_all(dir);
    benchmark::Shutdown();
    return 0;
}
