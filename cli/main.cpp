// cssim: the command line. Parses arguments with CLI11 and hands each subcommand to
// commands.hpp; nothing else happens here.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "analyst_commands.hpp"
#include "commands.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/scenario/scenario.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "standard_output.hpp"

namespace {

// The command line exactly as typed, quoted where needed, for the manifest.
std::string quoted_command_line(int argc, char** argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool plain =
            !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?;&|<>()") == std::string::npos;
        if (i > 0) {
            line += ' ';
        }
        if (plain) {
            line += arg;
        } else {
            line += '\'';
            for (const char c : arg) {
                line += c == '\'' ? std::string("'\\''") : std::string(1, c);
            }
            line += '\'';
        }
    }
    return line;
}

// A master seed is written out as a decimal integer from 0 to 18446744073709551615. CLI11's
// own conversion wraps "-1" to 2^64-1 and caps larger numbers, and an empty value fell back to
// the scenario's seed: each is refused here (exit 64) instead of being reinterpreted.
CLI::Validator seed_validator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text.empty()) {
                return "the seed is empty; give a whole number from 0 to 18446744073709551615";
            }
            if (text.find_first_not_of("0123456789") != std::string::npos) {
                return "'" + cssim::scenario::escape_control(text) +
                       "' is not a seed: give a whole number from 0 to 18446744073709551615 "
                       "(digits only, no sign)";
            }
            const std::string digits =
                text.substr(std::min(text.find_first_not_of('0'), text.size() - 1));
            const std::string max = "18446744073709551615";
            if (digits.size() > max.size() || (digits.size() == max.size() && digits > max)) {
                return "'" + text + "' is out of range: a seed is at most " + max;
            }
            return {};
        },
        "SEED");
}

void add_run_settings(CLI::App* command, cssim::cli::RunSettings& settings) {
    command
        ->add_option("-r,--replications", settings.replications,
                     "Replications (overrides the scenario's own)")
        ->check(CLI::Range(1, 1000000));
    command->add_option("-s,--seed", settings.seed, "Master seed (overrides the scenario's own)")
        ->check(seed_validator());
    command->add_option("-t,--threads", settings.threads, "Worker threads (0 = every core)")
        ->check(CLI::Range(0, 4096));
    command->add_option("--set", settings.overrides,
                        "Override a scenario value: --set admin_support.workers_per_pa=3 "
                        "(repeatable; the value is JSON, or a string)");
    command
        ->add_option("--progress", settings.progress,
                     "Progress on stderr: auto, bar, plain, jsonl or quiet")
        ->check(CLI::IsMember({"auto", "bar", "plain", "jsonl", "quiet"}));
    command->add_flag("-q,--quiet", settings.quiet, "No progress output");
}

