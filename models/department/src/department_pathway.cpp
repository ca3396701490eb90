/**
 * @file department_pathway.cpp
 * @brief The pathway (mechanism 3): referrals entering, stages entered and left, the next stage
 * drawn from the graph by need as judged, and closure with its chance of a re-referral.
 */
#include <algorithm>
#include <cmath>
#include <utility>

#include "department_state.hpp"

namespace cssim::department::detail {

int Model::new_case() {
    int index;
    if (!free_cases_.empty()) {
        index = free_cases_.back();
        free_cases_.pop_back();
        const std::uint32_t generation = cases_[index].generation + 1;
        cases_[index] = Case{};
        cases_[index].generation = generation;
        histories_[static_cast<std::size_t>(index)] = WorkerHistory{};
    } else {
        index = static_cast<int>(cases_.size());
        cases_.emplace_back();
        histories_.emplace_back();
    }
    cases_[index].active = true;
    cases_[index].serial = next_case_serial_++;
    return index;
}

void Model::on_referral(int need, core::DayIndex previous_referral_day) {
    const core::DayIndex day = today();
    const int index = new_case();
    Case& c = cases_[index];
    c.need = need;
    c.perceived = need;
    c.referral_day = day;
    c.previous_referral_day = previous_referral_day;
    ++day_referrals_;
    if (measuring()) {
        outputs_.acc.referrals += 1.0;
        outputs_.acc.referrals_high_need += need >= 3 ? 1.0 : 0.0;
        if (day - previous_referral_day <= 365) {
            outputs_.acc.re_referrals += 1.0;
        }
    }
    c.stage = referral_stage_;
    ++stage_counts_[referral_stage_];
    if (measuring()) {
        outputs_.acc.stage_entries[static_cast<std::size_t>(referral_stage_)] += 1.0;
    }
    // The entry stage is instant: its transitions (normally to screening) are taken at once.
    const int next = choose_next_stage(c);
    leave_stage(index, next);
    enter_stage(index, next);
}

int Model::choose_next_stage(const Case& c) {
    const auto& options = out_[c.stage];
    const std::size_t level = static_cast<std::size_t>(c.perceived);
    double u = rng_pathway_.uniform01();
    for (const auto& [to, prob] : options) {
        u -= prob[level];
        if (u < 0.0) {
            return to;
        }
    }
    // Rounding: take the last option with positive probability.
    for (auto it = options.rbegin(); it != options.rend(); ++it) {
        if (it->second[level] > 0.0) {
            return it->first;
        }
    }
    return closed_stage_;
}

void Model::leave_stage(int case_index, int next_stage) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_->pathway.stages[c.stage];
    --stage_counts_[c.stage];
    c.from_stage = c.stage;
    if (c.stage == lac_stage_ && c.placement >= 0) {
        money_.end_placement(c.placement);
        c.placement = -1;
    }
    if (s.kind == StageKind::EarlyHelp) {
        --early_help_families_;
    }
    // Statutory visits still overdue when the stage ends were missed.
    if (c.next_visit >= 0 && c.next_visit < today() && measuring()) {
        outputs_.acc.visits_late += 1.0;
        ++c.visits_late;
    }
    ++c.generation;
    // The episode record (detailed replications only). The entry stage is instant and says
    // nothing the screening episode after it does not, so it has none.
    if (!episodes_ || s.kind == StageKind::Entry) {
        return;
    }
    const WorkerHistory& h = histories_[static_cast<std::size_t>(case_index)];
    record::EpisodeRecord e;
    e.case_id = c.serial;
    e.stage = s.id;
    if (h.episode_post >= 0) {
        // The post's team as its track shows it: the team's label with `teams`, else the
        // supervision team of workforce.team_size consecutive posts (post_team_label).
        e.team = post_team_label(h.episode_post);
        e.worker = h.episode_post;  // social worker posts are tracks 0..n-1
    }
    e.start_day = h.episode_start;
    e.end_day = today();
    e.working_days = calendar_.working_days_between(h.episode_start, e.end_day);
    e.next_stage = cfg_->pathway.stages[stage_entered(c, next_stage)].id;  // as really entered
    e.need = c.need;
    e.social_workers = h.episode.size();
    outputs_.add_episode(std::move(e));
}

