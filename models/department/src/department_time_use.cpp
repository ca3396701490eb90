/**
 * @file department_time_use.cpp
 * @brief The model's side of the TimeUse component (time_use.hpp): each worker's working day
 * over the cases held — reviews, visits due, assessments and their writing up — with the hours
 * from WorkerDay, then workload pressure and stress (mechanisms 5 and 6).
 *
 * One pass over the post's cases collects what the day needs from them (reviews due, the visits
 * in their window, pushed assessments, the cases with assessment work); the later steps read
 * only those lists. Time use is the heart of the PA question: see time_use.hpp for the order of
 * the day.
 */
#include <algorithm>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::work_one_post(int post_index, core::DayIndex day, bool working_day,
                          const TimeUseRates& rates) {
    Post& p = posts_[post_index];
    if (!is_case_holder(p)) {
        return;
    }
    const StressConfig& sc = cfg_->stress;
    if (p.sick) {
        // Away from work: stress eases toward its baseline.
        if (working_day) {
            p.stress += (sc.baseline - p.stress) / std::max(1.0, sc.recover_days);
        }
        return;
    }
    if (!working_day) {
        return;
    }
    const bool learning = p.contract == Contract::kNewlyQualified && day < p.protected_until;
    const double slow =
        learning ? 1.0 / std::max(0.1, cfg_->recruitment.newly_qualified_efficiency) : 1.0;
    WorkerDay wd(rates, p.cases.size(), slow, pa_hours_per_worker_);
    const PostLoad& load = time_use_.load(post_index);

    // Meetings with the stage's meeting hours spread over the week; reviews on their day.
    double other =
        (std::max(0.0, load.case_meeting_per_week) / 5.0 + rates.fixed_other_per_week / 5.0) * slow;
    std::vector<std::pair<core::DayIndex, int>>& due = time_use_.due();
    std::vector<int>& assessing = time_use_.assessment_cases();
    due.clear();
    assessing.clear();
    const double push_hours =
        assessment_stage_ >= 0 ? cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)]
                                     .deadline_push_hours_per_day
                               : 0.0;
    double due_cost = 0.0;  // visits whose deadline is today or past, pushed assessments
    for (int index : p.cases) {
        Case& c = cases_[index];
        if (c.next_review >= 0 && c.next_review <= day) {
            const PathwayStage& s = cfg_->pathway.stages[c.stage];
            other += s.review_hours * slow;
            // A stage ending at a review conference sets its next review when it holds one.
            c.next_review =
                s.ends_at_review() ? -1 : calendar_.add_working_days(day, s.review_interval_wd);
        }
        if (c.assess_writing > 1e-9 || c.assess_left - c.assess_writing > 1e-9) {
            // Every case the two assessment passes below may take: nothing between here and
            // them opens an assessment (only a stage entry and the quality hazards do).
            assessing.push_back(index);
        }
        if (c.assess_left - c.assess_writing > 0.0 && c.assess_push >= 0 && c.assess_push <= day) {
            // A pushed assessment's work is protected like a visit due (below).
            due_cost += std::min(push_hours, (c.assess_left - c.assess_writing) * slow);
        }
        if (c.next_visit >= 0 && c.visit_open <= day) {
            due.emplace_back(c.next_visit, index);
            if (c.next_visit <= day) {
                due_cost += wd.due_visit_cost();
            }
        }
    }
    std::sort(due.begin(), due.end());
    // System effects on the week's admin (in the rates): defensive recording under blame,
    // compliance work after an inadequate judgement (department_system.cpp).
    const double admin_new =
        (std::max(0.0, load.case_admin_per_week) * rates.case_admin_factor / 5.0 +
         rates.fixed_admin_per_week / 5.0) *
            slow +
        p.pending_handover_hours;
    p.pending_handover_hours = 0.0;

    wd.reserve_for_due(due_cost);
    // Assessments whose work is done are written up first: compulsory admin with a statutory
    // deadline, ahead of the routine recording (and its backlog); an amount per assessment, not
    // per week open, with the PA's delegable share.
    wd.spend_writing(write_up_assessments(day, wd.available(), slow, wd.pa().left));
    double& backlog = time_use_.backlog(post_index);
    wd.do_admin(admin_new, backlog);
    wd.do_other(other);

    for (const auto& [due_day, index] : due) {
        if (!wd.take_visit(due_day < day)) {
            continue;  // slips to another day
        }
        Case& c = cases_[index];
        const PathwayStage& s = cfg_->pathway.stages[c.stage];
        ++c.visits_done;
        system_.count_visit(day <= due_day);
        if (measuring()) {
            if (day <= due_day) {
                outputs_.acc.visits_on_time += 1.0;
            } else {
                outputs_.acc.visits_late += 1.0;
            }
        }
        if (day > due_day) {
            ++c.visits_late;
        }
        if (s.ends_when_work_done() && c.visits_done >= required_visits_for(s, c.need)) {
            // An assessment that ends when its work is done has its own visits (the required
            // ones, seeing the child), not a statutory cadence while it stays open.
            c.next_visit = -1;
        } else {
            c.next_visit = calendar_.add_working_days(day, s.visit_interval_wd);
            c.visit_open = calendar_.add_working_days(day, s.visit_interval_wd - visit_lead(s));
        }
        if (c.timer_done && c.visits_done >= required_visits_for(s, c.need)) {
            finished_.push_back(index);
        }
    }
    // Assessments take their share of the free time (pushed ones first); their hours are
    // direct work like the rest of it, so the time shares do not depend on them.
    work_on_assessments(day, wd.available(), slow);
    wd.finish();

    const double pressure =
        workload_pressure(rates, load, slow, pa_hours_per_worker_, wd.overdue(), backlog);
    if (pressure > cfg_->quality.rushed_pressure) {
        for (int index : p.cases) {
            if (cases_[index].stage == assessment_stage_) {
                cases_[index].rushed = true;
            }
        }
    }
    const double worked = wd.worked();
    const double admin_share = worked > 0.0 ? wd.admin_done() / worked : 0.0;
    // Without supervision nobody shares the weight of the work (Mor Barak et al. 2001).
    const double unsupervised = 1.0 - managers_.supervision_of(post_index);
    const double target = std::clamp(
        sc.baseline + sc.weight_admin_share * admin_share + sc.weight_pressure * (pressure - 1.0) +
            sc.weight_overtime * wd.overtime() / rates.contracted_per_day +
            cfg_->management.unsupervised_stress * unsupervised,
        0.0, 1.0);
    const double tau = target > p.stress ? sc.rise_days : sc.recover_days;
    p.stress += (target - p.stress) / std::max(1.0, tau);

    day_direct_ += wd.direct();
    day_admin_ += wd.admin_done();
    day_travel_ += wd.travel();
    day_other_ += wd.other_done();
    if (measuring()) {
        outputs_.acc.hours_direct += wd.direct();
        outputs_.acc.hours_admin += wd.admin_done();
        outputs_.acc.hours_travel += wd.travel();
        outputs_.acc.hours_other += wd.other_done();
        outputs_.acc.hours_overtime += wd.overtime();
        outputs_.acc.working_days += 1.0;  // worker-days at work
        outputs_.acc.delegable_admin_hours += wd.pa().by_worker;
    }
}

