#pragma once
/**
 * @file department_teams.hpp
 * @brief Private: teams (issue 11 item 2) — which posts, managers and stages each team has, and
 * the team manager's choices (who takes a new case, who is over the threshold), as pure
 * functions tested alone on hand-built teams (tests/models/department/teams_test.cpp).
 *
 * A scenario without `teams` is one department-wide team holding every stage, with
 * `allocation`'s cap and the "most_room" policy: the choices are then exactly those of the model
 * before teams (same candidates in the same order, same ties), so its outputs do not change.
 */
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "cssim/department/config.hpp"

namespace cssim::department::detail {

/** @brief One team as the model runs it: posts [first_post, end_post) and manager posts
 * [first_manager, end_manager), both contiguous as planned; `members` are the posts it has now
 * (the planned ones until a redeployment moves a post: department_redeployment.cpp). */
struct TeamLayout {
    std::string id;
    std::string label;
    int first_post = 0, end_post = 0;  ///< as planned (plan_teams)
    std::vector<int> members;          ///< the team's posts now, in increasing post order
    int first_manager = 0, end_manager = 0;
    double caseload_cap = 0.0;  ///< 0 = allocation.caseload_cap (read live: it may change)
    AllocationPolicy policy = AllocationPolicy::kMostRoom;
    double allocations_per_manager_per_day = 0.0;  ///< 0 = no limit
    double reallocate_above = 0.0;                 ///< 0 = never
    int takes_after_wd = 0;  ///< transfers in: working days into the stage (the transfer point)
    /// Weight of each pathway stage under this team's cap; NaN = the stage's own caseload_weight.
    std::vector<double> stage_weight;
    int rota = 0;           ///< in_turn: the next position in the rota (a post offset in the team)
    int config_index = -1;  ///< the team's index in `teams` of the config; -1 department-wide
};

/** @brief True when `config` has teams and they hold every social-work stage of its pathway;
 * otherwise the model runs one department-wide team (the reader rejects the gap; only a
 * configuration built in code can have it). */
bool has_teams(const DepartmentConfig& config);

/** @brief The teams of `config` over `posts` social worker posts, and the team holding each
 * pathway stage (`stage_team`, -1 = none; every social-work stage has one). Without `teams`: one
 * team "department" with every post, every stage and one manager per `workforce.team_size`
 * posts. Posts are shared by largest remainder of `posts_share` x posts (ties to the earlier
 * team), so they add up to `posts`. */
std::vector<TeamLayout> plan_teams(const DepartmentConfig& config, int posts,
                                   std::vector<int>& stage_team);

/** @brief The manager post of each social worker post (one per `team_size` posts in order
 * within a team, or shared evenly among a team's stated managers). */
std::vector<int> post_managers(const DepartmentConfig& config,
                               const std::vector<TeamLayout>& teams);

/** @brief "most_room": the index in `rooms` of the most room that fits `weight` (room >= weight
 * and > 0), the first on ties; -1 if none fits. */
int pick_most_room(const std::vector<double>& rooms, double weight);

/** @brief "in_turn": the first candidate at or after `cursor` (in rota order, wrapping) whose
 * room fits `weight`; `positions[k]` is candidate k's place in the rota, `rota_size` the rota's
 * length. Moves `cursor` past the chosen place. -1 if none fits (cursor unchanged). */
int pick_in_turn(const std::vector<double>& rooms, const std::vector<int>& positions, int rota_size,
                 double weight, int& cursor);

/** @brief Reallocation: the index of the worker in `loads` with most room under `cap` that can
 * take a case of `weight` from a worker at `from_load` without ending above `from_load - weight`
 * (so the move lowers the spread); -1 if none. */
int pick_reallocation_target(const std::vector<double>& loads, double cap, double from_load,
                             double weight);

}  // namespace cssim::department::detail