int Model::stage_entered(const Case& c, int stage) const {
    // Early help only if it has room; otherwise moderate+ need goes to assessment, else closes.
    if (cfg_->pathway.stages[stage].kind == StageKind::EarlyHelp &&
        static_cast<double>(early_help_families_) >= early_help_capacity_) {
        return (c.perceived >= 2 && assessment_stage_ >= 0) ? assessment_stage_ : closed_stage_;
    }
    return stage;
}

void Model::enter_stage(int case_index, int requested_stage, bool residual) {
    Case& c = cases_[case_index];
    const int stage = stage_entered(c, requested_stage);
    const PathwayStage& s = cfg_->pathway.stages[stage];
    const core::DayIndex day = today();
    c.stage = stage;
    histories_[static_cast<std::size_t>(case_index)].start_episode(
        day, c.worker,
        c.worker >= 0 ? posts_[static_cast<std::size_t>(c.worker)].holder : kNoHolder,
        stage == lac_stage_);
    ++stage_counts_[stage];
    if (measuring()) {
        outputs_.acc.stage_entries[static_cast<std::size_t>(stage)] += 1.0;
    }
    c.timer_done = false;
    c.visits_done = 0;
    c.next_visit = -1;
    c.next_review = -1;
    c.reviews_held = 0;
    c.early_exit_day = -1;
    switch (s.kind) {
        case StageKind::Closed:
            close_case(case_index, c.from_stage);
            return;
        case StageKind::Entry:
            return;
        case StageKind::FrontDoor:
            screening_queue_.push_back(case_index);
            return;
        case StageKind::EarlyHelp: {
            ++early_help_families_;
            money_.spend_on_prevention(cfg_->early_help.cost_per_family, measuring(), outputs_.acc);
            break;
        }
        case StageKind::SocialWork:
            if (s.visit_interval_wd > 0) {
                c.next_visit = calendar_.add_working_days(day, std::min(5, s.visit_interval_wd));
                c.visit_open = day;
            }
            if (s.review_interval_wd > 0) {
                c.next_review = calendar_.add_working_days(day, s.review_interval_wd);
            }
            if (stage == lac_stage_) {
                c.placement = money_.place_child();
            }
            {
                // The assessment's clock runs from the referral when the child comes straight
                // from the front door (as the DfE measures it), else from today.
                const int from_kind = static_cast<int>(cfg_->pathway.stages[c.from_stage].kind);
                const bool from_front_door = from_kind == static_cast<int>(StageKind::FrontDoor) ||
                                             from_kind == static_cast<int>(StageKind::Entry);
                const core::DayIndex start = from_front_door ? c.referral_day : day;
                const bool work_mode =
                    assessment_stage_ >= 0 &&
                    cfg_->pathway.stages[assessment_stage_].ends_when_work_done();
                if (stage == assessment_stage_) {
                    c.assess_start = work_mode ? start : c.referral_day;
                    if (work_mode) {
                        open_assessment(c, start);
                        if (residual) {
                            c.assess_left =
                                std::max(0.01, c.assess_left * rng_initial_.uniform01());
                            c.assess_writing = std::min(c.assess_writing, c.assess_left);
                        }
                    }
                } else if (s.opens_assessment && work_mode && c.assess_left < 0.0 &&
                           c.from_stage != assessment_stage_) {
                    open_assessment(c, start);  // every section 47 enquiry carries one
                }
            }
            if (c.worker >= 0) {
                // Continuity: the same worker keeps the child, with the new stage's workload.
                Post& p = posts_[c.worker];
                add_load(p, s, 1.0);
                allocation_.queue_transfer(
                    case_index, today());  // another team's stage: held until it allocates
            } else if (!c.in_queue) {
                enqueue_unallocated(case_index);
            }
            break;
    }
    if (s.kind == StageKind::SocialWork && s.ends_when_work_done()) {
        return;  // ends when its worker has done the work (work_on_assessments)
    }
    if (s.kind == StageKind::SocialWork && s.ends_at_review()) {
        // Ends at a review conference, or early (e.g. into care) if that comes first.
        core::RandomStream& rng = residual ? rng_initial_ : rng_durations_;
        const double early = draw_early_exit_wd(s, c.need, rng);
        if (early >= 0.0 &&
            static_cast<double>(day) + std::ceil(early) < static_cast<double>(end_day_)) {
            c.early_exit_day = calendar_.add_working_days(day, static_cast<int>(std::ceil(early)));
        }
        int gap = review_gap_wd(s, 0);
        if (residual) {
            // A plan under way at day 0 has had its first review; the next falls anywhere in
            // the gap to it.
            c.reviews_held = 1;
            gap = std::max(
                1, static_cast<int>(std::ceil(review_gap_wd(s, 1) * rng_initial_.uniform01())));
        }
        schedule_review_decision(case_index, day, gap);
        return;
    }
    const double duration =
        residual ? residual_of(s.duration_wd) : std::max(0.0, s.duration_wd.sample(rng_durations_));
    const int working_days = static_cast<int>(std::ceil(duration));
    if (static_cast<double>(day) + working_days >= static_cast<double>(end_day_)) {
        // n working days take at least n calendar days, so this stage ends at or after the
        // horizon and its event would never be dispatched: skip the working-day arithmetic (far
        // beyond the calendar's table it walks day by day) and the queue. Later events keep
        // their order, so nothing the run outputs changes.
        return;
    }
    const core::DayIndex end = calendar_.add_working_days(day, working_days);
    sim_.schedule_at(std::max(sim_.now(), tick_of(end, 17)), kStageEnd,
                     static_cast<std::uint32_t>(case_index), c.generation);
}

