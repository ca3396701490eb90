/**
 * @file department_assessment.cpp
 * @brief An assessment's work (mechanism 3, durations that emerge from work): the hours it needs
 * by need when it opens, with its 45-working-day deadline and the day work is pushed forward, and
 * its completion counted on time or late against the stage's deadline.
 */
#include <algorithm>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::open_assessment(Case& c, core::DayIndex start) {
    const PathwayStage& a = cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)];
    const double work = draw_work_hours(a, c.need, rng_durations_);
    c.assess_writing = writing_hours_for(a, c.need, work);
    c.assess_left = std::max(0.01, work + c.assess_writing);
    c.assess_start = start;
    if (a.deadline_wd > 0) {
        c.assess_deadline = calendar_.add_working_days(start, a.deadline_wd);
        c.assess_push =
            calendar_.add_working_days(start, std::max(0, a.deadline_wd - a.deadline_push_wd));
    } else {
        c.assess_deadline = c.assess_push = -1;
    }
}

void Model::complete_assessment(Case& c, core::DayIndex day) {
    const PathwayStage& a = cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)];
    const double wd = static_cast<double>(calendar_.working_days_between(c.assess_start, day));
    const bool on_time = wd <= a.deadline_wd;
    system_.count_assessment(on_time);
    if (measuring()) {
        outputs_.acc.assessments += 1.0;
        if (on_time) {
            outputs_.acc.assessments_on_time += 1.0;
        }
        outputs_.acc.assessment_durations.push_back(wd);
    }
    c.assess_left = -1.0;
    c.assess_writing = 0.0;
    c.assess_push = c.assess_deadline = -1;
}

}  // namespace cssim::department::detail
