#pragma once
/** @file scenario_loading.hpp @brief Scenario loading shared by the commands. */
#include <string>

#include "cssim/scenario/scenario.hpp"

namespace cssim::cli {

/** @brief Prints every diagnostic to stderr and returns the exit code (64, 65 or 66). */
int report_load_failure(const scenario::LoadResult& result, const std::string& path);

}  // namespace cssim::cli
