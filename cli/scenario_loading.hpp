#pragma once
/** @file scenario_loading.hpp @brief Scenario loading shared by the commands. */
#include <string>

#include "cssim/scenario/scenario.hpp"

namespace cssim::cli {

/** @brief Prints every diagnostic to stderr and returns the exit code (64, 65 or 66). */
int report_load_failure(const scenario::LoadResult& result, const std::string& path);

/** @brief Prints the scenario's warnings to stderr ("PATH: warning: JSON.PATH: message"); the
 * exit code is not affected. Returns how many were printed. */
std::size_t print_warnings(const scenario::Scenario& scenario, const std::string& path);

}  // namespace cssim::cli
