/**
 * @file department_allocation.cpp
 * @brief The front door's screening (mechanism 2) and the model's side of allocation (mechanism
 * 4): the case moves Allocation (allocation.hpp) asks for — assign, release, the queue entry.
 */
#include <algorithm>
#include <limits>
#include <vector>

#include "department_state.hpp"

namespace cssim::department::detail {

void Model::screen_referrals(core::DayIndex day) {
    // An overwhelmed team: managers redeploy a worker into it, and the front door raises its
    // threshold when it holds assessments (department_redeployment.cpp,
    // front_door_threshold.cpp); neither fires under normal pressure.
    update_team_pressures(day);
    redeploy(day);
    const double turned_away = front_door_threshold_share(day);
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
        const int next = apply_front_door_threshold(c, choose_next_stage(c), turned_away);
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
    allocation_.enqueue(case_index);
}

void Model::add_load(Post& p, const PathwayStage& s, double sign) {
    p.weighted_caseload += sign * weight_in_team(p.team, s);
    time_use_.add_load(static_cast<int>(&p - posts_.data()), s, sign);  // the day's hours
}

void Model::assign(int case_index, int post, core::DayIndex day, HandoverKind kind) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_->pathway.stages[c.stage];
    Post& p = posts_[post];
    c.worker = post;
    p.cases.push_back(case_index);
    add_load(p, s, 1.0);
    ++c.social_workers;
    worker_takes_over(case_index, post);
    if (c.previous_worker >= 0) {
        // A handover: reading in, and (docs/model.md 7.8) a period in which risk is less likely
        // to be spotted, unless the worker before hands the child over in person (a transfer
        // or a reallocation: the history passes with the case).
        ++c.handovers;
        c.record_change(day);
        p.pending_handover_hours += cfg_->time_use.handover_hours_per_case;
        if (kind == HandoverKind::kFromQueue) {
            c.handover_until = calendar_.add_working_days(day, cfg_->quality.handover_risk_wd);
        }
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
    if (c.in_queue) {
        // Held for a transfer (queue_transfer): its entry now waits unheld, from today even if
        // the receiving team's transfer point has not come.
        allocation_.count_waiting(1);
        c.queued_day = std::min(c.queued_day, today());
    } else if (to_queue) {
        enqueue_unallocated(case_index);
    }
}

void Model::release(int case_index, int post) {
    const Case& c = cases_[static_cast<std::size_t>(case_index)];
    add_load(posts_[static_cast<std::size_t>(post)],
             cfg_->pathway.stages[static_cast<std::size_t>(c.stage)], -1.0);
    unassign(case_index, false);  // a held transfer's entry is counted as waiting meanwhile
}

void Model::count_allocation(AllocationCount what, double amount) {
    if (!measuring()) {
        return;
    }
    switch (what) {
        case AllocationCount::kOutOfTeam:
            outputs_.acc.out_of_team_allocations += amount;
            break;
        case AllocationCount::kTransfer:
            outputs_.acc.transfers += amount;
            break;
        case AllocationCount::kTransferWaitWd:
            outputs_.acc.transfer_wait_wd += amount;
            break;
        case AllocationCount::kReallocation:
            outputs_.acc.reallocations += amount;
            break;
    }
}

}  // namespace cssim::department::detail
