#pragma once
/**
 * @file commands.hpp
 * @brief The subcommands of `cssim`. Each returns the process exit code (exit_codes.hpp); data
 * goes to stdout, progress and diagnostics to stderr.
 */
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cssim::cli {

/** @brief Options shared by every command that runs replications. */
struct RunSettings {
    std::optional<std::size_t> replications;  ///< overrides the scenario's own
    std::optional<std::uint64_t> seed;        ///< overrides the scenario's own
    int threads = 0;                          ///< 0 = every core
    std::vector<std::string> overrides;       ///< --set path=value, in order
    std::string progress = "auto";            ///< auto | bar | plain | jsonl | quiet
    bool quiet = false;
    std::string command_line;  ///< for the manifest
};

struct RunCommand {
    std::string scenario_path;
    RunSettings settings;
    std::string out_dir;  ///< empty: results/<name>-<timestamp>
    bool force = false;
    std::size_t detail_replications = 1;
};

struct CompareCommand {
    std::vector<std::string> scenario_paths;
    RunSettings settings;
    std::string out_dir;  ///< empty: print only; else one sub-folder per scenario + comparison.json
    bool force = false;
    bool json = false;
    std::string colour = "auto";  ///< auto | always | never
};

int run_command(const RunCommand& command);
int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides);
int schema_command();
int compare_command(const CompareCommand& command);

}  // namespace cssim::cli
