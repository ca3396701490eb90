#pragma once
/**
 * @file sweep.hpp
 * @brief Sweep files (`cssim sweep SWEEP.json`): a base scenario, factors and a design, read with
 * the same path-precise diagnostics as scenarios; plus the sweep *state* a sweep directory keeps
 * (design matrix and identity) so that `cssim merge` can finish a sweep without the sweep file.
 *
 * A sweep file:
 * @code
 *   {"name": "pa_ratio", "base": "../base.json",            // relative to the sweep file
 *    "set": {"run.years": 5},                               // optional fixed overrides
 *    "factors": [{"path": "admin_support.workers_per_pa", "levels": [0, 3, 5]},
 *                {"path": "demand.referrals_per_10k_children_per_year", "range": [300, 450]}],
 *    "design": {"type": "lhs", "points": 20, "seed": 7},   // or grid, morris; or "design_csv"
 *    "replications": 5, "seed": 20230401}
 * @endcode
 * No JSON type appears here.
 */
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {

/**
 * @brief Most design points a sweep may have (grid, LHS, Morris or CSV rows), refused when the
 * sweep is read: every point is a validated scenario held in memory while the sweep runs.
 */
inline constexpr std::size_t kMaxSweepDesignPoints = 100'000;
/** @brief Most jobs (design points x replications) a sweep may have: the final outputs hold
 *  every job's metrics in memory at once. */
inline constexpr std::size_t kMaxSweepJobs = 1'000'000;

/** @brief One factor: a scenario value (a `--set` path) that the design varies. */
struct SweepFactor {
    std::string path;            ///< e.g. "admin_support.workers_per_pa"
    std::vector<double> levels;  ///< explicit levels (grid: all of them; lhs: one per stratum)
    double low = 0.0;            ///< range [low, high] when has_range
    double high = 0.0;
    bool has_range = false;
    std::size_t steps = 0;    ///< grid over a range: this many equally spaced levels
    bool is_integer = false;  ///< values are rounded to integers
};

/** @brief The design of a sweep. */
struct SweepDesign {
    std::string type = "grid";     ///< grid | lhs | morris | csv
    std::size_t points = 0;        ///< lhs
    std::size_t trajectories = 0;  ///< morris
    std::size_t levels = 4;        ///< morris: grid levels p (even)
    std::uint64_t seed = 1;        ///< lhs, morris
    std::string csv_path;          ///< csv: resolved against the sweep file's folder
};

/** @brief A loaded, validated sweep file. */
struct Sweep {
    std::string name;                          ///< `name`, or the file's stem
    std::string source_path;                   ///< as given
    std::string base_path;                     ///< resolved against the sweep file's folder
    std::vector<std::string> fixed_overrides;  ///< from "set", as "path=value", sorted by path
    std::vector<SweepFactor> factors;
    SweepDesign design;
    std::size_t replications = 10;
    std::uint64_t seed = 1;
    std::string canonical_json;  ///< the sweep file, sorted keys, compact
    std::string sha256;          ///< of canonical_json
};

/** @brief Outcome of load_sweep; as LoadResult. */
struct SweepLoadResult {
    std::optional<Sweep> sweep;
    std::vector<Diagnostic> diagnostics;
    bool is_missing_input = false;
};

/** @brief Reads and validates a sweep file (not its base scenario nor its design CSV). */
SweepLoadResult load_sweep(const std::string& path);
/** @brief As load_sweep, from text; `source_path` anchors relative paths. */
SweepLoadResult load_sweep_text(const std::string& text, const std::string& source_path);

/**
 * @brief What a sweep directory remembers about its sweep: enough to resume it, check that a
 * shard belongs to it, and write the final outputs (`cssim merge` needs nothing else).
 * points[k][i] is factor i at design point k, as printed in the CSVs and passed to `--set`.
 */
struct SweepState {
    std::string identity;  ///< SHA-256 over sweep, base scenario and design matrix
    std::string sweep_sha256;
    std::string sweep_name;
    std::string scenario_name;  ///< the base scenario's name
    std::string model;
    std::string design;  ///< grid | lhs | morris | csv
    std::size_t replications = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> factor_paths;
    std::vector<double> factor_low;  ///< morris: range per factor (for scaled effects)
    std::vector<double> factor_high;
    std::size_t trajectories = 0;  ///< morris
    std::vector<std::vector<std::string>> points;
    std::size_t task_index = 0;  ///< this directory's shard
    std::size_t task_count = 1;
    std::string sweep_json;  ///< the sweep file, canonical
};

/** @brief The state as JSON (indented, newline-terminated). */
std::string sweep_state_json(const SweepState& state);
/** @brief Parses sweep_state_json's output; nullopt with a message in `error` if malformed. */
std::optional<SweepState> parse_sweep_state(const std::string& text, std::string& error);

/** @brief Provenance of a finished sweep, for manifest.json. */
struct SweepProvenance {
    std::string version;
    std::string git_sha;
    std::string command_line;
    std::string created_utc;
    std::string status;  ///< complete | cancelled | merged
    std::size_t jobs = 0;
    std::size_t threads = 0;
    double wall_seconds = 0.0;
    std::vector<std::string> stream_names;
    std::string base_scenario_json;  ///< canonical resolved base scenario (may be empty)
};

/** @brief manifest.json of a sweep directory (format "cssim-sweep-manifest"). */
std::string sweep_manifest_json(const SweepState& state, const SweepProvenance& provenance);

}  // namespace cssim::scenario
