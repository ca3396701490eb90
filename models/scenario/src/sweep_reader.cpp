// Sweep files (`cssim sweep`) and the sweep state a sweep directory keeps: read with the same
// declarative reader as scenarios, so every problem comes with its JSON path.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "cssim/scenario/sha256.hpp"
#include "cssim/scenario/sweep.hpp"
#include "document_loader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

using nlohmann::json;

namespace {

/** @brief Guards against typos such as 1e9 replications. */
constexpr std::size_t kMaxSweepReplications = 1'000'000;
constexpr std::size_t kMaxFactors = 1'000;

/** @brief a * b, or kMaxSweepJobs + 1 when that is larger (no overflow). */
std::size_t capped_product(std::size_t a, std::size_t b) {
    constexpr std::size_t cap = kMaxSweepJobs + 1;
    if (a == 0 || b == 0)
        return 0;
    return a > cap / b ? cap : std::min(cap, a * b);
}

/** @brief "a.b[0]" -> "a": the top-level scenario key a path changes. */
std::string first_key(const std::string& path) {
    return path.substr(0, path.find_first_of(".["));
}

/**
 * @brief Why a path may not be varied or set by a sweep ("" if it may): a malformed path, or a
 * key the sweep itself decides (every point runs the sweep's replications with its seed).
 */
std::string path_problem(const std::string& path) {
    if (!is_valid_override_path(path))
        return "'" + path +
               "' is not a scenario path (expected e.g. arrival.mean or stages[2].name)";
    const std::string key = first_key(path);
    if (key == "seed" || key == "replications")
        return "'" + key + "' cannot be varied or set per point: every point runs the sweep's " +
               "own \"" + key + "\" (set it at the top of the sweep file)";
    if (key == "model" || key == "extends")
        return "'" + key + "' cannot be varied or set per point (every point is the base " +
               "scenario with values changed)";
    return "";
}

std::string resolve_relative(const std::string& sweep_path, const std::string& target) {
    const std::filesystem::path p(target);
    if (p.is_absolute())
        return target;
    return (std::filesystem::path(sweep_path).parent_path() / p).lexically_normal().string();
}

void read_factor(ObjectReader& r, SweepFactor& factor) {
    r.string("path", factor.path,
             {.required = true,
              .min_items = 1,
              .doc = "Scenario value to vary, as written after --set (e.g. "
                     "admin_support.workers_per_pa)"});
    r.number_array(
        "levels", factor.levels,
        {.min_items = 1, .doc = "Explicit levels (grid: every one; lhs: one per stratum)"});
    std::vector<double> range;
    r.number_array(
        "range", range,
        {.min_items = 2, .max_items = 2, .doc = "[min, max] for lhs, morris, or grid with steps"});
    r.integer(
        "steps", factor.steps,
        {.range = Range::closed(2, 100000), .doc = "grid over a range: levels, equally spaced"});
    r.boolean("integer", factor.is_integer, {.doc = "Round values to integers"});
    if (r.is_schema())
        return;
    if (range.size() == 2) {
        factor.has_range = true;
        factor.low = range[0];
        factor.high = range[1];
        if (!(range[0] < range[1]))
            r.error("range", "min must be < max (got [" + format_number(range[0]) + ", " +
                                 format_number(range[1]) + "])");
    }
    if (r.has("levels") && r.has("range"))
        r.error("", "give either levels or range, not both");
    if (r.has("steps") && !r.has("range"))
        r.error("steps", "only applies with a range");
}

void read_design(ObjectReader& r, SweepDesign& design) {
    static constexpr std::string_view kTypes[] = {"grid", "lhs", "morris"};
    r.choice("type", design.type, kTypes,
             {.required = true,
              .doc = "grid (every combination), lhs (Latin hypercube) or morris (elementary "
                     "effects)"});
    r.integer("points", design.points,
              {.range = Range::closed(1, kMaxSweepDesignPoints), .doc = "lhs: design points"});
    r.integer("trajectories", design.trajectories,
              {.range = Range::closed(1, 100000), .doc = "morris: trajectories r"});
    r.integer("levels", design.levels,
              {.range = Range::closed(2, 1000), .doc = "morris: grid levels p (even; default 4)"});
    r.integer("seed", design.seed, {.doc = "lhs, morris: seed of the design (default 1)"});
    if (r.is_schema())
        return;
    if (design.type == "lhs" && !r.has("points"))
        r.error("points", "required field is missing (a Latin hypercube needs a point count)");
    if (design.type == "morris" && !r.has("trajectories"))
        r.error("trajectories", "required field is missing (Morris needs a trajectory count)");
    if (design.type == "morris" && design.levels % 2 != 0)
        r.error("levels", "must be even, so that the step p/(2(p-1)) is on the grid (got " +
                              std::to_string(design.levels) + ")");
    if (design.type != "lhs" && r.has("points"))
        r.error("points", "only applies to lhs");
    if (design.type != "morris" && (r.has("trajectories") || r.has("levels")))
        r.error(r.has("levels") ? "levels" : "trajectories", "only applies to morris");
}

void check_factors(ObjectReader& root, Sweep& sweep, const json& document) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < sweep.factors.size(); ++i) {
        const SweepFactor& f = sweep.factors[i];
        const std::string at = "factors[" + std::to_string(i) + "]";
        if (!f.path.empty() && !seen.insert(f.path).second)
            root.error(at + ".path", "factor '" + f.path + "' is listed twice");
        if (const std::string problem = f.path.empty() ? "" : path_problem(f.path);
            !problem.empty())
            root.error(at + ".path", problem);
        const json& item = document["factors"][i];
        const bool has_levels = item.contains("levels");
        const bool has_range = item.contains("range");
        const std::string& type = sweep.design.type;
        if (type == "csv")
            continue;  // the CSV gives the values
        if (!has_levels && !has_range) {
            root.error(at, "needs levels or a range");
        } else if (type == "grid" && has_range && !item.contains("steps")) {
            root.error(at + ".steps",
                       "required field is missing (a grid over a range needs a step count; or "
                       "give levels)");
        } else if (type == "morris" && !has_range) {
            root.error(at + ".range", "required field is missing (Morris samples a range)");
        }
    }
}

