#include "sweep_plan.hpp"

#include <cstdio>
#include <limits>

#include "cssim/record/atomic_file.hpp"
#include "cssim/record/run_outputs.hpp"
#include "cssim/scenario/sha256.hpp"
#include "exit_codes.hpp"
#include "interrupt.hpp"
#include "model_binding.hpp"
#include "scenario_loading.hpp"
#include "sweep_design.hpp"

namespace cssim::cli {

namespace {

/** @brief Prints a load failure of the base or a point, returning its exit code. */
int report(const scenario::LoadResult& result, const std::string& what) {
    for (const scenario::Diagnostic& d : result.diagnostics) {
        std::fprintf(stderr, "%s: %s\n", what.c_str(), scenario::format_diagnostic(d).c_str());
    }
    if (result.is_missing_input) {
        return kExitMissingInput;
    }
    return result.is_bad_command_line ? kExitUsage : kExitInvalidScenario;
}

DesignMatrix make_design(const scenario::Sweep& sweep) {
    const scenario::SweepDesign& d = sweep.design;
    if (d.type == "lhs") {
        return lhs_design(sweep.factors, d.points, d.seed);
    }
    if (d.type == "morris") {
        return morris_design(sweep.factors, d.trajectories, d.levels, d.seed);
    }
    if (d.type == "csv") {
        std::vector<std::string> paths;
        for (const scenario::SweepFactor& f : sweep.factors) {
            paths.push_back(f.path);
        }
        return read_design_csv(sweep.design.csv_path, paths);
    }
    return grid_design(sweep.factors);
}

}  // namespace

int build_sweep_plan(const scenario::Sweep& sweep, SweepPlan& plan) {
    const scenario::LoadResult base =
        scenario::load_scenario(sweep.base_path, sweep.fixed_overrides);
    if (!base.scenario) {
        std::fprintf(stderr, "%s: base scenario %s has problems:\n", sweep.source_path.c_str(),
                     sweep.base_path.c_str());
        return report(base, sweep.base_path);
    }
    print_warnings(*base.scenario, sweep.base_path);
    DesignMatrix design;
    try {
        design = make_design(sweep);
    } catch (const DesignInputMissing& error) {
        std::fprintf(stderr, "cssim: %s\n", error.what());
        return kExitMissingInput;
    } catch (const DesignError& error) {
        std::fprintf(stderr, "cssim: %s\n", error.what());
        return kExitInvalidScenario;
    }
    if (design.values.size() * sweep.replications > scenario::kMaxSweepJobs) {
        std::fprintf(stderr,
                     "%s: replications: %zu design points x %zu replications is above the limit "
                     "of %zu jobs\n",
                     sweep.source_path.c_str(), design.values.size(), sweep.replications,
                     scenario::kMaxSweepJobs);
        return kExitInvalidScenario;
    }
    scenario::SweepState& s = plan.state;
    s.sweep_sha256 = sweep.sha256;
    s.sweep_name = sweep.name;
    s.scenario_name = base.scenario->name;
    s.model = base.scenario->model;
    s.design = sweep.design.type;
    s.replications = sweep.replications;
    s.seed = sweep.seed;
    s.trajectories = design.trajectories;
    s.sweep_json = sweep.canonical_json;
    for (const scenario::SweepFactor& f : sweep.factors) {
        s.factor_paths.push_back(f.path);
        if (sweep.design.type == "morris") {
            s.factor_low.push_back(f.low);
            s.factor_high.push_back(f.high);
        }
    }
    s.points = format_design(design, sweep.factors);
    plan.base_scenario_json = base.scenario->canonical_json;
    plan.stream_names = bind_model(*base.scenario).stream_names;

    // The identity covers what determines the results: the sweep, the resolved base scenario
    // (an edited base.json must not resume into old results) and the design matrix itself
    // (an edited design CSV neither).
    s.identity = scenario::sha256_hex("sweep\n" + sweep.canonical_json + "\nbase\n" +
                                      plan.base_scenario_json + "\ndesign\n" + design_csv(s));

    // Every point is the base with --set style overrides, validated before anything runs;
    // problems name the point and the factor path. Only the first failing point is printed
    // in full: a bad range usually fails many points the same way.
    // The base file is read once (it was just validated, so it is readable and within the size
    // limit), not once per point.
    const std::string base_text = read_text_file(sweep.base_path);
    std::size_t failed = 0;
    int code = 0;
    plan.scenarios.reserve(s.points.size());
    for (std::size_t k = 0; k < s.points.size(); ++k) {
        if (interrupt_flag().load()) {
            std::fprintf(stderr,
                         "cssim: interrupted while validating design point %zu of %zu; nothing "
                         "was run\n",
                         k, s.points.size());
            return kExitInterrupted;
        }
        std::vector<std::string> overrides = sweep.fixed_overrides;
        std::string label;
        for (std::size_t i = 0; i < s.factor_paths.size(); ++i) {
            overrides.push_back(s.factor_paths[i] + "=" + s.points[k][i]);
            label += (label.empty() ? "" : ", ") + s.factor_paths[i] + "=" + s.points[k][i];
        }
        scenario::LoadResult point =
            scenario::load_scenario_text(base_text, sweep.base_path, overrides);
        if (!point.scenario) {
            if (failed++ == 0) {
                code = report(point, sweep.source_path + ": design point " + std::to_string(k) +
                                         " (" + label + ")");
            }
            continue;
        }
        // Only the model configuration is needed to run the point: the resolved JSON text
        // (kilobytes per point) is dropped so that memory grows little with the design.
        point.scenario->canonical_json = std::string();
        point.scenario->description = std::string();
        plan.scenarios.push_back(std::move(*point.scenario));
    }
    if (failed > 0) {
        std::fprintf(stderr, "%s: %zu of %zu design points are invalid; nothing was run\n",
                     sweep.source_path.c_str(), failed, s.points.size());
        return code;
    }
    return 0;
}

std::string read_text_file(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.string().c_str(), "rb");
    if (f == nullptr) {
        return {};
    }
    std::string text;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        text.append(buffer, n);
    }
    std::fclose(f);
    return text;
}

