#pragma once
/**
 * @file changes_reader.hpp
 * @brief Private: the department scenario's dated changes of levers (`changes`).
 */
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {

/** @brief Reads a whole document (extends and --set applied) into a Scenario, adding problems. */
using DocumentRead =
    std::function<void(const nlohmann::json&, Scenario&, std::vector<Diagnostic>&)>;

/**
 * @brief Reads `changes` of a department scenario already read into `scenario`: every date and
 * every path checked, each change's configuration read as a whole scenario would be (so every
 * value is checked like a `--set`), problems reported under `changes[i]...`.
 */
/**
 * @brief Why a dated change may not set `path` ("" when it may): the paths that fix the run's
 * length, its state at day 0 or what the model counts out at the start.
 */
std::string fixed_path_reason(std::string_view path);

void read_changes(const nlohmann::json& document, Scenario& scenario,
                  std::vector<Diagnostic>& diagnostics, const DocumentRead& read_document);

}  // namespace cssim::scenario
