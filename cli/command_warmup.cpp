// `cssim warmup`: where the initial transient ends. Averages one per-day series over the
// replications (Welch's procedure), applies MSER-5 to the averaged series, and prints the
// Welch moving-average data as CSV for a plot.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "batch.hpp"
#include "commands.hpp"
#include "cssim/core/statistics.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/run_outputs.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "number_format.hpp"
#include "run_support.hpp"
#include "scenario_loading.hpp"

namespace cssim::cli {

int warmup_command(const WarmupCommand& command) {
    const scenario::LoadResult loaded =
        scenario::load_scenario(command.scenario_path, command.settings.overrides);
    if (!loaded.scenario) {
        return report_load_failure(loaded, command.scenario_path);
    }
    print_warnings(*loaded.scenario, command.scenario_path);
    const scenario::Scenario& scenario = *loaded.scenario;
    const ModelBinding model = bind_model(scenario, &interrupt_flag());
    const std::uint64_t seed = command.settings.seed.value_or(scenario.seed);
    const std::size_t reps = command.settings.replications.value_or(5);
    const std::vector<std::string>& series = model.series_names;
    if (!command.metric.empty() &&
        std::find(series.begin(), series.end(), command.metric) == series.end()) {
        // Checked before anything runs, with a suggestion.
        const std::string guess = scenario::closest_name(command.metric, series);
        std::fprintf(stderr, "cssim: --metric: '%s' is not a series of model '%s'",
                     scenario::escape_control(command.metric).c_str(), scenario.model.c_str());
        if (!guess.empty()) {
            std::fprintf(stderr, "; did you mean '%s'?", guess.c_str());
        }
        std::fprintf(stderr, ". Its series are:");
        for (const std::string& name : series) {
            std::fprintf(stderr, " %s", name.c_str());
        }
        std::fprintf(stderr, "\n(nothing was run)\n");
        return kExitUsage;
    }

    const BatchResult batch = run_replications({&model}, command.settings, seed, reps, 0, true,
                                               scenario.name + " warm-up");
    if (batch.cancelled) {
        std::fprintf(stderr, "cssim: interrupted; nothing to report\n");
        return kExitInterrupted;
    }
    const std::vector<record::ReplicationRecord>& records = batch.records.front();
    if (records.empty() || records.front().series.empty()) {
        std::fprintf(stderr, "cssim: model '%s' records no per-day series\n",
                     scenario.model.c_str());
        return kExitInvalidScenario;
    }
    const std::string metric =
        command.metric.empty() ? records.front().series.front().name : command.metric;

    // Welch: average the series over replications day by day (over the shortest copy).
    std::vector<double> mean;
    std::int64_t first_day = 0;
    std::size_t copies = 0;
    for (const record::ReplicationRecord& r : records) {
        for (const record::Series& s : r.series) {
            if (s.name != metric) {
                continue;
            }
            const std::vector<double> values = record::series_values(s);
            if (copies == 0) {
                mean = values;
                first_day = s.first_day;
            } else {
                mean.resize(std::min(mean.size(), values.size()));
                for (std::size_t d = 0; d < mean.size(); ++d) {
                    mean[d] += values[d];
                }
            }
            ++copies;
        }
    }
    if (copies == 0) {
        std::fprintf(stderr, "cssim: --metric: '%s' is not a series of this model; its series are:",
                     scenario::escape_control(metric).c_str());
        for (const record::Series& s : records.front().series) {
            std::fprintf(stderr, " %s", s.name.c_str());
        }
        std::fprintf(stderr, "\n");
        return kExitUsage;
    }
    for (double& x : mean) {
        x /= static_cast<double>(copies);
    }
    const std::size_t window =
        command.window > 0 ? command.window : std::max<std::size_t>(1, mean.size() / 40);
    const std::vector<double> smooth = core::welch_moving_average(mean, window);
    const std::size_t cut = core::mser5_truncation(mean);
    const double cut_day = static_cast<double>(first_day) + static_cast<double>(cut);

    std::string csv = "day,mean,moving_average\n";
    for (std::size_t d = 0; d < mean.size(); ++d) {
        csv += std::to_string(first_day + static_cast<std::int64_t>(d)) + "," +
               record::format_number(mean[d]) + "," +
               (d < smooth.size() ? record::format_number(smooth[d]) : std::string()) + "\n";
    }
    // The recommendation goes to stdout when the CSV goes to a file, else to stderr so that
    // `cssim warmup ... > welch.csv` gives a clean CSV.
    std::FILE* text = stdout;
    if (command.csv_path.empty()) {
        std::fputs(csv.c_str(), stdout);
        text = stderr;
    } else {
        try {
            record::write_text_file_atomically(command.csv_path, csv);
        } catch (const record::OutputError& error) {
            return report_failure(error);
        }
    }
    const double years = cut_day / 365.25;
    std::fprintf(text,
                 "Warm-up of '%s', series '%s': %zu replications, %zu days, Welch window %zu "
                 "days.\nMSER-5 truncation of the replication-averaged series: %zu days (day "
                 "%.0f), %.2f years.\n",
                 scenario.name.c_str(), metric.c_str(), copies, mean.size(), window, cut, cut_day,
                 years);
    if (scenario.department) {
        std::fprintf(text,
                     "Recommendation: run.warmup_years >= %.2f (the scenario has %.2f); check "
                     "the plot of the moving average too.\n",
                     std::ceil(years * 4.0) / 4.0, scenario.department->run.warmup_years);
    } else if (scenario.queue) {
        std::fprintf(text,
                     "Recommendation: warmup_days >= %.0f (the scenario has %s); check the plot "
                     "of the moving average too.\n",
                     std::ceil(cut_day),
                     record::format_number(scenario.queue->warmup_days).c_str());
    }
    if (cut > 0 && cut * 2 + 10 >= mean.size()) {
        std::fprintf(text,
                     "Warning: the truncation point is at MSER-5's limit (half the series): "
                     "the run may be too short, or the series may not settle.\n");
    }
    return kExitOk;
}

}  // namespace cssim::cli
