#pragma once
// Runs a program as a child process for the CLI tests: captures stdout and stderr, returns the
// exit status, and can interrupt it after a delay.
#include <string>
#include <vector>

namespace cssim::testing {

struct ProcessResult {
    int exit_code = -1;  ///< exit status, or 128 + signal number if killed by a signal
    std::string out;
    std::string err;
};

/** @brief Runs argv[0] with arguments; `signal_after_ms` > 0 sends `signal` after that delay. */
ProcessResult run_process(const std::vector<std::string>& argv, int signal_after_ms = 0,
                          int signal = 0, const std::string& working_dir = "");

/** @brief Reads a whole file ("" if missing). */
std::string read_file(const std::string& path);

/** @brief A fresh empty directory under the build tree, removed first if it exists. */
std::string fresh_directory(const std::string& name);

}  // namespace cssim::testing
