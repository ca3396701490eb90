// The sweep state (sweep-state.json in a sweep directory) and the sweep manifest, as JSON.
#include <cmath>

#include "cssim/scenario/sweep.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

using nlohmann::json;

namespace {

constexpr const char* kStateFormat = "cssim-sweep-state";
constexpr int kStateVersion = 1;

json state_object(const SweepState& s) {
    json factors = json::array();
    for (std::size_t i = 0; i < s.factor_paths.size(); ++i) {
        json f{{"path", s.factor_paths[i]}};
        if (i < s.factor_low.size() && i < s.factor_high.size()) {
            f["low"] = s.factor_low[i];
            f["high"] = s.factor_high[i];
        }
        factors.push_back(std::move(f));
    }
    json sweep = json::parse(s.sweep_json, nullptr, false);
    if (sweep.is_discarded())
        sweep = s.sweep_json;
    return json{{"format", kStateFormat},
                {"version", kStateVersion},
                {"identity", s.identity},
                {"sweep_sha256", s.sweep_sha256},
                {"sweep_name", s.sweep_name},
                {"scenario_name", s.scenario_name},
                {"model", s.model},
                {"design", s.design},
                {"replications", s.replications},
                {"seed", s.seed},
                {"trajectories", s.trajectories},
                {"factors", std::move(factors)},
                {"points", s.points},
                {"task_index", s.task_index},
                {"task_count", s.task_count},
                {"sweep", std::move(sweep)}};
}

}  // namespace

std::string sweep_state_json(const SweepState& state) {
    return state_object(state).dump(2) + "\n";
}

std::optional<SweepState> parse_sweep_state(const std::string& text, std::string& error) {
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "not valid JSON";
        return std::nullopt;
    }
    if (doc.value("format", std::string()) != kStateFormat) {
        error = "not a cssim sweep state (format is not \"cssim-sweep-state\")";
        return std::nullopt;
    }
    try {
        if (doc.at("version").get<int>() > kStateVersion) {
            error = "written by a newer cssim (state version " +
                    std::to_string(doc.at("version").get<int>()) + ")";
            return std::nullopt;
        }
        SweepState s;
        s.identity = doc.at("identity").get<std::string>();
        s.sweep_sha256 = doc.at("sweep_sha256").get<std::string>();
        s.sweep_name = doc.at("sweep_name").get<std::string>();
        s.scenario_name = doc.at("scenario_name").get<std::string>();
        s.model = doc.at("model").get<std::string>();
        s.design = doc.at("design").get<std::string>();
        s.replications = doc.at("replications").get<std::size_t>();
        s.seed = doc.at("seed").get<std::uint64_t>();
        s.trajectories = doc.at("trajectories").get<std::size_t>();
        for (const json& f : doc.at("factors")) {
            s.factor_paths.push_back(f.at("path").get<std::string>());
            if (f.contains("low")) {
                s.factor_low.push_back(f.at("low").get<double>());
                s.factor_high.push_back(f.at("high").get<double>());
            }
        }
        s.points = doc.at("points").get<std::vector<std::vector<std::string>>>();
        s.task_index = doc.at("task_index").get<std::size_t>();
        s.task_count = doc.at("task_count").get<std::size_t>();
        const json& sweep = doc.at("sweep");
        s.sweep_json = sweep.is_string()
                           ? sweep.get<std::string>()
                           : sweep.dump(-1, ' ', false, json::error_handler_t::replace);
        for (const auto& row : s.points) {
            if (row.size() != s.factor_paths.size()) {
                error = "a design point has " + std::to_string(row.size()) + " values for " +
                        std::to_string(s.factor_paths.size()) + " factors";
                return std::nullopt;
            }
        }
        if (s.task_count == 0 || s.task_index >= s.task_count) {
            error = "task_index must be < task_count";
            return std::nullopt;
        }
        return s;
    } catch (const json::exception& e) {
        error = std::string("malformed: ") + e.what();
        return std::nullopt;
    }
}

std::string sweep_manifest_json(const SweepState& s, const SweepProvenance& p) {
    json m{{"format", "cssim-sweep-manifest"},
           {"sweep_name", s.sweep_name},
           {"scenario_name", s.scenario_name},
           {"model", s.model},
           {"version", p.version},
           {"git_sha", p.git_sha},
           {"sweep_sha256", s.sweep_sha256},
           {"identity", s.identity},
           {"design", s.design},
           {"design_points", s.points.size()},
           {"replications_per_point", s.replications},
           {"jobs", p.jobs},
           {"master_seed", s.seed},
           {"factors", s.factor_paths},
           {"threads", p.threads},
           {"wall_seconds", std::isfinite(p.wall_seconds) ? json(p.wall_seconds) : json()},
           {"command_line", p.command_line},
           {"created_utc", p.created_utc},
           {"status", p.status},
           {"stream_names", p.stream_names}};
    json sweep = json::parse(s.sweep_json, nullptr, false);
    m["sweep"] = sweep.is_discarded() ? json(s.sweep_json) : sweep;
    if (!p.base_scenario_json.empty()) {
        json base = json::parse(p.base_scenario_json, nullptr, false);
        m["base_scenario"] = base.is_discarded() ? json(p.base_scenario_json) : base;
    }
    return m.dump(2) + "\n";
}

}  // namespace cssim::scenario
