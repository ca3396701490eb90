#pragma once
/**
 * @file department_council.hpp
 * @brief The department's `council` profile: the establishment derived from the number of
 * children, and the checks that warn about valid but surprising scenarios (docs/scenarios.md,
 * "The council profile" and "Warnings").
 */
#include <optional>
#include <string>
#include <vector>

#include "cssim/department/config.hpp"
#include "cssim/scenario/scenario.hpp"
#include "json_reader.hpp"

namespace cssim::scenario {

/**
 * @brief Establishment per 10,000 children: base.json's values before the profile existed
 * (168 posts, 7 screening FTE, 400 early-help places and 52 health visitors for 80,000 children),
 * divided by 8. Sources in docs/model.md, "The council profile".
 */
struct CouncilRatios {
    static constexpr double kPostsPer10k = 21.0;
    static constexpr double kScreeningFtePer10k = 0.875;
    static constexpr double kEarlyHelpFamiliesPer10k = 50.0;
    static constexpr double kHealthVisitorsPer10k = 6.5;
};

/** @brief The `council` section as written, plus what the reader learnt about `population`. */
struct CouncilProfile {
    bool present = false;  ///< the scenario has a `council` section
    double children = 0.0;
    std::optional<double> referrals_per_10k;
    std::optional<double> social_worker_posts;  ///< published case-holding FTE
    std::optional<double> front_door_fte;
    std::optional<double> early_help_families;
    std::optional<double> health_visitors;
    std::optional<double> budget_per_year;
    std::optional<double> agency_share;
    std::optional<double> vacancy_share;
    bool population_stated = false;  ///< `population.children` is given (it wins)
    double simulated_children = 0.0;
    // The values the profile put in the config before the other sections were read; a section
    // that states a different value wins, and describe_council() says so.
    double derived_posts = 0.0;
    double derived_screening_fte = 0.0;
    double derived_early_help = 0.0;
    double derived_health_visitors = 0.0;
};

/**
 * @brief Reads `population` and `council`, and writes the establishment the profile implies
 * into `c`. Call before the other sections, which then override whatever they state.
 */
void read_population_and_council(ObjectReader& root, cssim::department::DepartmentConfig& c,
                                 CouncilProfile& profile);

/** @brief The council the model will simulate, one line per quantity, derived or stated. */
std::vector<std::string> describe_council(const cssim::department::DepartmentConfig& c,
                                          const CouncilProfile& profile);

/**
 * @brief Open social-work cases per filled case-holding post the scenario implies: at day 0
 * (the initial stocks) and in the steady state its referral rate implies (the stocks scaled by
 * rate / 370, the rate the default stocks were taken at). NaN when there are no posts.
 */
struct ImpliedCaseload {
    double open_cases = 0.0;
    double filled_posts = 0.0;
    double at_start = 0.0;
    double steady_state = 0.0;
};
/** @brief See ImpliedCaseload. */
ImpliedCaseload implied_caseload(const cssim::department::DepartmentConfig& c);

/** @brief The warnings of docs/scenarios.md, "Warnings", each with its JSON path. */
std::vector<Diagnostic> department_warnings(const cssim::department::DepartmentConfig& c);

}  // namespace cssim::scenario
