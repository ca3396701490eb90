#pragma once
/**
 * @file config_money.hpp
 * @brief Money: placements, funding changes and the budget (mechanism 9). Part of the department
 * model's configuration; include cssim/department/config.hpp (see its notes on units, sources and
 * invariants).
 */
#include <string>
#include <vector>

namespace cssim::department {

/** @brief A placement type for looked-after children. */
struct PlacementType {
    std::string name;
    double share = 0.0;        ///< of children entering care (L: illustrative mix)
    double weekly_cost = 0.0;  ///< pounds per week
};

/** @brief A dated funding change and the council's response (mechanism 9). Every field defaults
 * to "no change": a change does only what it states. */
struct FundingChange {
    std::string label = "funding change";
    std::string date = "2025-04-01";     ///< applies from this date (usually 1 April)
    double budget_change = 0.0;          ///< fractional change of the yearly budget (-0.2 = cut)
    bool hiring_freeze = false;          ///< no recruitment: neither employed hires nor new agency
    double hiring_freeze_months = 12.0;  ///< how long the freeze lasts; 0 = for good (L)
    bool agency_ban = false;             ///< agency contracts end and are not replaced
    bool cut_pas = false;                ///< all PA posts are removed
    double early_help_cut = 0.0;         ///< fraction of early help capacity removed
    double posts_cut = 0.0;  ///< fraction of social worker posts deleted as they fall vacant
    /** @brief Fraction of health visitor FTE removed (seed 000: one county cut 31 of 120). */
    double health_visiting_cut = 0.0;
    double manager_posts_cut = 0.0;  ///< fraction of team manager posts deleted as they fall vacant
};

/** @brief Money (mechanism 9). Pounds per year unless stated. */
struct MoneyConfig {
    double employed_social_worker_cost = 66500.0;  ///< ~£1,280/week fully loaded (2025)
    double agency_social_worker_cost = 93600.0;    ///< ~£1,800/week, ~1.4x (2025)
    double pa_cost = 13224.0;       ///< £4,408 per social worker supported x 3 (PA evaluation)
    double manager_cost = 80000.0;  ///< team manager, fully loaded (L)
    double front_door_fte_cost = 66500.0;  ///< as an employed social worker
    std::vector<PlacementType> placements{{"in_house_foster", 0.55, 650.0},
                                          {"independent_foster", 0.27, 820.0},
                                          {"childrens_home", 0.10, 4950.0},
                                          {"kinship_other", 0.08, 300.0}};
    /** @brief Budget per financial year; 0 = automatic: the cost of the full establishment
     * employed, PAs, managers, early help at capacity, and placements for 70 looked-after
     * children per 10,000 (CLA 2024), times (1 + budget_headroom). */
    double budget_per_year = 0.0;
    double budget_headroom = 0.0;
    std::vector<FundingChange> funding_changes;
};

}  // namespace cssim::department
