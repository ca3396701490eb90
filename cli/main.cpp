// cssim: the command line. Parses arguments with CLI11 and hands each subcommand to
// commands.hpp; nothing else happens here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "interrupt.hpp"

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

void add_run_settings(CLI::App* command, cssim::cli::RunSettings& settings) {
    command
        ->add_option("-r,--replications", settings.replications,
                     "Replications (overrides the scenario's own)")
        ->check(CLI::Range(1, 1000000));
    command->add_option("-s,--seed", settings.seed, "Master seed (overrides the scenario's own)");
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

}  // namespace

int main(int argc, char** argv) {
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

    std::string validate_path;
    std::vector<std::string> validate_sets;
    CLI::App* validate_cmd =
        app.add_subcommand("validate", "Check a scenario and list every problem with its path");
    validate_cmd->add_option("scenario", validate_path, "Scenario JSON file")->required();
    validate_cmd->add_option("--set", validate_sets, "Override a scenario value (repeatable)");

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
    compare_cmd->add_option("--colour,--color", compare.colour, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

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

    install_interrupt_handlers();
    try {
        if (run_cmd->parsed()) {
            return run_command(run);
        }
        if (validate_cmd->parsed()) {
            return validate_command(validate_path, validate_sets);
        }
        if (schema_cmd->parsed()) {
            return schema_command();
        }
        if (compare_cmd->parsed()) {
            return compare_command(compare);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr,
                     "cssim: internal error: %s\n(this is a bug; please report it with "
                     "the command line and scenario)\n",
                     error.what());
        return kExitInternal;
    }
    std::cerr << app.help();
    return kExitUsage;
}
