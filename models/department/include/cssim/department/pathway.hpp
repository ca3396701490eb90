#pragma once
/**
 * @file pathway.hpp
 * @brief Validation of the pathway graph with Boost.Graph (DESIGN §3, mechanism 3).
 */
#include <string>
#include <vector>

#include "cssim/department/pathway_config.hpp"

namespace cssim::department {

/**
 * @brief One problem with a pathway graph. `stage_index` / `transition_index` (or -1) say which
 * element is at fault so the scenario reader can attach a JSON path such as
 * "/pathway/transitions/3/to"; `field` names the offending field ("id", "to", "probability"...).
 */
struct PathwayProblem {
    int stage_index = -1;
    int transition_index = -1;
    std::string field;
    std::string message;
};

/**
 * @brief Every problem with the graph, in a stable order; empty when valid. Checks: duplicate
 * stage ids; missing "referral" or "closed"; transitions naming unknown stages; duplicate
 * transitions; probability_by_need of the wrong size; probabilities outside [0, 1]; outgoing
 * probabilities of a stage not summing to 1 (per need level, tolerance 1e-9); "closed" having
 * outgoing transitions; a non-closed stage with none; stages unreachable from "referral"; stages
 * from which "closed" cannot be reached.
 */
std::vector<PathwayProblem> validate_pathway(const PathwayConfig& pathway);

}  // namespace cssim::department
