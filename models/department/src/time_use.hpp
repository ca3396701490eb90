#pragma once
/**
 * @file time_use.hpp
 * @brief Private: the TimeUse component — each social worker's working day in hours (issue 11
 * item 1; docs/model.md mechanism 5).
 *
 * On a working day a worker has contracted hours plus unpaid overtime that grows with the cases
 * held. Admin (case recording, plans, handovers, fixed overhead, the writing up of assessments,
 * the recording of each visit) is compulsory and done first, but a share of the day stays for
 * the visits that are due; a PA takes the delegable share of admin while the PA has time.
 * Meetings and reviews come next, then visits with travel, oldest due first; what is left goes
 * to assessments and to extra direct work with families. Admin left undone is the backlog,
 * carried to the next day. The time shares are outputs of the workload, not inputs.
 *
 * TimeUse owns, per post, the workload the day reads (the weekly admin, meeting, review and visit
 * hours of the cases held, summed as cases come and go) and the admin backlog, in arrays indexed
 * by post (structure of arrays: the day's loop reads a few doubles per post, not whole `Post`
 * records), plus the day's scratch lists. `WorkerDay` is one worker's day, step by step in the
 * documented order; the Model walks the cases (visits, reviews, assessments) and asks WorkerDay
 * for the hours. Workforce keeps the posts' lifecycle, Allocation the queue. Unit tests on
 * hand-built states: `DepartmentTimeUse.*` (tests/models/department/time_use_test.cpp).
 */
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_durations.hpp"

namespace cssim::department::detail {

/** @brief The numbers of one working day's time use, from the scenario and the system effects
 * in force that day (the same for every worker). */
struct TimeUseRates {
    double contracted_per_week = 0.0;  ///< contracted hours a week
    double contracted_per_day = 0.0;   ///< a fifth of them
    double max_overtime_per_week = 0.0;
    double overtime_per_case_per_week = 0.0;
    double delegable = 0.0;  ///< the share of admin a PA can take
    double visit_hours = 0.0;
    double travel_per_visit = 0.0;
    double recording_per_visit_hour = 0.0;
    double fixed_other_per_week = 0.0;
    double fixed_admin_per_week = 0.0;  ///< with an inadequate judgement's compliance work
    double case_admin_factor = 1.0;     ///< defensive recording under a blame culture
    double max_admin_meeting_share = 1.0;
    double max_admin_backlog = 0.0;

    /** @brief The day's rates: `case_admin_factor` from the culture (1 outside blame),
     * `compliance_admin_per_week` from the inspection (0 unless inadequate). */
    static TimeUseRates of(const TimeUseConfig& t, double case_admin_factor,
                           double compliance_admin_per_week);
};

/** @brief A PA's hours left for one worker today: the PA takes the delegable share of each piece
 * of admin while those hours last. */
struct PaTime {
    double left = 0.0;       ///< the PA's hours left for this worker today
    double delegable = 0.0;  ///< the share of admin a PA can take
    double by_worker = 0.0;  ///< delegable hours the worker did without a PA (out)

    /** @brief Admin of `x` hours: the PA takes what it can; returns the worker's own part. */
    double own(double x) {
        const double absorbed = std::min(left, delegable * x);
        left -= absorbed;
        by_worker += delegable * x - absorbed;
        return x - absorbed;
    }
    /** @brief The worker's own part of `x` hours of admin, without taking the PA's time. */
    double own_preview(double x) const { return x - std::min(left, delegable * x); }
};

/** @brief One worker's working day, in the documented order: start (hours, overtime), reserve
 * for visits due, writing up assessments, admin with the backlog, meetings, visits, free time. */
class WorkerDay {
public:
    /** @brief A worker holding `cases_held` cases, `slow` (>= 1) hours per hour of work (newly
     * qualified workers take longer), with `pa_hours` of a PA's time today. */
    WorkerDay(const TimeUseRates& rates, std::size_t cases_held, double slow, double pa_hours);

    double hours() const { return hours_; }          ///< contracted + overtime today
    double overtime() const { return overtime_; }    ///< unpaid overtime today
    double visit() const { return visit_; }          ///< hours of one visit (slowed)
    double recording() const { return recording_; }  ///< hours recording one visit
    /** @brief The cost of a visit due today, before the PA's share of its recording. */
    double due_visit_cost() const { return visit_ + rates_->travel_per_visit + recording_; }
    PaTime& pa() { return pa_; }
    const PaTime& pa() const { return pa_; }

    /** @brief Admin and meetings come first, but a share of the day stays for `due_cost` hours
     * of visits due and pushed assessments. */
    void reserve_for_due(double due_cost);
    /** @brief Hours left now (what the writing up may take; the free time at the end). */
    double available() const { return available_; }
    /** @brief The writing up of assessments took `w` (write_assessments_up at available()). */
    void spend_writing(const WritingDay& w);
    /** @brief The day's new admin (`admin_new`, handovers included) and the carried `backlog`
     * (updated: what is left, capped). */
    void do_admin(double admin_new, double& backlog);
    /** @brief Meetings and reviews of `other` hours, then the reserve is released for visits. */
    void do_other(double other);
    /** @brief The next visit in order (`overdue`: its due day has passed): true when it is made
     * today. Once one slips for lack of time, every later one does too. */
    bool take_visit(bool overdue);
    /** @brief What is left goes to extra direct work with families (assessment hours included:
     * they are direct work, so the time shares do not depend on them). */
    void finish();

