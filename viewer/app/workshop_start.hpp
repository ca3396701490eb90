#pragma once
/**
 * @file workshop_start.hpp
 * @brief Opening `cssim-view --workshop FILE`: the workshop and the tables' decision files
 * checked (every problem with its JSON path), the tables set up, the rounds the files decide
 * played, and where each table's decisions will be kept.
 */
#include <string>

#include "app/viewer_options.hpp"
#include "app/workshop_state.hpp"

namespace cssim::viewer {

/**
 * @brief Sets up `w` from the command line. Returns 0, or the exit code with `error` holding
 * the lines to print: 65 a bad workshop or decision file (each problem with its JSON path), 66
 * a missing one, 64 --played beyond the workshop's rounds, 73 a decision file in the --save
 * folder that this session did not load (it is never overwritten) or one that cannot be written.
 */
int open_workshop(const ViewerOptions& options, WorkshopState& w, std::string& error);

}  // namespace cssim::viewer
