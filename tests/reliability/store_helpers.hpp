#pragma once
// Helpers of the issue-15 reliability tests (stores, sweeps and output folders): a small queue
// sweep, a child process that runs in the background, and raw SQL on a results store.
#include <sqlite3.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "subprocess.hpp"

namespace cssim::testing {

/** @brief Writes `text` to `path`; returns the path. */
std::string write_text(const std::string& path, const std::string& text);

/**
 * @brief Writes `dir`/q.json (an M/M/2 queue of `horizon` days) and `dir`/sweep.json (servers
 * {2,3} x arrival.mean 3 steps = 6 points, `replications` each); returns the sweep's path.
 * `factors` replaces the factor list when not empty.
 */
std::string small_sweep(const std::string& dir, int replications = 4, int horizon = 2000,
                        const std::string& factors = "", const std::string& design = "");

/** @brief A process started in the background, its stdout and stderr in files. */
struct Background {
    pid_t pid = -1;
    std::string out_path;
    std::string err_path;
};

/** @brief Starts argv without waiting. */
Background start_process(const std::vector<std::string>& argv, const std::string& name);
/** @brief Waits for it; exit code (128 + signal if killed), stdout and stderr. */
ProcessResult wait_process(const Background& process);

/** @brief Runs SQL on an SQLite file; returns false (and fails the test) on error. */
bool run_sql(const std::string& path, const std::string& sql);

/** @brief Waits up to `seconds` for `path` to exist. */
bool wait_for_file(const std::string& path, double seconds);

}  // namespace cssim::testing
