/**
 * @file department_day.cpp
 * @brief The daily process: each worker's time use with admin support, stress, quality and harm,
 * money, and the daily snapshot (mechanisms 5, 6, 8, 9).
 *
 * Time use is the heart of the PA question. On a working day a worker has contracted hours plus
 * unpaid overtime that grows with the cases held. Admin (case recording, plans, handovers, fixed
 * overhead, recording of each visit) is compulsory and is done first; a PA takes the delegable
 * share of it up to the PA's capacity. Meetings and court come next, then statutory visits with
 * travel, oldest due first; whatever time is left goes to extra direct work with families, whose
 * need always exceeds it. The time shares are therefore outputs of the workload, not inputs.
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
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (working_day) {
            workforce_.hazards(static_cast<int>(i), day, bounds, resignation_multiplier);
        }
        work_one_post(static_cast<int>(i), day, working_day);
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

void Model::work_one_post(int post_index, core::DayIndex day, bool working_day) {
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
    const TimeUseConfig& t = cfg_->time_use;
    const bool learning = p.contract == Contract::kNewlyQualified && day < p.protected_until;
    const double slow =
        learning ? 1.0 / std::max(0.1, cfg_->recruitment.newly_qualified_efficiency) : 1.0;
    const double contracted = t.contracted_hours_per_week / 5.0;
    const double overtime =
        std::min(t.max_overtime_hours_per_week,
                 t.overtime_hours_per_case_per_week * static_cast<double>(p.cases.size())) /
        5.0;
    const double hours = contracted + overtime;
    const double delegable = cfg_->time_use.delegable_admin_share;
    double pa_left = pa_hours_per_worker_;
    double delegable_by_sw = 0.0;
    // Admin the worker must do: the delegable share goes to the PA while the PA has time.
    auto own_admin = [&](double x) {
        const double absorbed = std::min(pa_left, delegable * x);
        pa_left -= absorbed;
        delegable_by_sw += delegable * x - absorbed;
        return x - absorbed;
    };

    // Meetings with the stage's meeting hours spread over the week; reviews on their day.
    double other =
        (std::max(0.0, p.case_meeting_per_week) / 5.0 + t.fixed_other_hours_per_week / 5.0) * slow;
    const double visit = t.visit_hours * slow;
    const double recording = t.recording_hours_per_visit_hour * visit;
    due_.clear();
    const double push_hours =
        assessment_stage_ >= 0 ? cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)]
                                     .deadline_push_hours_per_day
                               : 0.0;
    double due_cost = 0.0;  // visits whose deadline is today or past, pushed assessments
    assess_cases_.clear();
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
            assess_cases_.push_back(index);
        }
        if (c.assess_left - c.assess_writing > 0.0 && c.assess_push >= 0 && c.assess_push <= day) {
            // A pushed assessment's work is protected like a visit due (below).
            due_cost += std::min(push_hours, (c.assess_left - c.assess_writing) * slow);
        }
        if (c.next_visit >= 0 && c.visit_open <= day) {
            due_.emplace_back(c.next_visit, index);
            if (c.next_visit <= day) {
                due_cost += visit + t.travel_hours_per_visit + recording;
            }
        }
    }
    std::sort(due_.begin(), due_.end());
    // System effects on the week's admin: defensive recording under blame, compliance work
    // after an inadequate judgement (department_system.cpp).
    const double case_admin_factor =
        system_.in_blame(day) ? cfg_->culture.defensive_recording_multiplier : 1.0;
    const double fixed_admin_per_week =
        t.fixed_admin_hours_per_week +
        (system_.is_inadequate(day) ? cfg_->inspection.compliance_admin_hours_per_week : 0.0);
    const double admin_new = (std::max(0.0, p.case_admin_per_week) * case_admin_factor / 5.0 +
                              fixed_admin_per_week / 5.0) *
                                 slow +
                             p.pending_handover_hours;
    p.pending_handover_hours = 0.0;

    // Admin and meetings come first, but a share of the day stays for visits that are due, so an
    // overloaded worker still visits (late) while recording falls behind (the admin backlog).
    const double reserve = std::min(due_cost, (1.0 - t.max_admin_meeting_share) * hours);
    double available = hours - reserve;
    // Assessments whose work is done are written up first: compulsory admin with a statutory
    // deadline, ahead of the routine recording (and its backlog); an amount per assessment, not
    // per week open, with the PA's delegable share.
    const WritingDay writing = write_up_assessments(day, available, slow, pa_left);
    available -= writing.own;
    pa_left -= writing.pa;
    delegable_by_sw += writing.delegable;
    const double admin_own = own_admin(admin_new) + p.admin_backlog_hours;
    double admin_done = std::min(admin_own, available);
    available -= admin_done;
    p.admin_backlog_hours = std::min(admin_own - admin_done, t.max_admin_backlog_hours);
    admin_done += writing.own;
    const double other_done = std::min(other, available);
    available -= other_done;
    available += reserve;

    double direct = 0.0, travel = 0.0;
    int overdue = 0;
    bool out_of_time = false;
    for (const auto& [due, index] : due_) {
        // Preview the recording the worker would keep after the PA's share.
        const double recording_own = recording - std::min(pa_left, delegable * recording);
        const double cost = visit + t.travel_hours_per_visit + recording_own;
        if (due < day) {
            ++overdue;
        }
        if (out_of_time || available < 0.5 * cost) {
            out_of_time = true;  // this and later visits slip to another day
            continue;
        }
        // A visit once started is finished, even if that runs past the day's hours.
        available -= cost;
        admin_done += own_admin(recording);
        direct += visit;
        travel += t.travel_hours_per_visit;
        Case& c = cases_[index];
        const PathwayStage& s = cfg_->pathway.stages[c.stage];
        ++c.visits_done;
        system_.count_visit(day <= due);
        if (measuring()) {
            if (day <= due) {
                outputs_.acc.visits_on_time += 1.0;
            } else {
                outputs_.acc.visits_late += 1.0;
            }
        }
        if (day > due) {
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
    work_on_assessments(day, available, slow);
    direct += std::max(0.0, available);  // families always need more time than there is
    const double worked = admin_done + other_done + direct + travel;

    // Workload pressure: the week's compulsory work at the current caseload (smooth, so that a
    // day with two visits is not a crisis), plus the backlog of overdue visits, over contracted
    // hours. The PA's share of admin is taken off at this week's PA capacity.
    const double visit_cost = visit + t.travel_hours_per_visit;
    const double weekly_admin =
        (std::max(0.0, p.case_admin_per_week) * case_admin_factor + fixed_admin_per_week) * slow +
        p.visits_per_week * recording;
    const double weekly_own_admin =
        weekly_admin - std::min(pa_hours_per_worker_ * 5.0, delegable * weekly_admin);
    const double weekly_other = (std::max(0.0, p.case_meeting_per_week) + p.review_hours_per_week +
                                 t.fixed_other_hours_per_week) *
                                slow;
    const double weekly_compulsory =
        weekly_own_admin + weekly_other + p.visits_per_week * visit_cost;
    const double backlog = overdue * (visit_cost + recording) + p.admin_backlog_hours;
    const double pressure = (weekly_compulsory + backlog) / t.contracted_hours_per_week;
    if (pressure > cfg_->quality.rushed_pressure) {
        for (int index : p.cases) {
            if (cases_[index].stage == assessment_stage_) {
                cases_[index].rushed = true;
            }
        }
    }
    const double admin_share = worked > 0.0 ? admin_done / worked : 0.0;
    // Without supervision nobody shares the weight of the work (Mor Barak et al. 2001).
    const double unsupervised = 1.0 - managers_.supervision_of(post_index);
    const double target = std::clamp(sc.baseline + sc.weight_admin_share * admin_share +
                                         sc.weight_pressure * (pressure - 1.0) +
                                         sc.weight_overtime * overtime / contracted +
                                         cfg_->management.unsupervised_stress * unsupervised,
                                     0.0, 1.0);
    const double tau = target > p.stress ? sc.rise_days : sc.recover_days;
    p.stress += (target - p.stress) / std::max(1.0, tau);

    day_direct_ += direct;
    day_admin_ += admin_done;
    day_travel_ += travel;
    day_other_ += other_done;
    if (measuring()) {
        outputs_.acc.hours_direct += direct;
        outputs_.acc.hours_admin += admin_done;
        outputs_.acc.hours_travel += travel;
        outputs_.acc.hours_other += other_done;
        outputs_.acc.hours_overtime += overtime;
        outputs_.acc.working_days += 1.0;  // worker-days at work
        outputs_.acc.delegable_admin_hours += delegable_by_sw;
    }
}

double Model::work_on_assessments(core::DayIndex day, double free, double slow) {
    if (assessment_stage_ < 0) {
        return 0.0;
    }
    const PathwayStage& a = cfg_->pathway.stages[static_cast<std::size_t>(assessment_stage_)];
    if (!a.ends_when_work_done()) {
        return 0.0;
    }
    assessment_work_.clear();
    for (int index : assess_cases_) {
        const Case& c = cases_[static_cast<std::size_t>(index)];
        if (c.assess_left - c.assess_writing > 1e-9) {
            AssessmentWork w;
            w.hours_left = c.assess_left - c.assess_writing;  // the work before the writing
            w.pushed = c.assess_push >= 0 && c.assess_push <= day;
            w.deadline_day = c.assess_deadline;
            w.case_index = index;
            assessment_work_.push_back(w);
        }
    }
    if (assessment_work_.empty()) {
        return 0.0;
    }
    const double given = share_assessment_time(
        free, a.work_hours_per_day, a.deadline_push_hours_per_day, slow, assessment_work_);
    for (const AssessmentWork& w : assessment_work_) {
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
    assessment_writing_.clear();
    for (int index : assess_cases_) {
        const Case& c = cases_[static_cast<std::size_t>(index)];
        if (c.assess_writing > 1e-9 && c.assess_left - c.assess_writing <= 1e-9) {
            AssessmentWriting w;
            w.hours_left = c.assess_writing;
            w.deadline_day = c.assess_deadline;
            w.case_index = index;
            assessment_writing_.push_back(w);
        }
    }
    if (assessment_writing_.empty()) {
        return WritingDay{};
    }
    const WritingDay spent = write_assessments_up(
        available, pa_left, cfg_->time_use.delegable_admin_share, slow, assessment_writing_);
    for (const AssessmentWriting& w : assessment_writing_) {
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

void Model::quality_hazards(core::DayIndex day) {
    const QualityConfig& q = cfg_->quality;
    const double per_day = 1.0 / kWorkingDaysPerYear;  // hazards are per year of working days
    // Learning fades without new reviews (a learning culture only).
    system_.decay_learning();
    const double culture = system_.culture_hazard_multiplier();
    const bool measure = measuring();
    double sw_cases = 0.0, two_plus = 0.0, workers = 0.0;
    // The churn factor by recent changes (at most the ring's size), once a day instead of a
    // std::pow per case: the same values, so the same draws decide.
    std::array<double, std::tuple_size_v<decltype(Case::changes)> + 1> churn_factor{};
    for (std::size_t k = 0; k < churn_factor.size(); ++k) {
        churn_factor[k] =
            std::pow(cfg_->churn.hazard_multiplier_per_recent_change, static_cast<double>(k));
    }
    // Management: a worker without supervision is more likely to miss rising risk. One factor
    // per post for the day (supervision changes only with managers' absences).
    post_hazard_multiplier_.resize(posts_.size());
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        post_hazard_multiplier_[i] =
            1.0 + (cfg_->management.unsupervised_hazard_multiplier - 1.0) *
                      (1.0 - managers_.supervision_of(static_cast<int>(i)));
    }
    // Per stage, once a day: 0 no hazards, 1 social work, 2 early help or the front door.
    const std::vector<PathwayStage>& stages = cfg_->pathway.stages;
    std::vector<std::uint8_t> hazard_kind(stages.size(), 0);
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const StageKind kind = stages[s].kind;
        hazard_kind[s] = kind == StageKind::SocialWork                                    ? 1
                         : (kind == StageKind::EarlyHelp || kind == StageKind::FrontDoor) ? 2
                                                                                          : 0;
    }
    // The most p_harm + p_escalate can be today at each need level, every factor at its largest
    // (with a margin far above rounding): a draw at or above it decides nothing, so the exact
    // probabilities are only formed below it. The same draws and the same comparisons as forming
    // them for every case, so the same outcomes; most cases stop at the bound.
    const bool churn_on = cfg_->churn.enabled;
    // A change of circumstances (need rising) opens a re-assessment where the stage says so.
    const bool work_mode =
        assessment_stage_ >= 0 &&
        stages[static_cast<std::size_t>(assessment_stage_)].ends_when_work_done();
    auto reassess = [&](Case& c, core::DayIndex d) {
        if (work_mode && c.assess_left < 0.0 &&
            stages[static_cast<std::size_t>(c.stage)].reassess_on_escalation) {
            open_assessment(c, d);
        }
    };
    double most = culture;
    auto widen = [&most](double factor) { most *= std::max(1.0, factor); };
    if (churn_on) {
        widen(*std::max_element(churn_factor.begin(), churn_factor.end()));
    }
    double largest_post = 1.0;
    for (double f : post_hazard_multiplier_) {
        largest_post = std::max(largest_post, f);
    }
    widen(largest_post);
    widen(q.late_visit_multiplier);
    widen(q.unallocated_multiplier);
    widen(q.handover_multiplier);
    std::array<double, kNeedLevels> bound{};
    bound.fill(std::numeric_limits<double>::infinity());
    const std::size_t levels =
        std::min({kNeedLevels, q.harm_rate_by_need.size(), q.escalation_rate_by_need.size()});
    for (std::size_t n = 0; n < levels; ++n) {
        const double b = (q.harm_rate_by_need[n] + q.escalation_rate_by_need[n]) * most * per_day;
        // Negative or non-finite inputs: no shortcut (the exact comparison decides every case).
        const bool usable = std::isfinite(b) && most >= 0.0 && q.harm_rate_by_need[n] >= 0.0 &&
                            q.escalation_rate_by_need[n] >= 0.0;
        bound[n] = usable ? b * (1.0 + 1e-9) : std::numeric_limits<double>::infinity();
    }
    for (std::size_t i = 0; i < cases_.size(); ++i) {
        Case& c = cases_[i];
        if (!c.active) {
            continue;
        }
        const std::uint8_t hk = hazard_kind[static_cast<std::size_t>(c.stage)];
        if (hk == 0) {
            continue;
        }
        const StageKind kind = hk == 1 ? StageKind::SocialWork : StageKind::EarlyHelp;
        const std::size_t need = static_cast<std::size_t>(c.need);
        double multiplier = culture;
        // Churn as the child experiences it: changes of worker in the last 12 months.
        const int recent = kind == StageKind::SocialWork ? c.recent_changes(day) : 0;
        if (kind == StageKind::SocialWork) {
            sw_cases += 1.0;
            two_plus += recent >= 2 ? 1.0 : 0.0;
            workers += c.social_workers;
            if (measure) {
                (recent >= 2 ? outputs_.acc.exposure_two_plus : outputs_.acc.exposure_fewer) += 1.0;
            }
        }
        const double u = rng_quality_.uniform01();
        if (u >= bound[need]) {
            continue;
        }
        if (churn_on && recent > 0) {
            multiplier *= churn_factor[static_cast<std::size_t>(recent)];
        }
        if (c.worker >= 0) {
            multiplier *= post_hazard_multiplier_[static_cast<std::size_t>(c.worker)];
        }
        if (c.next_visit >= 0 && c.next_visit < day) {
            multiplier *= q.late_visit_multiplier;
        }
        if (kind == StageKind::SocialWork && c.worker < 0) {
            multiplier *= q.unallocated_multiplier;
        }
        if (c.handover_until >= day) {
            multiplier *= q.handover_multiplier;
        }
        const double p_harm = q.harm_rate_by_need[need] * multiplier * per_day;
        const double p_escalate = q.escalation_rate_by_need[need] * multiplier * per_day;
        if (u < p_harm) {
            ++day_harm_;
            if (measure) {
                outputs_.acc.harm_events += 1.0;
                if (kind == StageKind::SocialWork) {
                    (recent >= 2 ? outputs_.acc.harm_two_plus : outputs_.acc.harm_fewer) += 1.0;
                }
            }
            if (detail_) {
                add_event("harm", c.worker >= 0 ? c.worker : -1,
                          "Serious harm to a child in " + cfg_->pathway.stages[c.stage].label +
                              (c.worker < 0 ? " (unallocated)" : "") +
                              (c.handover_until >= day ? " shortly after a handover" : ""));
            }
            c.need = std::min(c.need + 1, static_cast<int>(kNeedLevels) - 1);
            reassess(c, day);
            const double review = system_.on_harm(c.worker, day, measure);
            if (c.worker >= 0) {
                posts_[c.worker].pending_handover_hours += review;  // admin time
            }
        } else if (u < p_harm + p_escalate) {
            c.need = std::min(c.need + 1, static_cast<int>(kNeedLevels) - 1);
            reassess(c, day);
            const double review = system_.on_near_miss(measure);  // risk rose; nobody hurt yet
            if (c.worker >= 0) {
                posts_[c.worker].pending_handover_hours += review;
            }
        }
    }
    churn_two_plus_share_ = sw_cases > 0.0 ? two_plus / sw_cases : 0.0;
    churn_workers_mean_ = sw_cases > 0.0 ? workers / sw_cases : 0.0;
    if (measure) {
        outputs_.acc.churn_case_days += sw_cases;
        outputs_.acc.churn_two_plus_days += two_plus;
        outputs_.acc.churn_workers_sum += workers;
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
