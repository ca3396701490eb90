#pragma once
/**
 * @file recent_runs.hpp
 * @brief Run archives found under a results directory, newest first.
 */
#include <filesystem>
#include <string>
#include <vector>

namespace cssim::viewer {

/** @brief One archive found on disk. */
struct RecentRun {
    std::filesystem::path archive;  ///< .../run.sqlite
    std::string label;              ///< path of its directory relative to the results root
    std::filesystem::file_time_type modified;
};

/**
 * @brief Finds run.sqlite files in `results_root` and up to two directory levels below it
 * (a run directory, or a sweep's point directories), newest first, at most `limit`.
 * A missing root gives an empty list.
 */
std::vector<RecentRun> find_recent_runs(const std::filesystem::path& results_root,
                                        std::size_t limit = 50);

}  // namespace cssim::viewer
