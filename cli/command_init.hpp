#pragma once
/**
 * @file command_init.hpp
 * @brief `cssim init --ees FILE.csv... [--la NAME_OR_CODE] [--year YYYY] --out council.json`:
 * a scenario for one council from the DfE's published statistics (see ees_import.hpp).
 */
#include <optional>
#include <string>
#include <vector>

namespace cssim::cli {

/** @brief The options of `cssim init`. */
struct InitCommand {
    std::vector<std::string> ees_files;
    std::string la;
    std::string year;
    std::optional<double> children;
    std::vector<std::string> mapping_files;  ///< --mapping, tried before the built-in ones
    std::string base = "scenarios/base.json";
    std::string name;  ///< empty: from the council's name
    std::string out;
    bool force = false;
};

/** @brief Runs `cssim init`; returns the exit code. */
int init_command(const InitCommand& command);

/** @brief Path of the published-figures side file written beside `out` (x.json ->
 * x.published.json). */
std::string published_path_for(const std::string& out);

}  // namespace cssim::cli