/**
 * @brief Refuses a design larger than kMaxSweepDesignPoints points or kMaxSweepJobs jobs,
 * computed from the counts alone (nothing is generated before this passes).
 */
void check_design_size(ObjectReader& root, const Sweep& sweep) {
    const SweepDesign& d = sweep.design;
    std::size_t points = 0;
    std::string at;
    std::string how;
    if (d.type == "grid") {
        points = 1;
        for (const SweepFactor& f : sweep.factors)
            points = capped_product(points, f.has_range ? f.steps : f.levels.size());
        at = "factors";
        how = "the grid has " + std::string(points > kMaxSweepJobs ? "more than " : "") +
              std::to_string(std::min(points, kMaxSweepJobs)) +
              " points (the product of the factors' level counts)";
    } else if (d.type == "morris") {
        points = capped_product(d.trajectories, sweep.factors.size() + 1);
        at = "design.trajectories";
        how = "Morris gives trajectories x (factors + 1) = " +
              std::string(points > kMaxSweepJobs ? "more than " : "") +
              std::to_string(std::min(points, kMaxSweepJobs)) + " points";
    } else if (d.type == "lhs") {
        points = d.points;
    } else {
        return;  // csv: counted when read (the same limits)
    }
    if (points > kMaxSweepDesignPoints) {
        root.error(at, how + ", above the limit of " + std::to_string(kMaxSweepDesignPoints) +
                           " design points");
        return;
    }
    const std::size_t jobs = capped_product(points, sweep.replications);
    if (jobs > kMaxSweepJobs)
        root.error("replications", std::to_string(points) + " design points x " +
                                       std::to_string(sweep.replications) +
                                       " replications is above the limit of " +
                                       std::to_string(kMaxSweepJobs) + " jobs");
}

}  // namespace