double Model::work_on_assessments(core::DayIndex day, double free, double slow) {
    if (assessment_stage_ < 0) {
        return 0.0;
    }
    const PathwayStage& a = cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)];
    if (!a.ends_when_work_done() || !(free > 0.0)) {
        return 0.0;  // without free time no assessment gets an hour (share_assessment_time)
    }
    std::vector<AssessmentWork>& work = time_use_.assessment_work();
    work.clear();
    for (int index : time_use_.assessment_cases()) {
        const Case& c = cases_[static_cast<std::size_t>(index)];
        if (c.assess_left - c.assess_writing > 1e-9) {
            AssessmentWork w;
            w.hours_left = c.assess_left - c.assess_writing;  // the work before the writing
            w.pushed = c.assess_push >= 0 && c.assess_push <= day;
            w.deadline_day = c.assess_deadline;
            w.case_index = index;
            work.push_back(w);
        }
    }
    if (work.empty()) {
        return 0.0;
    }
    const double given = share_assessment_time(free, a.work_hours_per_day,
                                               a.deadline_push_hours_per_day, slow, work);
    for (const AssessmentWork& w : work) {
        Case& c = cases_[static_cast<std::size_t>(w.case_index)];
        c.assess_left -= w.given / std::max(1.0, slow);
        if (c.assess_left > 1e-9) {
            continue;  // more work, or its writing up (write_up_assessments)
        }
        assessment_hours_done(w.case_index, day);
    }
    return given;
}

WritingDay Model::write_up_assessments(core::DayIndex day, double available, double slow,
                                       double pa_left) {
    std::vector<AssessmentWriting>& writing = time_use_.assessment_writing();
    writing.clear();
    for (int index : time_use_.assessment_cases()) {
        const Case& c = cases_[static_cast<std::size_t>(index)];
        if (c.assess_writing > 1e-9 && c.assess_left - c.assess_writing <= 1e-9) {
            AssessmentWriting w;
            w.hours_left = c.assess_writing;
            w.deadline_day = c.assess_deadline;
            w.case_index = index;
            writing.push_back(w);
        }
    }
    if (writing.empty()) {
        return WritingDay{};
    }
    const WritingDay spent = write_assessments_up(
        available, pa_left, cfg_->time_use.delegable_admin_share, slow, writing);
    for (const AssessmentWriting& w : writing) {
        Case& c = cases_[static_cast<std::size_t>(w.case_index)];
        const double progress = w.done / std::max(1.0, slow);
        c.assess_writing = std::max(0.0, c.assess_writing - progress);
        c.assess_left -= progress;
        if (c.assess_writing <= 1e-9 && c.assess_left <= 1e-9) {
            c.assess_writing = 0.0;
            assessment_hours_done(w.case_index, day);
        }
    }
    return spent;
}

}  // namespace cssim::department::detail
