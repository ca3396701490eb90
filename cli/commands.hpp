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
    bool by_year = false;              ///< print each metric per financial year (and "all")
    std::vector<std::string> metrics;  ///< metrics to print, in this order (empty: all)
};

struct CompareCommand {
    std::vector<std::string> scenario_paths;
    RunSettings settings;
    std::string out_dir;  ///< empty: print only; else one sub-folder per scenario + comparison.json
    bool force = false;
    bool json = false;
    std::string colour = "auto";  ///< auto | always | never
    /// Metrics to print, in this order (empty: all); comparison.json keeps every metric.
    std::vector<std::string> metrics;
    bool by_year = false;  ///< print each metric per financial year (and "all")
};

/** @brief `cssim sweep SWEEP.json`: uses threads, progress, quiet and command_line only. */
struct SweepCommand {
    std::string sweep_path;
    RunSettings settings;
    std::string out_dir;                    ///< empty: results/sweep-<name>
    bool force = false;                     ///< discard an old sweep directory of another sweep
    std::optional<std::size_t> task_index;  ///< shard; else SLURM_ARRAY_TASK_ID - _MIN
    std::optional<std::size_t> task_count;  ///< else SLURM_ARRAY_TASK_COUNT
};

/** @brief `cssim merge DIR... --out DIR`. */
struct MergeCommand {
    std::vector<std::string> shard_dirs;
    std::string out_dir;
    bool force = false;
    std::string command_line;
};

/** @brief `cssim reps SCENARIO`. */
struct RepsCommand {
    std::string scenario_path;
    RunSettings settings;
    std::vector<std::string> targets;  ///< metric=half-width, absolute
    double relative = 0.05;            ///< else: half-width / |mean|
    std::size_t pilot = 10;
};

/** @brief `cssim warmup SCENARIO`. */
struct WarmupCommand {
    std::string scenario_path;
    RunSettings settings;    ///< replications default 5
    std::string metric;      ///< a series name; empty = the model's first series
    std::string csv_path;    ///< empty: the CSV goes to stdout
    std::size_t window = 0;  ///< Welch window in days; 0 = series length / 40
};

/** @brief `cssim workshop FILE [--decisions TABLE.json ...] --out DIR` (docs/workshop.md). */
struct WorkshopCommand {
    std::string workshop_path;
    std::vector<std::string> decision_paths;  ///< one table each; none: the default decisions
    std::optional<std::size_t> rounds;        ///< rounds to play (default: all of them)
    RunSettings settings;                     ///< seed, threads, progress, quiet, command_line
    std::string out_dir;
    bool force = false;
};

int run_command(const RunCommand& command);
/** @brief Plays a workshop headless: one run folder per table plus scoreboard.csv. */
int workshop_command(const WorkshopCommand& command);
/** @brief `cssim validate`: problems (exit 65), warnings on stderr (exit 65 only when `strict`),
 * then the council the scenario describes. */
int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides,
                     bool strict = false);
int schema_command();
int compare_command(const CompareCommand& command);
int sweep_command(const SweepCommand& command);
int merge_command(const MergeCommand& command);
int reps_command(const RepsCommand& command);
int warmup_command(const WarmupCommand& command);

}  // namespace cssim::cli
