// `cssim reps`: how many replications a study needs. Runs a pilot and applies the
// confidence-interval method (Law 2015, §9.4.1) to each metric's pilot mean and sd.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "batch.hpp"
#include "commands.hpp"
#include "cssim/core/statistics.hpp"
#include "cssim/record/run_outputs.hpp"
#include "exit_codes.hpp"
#include "interrupt.hpp"
#include "number_format.hpp"
#include "run_support.hpp"
#include "scenario_loading.hpp"

namespace cssim::cli {

int reps_command(const RepsCommand& command) {
    std::map<std::string, double> absolute;
    for (const std::string& target : command.targets) {
        const auto eq = target.find('=');
        char* end = nullptr;
        const double value =
            eq == std::string::npos ? 0.0 : std::strtod(target.c_str() + eq + 1, &end);
        if (eq == std::string::npos || eq == 0 || end == nullptr || *end != '\0' ||
            !(value > 0.0) || !std::isfinite(value)) {
            std::fprintf(stderr,
                         "cssim: --target-half-width wants metric=value with value > 0 (got "
                         "'%s')\n",
                         scenario::escape_control(target).c_str());
            return kExitUsage;
        }
        absolute[target.substr(0, eq)] = value;
    }
    if (!(command.relative > 0.0)) {
        std::fprintf(stderr, "cssim: --relative must be > 0\n");
        return kExitUsage;
    }
    const scenario::LoadResult loaded =
        scenario::load_scenario(command.scenario_path, command.settings.overrides);
    if (!loaded.scenario) {
        return report_load_failure(loaded, command.scenario_path);
    }
    print_warnings(*loaded.scenario, command.scenario_path);
    const scenario::Scenario& scenario = *loaded.scenario;
    const ModelBinding model = bind_model(scenario, &interrupt_flag());
    // Target names are checked against the model's metrics before the pilot runs.
    std::vector<std::string> known;
    for (const record::MetricInfo& m : model.layout.metrics) {
        known.push_back(m.name);
    }
    for (const auto& [name, value] : absolute) {
        if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
            const std::string guess = scenario::closest_name(name, known);
            std::fprintf(stderr, "cssim: --target-half-width: '%s' is not a metric of model '%s'",
                         scenario::escape_control(name).c_str(), scenario.model.c_str());
            if (!guess.empty()) {
                std::fprintf(stderr, "; did you mean '%s'?", guess.c_str());
            }
            std::fprintf(stderr, ". Its metrics are:");
            for (const std::string& n : known) {
                std::fprintf(stderr, " %s", n.c_str());
            }
            std::fprintf(stderr, "\n(nothing was run)\n");
            return kExitUsage;
        }
    }
    const std::uint64_t seed = command.settings.seed.value_or(scenario.seed);
    const BatchResult batch = run_replications({&model}, command.settings, seed, command.pilot, 0,
                                               false, scenario.name + " pilot");
    if (batch.cancelled) {
        std::fprintf(stderr, "cssim: interrupted during the pilot; nothing to report\n");
        return kExitInterrupted;
    }
    const std::vector<record::ReplicationRecord>& records = batch.records.front();
    std::vector<std::string> names;
    for (const record::ReplicationRecord& r : records) {
        for (const record::MetricValue& m : r.metrics) {
            if (std::find(names.begin(), names.end(), m.name) == names.end()) {
                names.push_back(m.name);
            }
        }
    }
    for (const auto& [name, value] : absolute) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            std::fprintf(stderr,
                         "cssim: --target-half-width: '%s' is not a metric of model '%s'; "
                         "its metrics are:",
                         scenario::escape_control(name).c_str(), scenario.model.c_str());
            for (const std::string& n : names) {
                std::fprintf(stderr, " %s", n.c_str());
            }
            std::fprintf(stderr, "\n");
            return kExitUsage;
        }
    }

    std::printf(
        "Pilot: %zu replications of '%s' (seed %llu). Replications needed for a 95%% "
        "CI half-width at the target\n(confidence-interval method: smallest n with "
        "t(n-1) * sd / sqrt(n) <= target, sd from the pilot).\n\n",
        records.size(), scenario.name.c_str(), static_cast<unsigned long long>(seed));
    std::printf("%-36s %12s %12s %12s %12s %9s\n", "metric", "mean", "sd", "half-width", "target",
                "needed");
    std::size_t most = 0;
    std::size_t near_zero = 0;
    std::string most_metric;
    for (const std::string& name : names) {
        std::vector<double> values;
        for (const record::ReplicationRecord& r : records) {
            for (const record::MetricValue& m : r.metrics) {
                if (m.name == name && std::isfinite(m.value)) {
                    values.push_back(m.value);
                }
            }
        }
        const core::ConfidenceInterval ci = core::mean_ci(values);
        const auto it = absolute.find(name);
        const bool is_absolute = it != absolute.end();
        if (!is_absolute && !absolute.empty()) {
            continue;  // with explicit targets, report only those metrics
        }
        const double target = is_absolute ? it->second : command.relative * std::abs(ci.mean);
        std::string needed = "n/a";
        // A relative target means nothing for a metric whose mean is within one sd of zero
        // (e.g. an overspend that is as often negative as positive): it would ask for
        // millions of replications. Such metrics need an absolute target.
        const bool is_near_zero = !is_absolute && std::abs(ci.mean) < ci.sd;
        if (is_near_zero) {
            needed = "absolute?";
            ++near_zero;
        } else if (ci.n >= 2 && target > 0.0 && std::isfinite(ci.sd)) {
            const std::size_t n = core::replications_needed(ci, target);
            needed = std::to_string(n);
            if (n > most) {
                most = n;
                most_metric = name;
            }
        }
        std::printf("%-36s %12s %12s %12s %12s %9s\n", name.c_str(), format_human(ci.mean).c_str(),
                    format_human(ci.sd).c_str(), format_human(ci.half_width()).c_str(),
                    (ci.n >= 2 && target > 0.0) ? format_human(target).c_str() : "n/a",
                    needed.c_str());
    }
    if (!most_metric.empty()) {
        const std::string scope =
            absolute.empty() ? " for every metric within " +
                                   record::format_number(command.relative * 100.0) + "% of its mean"
                             : std::string();
        std::printf("\nRecommendation: %zu replications (driven by %s)%s.\n", most,
                    most_metric.c_str(), scope.c_str());
    }
    if (near_zero > 0) {
        std::printf(
            "%zu metric%s marked absolute? have a mean within one sd of zero: give %s an "
            "absolute target with --target-half-width metric=value.\n",
            near_zero, near_zero == 1 ? "" : "s", near_zero == 1 ? "it" : "them");
    }
    return kExitOk;
}

}  // namespace cssim::cli
