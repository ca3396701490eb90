#pragma once
/**
 * @file teams_reader.hpp
 * @brief Private: the department scenario's `teams` and `practice_model` (issue 11 item 2).
 */
#include "cssim/department/config.hpp"
#include "json_reader.hpp"

namespace cssim::scenario {

/** @brief Reads `practice_model` and `teams` of a department scenario into `config`, and checks
 * the teams against its pathway and posts (a stage no team holds, a team with no stages, shares,
 * caps, unknown stage ids, duplicate ids), every problem with its JSON path. Call after the
 * pathway and the workforce are read. */
void read_teams(ObjectReader& root, department::DepartmentConfig& config);

}  // namespace cssim::scenario
