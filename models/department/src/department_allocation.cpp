/**
 * @file department_allocation.cpp
 * @brief The front door's screening (mechanism 2) and allocation of cases to social workers with
 * the unallocated queue and the caseload cap (mechanism 4).
 */
#include <algorithm>
#include <vector>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::screen_referrals(core::DayIndex day) {
    const FrontDoorConfig& f = cfg_->front_door;
    const double hours_available = f.screening_fte * cfg_->time_use.contracted_hours_per_week / 5.0;
    const double waiting_hours =
        static_cast<double>(screening_queue_.size()) * f.screening_hours_per_referral;
    const double pressure = hours_available > 0.0 ? waiting_hours / hours_available : 10.0;
    const double accuracy =
        std::max(f.minimum_accuracy,
                 f.accuracy - f.accuracy_loss_per_pressure * std::max(0.0, pressure - 1.0));
    int capacity = f.screening_hours_per_referral > 0.0
                       ? static_cast<int>(hours_available / f.screening_hours_per_referral)
                       : static_cast<int>(screening_queue_.size());
    while (capacity-- > 0 && !screening_queue_.empty()) {
        const int index = screening_queue_.front();
        screening_queue_.pop_front();
        Case& c = cases_[index];
        const bool correct = rng_front_door_.bernoulli(accuracy);
        c.perceived = correct ? c.need : misjudge_need(c.need, rng_front_door_);
        c.perceived = system_.defensive_need(c.perceived, day);  // defensive practice
        if (measuring()) {
            outputs_.acc.screened += 1.0;
            if (calendar_.working_days_between(c.referral_day, day) <= f.decision_due_wd) {
                outputs_.acc.screened_on_time += 1.0;
            }
        }
        const int next = choose_next_stage(c);
        if (next == closed_stage_ && measuring()) {
            outputs_.acc.no_further_action += 1.0;
        }
        leave_stage(index, next);
        enter_stage(index, next);
    }
}

void Model::enqueue_unallocated(int case_index) {
    Case& c = cases_[case_index];
    c.in_queue = true;
    c.queued_day = today();
    ++unallocated_count_;
    unallocated_.push_back(case_index);
}

void Model::add_load(Post& p, const PathwayStage& s, double sign) {
    p.case_admin_per_week += sign * s.admin_hours_per_week;
    p.case_meeting_per_week += sign * s.meeting_hours_per_week;
    p.weighted_caseload += sign * s.caseload_weight;
    if (s.visit_interval_wd > 0) {
        p.visits_per_week += sign * 5.0 / s.visit_interval_wd;
    }
    if (s.review_interval_wd > 0) {
        p.review_hours_per_week += sign * s.review_hours * 5.0 / s.review_interval_wd;
    }
}

void Model::assign(int case_index, int post, core::DayIndex day) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_->pathway.stages[c.stage];
    Post& p = posts_[post];
    c.worker = post;
    p.cases.push_back(case_index);
    add_load(p, s, 1.0);
    ++c.social_workers;
    worker_takes_over(case_index, post);
    if (c.previous_worker >= 0) {
        // A handover: reading in, and a period in which risk is less likely to be spotted.
        ++c.handovers;
        c.record_change(day);
        p.pending_handover_hours += cfg_->time_use.handover_hours_per_case;
        c.handover_until = calendar_.add_working_days(day, cfg_->quality.handover_risk_wd);
        if (measuring()) {
            outputs_.acc.handovers += 1.0;
        }
    }
}

void Model::unassign(int case_index, bool to_queue) {
    Case& c = cases_[case_index];
    Post& p = posts_[c.worker];
    auto it = std::find(p.cases.begin(), p.cases.end(), case_index);
    if (it != p.cases.end()) {
        *it = p.cases.back();
        p.cases.pop_back();
    }
    if (to_queue) {
        const PathwayStage& s = cfg_->pathway.stages[c.stage];
        add_load(p, s, -1.0);
    }
    c.previous_worker = c.worker;
    c.worker = -1;
    if (to_queue) {
        enqueue_unallocated(case_index);
    }
}

void Model::allocate(core::DayIndex day) {
    if (unallocated_.empty()) {
        return;
    }
    // Candidates with room, and their room, computed once per call: a post's cap does not change
    // during the call, and only the post that takes a case changes its load, so only its room is
    // recomputed (with the same expression, so the same choices as recomputing every room for
    // every case; that cost O(queue x posts) calls per day).
    std::vector<int> candidates;
    std::vector<double> rooms;
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (can_take_cases(posts_[i], day)) {
            candidates.push_back(static_cast<int>(i));
            rooms.push_back(cap_of(posts_[i], day) - posts_[i].weighted_caseload);
        }
    }
    auto refresh_room = [&](int post) {
        const auto it = std::find(candidates.begin(), candidates.end(), post);
        if (it != candidates.end()) {
            rooms[static_cast<std::size_t>(it - candidates.begin())] =
                cap_of(posts_[post], day) - posts_[post].weighted_caseload;
        }
    };
    std::size_t remaining = unallocated_.size();
    while (remaining-- > 0) {
        if ((remaining & 1023) == 0) {
            throw_if_cancelled();  // a huge backlog against hundreds of posts takes seconds
        }
        const int index = unallocated_.front();
        unallocated_.pop_front();
        Case& c = cases_[index];
        if (!c.active || !c.in_queue) {
            continue;  // closed or re-routed while waiting: drop the stale entry
        }
        const double weight = cfg_->pathway.stages[c.stage].caseload_weight;
        // The most room that fits the case; the first such candidate on ties.
        int best = -1;
        double best_room = 0.0;
        for (std::size_t k = 0; k < rooms.size(); ++k) {
            const double room = rooms[k];
            if (room >= weight && room > best_room) {
                best_room = room;
                best = candidates[k];
            }
        }
        const int wait_limit = cfg_->allocation.over_cap_after_wd;
        if (best < 0 && wait_limit > 0 &&
            calendar_.working_days_between(c.queued_day, day) >= wait_limit) {
            // Waited too long: a manager allocates over the cap to the least-loaded worker.
            double lowest = 1e300;
            for (std::size_t i = 0; i < posts_.size(); ++i) {
                const Post& p = posts_[i];
                if (is_case_holder(p) && !p.sick && !p.on_notice && p.weighted_caseload < lowest) {
                    lowest = p.weighted_caseload;
                    best = static_cast<int>(i);
                }
            }
        }
        if (best < 0) {
            unallocated_.push_back(index);  // keeps its place order for tomorrow
            continue;
        }
        c.in_queue = false;
        --unallocated_count_;
        assign(index, best, day);
        refresh_room(best);
    }
}

}  // namespace cssim::department::detail
