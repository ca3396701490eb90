/**
 * @file front_door_threshold.cpp
 * @brief The front door raises its threshold when assessment is overwhelmed
 * (docs/system-effects.md section 6): referrals it would send to assessment at a perceived need
 * up to `front_door.threshold_max_need` are stepped down to early help, or closed with no
 * further action when early help is full, with a share growing with the pressure of the team
 * holding assessments (department_redeployment.hpp). Its own stream ("front_door_threshold")
 * draws only while the threshold is raised.
 */
#include <sstream>

#include "department_redeployment.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {

double Model::front_door_threshold_share(core::DayIndex /*day*/) {
    const FrontDoorConfig& f = cfg_->front_door;
    double share = 0.0;
    if (f.threshold_above > 0.0 && assessment_stage_ >= 0) {
        const int team = allocation_.team_of_stage(assessment_stage_);
        if (team >= 0 && static_cast<std::size_t>(team) < team_pressures_.size()) {
            share = threshold_share(team_pressures_[static_cast<std::size_t>(team)].pressure(),
                                    f.threshold_above, f.threshold_share_per_pressure,
                                    f.threshold_max_share);
        }
    }
    if ((share > 0.0) != (threshold_share_ > 0.0)) {
        std::ostringstream os;
        if (share > 0.0) {
            os << "assessment overwhelmed: the front door raises its threshold (turns away "
               << static_cast<int>(100.0 * share + 0.5) << "% of referrals of need up to "
               << f.threshold_max_need << ")";
        } else {
            os << "the front door's threshold returns to normal";
        }
        add_event(share > 0.0 ? "threshold_raised" : "threshold_lowered", -1, os.str());
    }
    threshold_share_ = share;
    return share;
}

int Model::apply_front_door_threshold(const Case& c, int next, double share) {
    if (share <= 0.0 || next != assessment_stage_ ||
        c.perceived > cfg_->front_door.threshold_max_need || !rng_threshold_.bernoulli(share)) {
        return next;
    }
    // Stepped down to early help when it has room, else closed with no further action.
    const std::vector<PathwayStage>& stages = cfg_->pathway.stages;
    for (std::size_t s = 0; s < stages.size(); ++s) {
        if (stages[s].kind == StageKind::EarlyHelp &&
            static_cast<double>(early_help_families_) < early_help_capacity_) {
            return static_cast<int>(s);
        }
    }
    return closed_stage_;
}

}  // namespace cssim::department::detail
