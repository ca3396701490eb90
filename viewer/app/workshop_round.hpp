#pragma once
/**
 * @file workshop_round.hpp
 * @brief The round screen's logic, without ImGui: a table's lever values being set for the
 * round to play, stepping a lever from the keyboard, what the levers cost and the budget left,
 * and the table's decisions so far as the decision file `cssim workshop --decisions` reads.
 */
#include <cstddef>
#include <string>
#include <vector>

#include "cssim/scenario/workshop.hpp"

namespace cssim::viewer {

/** @brief One table at the workshop: its name, the rounds it has played and its next round. */
struct TableRound {
    std::string name;
    /// Every round played, in order, each with the levers it moved (possibly none), so that a
    /// saved file says how far the table got.
    std::vector<scenario::RoundDecisions> decided;
    /// The lever values (JSON texts) set for the next round, parallel to workshop.levers.
    std::vector<std::string> pending;
};

/** @brief A lever's value (JSON text) as a number: true 1, false 0, else the number (NaN). */
double lever_number(const std::string& json_text);

/** @brief Whether two lever values (JSON texts) are the same value ("3" and "3.0" are). */
bool same_lever_value(const std::string& a, const std::string& b);

/**
 * @brief The value `steps` steps away from `value`: a range lever moves by its step (1 when it
 * has none) within [low, high]; a choice lever to the neighbouring allowed value (no wrap).
 */
std::string step_lever(const scenario::WorkshopLever& lever, const std::string& value, int steps);

/** @brief A value as the room reads it: "yes"/"no" for true/false, numbers without ".0". */
std::string lever_display(const std::string& json_text);

/** @brief The decisions file of `table` (rounds decided so far) for resuming or replaying. */
scenario::DecisionFile decision_file(const TableRound& table);

/**
 * @brief The levers in force in `round` (1-based; 0: the defaults) after the rounds the table
 * has decided.
 */
std::vector<std::string> values_in_force(const scenario::Workshop& workshop,
                                         const TableRound& table, std::size_t round);

/** @brief A new table at round 1: no rounds decided, the pending values the defaults. */
TableRound new_table(const scenario::Workshop& workshop, std::string name);

/**
 * @brief A table resumed from its decision file: the rounds it lists up to `played` become
 * decided rounds (rounds in between that it does not list decided with no change), and the
 * pending values are those in force after them.
 */
TableRound resumed_table(const scenario::Workshop& workshop, const scenario::DecisionFile& file,
                         std::size_t played);

/** @brief The last round the file decides (0: none). */
std::size_t last_round_decided(const scenario::DecisionFile& file);

/**
 * @brief Records the pending values as `round`'s decisions: the levers whose pending value
 * differs from the value in force before the round (round 1: the defaults).
 */
void commit_round(const scenario::Workshop& workshop, TableRound& table, std::size_t round);

/** @brief What the levers at `values` cost a year against the defaults (pounds). */
double levers_cost(const scenario::Workshop& workshop, const std::vector<std::string>& values);

/** @brief budget_per_year minus levers_cost (meaningless when the workshop has no budget). */
double budget_left(const scenario::Workshop& workshop, const std::vector<std::string>& values);

/**
 * @brief The decision file's JSON text (format 1): `workshop` is the workshop file's path as
 * the file should name it (relative to where the file is written).
 */
std::string decision_file_text(const TableRound& table, const std::string& workshop);

}  // namespace cssim::viewer
