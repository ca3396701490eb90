/**
 * @file time_use.cpp
 * @brief The TimeUse component: one worker's working day in hours, the posts' weekly workload
 * and admin backlog (time_use.hpp).
 */
#include "time_use.hpp"

#include <algorithm>

namespace cssim::department::detail {

TimeUseRates TimeUseRates::of(const TimeUseConfig& t, double case_admin_factor,
                              double compliance_admin_per_week) {
    TimeUseRates r;
    r.contracted_per_week = t.contracted_hours_per_week;
    r.contracted_per_day = t.contracted_hours_per_week / 5.0;
    r.max_overtime_per_week = t.max_overtime_hours_per_week;
    r.overtime_per_case_per_week = t.overtime_hours_per_case_per_week;
    r.delegable = t.delegable_admin_share;
    r.visit_hours = t.visit_hours;
    r.travel_per_visit = t.travel_hours_per_visit;
    r.recording_per_visit_hour = t.recording_hours_per_visit_hour;
    r.fixed_other_per_week = t.fixed_other_hours_per_week;
    r.fixed_admin_per_week = t.fixed_admin_hours_per_week + compliance_admin_per_week;
    r.case_admin_factor = case_admin_factor;
    r.max_admin_meeting_share = t.max_admin_meeting_share;
    r.max_admin_backlog = t.max_admin_backlog_hours;
    return r;
}

double workload_pressure(const TimeUseRates& rates, const PostLoad& load, double slow,
                         double pa_hours_per_day, int overdue, double backlog) {
    const double visit = rates.visit_hours * slow;
    const double recording = rates.recording_per_visit_hour * visit;
    const double visit_cost = visit + rates.travel_per_visit;
    const double weekly_admin = (std::max(0.0, load.case_admin_per_week) * rates.case_admin_factor +
                                 rates.fixed_admin_per_week) *
                                    slow +
                                load.visits_per_week * recording;
    const double weekly_own_admin =
        weekly_admin - std::min(pa_hours_per_day * 5.0, rates.delegable * weekly_admin);
    const double weekly_other = (std::max(0.0, load.case_meeting_per_week) +
                                 load.review_hours_per_week + rates.fixed_other_per_week) *
                                slow;
    const double weekly_compulsory =
        weekly_own_admin + weekly_other + load.visits_per_week * visit_cost;
    const double carried = overdue * (visit_cost + recording) + backlog;
    return (weekly_compulsory + carried) / rates.contracted_per_week;
}

void TimeUse::reset(std::size_t posts) {
    load_.assign(posts, PostLoad{});
    backlog_.assign(posts, 0.0);
}

void TimeUse::add_load(int post, const PathwayStage& s, double sign) {
    PostLoad& p = load_[static_cast<std::size_t>(post)];
    p.case_admin_per_week += sign * s.admin_hours_per_week;
    p.case_meeting_per_week += sign * s.meeting_hours_per_week;
    if (s.visit_interval_wd > 0) {
        p.visits_per_week += sign * 5.0 / s.visit_interval_wd;
    }
    if (s.review_interval_wd > 0) {
        p.review_hours_per_week += sign * s.review_hours * 5.0 / s.review_interval_wd;
    }
}

}  // namespace cssim::department::detail
