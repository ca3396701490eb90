/**
 * @file department_quality.cpp
 * @brief The model's side of the Quality component (quality.hpp): the day's hazards after
 * learning fades, and what follows serious harm or escalation — the event log, a re-assessment
 * where the stage says so, and the review (SystemEffects) with its admin hours.
 */
#include <string>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::quality_hazards(core::DayIndex day) {
    // Learning fades without new reviews (a learning culture only).
    system_.decay_learning();
    quality_.hazards(day, cases_, static_cast<int>(posts_.size()),
                     system_.culture_hazard_multiplier(), measuring());
}

void Model::log_harm(int case_index, core::DayIndex day) {
    const Case& c = cases_[static_cast<std::size_t>(case_index)];
    add_event("harm", c.worker >= 0 ? c.worker : -1,
              "Serious harm to a child in " + cfg_->pathway.stages[c.stage].label +
                  (c.worker < 0 ? " (unallocated)" : "") +
                  (c.handover_until >= day ? " shortly after a handover" : ""));
}

void Model::need_rose(int case_index, core::DayIndex day) {
    // A change of circumstances (need rising) opens a re-assessment where the stage says so.
    Case& c = cases_[static_cast<std::size_t>(case_index)];
    const std::vector<PathwayStage>& stages = cfg_->pathway.stages;
    const bool work_mode =
        assessment_stage_ >= 0 &&
        stages[static_cast<std::size_t>(assessment_stage_)].ends_when_work_done();
    if (work_mode && c.assess_left < 0.0 &&
        stages[static_cast<std::size_t>(c.stage)].reassess_on_escalation) {
        open_assessment(c, day);
    }
}

void Model::review_incident(int case_index, bool harm, core::DayIndex day, bool measure) {
    const int worker = cases_[static_cast<std::size_t>(case_index)].worker;
    const double review =
        harm ? system_.on_harm(worker, day, measure) : system_.on_near_miss(measure);
    if (worker >= 0) {
        posts_[static_cast<std::size_t>(worker)].pending_handover_hours += review;  // admin time
    }
}

}  // namespace cssim::department::detail
