#pragma once
/**
 * @file command_report.hpp
 * @brief `cssim report DIR... --out report.html`: one self-contained HTML file from run or
 * compare output folders, for people who do not read JSON.
 */
#include <string>
#include <vector>

namespace cssim::cli {

/** @brief The options of `cssim report`. */
struct ReportCommand {
    std::vector<std::string> dirs;
    std::string out;
    bool force = false;
};

/** @brief Runs `cssim report`; returns the exit code. */
int report_command(const ReportCommand& command);

}  // namespace cssim::cli