std::size_t sweep_job_count(const scenario::SweepState& state) {
    return state.points.size() * state.replications;
}

record::JobKey sweep_job_key(const scenario::SweepState& state, std::size_t job) {
    return {job / state.replications, job % state.replications};
}

std::size_t sweep_job_index(const scenario::SweepState& state, record::JobKey key) {
    return static_cast<std::size_t>(key.design_point) * state.replications +
           static_cast<std::size_t>(key.replication);
}

std::string design_csv(const scenario::SweepState& state) {
    std::string text = "design_point";
    for (const std::string& path : state.factor_paths) {
        text += "," + record::csv_field(path);
    }
    text += "\n";
    for (std::size_t k = 0; k < state.points.size(); ++k) {
        text += std::to_string(k);
        for (const std::string& v : state.points[k]) {
            text += "," + record::csv_field(v);
        }
        text += "\n";
    }
    return text;
}

void write_sweep_outputs(const std::filesystem::path& folder, const scenario::SweepState& state,
                         const std::vector<record::ReplicationRecord>& records,
                         const scenario::SweepProvenance& provenance) {
    record::FactorColumns factors;
    factors.names = state.factor_paths;
    factors.values = state.points;
    const std::string& name = state.sweep_name;
    record::write_text_file_atomically(folder / "replications.csv",
                                       record::replications_csv(name, records, factors));
    record::write_text_file_atomically(folder / "points.csv",
                                       record::points_csv(name, records, factors));
    record::write_text_file_atomically(folder / "summary.json",
                                       record::summary_json(name, records));
    record::write_text_file_atomically(folder / "design.csv", design_csv(state));
    if (state.design == "morris") {
        const std::vector<record::PointSummary> summaries = record::summarize(records);
        std::vector<std::string> metrics;
        if (!summaries.empty()) {
            for (const record::MetricSummary& m : summaries.front().metrics) {
                metrics.push_back(m.name);
            }
        }
        std::vector<std::vector<double>> means(summaries.size(),
                                               std::vector<double>(metrics.size()));
        for (std::size_t k = 0; k < summaries.size(); ++k) {
            for (std::size_t m = 0; m < metrics.size(); ++m) {
                means[k][m] = std::numeric_limits<double>::quiet_NaN();
                for (const record::MetricSummary& ms : summaries[k].metrics) {
                    if (ms.name == metrics[m] && ms.n > 0) {
                        means[k][m] = ms.mean;
                    }
                }
            }
        }
        record::write_text_file_atomically(folder / "morris.csv",
                                           morris_csv(morris_effects(state, metrics, means)));
    }
    record::write_text_file_atomically(folder / "manifest.json",
                                       scenario::sweep_manifest_json(state, provenance));
}

}  // namespace cssim::cli
