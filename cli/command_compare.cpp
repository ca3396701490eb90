// `cssim compare`: scenarios run with common random numbers (same master seed, same replication
// indices ⇒ same streams), paired differences against the first scenario with Student-t CIs.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "batch.hpp"
#include "by_year.hpp"
#include "commands.hpp"
#include "comparison.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/comparison_output.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "number_format.hpp"
#include "output_directory.hpp"
#include "run_support.hpp"
#include "scenario_loading.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

struct Colours {
    const char* better = "";
    const char* worse = "";
    const char* dim = "";
    const char* reset = "";
};

Colours colours_for(const std::string& setting) {
    const bool on = setting == "always" || (setting == "auto" && isatty(fileno(stdout)) &&
                                            std::getenv("NO_COLOR") == nullptr);
    if (!on) {
        return {};
    }
    return {"\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m"};
}

void print_table(const record::Comparison& comparison, const Colours& colours) {
    const std::size_t k = comparison.scenarios.size();
    std::printf(
        "Compared %zu scenarios with common random numbers: %zu paired replications, "
        "master seed %llu.\n",
        k, comparison.replications, static_cast<unsigned long long>(comparison.seed));
    std::printf("Differences are scenario minus baseline with %.4g%% confidence intervals%s.\n",
                comparison.confidence * 100.0,
                k > 2 ? " (Bonferroni-adjusted for the comparisons)" : "");
    bool any_without_interval = false;
    for (const record::PairComparison& pair : comparison.pairs) {
        std::printf("\nA = %s   B = %s\n", pair.baseline.c_str(), pair.scenario.c_str());
        std::printf("%-36s %-16s %12s %12s %12s  %-26s %s\n", "metric", "unit", "A", "B", "B - A",
                    "CI of B - A", "verdict");
        for (const record::MetricComparison& m : pair.metrics) {
            const std::string ci = format_interval(m.ci_low, m.ci_high, true);
            any_without_interval = any_without_interval || ci == "n/a";
            const char* colour = m.verdict == "better"  ? colours.better
                                 : m.verdict == "worse" ? colours.worse
                                                        : colours.dim;
            std::printf("%-36s %-16s %12s %12s %12s  %-26s %s%s%s\n", m.name.c_str(),
                        display_unit(m.unit).c_str(), format_human(m.baseline_mean).c_str(),
                        format_human(m.scenario_mean).c_str(),
                        format_human(m.difference, true).c_str(), ci.c_str(), colour,
                        m.verdict.c_str(), colours.reset);
        }
    }
    if (any_without_interval) {
        std::printf(
            "\nn/a: no confidence interval; it needs at least 2 paired replications "
            "(run with -r 2 or more).\n");
    }
    std::printf(
        "Means are per-replication averages over the measured period (after the "
        "warm-up); /year = a year's worth, not a total over the run.\n");
}

}  // namespace

int compare_command(const CompareCommand& command) {
    std::vector<scenario::Scenario> scenarios;
    for (const std::string& path : command.scenario_paths) {
        scenario::LoadResult loaded = scenario::load_scenario(path, command.settings.overrides);
        if (!loaded.scenario) {
            return report_load_failure(loaded, path);
        }
        print_warnings(*loaded.scenario, path);
        scenarios.push_back(std::move(*loaded.scenario));
    }
    // Common random numbers need one seed and one replication count for every scenario: the
    // command line's, else the first scenario's.
    const std::uint64_t seed = command.settings.seed.value_or(scenarios.front().seed);
    const std::size_t replications =
        command.settings.replications.value_or(scenarios.front().replications);

    std::vector<ModelBinding> models;
    models.reserve(scenarios.size());
    for (const scenario::Scenario& s : scenarios) {
        models.push_back(bind_model(s, &interrupt_flag()));
    }
    if (const std::string problem = unknown_metric(command.metrics, models.front().layout.metrics);
        !problem.empty()) {
        std::fprintf(stderr, "cssim: %s\n", problem.c_str());
        return kExitUsage;
    }
    const bool write_outputs = !command.out_dir.empty();
    try {
        std::optional<StagedDirectory> folder;
        if (write_outputs) {
            folder.emplace(command.out_dir, command.force,
                           std::vector<fs::path>(command.scenario_paths.begin(),
                                                 command.scenario_paths.end()));
        }
        std::vector<const ModelBinding*> bindings;
        for (const ModelBinding& m : models) {
            bindings.push_back(&m);
        }
        // Series and post tracks only when they will be written: a printed comparison needs
        // the metrics alone, which is much faster.
        BatchResult batch = run_replications(bindings, command.settings, seed, replications,
                                             write_outputs ? 1 : 0, write_outputs, "compare");

        std::vector<record::MetricInfo> metric_info = models.front().layout.metrics;
        std::vector<std::string> names;
        for (const scenario::Scenario& s : scenarios) {
            names.push_back(s.name);
        }
        const record::Comparison comparison =
            compare_paired(names, batch.records, metric_info, seed, 0.95);

        const record::Comparison shown = select_metrics(comparison, command.metrics);
        if (command.by_year && command.json) {
            const std::string json =
                comparison_by_year_json(names, batch.records, metric_info, command.metrics, seed);
            std::fwrite(json.data(), 1, json.size(), stdout);
        } else if (command.by_year) {
            print_compare_by_year(names, batch.records, metric_info, command.metrics, seed);
        } else if (command.json) {
            const std::string json = record::comparison_json(shown);
            std::fwrite(json.data(), 1, json.size(), stdout);
        } else {
            print_table(shown, colours_for(command.colour));
        }
        if (folder) {
            std::map<std::string, int> used;
            for (std::size_t s = 0; s < scenarios.size(); ++s) {
                std::string sub = safe_file_name(scenarios[s].name);
                if (used[sub]++ > 0) {
                    sub += "-" + std::to_string(used[sub]);
                }
                const fs::path dir = folder->staging() / sub;
                fs::create_directories(dir);
                write_run_folder(
                    dir,
                    make_run_info(scenarios[s], models[s], command.settings, seed,
                                  batch.records[s].size(), batch.wall_seconds, batch.cancelled),
                    batch.records[s]);
            }
            record::write_text_file_atomically(folder->staging() / "comparison.json",
                                               record::comparison_json(comparison));
            folder->publish();
            if (!command.settings.quiet) {
                std::fprintf(stderr, "cssim: runs and comparison.json written to %s\n",
                             command.out_dir.c_str());
            }
        }
        return batch.cancelled ? kExitInterrupted : kExitOk;
    } catch (const OutputExistsError& error) {
        return report_failure(error);
    } catch (const record::OutputError& error) {
        return report_failure(error);
    }
}

}  // namespace cssim::cli