void Model::on_stage_end(int case_index) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_->pathway.stages[c.stage];
    if (s.kind == StageKind::SocialWork && c.visits_done < required_visits_for(s, c.need)) {
        c.timer_done = true;  // ends when the worker has done the visits (day process)
        return;
    }
    const core::DayIndex day = today();
    int next = -1;
    if (s.kind == StageKind::SocialWork && s.ends_at_review()) {
        const int early = early_exit_stage_[static_cast<std::size_t>(c.stage)];
        if (early >= 0 && c.early_exit_day >= 0 && day >= c.early_exit_day) {
            next = early;  // e.g. the child becomes looked after before the next review
        } else {
            // A review conference: the plan ends with a chance by need and progress.
            const double visits = static_cast<double>(c.visits_done + c.visits_late);
            const double late_share = visits > 0.0 ? c.visits_late / visits : 0.0;
            const double p = review_exit_probability(s, c.need, c.reviews_held, late_share);
            const bool ends = rng_pathway_.uniform01() < p;
            ++c.reviews_held;
            if (!ends) {
                schedule_review_decision(case_index, day, review_gap_wd(s, c.reviews_held));
                return;
            }
        }
    }
    if (c.stage == assessment_stage_) {
        // The assessment decides with the true need unless it was rushed (Quality).
        c.perceived = quality_.assessed_need(c, rng_pathway_);
        c.perceived = system_.defensive_need(c.perceived, day);  // defensive practice
        complete_assessment(c, day);
    } else if (s.kind == StageKind::SocialWork || s.kind == StageKind::EarlyHelp) {
        c.perceived = c.need;
    }
    if (next < 0) {
        next = choose_next_stage(c);
    }
    if (c.stage == assessment_stage_ && measuring() &&
        cfg_->pathway.stages[next].kind != StageKind::SocialWork) {
        outputs_.acc.assessed_not_in_need += 1.0;  // closed or stepped down to early help
    }
    // A social-work stage its team holds keeps the worker; another team's means a transfer
    // (department_teams.cpp), unless the practice model keeps one worker throughout.
    const bool keeps_worker = worker_keeps_case(c, next);
    if (cfg_->pathway.stages[next].kind != StageKind::SocialWork && c.assess_left >= 0.0) {
        complete_assessment(c, day);  // written up and authorised as social work ends
    }
    if (c.worker >= 0) {
        Post& p = posts_[c.worker];
        add_load(p, s, -1.0);
        if (!keeps_worker) {
            unassign(case_index, false);
        }
    }
    if (c.in_queue && !keeps_worker) {
        c.in_queue = false;  // the queue entry is skipped lazily
        allocation_.count_waiting(-1);
    }
    leave_stage(case_index, next);
    c.rushed = false;
    enter_stage(case_index, next);
}

