#pragma once
/**
 * @file analyst_commands.hpp
 * @brief Registers the analysts' subcommands (`init`, `report`) on the command line, so that
 * main.cpp needs two lines for them.
 */
#include <CLI/CLI.hpp>
#include <optional>

#include "command_init.hpp"
#include "command_report.hpp"

namespace cssim::cli {

/** @brief The analysts' subcommands and their parsed options. */
struct AnalystCommands {
    InitCommand init;
    CLI::App* init_app = nullptr;
    double children = 0.0;
    ReportCommand report;
    CLI::App* report_app = nullptr;
};

/** @brief Adds `init` (and `report`) to `app`. */
void add_analyst_commands(CLI::App& app, AnalystCommands& commands);

/** @brief Runs the analysts' subcommand that was parsed, if any; its exit code. */
std::optional<int> run_analyst_commands(AnalystCommands& commands);

}  // namespace cssim::cli
