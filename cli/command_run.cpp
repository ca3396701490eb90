// `cssim run`: one scenario's replications → summary.json, replications.csv, manifest.json and
// run.sqlite in one output folder, published atomically.
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "batch.hpp"
#include "by_year.hpp"
#include "commands.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/run_outputs.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "number_format.hpp"
#include "output_directory.hpp"
#include "run_support.hpp"
#include "scenario_loading.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {

ProgressMode progress_mode_of(const RunSettings& settings) {
    ProgressMode mode = ProgressMode::Auto;
    if (settings.quiet || !parse_progress_mode(settings.progress, mode)) {
        mode = ProgressMode::Quiet;
    }
    return mode;
}

record::RunInfo make_run_info(const scenario::Scenario& scenario, const ModelBinding& model,
                              const RunSettings& settings, std::uint64_t seed, std::size_t finished,
                              double wall_seconds, bool cancelled) {
    record::RunInfo info;
    info.scenario_name = scenario.name;
    info.model = scenario.model;
    info.scenario_json = scenario.canonical_json;
    info.scenario_sha256 = scenario.sha256;
    info.master_seed = seed;
    info.replications = finished;
    info.threads = settings.threads > 0 ? settings.threads : parallel::hardware_threads();
    info.wall_seconds = wall_seconds;
    info.command_line = settings.command_line;
    info.version = kVersion;
    info.git_sha = kGitSha;
    info.created_utc = utc_now_iso8601();
    info.status = cancelled ? "cancelled" : "complete";
    info.stream_names = model.stream_names;
    info.layout = model.layout;
    return info;
}

BatchResult run_replications(const std::vector<const ModelBinding*>& models,
                             const RunSettings& settings, std::uint64_t seed,
                             std::size_t replications, std::size_t detail_replications,
                             bool with_series, const std::string& label) {
    ProgressReporter progress(progress_mode_of(settings), label, replications * models.size());
    BatchRequest request;
    request.models = models;
    request.master_seed = seed;
    request.replications = replications;
    request.threads = settings.threads;
    request.detail_replications = detail_replications;
    request.with_series = with_series;
    request.progress = &progress;
    request.cancel = &interrupt_flag();
    BatchResult batch = run_batch(request);
    progress.finish(batch.cancelled ? "cancelled" : "done");
    return batch;
}

void write_run_folder(const fs::path& folder, const record::RunInfo& info,
                      const std::vector<record::ReplicationRecord>& records) {
    // Every file is synced before its rename; the folder once, after the four renames (it is
    // the private staging folder until StagedDirectory::publish), not after each.
    constexpr record::DirectorySync kLater = record::DirectorySync::ByCaller;
    record::write_text_file_atomically(
        folder / "summary.json",
        record::summary_json(info.scenario_name, records, info.layout.metrics), kLater);
    record::write_text_file_atomically(
        folder / "replications.csv", record::replications_csv(info.scenario_name, records), kLater);
    record::write_text_file_atomically(folder / "manifest.json", record::manifest_json(info),
                                       kLater);
    record::write_archive(folder / "run.sqlite", info, records, kLater);
    record::sync_directory(folder);
}

void print_metric_table(const record::RunInfo& info,
                        const std::vector<record::ReplicationRecord>& records,
                        const std::vector<std::string>& wanted) {
    const std::vector<record::PointSummary> points = record::summarize(records);
    if (points.empty()) {
        return;
    }
    std::printf("%-36s %14s   %-29s %s\n", "metric", "mean", "95% CI", "unit");
    bool any_without_interval = false;
    std::vector<record::MetricSummary> shown = points.front().metrics;
    if (!wanted.empty()) {
        shown.clear();
        for (const std::string& name : wanted) {
            for (const record::MetricSummary& m : points.front().metrics) {
                if (m.name == name) {
                    shown.push_back(m);
                }
            }
        }
    }
    for (const record::MetricSummary& m : shown) {
        std::string unit;
        for (const record::MetricInfo& mi : info.layout.metrics) {
            if (mi.name == m.name) {
                unit = mi.unit;
            }
        }
        const std::string ci = format_interval(m.ci95_low, m.ci95_high);
        any_without_interval = any_without_interval || ci == "n/a";
        std::printf("%-36s %14s   %-29s %s\n", m.name.c_str(), format_human(m.mean).c_str(),
                    ci.c_str(), display_unit(unit).c_str());
    }
    if (any_without_interval) {
        std::printf(
            "n/a: no confidence interval; it needs at least 2 replications (run with -r 2 "
            "or more).\n");
    }
}

int run_command(const RunCommand& command) {
    const scenario::LoadResult loaded =
        scenario::load_scenario(command.scenario_path, command.settings.overrides);
    if (!loaded.scenario) {
        return report_load_failure(loaded, command.scenario_path);
    }
    print_warnings(*loaded.scenario, command.scenario_path);
    const scenario::Scenario& scenario = *loaded.scenario;
    const std::uint64_t seed = command.settings.seed.value_or(scenario.seed);
    const std::size_t replications = command.settings.replications.value_or(scenario.replications);
    const ModelBinding model = bind_model(scenario, &interrupt_flag());
    if (const std::string problem = unknown_metric(command.metrics, model.layout.metrics);
        !problem.empty()) {
        std::fprintf(stderr, "cssim: %s\n", problem.c_str());
        return kExitUsage;
    }

    const fs::path destination = command.out_dir.empty()
                                     ? default_output_directory("results", scenario.name)
                                     : fs::path(command.out_dir);
    try {
        // Checked before running, so a taken folder costs nothing.
        StagedDirectory folder(destination, command.force, {command.scenario_path});

        BatchResult batch = run_replications({&model}, command.settings, seed, replications,
                                             command.detail_replications, true, scenario.name);

        const std::vector<record::ReplicationRecord>& records = batch.records.front();
        const record::RunInfo info =
            make_run_info(scenario, model, command.settings, seed, records.size(),
                          batch.wall_seconds, batch.cancelled);
        write_run_folder(folder.staging(), info, records);
        folder.publish();

        if (command.by_year) {
            print_run_by_year(records, info.layout.metrics, command.metrics);
        } else {
            print_metric_table(info, records, command.metrics);
        }
        if (!command.settings.quiet) {
            std::fprintf(stderr, "cssim: %zu replication%s of '%s' written to %s\n", records.size(),
                         records.size() == 1 ? "" : "s", scenario.name.c_str(),
                         scenario::escape_control(destination.string()).c_str());
        }
        if (batch.cancelled) {
            std::fprintf(stderr,
                         "cssim: interrupted; the %zu finished replication%s were kept "
                         "(manifest status \"cancelled\")\n",
                         records.size(), records.size() == 1 ? "" : "s");
            return kExitInterrupted;
        }
        return kExitOk;
    } catch (const OutputExistsError& error) {
        return report_failure(error);
    } catch (const record::OutputError& error) {
        return report_failure(error);
    }
}

}  // namespace cssim::cli