    double direct() const { return direct_; }
    double admin_done() const { return admin_done_; }
    double other_done() const { return other_done_; }
    double travel() const { return travel_; }
    int overdue() const { return overdue_; }
    double worked() const { return admin_done_ + other_done_ + direct_ + travel_; }

private:
    const TimeUseRates* rates_;
    PaTime pa_;
    double hours_ = 0.0, overtime_ = 0.0, visit_ = 0.0, recording_ = 0.0;
    double reserve_ = 0.0, available_ = 0.0;
    double direct_ = 0.0, admin_done_ = 0.0, other_done_ = 0.0, travel_ = 0.0;
    double writing_own_ = 0.0;
    int overdue_ = 0;
    bool out_of_time_ = false;
};

// WorkerDay's steps are inline: the worker's day calls them for every worker-day.

inline WorkerDay::WorkerDay(const TimeUseRates& rates, std::size_t cases_held, double slow,
                            double pa_hours)
    : rates_(&rates) {
    overtime_ = std::min(rates.max_overtime_per_week,
                         rates.overtime_per_case_per_week * static_cast<double>(cases_held)) /
                5.0;
    hours_ = rates.contracted_per_day + overtime_;
    visit_ = rates.visit_hours * slow;
    recording_ = rates.recording_per_visit_hour * visit_;
    pa_.left = pa_hours;
    pa_.delegable = rates.delegable;
}

inline void WorkerDay::reserve_for_due(double due_cost) {
    // An overloaded worker still visits (late) while recording falls behind (the backlog).
    reserve_ = std::min(due_cost, (1.0 - rates_->max_admin_meeting_share) * hours_);
    available_ = hours_ - reserve_;
}

inline void WorkerDay::spend_writing(const WritingDay& w) {
    available_ -= w.own;
    pa_.left -= w.pa;
    pa_.by_worker += w.delegable;
    writing_own_ += w.own;
}

inline void WorkerDay::do_admin(double admin_new, double& backlog) {
    const double admin_own = pa_.own(admin_new) + backlog;
    admin_done_ = std::min(admin_own, available_);
    available_ -= admin_done_;
    backlog = std::min(admin_own - admin_done_, rates_->max_admin_backlog);
    admin_done_ += writing_own_;
}

inline void WorkerDay::do_other(double other) {
    other_done_ = std::min(other, available_);
    available_ -= other_done_;
    available_ += reserve_;
}

inline bool WorkerDay::take_visit(bool overdue) {
    // Preview the recording the worker would keep after the PA's share.
    const double cost = visit_ + rates_->travel_per_visit + pa_.own_preview(recording_);
    if (overdue) {
        ++overdue_;
    }
    if (out_of_time_ || available_ < 0.5 * cost) {
        out_of_time_ = true;  // this and later visits slip to another day
        return false;
    }
    // A visit once started is finished, even if that runs past the day's hours.
    available_ -= cost;
    admin_done_ += pa_.own(recording_);
    direct_ += visit_;
    travel_ += rates_->travel_per_visit;
    return true;
}

inline void WorkerDay::finish() {
    direct_ += std::max(0.0, available_);  // families always need more time than there is
}

/** @brief The weekly workload of one post, summed over its cases (TimeUse's arrays). */
struct PostLoad {
    double case_admin_per_week = 0.0;    ///< stage admin hours per week
    double case_meeting_per_week = 0.0;  ///< stage meeting hours per week
    double review_hours_per_week = 0.0;  ///< reviews averaged over their cadence
    double visits_per_week = 0.0;        ///< statutory visits due per week
};

/** @brief Workload pressure: the week's compulsory work at the current caseload (smooth, so that
 * a day with two visits is not a crisis) plus the backlog of `overdue` visits and the admin
 * `backlog`, over contracted hours; the PA's share of admin at this week's PA capacity. */
double workload_pressure(const TimeUseRates& rates, const PostLoad& load, double slow,
                         double pa_hours_per_day, int overdue, double backlog);

/** @brief The posts' workload and admin backlog (structure of arrays), and the day's scratch. */
class TimeUse {
public:
    /** @brief Sizes the arrays for `posts` posts (all zero). */
    void reset(std::size_t posts);
    std::size_t size() const { return backlog_.size(); }

    /** @brief A case in stage `s` joins (`sign` +1) or leaves (-1) post `post`'s workload. */
    void add_load(int post, const PathwayStage& s, double sign);
    /** @brief Post `post` holds no cases: its workload sums are zero. */
    void clear_load(int post) { load_[static_cast<std::size_t>(post)] = PostLoad{}; }
    const PostLoad& load(int post) const { return load_[static_cast<std::size_t>(post)]; }
    /** @brief Post `post`'s admin left undone, carried to its next working day. */
    double& backlog(int post) { return backlog_[static_cast<std::size_t>(post)]; }
    double backlog(int post) const { return backlog_[static_cast<std::size_t>(post)]; }

    /** @brief Scratch for one post's day: visits in their window (due day, case). */
    std::vector<std::pair<core::DayIndex, int>>& due() { return due_; }
    /** @brief Scratch: the post's cases with assessment work or writing today. */
    std::vector<int>& assessment_cases() { return assessment_cases_; }
    std::vector<AssessmentWork>& assessment_work() { return assessment_work_; }
    std::vector<AssessmentWriting>& assessment_writing() { return assessment_writing_; }

private:
    std::vector<PostLoad> load_;
    std::vector<double> backlog_;
    std::vector<std::pair<core::DayIndex, int>> due_;
    std::vector<int> assessment_cases_;
    std::vector<AssessmentWork> assessment_work_;
    std::vector<AssessmentWriting> assessment_writing_;
};

}  // namespace cssim::department::detail
