#pragma once
/**
 * @file sweep_plan.hpp
 * @brief From a sweep file to the scenarios of its design points, and from finished jobs to
 * the sweep's outputs. Shared by `cssim sweep` and `cssim merge`.
 *
 * Jobs: job j is (design point j / R, replication j % R) with R replications per point; every
 * point uses the sweep's master seed, so replication r draws the same streams at every point
 * (common random numbers across the design). Shard I of N owns the jobs with j % N == I.
 */
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "cssim/record/results_store.hpp"
#include "cssim/record/run_data.hpp"
#include "cssim/scenario/scenario.hpp"
#include "cssim/scenario/sweep.hpp"

namespace cssim::cli {

/** @brief Everything needed to run a sweep. */
struct SweepPlan {
    scenario::SweepState state;
    std::vector<scenario::Scenario> scenarios;  ///< one per design point
    std::string base_scenario_json;
    std::vector<std::string> stream_names;
};

/** @brief File names inside a sweep directory. */
inline constexpr const char* kSweepStateFile = "sweep-state.json";
inline constexpr const char* kSweepStoreFile = "results.sqlite";

/**
 * @brief Loads the base scenario, builds the design and loads every point (all validated before
 * anything runs). On failure prints the problems to stderr and returns the exit code (64, 65 or
 * 66); 0 on success.
 */
int build_sweep_plan(const scenario::Sweep& sweep, SweepPlan& plan);

/** @brief A whole file ("" if it cannot be read). */
std::string read_text_file(const std::filesystem::path& path);

/** @brief Total jobs of the sweep: points x replications. */
std::size_t sweep_job_count(const scenario::SweepState& state);
/** @brief The key of job j. */
record::JobKey sweep_job_key(const scenario::SweepState& state, std::size_t job);
/** @brief Job number of a key. */
std::size_t sweep_job_index(const scenario::SweepState& state, record::JobKey key);

/** @brief design.csv: `design_point` then one column per factor. */
std::string design_csv(const scenario::SweepState& state);

/**
 * @brief Writes replications.csv, points.csv, summary.json, manifest.json (and morris.csv for a
 * Morris design) into `folder`, each atomically. `records` must hold every job.
 * Everything but manifest.json depends only on the state and the records.
 */
void write_sweep_outputs(const std::filesystem::path& folder, const scenario::SweepState& state,
                         const std::vector<record::ReplicationRecord>& records,
                         const scenario::SweepProvenance& provenance);

}  // namespace cssim::cli
