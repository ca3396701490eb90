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