SweepLoadResult load_sweep_text(const std::string& text, const std::string& source_path) {
    SweepLoadResult result;
    std::vector<Diagnostic>& diagnostics = result.diagnostics;
    std::optional<json> document = parse_scenario_text(text, source_path, diagnostics);
    if (!document)
        return result;
    if (!document->is_object()) {
        Diagnostic problem;
        problem.message = "a sweep file must be a JSON object";
        diagnostics.push_back(std::move(problem));
        return result;
    }
    Sweep sweep;
    sweep.source_path = source_path;
    std::string base;
    std::string design_csv;
    {
        ObjectReader root = ObjectReader::for_document(*document, diagnostics);
        root.string("name", sweep.name, {.min_items = 1, .doc = "Sweep name (default: file stem)"});
        std::string description;
        root.string("description", description, {.doc = "Free text for people"});
        root.string(
            "base", base,
            {.required = true, .min_items = 1, .doc = "Base scenario, relative to the sweep file"});
        root.accept("set", "Fixed overrides applied to every point: {\"path\": value}");
        root.array(
            "factors", {.required = true, .min_items = 1, .max_items = kMaxFactors},
            [&](ObjectReader& r, std::size_t) { read_factor(r, sweep.factors.emplace_back()); });
        root.object("design", {}, [&](ObjectReader& r) { read_design(r, sweep.design); });
        root.string("design_csv", design_csv,
                    {.min_items = 1,
                     .doc = "Design matrix: one row per point, a header of factor paths in "
                            "factor order (instead of design)"});
        root.integer("replications", sweep.replications,
                     {.range = Range::closed(1, kMaxSweepReplications),
                      .doc = "Replications per design point"});
        root.integer("seed", sweep.seed, {.doc = "Master seed (same for every point: CRN)"});
        if (root.has("design") == root.has("design_csv"))
            root.error(root.has("design") ? "design_csv" : "design",
                       root.has("design") ? "give either design or design_csv, not both"
                                          : "required field is missing (or give design_csv)");
        if (root.has("design_csv"))
            sweep.design.type = "csv";
        if (document->contains("set")) {
            const json& set = (*document)["set"];
            if (!set.is_object()) {
                root.error("set", "must be an object of path: value");
            } else {
                for (const auto& [path, value] : set.items()) {
                    if (const std::string problem = path_problem(path); !problem.empty())
                        root.error("set." + path, problem);
                    sweep.fixed_overrides.push_back(path + "=" + value.dump());
                }
            }
        }
        if (document->contains("factors") && (*document)["factors"].is_array() &&
            (*document)["factors"].size() == sweep.factors.size()) {
            check_factors(root, sweep, *document);
            if (root.has("design") && sweep.design.type != "csv")
                check_design_size(root, sweep);
        }
        root.finish();
    }
    if (!diagnostics.empty())
        return result;
    if (sweep.name.empty()) {
        sweep.name = std::filesystem::path(source_path).stem().string();
        if (sweep.name.empty())
            sweep.name = "sweep";
    }
    sweep.base_path = resolve_relative(source_path, base);
    if (!design_csv.empty())
        sweep.design.csv_path = resolve_relative(source_path, design_csv);
    sweep.canonical_json = document->dump(-1, ' ', false, json::error_handler_t::replace);
    sweep.sha256 = sha256_hex(sweep.canonical_json);
    result.sweep = std::move(sweep);
    return result;
}

SweepLoadResult load_sweep(const std::string& path) {
    SweepLoadResult result;
    bool is_too_large = false;
    const std::optional<std::string> text =
        read_scenario_file(path, result.diagnostics, &is_too_large);
    if (!text) {
        result.is_missing_input = !is_too_large;
        return result;
    }
    return load_sweep_text(*text, path);
}

}  // namespace cssim::scenario
