/**
 * @file department_day.cpp
 * @brief The daily process in its documented order: allocation, each worker's day (time use and
 * stress: the TimeUse component, time_use.hpp and department_time_use.cpp), the stage ends it
 * allowed, quality and harm, money, and the daily snapshot (mechanisms 5, 6, 8, 9).
 */
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <tuple>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::on_working_day(core::DayIndex day) {
    const bool working_day = calendar_.is_working_day(day);
    if (working_day) {
        managers_.hazards(day, system_.resignation_multiplier(day));
        screen_referrals(day);
        allocation_.allocate(day);
        allocation_.reallocate(day);
    }
    managers_.update_supervision();
    int working = 0;
    for (const Post& p : posts_) {
        if (is_case_holder(p) && !p.sick) {
            ++working;
        }
    }
    const AdminSupportConfig& a = cfg_->admin_support;
    pa_hours_per_worker_ =
        working > 0 ? pa_count_ * a.pa_hours_per_week / 5.0 * a.pa_efficiency / working : 0.0;
    day_direct_ = day_admin_ = day_travel_ = day_other_ = 0.0;
    day_working_ = working;
    finished_.clear();
    const WorkforceBounds bounds = working_day ? workforce_.bounds() : WorkforceBounds{};
    const double resignation_multiplier = system_.resignation_multiplier(day);
    // The day's time-use rates with the system effects in force: defensive recording under
    // blame, compliance work after an inadequate judgement (department_system.cpp).
    const TimeUseRates rates = TimeUseRates::of(
        cfg_->time_use, system_.in_blame(day) ? cfg_->culture.defensive_recording_multiplier : 1.0,
        system_.is_inadequate(day) ? cfg_->inspection.compliance_admin_hours_per_week : 0.0);
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (working_day) {
            workforce_.hazards(static_cast<int>(i), day, bounds, resignation_multiplier);
        }
        work_one_post(static_cast<int>(i), day, working_day, rates);
    }
    for (int index : finished_) {
        Case& c = cases_[index];
        if (c.active && c.timer_done) {
            on_stage_end(index);
        }
    }
    if (working_day) {
        quality_hazards(day);
    }
    accrue_money(day);
    snapshot(day);
}

void Model::assessment_hours_done(int case_index, core::DayIndex day) {
    Case& c = cases_[static_cast<std::size_t>(case_index)];
    const PathwayStage& a = cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)];
    if (c.stage == assessment_stage_) {
        // The assessment stage ends with its work done and its visits made.
        c.assess_left = 0.0;
        if (!c.timer_done) {
            c.timer_done = true;
            if (c.visits_done >= required_visits_for(a, c.need)) {
                finished_.push_back(case_index);
            }
        }
    } else {
        complete_assessment(c, day);  // one carried by an enquiry, or a re-assessment
    }
}

void Model::accrue_money(core::DayIndex day) {
    PaidStaff staff;
    for (const Post& p : posts_) {
        if (p.contract == Contract::kAgency) {
            staff.agency += 1.0;
        } else if (p.contract != Contract::kNone) {
            staff.employed += 1.0;
        }
    }
    staff.pas = pa_count_;
    staff.managers = cfg_->management.enabled ? managers_.in_post() : manager_count_;
    staff.health_visitors = health_visitors_;
    money_.accrue(day, staff, measuring(), outputs_.acc);
}

}  // namespace cssim::department::detail
