/**
 * @file team_defaults.cpp
 * @brief The default teams of base.json (issue 11 item 2). Sizes and sources: docs/model.md 7.4.
 */
#include "cssim/department/config.hpp"

namespace cssim::department {

std::vector<TeamConfig> default_teams() {
    // Every team: one manager per workforce.team_size posts; allocation.caseload_cap; the stages'
    // own weights. The manager allocates 5 cases a day at most (L) and moves the newest case of a
    // worker above 25 weighted cases (L). Shares: each team's workload, the weekly hours of its
    // stages' open cases in the model's steady state (stocks x the stage's visit, travel,
    // recording, admin, meeting and review hours) plus the assessments' work and writing, with
    // the days a transferring worker holds a child before the transfer point; long-term
    // child-in-need and care teams hold more, lighter cases under a cap of 26 (docs/model.md
    // 7.4 has the derivation).
    auto team = [](std::string id, std::string label, std::vector<std::string> stages, double share,
                   AllocationPolicy policy, double cap = 0.0, int takes_after_wd = 0) {
        TeamConfig t;
        t.id = std::move(id);
        t.label = std::move(label);
        t.stages = std::move(stages);
        t.posts_share = share;
        t.policy = policy;
        t.caseload_cap = cap;
        t.takes_after_wd = takes_after_wd;
        if (share > 0.0) {
            t.allocations_per_manager_per_day = 5.0;
            t.reallocate_above = 25.0;
        }
        return t;
    };
    return {
        // The front door: screening by front_door.screening_fte, no case-holding posts.
        team("mash", "Front door (MASH)", {"screening"}, 0.0, AllocationPolicy::kMostRoom),
        team("assessment", "Assessment and first response",
             {"assessment", "section_47", "initial_conference"}, 0.26, AllocationPolicy::kInTurn),
        team("child_in_need", "Child in need", {"child_in_need"}, 0.42, AllocationPolicy::kInTurn,
             26.0),
        // Transfer points (a council's transfer procedure, docs/analysts.md): a child on a plan
        // moves at the first core group, within 10 working days of the conference; a child in
        // care after the first looked-after review (within 20 working days).
        team("child_protection", "Child protection", {"child_protection_plan"}, 0.17,
             AllocationPolicy::kInTurn, 0.0, 10),
        team("children_in_care", "Children in care", {"looked_after"}, 0.15,
             AllocationPolicy::kInTurn, 26.0, 20),
    };
}

}  // namespace cssim::department
