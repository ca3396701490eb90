/**
 * @file department_allocation.cpp
 * @brief The front door's screening (mechanism 2) and allocation of cases to social workers with
 * the unallocated queue and the caseload cap (mechanism 4).
 */
#include <algorithm>
#include <limits>
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
    p.weighted_caseload += sign * weight_in_team(p.team, s);
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
    if (c.in_queue) {
        // Held for a transfer (queue_transfer): its entry now waits unheld, from today even if
        // the receiving team's transfer point has not come.
        ++unallocated_count_;
        c.queued_day = std::min(c.queued_day, today());
    } else if (to_queue) {
        enqueue_unallocated(case_index);
    }
}

void Model::allocate(core::DayIndex day, bool unlimited) {
    if (unallocated_.empty()) {
        return;
    }
    // Each team's candidates with room, and their room, computed once per call: a post's cap
    // does not change during the call, and only the posts that take or give up a case change
    // their load, so only their room is recomputed (with the same expression, so the same
    // choices as recomputing every room for every case). Without `teams` there is one team of
    // every post, in post order, so the choices are those of the model before teams.
    const std::size_t n_teams = teams_.size();
    // "same_worker": a worker keeps the child whatever the stage, and the team holding a case's
    // stage takes it first; a case that has waited allocation.over_cap_after_wd working days
    // for that team goes to the worker with most room in any other team (work outside that
    // team's usual stages) before going over the cap in its own team.
    const bool same_worker =
        n_teams > 1 && cfg_->allocation.practice_model == PracticeModel::kSameWorker;
    std::vector<std::vector<int>> candidates(n_teams);
    std::vector<std::vector<double>> rooms(n_teams);
    std::vector<std::vector<int>> positions(n_teams);
    std::vector<double> budget(n_teams, std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        const Post& p = posts_[i];
        if (can_take_cases(p, day)) {
            const std::size_t t = static_cast<std::size_t>(p.team);
            candidates[t].push_back(static_cast<int>(i));
            rooms[t].push_back(cap_of(p, day) - p.weighted_caseload);
            positions[t].push_back(static_cast<int>(i) - teams_[t].first_post);
        }
    }
    if (!unlimited) {
        for (std::size_t t = 0; t < n_teams; ++t) {
            budget[t] = allocation_budget(static_cast<int>(t));
        }
    }
    auto refresh_room = [&](int post) {
        const std::size_t t = static_cast<std::size_t>(posts_[post].team);
        const auto it = std::find(candidates[t].begin(), candidates[t].end(), post);
        if (it != candidates[t].end()) {
            rooms[t][static_cast<std::size_t>(it - candidates[t].begin())] =
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
        const int team_index = std::max(0, stage_team_[static_cast<std::size_t>(c.stage)]);
        const std::size_t t = static_cast<std::size_t>(team_index);
        TeamLayout& team = teams_[t];
        const int held_by = c.worker;  // >= 0: a transfer, the child's worker holds it meanwhile
        if (held_by >= 0 &&
            (same_worker || posts_[static_cast<std::size_t>(held_by)].team == team_index)) {
            c.in_queue = false;  // no longer a transfer (the stage or the practice model changed)
            continue;
        }
        if (held_by >= 0 && day < c.queued_day) {
            unallocated_.push_back(index);  // before the transfer point (takes_after_wd)
            continue;
        }
        if (budget[t] < 1.0) {
            unallocated_.push_back(index);  // the team's managers have no time left today
            continue;
        }
        const PathwayStage& stage = cfg_->pathway.stages[static_cast<std::size_t>(c.stage)];
        const double weight = weight_in_team(team_index, stage);
        int best = -1;
        const int k = team.policy == AllocationPolicy::kInTurn
                          ? pick_in_turn(rooms[t], positions[t], team.end_post - team.first_post,
                                         weight, team.rota)
                          : pick_most_room(rooms[t], weight);
        if (k >= 0) {
            best = candidates[t][static_cast<std::size_t>(k)];
        }
        const int wait_limit = cfg_->allocation.over_cap_after_wd;
        const bool waited_too_long =
            wait_limit > 0 && calendar_.working_days_between(c.queued_day, day) >= wait_limit;
        if (best < 0 && waited_too_long && same_worker) {
            // Another team's worker with most room (under that team's weights and cap).
            double most = 0.0;
            for (std::size_t u = 0; u < n_teams; ++u) {
                if (u == t) {
                    continue;
                }
                const double w = weight_in_team(static_cast<int>(u), stage);
                const int j = pick_most_room(rooms[u], w);
                if (j >= 0 && rooms[u][static_cast<std::size_t>(j)] > most) {
                    most = rooms[u][static_cast<std::size_t>(j)];
                    best = candidates[u][static_cast<std::size_t>(j)];
                }
            }
            if (best >= 0 && measuring()) {
                outputs_.acc.out_of_team_allocations += 1.0;
            }
        }
        if (best < 0 && waited_too_long) {
            // Waited too long: the manager allocates over the cap to the least-loaded worker.
            double lowest = 1e300;
            for (int i = team.first_post; i < team.end_post; ++i) {
                const Post& p = posts_[static_cast<std::size_t>(i)];
                if (is_case_holder(p) && !p.sick && !p.on_notice && p.weighted_caseload < lowest) {
                    lowest = p.weighted_caseload;
                    best = i;
                }
            }
        }
        if (best < 0) {
            unallocated_.push_back(index);  // keeps its place order for tomorrow
            continue;
        }
        if (held_by >= 0) {
            // The receiving team takes the child: the transferring worker lets them go.
            add_load(posts_[static_cast<std::size_t>(held_by)], stage, -1.0);
            unassign(index, false);  // counts the entry as unallocated, as below uncounts it
            refresh_room(held_by);
            if (measuring()) {
                outputs_.acc.transfers += 1.0;
                outputs_.acc.transfer_wait_wd +=
                    static_cast<double>(calendar_.working_days_between(c.queued_day, day));
            }
        }
        c.in_queue = false;
        --unallocated_count_;
        assign(index, best, day);
        refresh_room(best);
        budget[t] -= 1.0;
    }
}

}  // namespace cssim::department::detail
