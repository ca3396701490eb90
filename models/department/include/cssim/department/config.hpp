#pragma once
/**
 * @file config.hpp
 * @brief The plain configuration of the department model (DESIGN §3), one struct per scenario
 * section. Every field states its unit, default and source; "calibrated" means the value was
 * tuned so that base.json reproduces the national figure named (see docs/model.md and
 * docs/validation.md). Sources: DfE Children's social work workforce 2023 (workforce), DfE
 * Characteristics of children in need 2024/25 (CIN), DfE Children looked after in England 2024
 * (CLA), Working Together 2023 (timescales), Hampshire and Isle of Wight PA evaluation, DfE
 * Innovation Programme report 23, 2017 (PA), PSSRU unit costs (PSSRU).
 *
 * The sections are declared by subject in config_demand.hpp, config_teams.hpp,
 * config_workforce.hpp, config_quality.hpp, config_money.hpp and config_system.hpp; this header
 * includes them all and holds the day-0 state, dated changes and DepartmentConfig itself.
 *
 * Built by models/scenario from a `"model": "department"` scenario; the model never sees JSON.
 * Invariants (checked by the scenario reader, assumed by the model): counts >= 0, shares and
 * probabilities in [0, 1], vectors "by need" have kNeedLevels entries, seasonality has 12.
 */
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/department/config_demand.hpp"
#include "cssim/department/config_money.hpp"
#include "cssim/department/config_quality.hpp"
#include "cssim/department/config_system.hpp"
#include "cssim/department/config_teams.hpp"
#include "cssim/department/config_workforce.hpp"
#include "cssim/department/pathway_config.hpp"

namespace cssim::department {

/** @brief Open cases at day 0 in one stage, so the run does not start from an empty office. */
struct InitialStock {
    std::string stage;
    double per_10k_children = 0.0;
    int need = 3;  ///< latent need level 0..4 of these children
};

/** @brief The state at day 0 (the warm-up removes what remains of it from the statistics). */
struct InitialStateConfig {
    /** @brief Default: the model's own steady state by stage and need level (base.json run for
     * 16 years, 10 replications, open cases on the last day), so that runs start close to
     * equilibrium: 343 children in need per 10,000 of whom 46.5 on plans and 73 looked after,
     * within the calibration bands of DfE CIN 2024 (332.9; ~42) and CLA 2024 (70). Residual
     * stage times are drawn length-biased (spells in progress are longer than average). */
    std::vector<InitialStock> stocks{{"assessment", 6.4, 0},
                                     {"assessment", 11.0, 1},
                                     {"assessment", 13.1, 2},
                                     {"assessment", 3.8, 3},
                                     {"assessment", 0.6, 4},
                                     {"child_in_need", 1.1, 0},
                                     {"child_in_need", 21.4, 1},
                                     {"child_in_need", 70.1, 2},
                                     {"child_in_need", 60.5, 3},
                                     {"child_in_need", 24.4, 4},
                                     {"section_47", 0.1, 1},
                                     {"section_47", 1.7, 2},
                                     {"section_47", 5.3, 3},
                                     {"section_47", 2.7, 4},
                                     {"initial_conference", 0.1, 2},
                                     {"initial_conference", 0.8, 3},
                                     {"initial_conference", 0.5, 4},
                                     {"child_protection_plan", 2.0, 2},
                                     {"child_protection_plan", 23.7, 3},
                                     {"child_protection_plan", 20.8, 4},
                                     {"looked_after", 2.6, 2},
                                     {"looked_after", 25.6, 3},
                                     {"looked_after", 44.9, 4},
                                     {"early_help", 10.4, 0},
                                     {"early_help", 22.6, 1},
                                     {"early_help", 7.5, 2},
                                     {"early_help", 0.1, 3}};
    double stress = 0.5;  ///< every worker's stress at day 0 (the steady state is ~0.5)
};

struct DepartmentConfig;

/**
 * @brief A dated change of levers (the scenario's `changes`): from the start of `date` the model
 * runs with `config`, the whole configuration with the change's `set` applied (on top of every
 * earlier change). The reader checks every path and value as it checks the scenario itself.
 */
struct DatedChange {
    std::string date;                ///< YYYY-MM-DD, applied at 00:00 of that day
    std::string label;               ///< free text for the event ticker (may be empty)
    std::vector<std::string> paths;  ///< the dotted JSON paths the change sets
    std::shared_ptr<const DepartmentConfig> config;  ///< the configuration from `date` on
};

/** @brief Everything the department model needs for one scenario. */
struct DepartmentConfig {
    RunConfig run;
    PopulationConfig population;
    DemandConfig demand;
    FrontDoorConfig front_door;
    PathwayConfig pathway = default_pathway();
    AllocationConfig allocation;
    TimeUseConfig time_use;
    AdminSupportConfig admin_support;
    StressConfig stress;
    SicknessConfig sickness;
    WorkforceConfig workforce;
    RecruitmentConfig recruitment;
    EarlyHelpConfig early_help;
    QualityConfig quality;
    MoneyConfig money;
    InitialStateConfig initial;
    PreventionConfig prevention;
    InspectionConfig inspection;
    CultureConfig culture;
    ManagementConfig management;
    ChurnConfig churn;
    std::vector<DatedChange> changes;  ///< in date order; each holds its whole configuration
    /** @brief The teams: default_teams() (base.json); empty = one department-wide team holding
     * every stage, the model before teams. */
    std::vector<TeamConfig> teams = default_teams();
};

}  // namespace cssim::department