int run_main(int argc, char** argv) {
    using namespace cssim::cli;
    CLI::App app{"cssim: a discrete-event simulator of a children's social care department"};
    app.require_subcommand(0, 1);
    bool show_version = false;
    app.add_flag("--version", show_version, "Print the version and git SHA");

    RunCommand run;
    CLI::App* run_cmd =
        app.add_subcommand("run", "Run a scenario's replications and write outputs");
    run_cmd->add_option("scenario", run.scenario_path, "Scenario JSON file")->required();
    add_run_settings(run_cmd, run.settings);
    run_cmd->add_option("-o,--out", run.out_dir,
                        "Output directory (default results/<scenario>-<UTC timestamp>)");
    run_cmd->add_flag("--force", run.force, "Replace an existing output directory");
    run_cmd->add_option("--detail", run.detail_replications,
                        "Replications whose post tracks and events are archived (default 1)");
    run_cmd->add_flag("--by-year", run.by_year,
                      "Print each metric for the whole measured period and each financial year");
    run_cmd
        ->add_option(
            "--metrics", run.metrics,
            "Print only these metrics, in this order: --metrics caseload_mean,turnover_rate")
        ->delimiter(',');

    std::string validate_path;
    std::vector<std::string> validate_sets;
    CLI::App* validate_cmd =
        app.add_subcommand("validate", "Check a scenario and list every problem with its path");
    validate_cmd->add_option("scenario", validate_path, "Scenario JSON file")->required();
    validate_cmd->add_option("--set", validate_sets, "Override a scenario value (repeatable)");
    bool validate_strict = false;
    validate_cmd->add_flag("--strict", validate_strict,
                           "Treat warnings as errors (exit 65 when there is any)");

    WorkshopCommand workshop;
    CLI::App* workshop_cmd = app.add_subcommand(
        "workshop",
        "Play a workshop's rounds headless from decision files (one archive per table)");
    workshop_cmd->add_option("workshop", workshop.workshop_path, "Workshop JSON file")->required();
    workshop_cmd->add_option("--decisions", workshop.decision_paths,
                             "A table's decision file (repeatable; none: the default decisions)");
    workshop_cmd->add_option("--rounds", workshop.rounds, "Rounds to play (default: every round)")
        ->check(CLI::Range(1, 100));
    workshop_cmd->add_option("-o,--out", workshop.out_dir, "Output directory")->required();
    workshop_cmd->add_flag("--force", workshop.force,
                           "Replace an existing output directory cssim wrote");
    workshop_cmd
        ->add_option("-s,--seed", workshop.settings.seed,
                     "Master seed of every table (overrides the scenario's own)")
        ->check(seed_validator());
    workshop_cmd
        ->add_option("-t,--threads", workshop.settings.threads, "Worker threads (0 = every core)")
        ->check(CLI::Range(0, 4096));
    workshop_cmd
        ->add_option("--progress", workshop.settings.progress,
                     "Progress on stderr: auto, bar, plain, jsonl or quiet")
        ->check(CLI::IsMember({"auto", "bar", "plain", "jsonl", "quiet"}));
    workshop_cmd->add_flag("-q,--quiet", workshop.settings.quiet, "No progress output");

    CLI::App* schema_cmd = app.add_subcommand("schema", "Print the JSON Schema of scenario files");

    CompareCommand compare;
    CLI::App* compare_cmd = app.add_subcommand(
        "compare", "Run scenarios with common random numbers and print paired differences");
    compare_cmd->add_option("scenarios", compare.scenario_paths, "Two or more scenario files")
        ->required()
        ->expected(2, 64);
    add_run_settings(compare_cmd, compare.settings);
    compare_cmd->add_option("-o,--out", compare.out_dir,
                            "Also write each run's outputs and comparison.json here");
    compare_cmd->add_flag("--force", compare.force, "Replace an existing output directory");
    compare_cmd->add_flag("--json", compare.json, "Print the comparison as JSON");
    compare_cmd
        ->add_option(
            "--metrics", compare.metrics,
            "Print only these metrics, in this order: --metrics caseload_mean,turnover_rate")
        ->delimiter(',');
    compare_cmd->add_flag("--by-year", compare.by_year,
                          "Print each metric's trajectory: A, B and B - A for the whole measured "
                          "period and each financial year");
    compare_cmd->add_option("--colour,--color", compare.colour, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    SweepCommand sweep;
    CLI::App* sweep_cmd = app.add_subcommand(
        "sweep", "Run a design (grid, Latin hypercube, Morris, CSV) x replications, resumably");
    sweep_cmd->add_option("sweep", sweep.sweep_path, "Sweep JSON file")->required();
    sweep_cmd->add_option("-t,--threads", sweep.settings.threads, "Worker threads (0 = every core)")
        ->check(CLI::Range(0, 4096));
    sweep_cmd->add_option("-o,--out", sweep.out_dir,
                          "Sweep directory (default results/sweep-<name>); re-running resumes");
    sweep_cmd->add_flag("--force", sweep.force,
                        "Discard a sweep directory that holds another sweep");
    sweep_cmd->add_option("--task-index", sweep.task_index,
                          "This shard's index, 0-based (default: SLURM_ARRAY_TASK_ID)");
    sweep_cmd
        ->add_option("--task-count", sweep.task_count,
                     "Number of shards (default: SLURM_ARRAY_TASK_COUNT)")
        ->check(CLI::Range(1, 1000000));
    sweep_cmd
        ->add_option("--progress", sweep.settings.progress,
                     "Progress on stderr: auto, bar, plain, jsonl or quiet")
        ->check(CLI::IsMember({"auto", "bar", "plain", "jsonl", "quiet"}));
    sweep_cmd->add_flag("-q,--quiet", sweep.settings.quiet, "No progress output");

    MergeCommand merge;
    CLI::App* merge_cmd =
        app.add_subcommand("merge", "Combine the shards of a sweep into one sweep directory");
    merge_cmd->add_option("shards", merge.shard_dirs, "Shard directories, or folders of shard-*")
        ->required()
        ->expected(1, 1000000);
    merge_cmd->add_option("-o,--out", merge.out_dir, "Merged sweep directory")->required();
    merge_cmd->add_flag("--force", merge.force, "Replace an existing output directory");

    RepsCommand reps;
    CLI::App* reps_cmd = app.add_subcommand(
        "reps", "Replications needed for a target CI half-width (from a pilot run)");
    reps_cmd->add_option("scenario", reps.scenario_path, "Scenario JSON file")->required();
    reps_cmd->add_option("--target-half-width", reps.targets,
                         "metric=value: an absolute target (repeatable)");
    reps_cmd->add_option("--relative", reps.relative,
                         "Target half-width as a share of each metric's mean (default 0.05)");
    reps_cmd->add_option("--pilot", reps.pilot, "Pilot replications (default 10)")
        ->check(CLI::Range(2, 100000));
    reps_cmd->add_option("-s,--seed", reps.settings.seed, "Master seed")->check(seed_validator());
    reps_cmd->add_option("-t,--threads", reps.settings.threads, "Worker threads (0 = every core)")
        ->check(CLI::Range(0, 4096));
    reps_cmd->add_option("--set", reps.settings.overrides,
                         "Override a scenario value (repeatable)");
    reps_cmd->add_option("--progress", reps.settings.progress, "auto, bar, plain, jsonl or quiet")
        ->check(CLI::IsMember({"auto", "bar", "plain", "jsonl", "quiet"}));
    reps_cmd->add_flag("-q,--quiet", reps.settings.quiet, "No progress output");

    WarmupCommand warmup;
    CLI::App* warmup_cmd = app.add_subcommand(
        "warmup", "MSER-5 warm-up point and Welch moving-average data of a per-day series");
    warmup_cmd->add_option("scenario", warmup.scenario_path, "Scenario JSON file")->required();
    warmup_cmd->add_option("-m,--metric", warmup.metric,
                           "Per-day series (default: the model's first, e.g. caseload_mean)");
    warmup_cmd->add_option("--csv", warmup.csv_path,
                           "Write the Welch CSV here (default: stdout, the advice on stderr)");
    warmup_cmd->add_option("--window", warmup.window, "Welch window in days (default length/40)");
    add_run_settings(warmup_cmd, warmup.settings);
    AnalystCommands analyst;
    add_analyst_commands(app, analyst);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (show_version) {
        std::printf("cssim %s (git %s)\n", cssim::kVersion, cssim::kGitSha);
        return kExitOk;
    }
    const std::string command_line = quoted_command_line(argc, argv);
    run.settings.command_line = command_line;
    compare.settings.command_line = command_line;
    sweep.settings.command_line = command_line;
    merge.command_line = command_line;
    reps.settings.command_line = command_line;
    warmup.settings.command_line = command_line;
    workshop.settings.command_line = command_line;

    install_interrupt_handlers();
    try {
        if (run_cmd->parsed()) {
            return run_command(run);
        }
        if (validate_cmd->parsed()) {
            return validate_command(validate_path, validate_sets, validate_strict);
        }
        if (workshop_cmd->parsed()) {
            return workshop_command(workshop);
        }
        if (schema_cmd->parsed()) {
            return schema_command();
        }
        if (compare_cmd->parsed()) {
            return compare_command(compare);
        }
        if (sweep_cmd->parsed()) {
            return sweep_command(sweep);
        }
        if (merge_cmd->parsed()) {
            return merge_command(merge);
        }
        if (reps_cmd->parsed()) {
            return reps_command(reps);
        }
        if (warmup_cmd->parsed()) {
            return warmup_command(warmup);
        }
        if (const std::optional<int> code = run_analyst_commands(analyst)) {
            return *code;
        }
    } catch (const cssim::core::LimitExceeded& error) {
        // A runaway guard (event count, customers in the system): the scenario asks for more
        // than the model allows, so it is reported like an invalid scenario; nothing is written.
        std::fprintf(stderr,
                     "cssim: the run was stopped: %s\n(the scenario makes the model grow without "
                     "bound; nothing was written)\n",
                     cssim::scenario::escape_control(error.what()).c_str());
        return kExitInvalidScenario;
    } catch (const OutputExistsError& error) {
        return report_failure(error);  // the one mapping of failure.hpp, for every command
    } catch (const cssim::record::ArchiveError& error) {
        return report_failure(error);
    } catch (const cssim::record::OutputError& error) {
        return report_failure(error);
    } catch (const std::exception& error) {
        std::fprintf(stderr,
                     "cssim: internal error: %s\n(this is a bug; please report it with "
                     "the command line and scenario)\n",
                     cssim::scenario::escape_control(error.what()).c_str());
        return kExitInternal;
    }
    std::cerr << app.help();
    return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    // Every command's result passes through the one check of standard output.
    return cssim::cli::finish_standard_output(run_main(argc, argv));
}
