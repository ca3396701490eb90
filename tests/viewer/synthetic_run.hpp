#pragma once
/**
 * @file synthetic_run.hpp
 * @brief Department-like run data for viewer tests, screenshots and measurements, made without
 * the department model: ~200 posts, ten years of days, ~60 series, a pathway graph and events.
 * The numbers are shaped like the model's outputs but mean nothing.
 */
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::viewer::testing {

/** @brief What to generate. `admin_support` switches between the two workshop presets. */
struct SyntheticSpec {
    std::string scenario_name = "synthetic_no_admin_support";
    std::string start_date = "2016-04-01";
    std::int64_t days = 3650;
    std::size_t posts = 200;
    std::size_t series = 60;  ///< total series, at least the named ones (~22)
    std::uint64_t replications = 3;
    std::uint64_t seed = 20240601;
    bool admin_support = false;
    /// Adds system-effect series (prevention/, inspection/, culture/, management/, churn/),
    /// their event kinds, and team managers who fall sick, leave and are replaced.
    bool system_effects = false;
};

/** @brief A generated run: its info and every replication. */
struct SyntheticRun {
    record::RunInfo info;
    std::vector<record::ReplicationRecord> replications;
};

/** @brief Generates a run deterministically from the spec. */
SyntheticRun make_synthetic_run(const SyntheticSpec& spec);

/** @brief Writes make_synthetic_run(spec) to dir/run.sqlite (creating dir) with ArchiveWriter. */
std::filesystem::path write_synthetic_archive(const std::filesystem::path& dir,
                                              const SyntheticSpec& spec);

}  // namespace cssim::viewer::testing