void Model::schedule_review_decision(int case_index, core::DayIndex from, int gap_wd) {
    Case& c = cases_[static_cast<std::size_t>(case_index)];
    core::DayIndex when = end_day_;
    if (static_cast<double>(from) + gap_wd < static_cast<double>(end_day_)) {
        when = calendar_.add_working_days(from, gap_wd);
    }
    c.next_review = when < end_day_ ? when : -1;  // the review's hours (work_one_post)
    if (c.early_exit_day >= 0 && c.early_exit_day < when) {
        when = c.early_exit_day;
    }
    if (when >= end_day_) {
        return;  // beyond the horizon (see enter_stage)
    }
    sim_.schedule_at(std::max(sim_.now(), tick_of(when, 17)), kStageEnd,
                     static_cast<std::uint32_t>(case_index), c.generation);
}

void Model::close_case(int case_index, int from_stage) {
    Case& c = cases_[case_index];
    // Premature closure: late visits and handovers lower the chance that need was met (Quality).
    const double resolved = quality_.resolution_probability(cfg_->pathway.stages[from_stage], c);
    const double u_resolved = rng_re_referral_.uniform01();
    const double u_back = rng_re_referral_.uniform01();
    const double delay = cfg_->demand.re_referral_delay_days.sample(rng_re_referral_);
    if (measuring()) {
        outputs_.acc.closures += 1.0;
        outputs_.acc.social_workers_at_closure += c.social_workers;
    }
    if (u_resolved >= resolved &&
        u_back < cfg_->demand.re_referral_probability_by_need[static_cast<std::size_t>(c.need)]) {
        const core::Tick when = sim_.now() + core::ticks_from_days(std::max(0.0, delay));
        if (when < core::start_of_day(end_day_)) {
            const std::uint64_t payload =
                static_cast<std::uint64_t>(c.need) |
                (static_cast<std::uint64_t>(c.referral_day + 1000000) << 8);
            sim_.schedule_at(when, kReReferral, 0, payload);
        }
    }
    // The case record is freed; the child lives on only in a pending re-referral.
    --stage_counts_[closed_stage_];
    if (c.worker >= 0) {
        unassign(case_index, false);
    }
    c.active = false;
    ++c.generation;
    free_cases_.push_back(case_index);
}

void Model::schedule_care_census(core::DayIndex after_day) {
    // 23:59 on the last day of the financial year holding `after_day`: "looked after on 31 March"
    // after everything that happened that day.
    const int year = calendar_.financial_year(after_day);
    const core::Tick when = core::start_of_day(calendar_.financial_year_start(year + 1)) - 1;
    if (when < core::start_of_day(end_day_)) {
        sim_.schedule_at(std::max(sim_.now(), when), kCareCensus);
    }
}

void Model::on_care_census() {
    // The DfE's social worker stability measure: of the children looked after on 31 March, those
    // with 3 or more different social workers during the year (while looked after; the SSDA903
    // return covers children only while they are looked after).
    const bool measure = measuring();
    for (std::size_t i = 0; i < cases_.size(); ++i) {
        const Case& c = cases_[i];
        WorkerHistory& h = histories_[i];
        if (!c.active || !h.looked_after) {
            continue;
        }
        if (measure) {
            outputs_.count_care_census(h.care_year.size());
        }
        h.start_care_year(c.worker >= 0 ? posts_[static_cast<std::size_t>(c.worker)].holder
                                        : kNoHolder);
    }
    schedule_care_census(today() + 1);
}

}  // namespace cssim::department::detail
