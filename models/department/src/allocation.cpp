/**
 * @file allocation.cpp
 * @brief The Allocation component (allocation.hpp): the team managers' choices of who takes a
 * case — allocation with the caseload cap and the managers' budgets, over-cap placement after the
 * wait, same_worker's own-team-first rule, transfers' timing and reallocation (mechanism 4).
 */
#include "allocation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace cssim::department::detail {

void Allocation::build(int posts) {
    teams_ = plan_teams(*cfg_, posts, stage_team_);
}

double Allocation::team_cap(int team) const {
    const double cap = teams_[static_cast<std::size_t>(team)].caseload_cap;
    return cap > 0.0 ? cap : cfg_->allocation.caseload_cap;
}

double Allocation::weight_in_team(int team, const PathwayStage& s) const {
    const std::vector<PathwayStage>& stages = cfg_->pathway.stages;
    const std::ptrdiff_t index = &s - stages.data();
    if (team < 0 || index < 0 || index >= static_cast<std::ptrdiff_t>(stages.size())) {
        return s.caseload_weight;
    }
    const double w =
        teams_[static_cast<std::size_t>(team)].stage_weight[static_cast<std::size_t>(index)];
    return std::isnan(w) ? s.caseload_weight : w;
}

void Allocation::queue_transfer(int case_index, core::DayIndex day, bool at_once) {
    const QueueEntry c = host_.queue_entry(case_index);
    const std::vector<Post>& posts = host_.allocation_posts();
    if (c.worker < 0 || c.in_queue ||
        cfg_->allocation.practice_model == PracticeModel::kSameWorker ||
        stage_team_[static_cast<std::size_t>(c.stage)] ==
            posts[static_cast<std::size_t>(c.worker)].team) {
        return;
    }
    // Held: allocated (its worker carries the stage's work) and waiting in the queue for the
    // receiving team; not counted as waiting (the host counts it if its worker goes). The
    // receiving team takes the child from its transfer point on (e.g. the first review).
    const int receiving = std::max(0, stage_team_[static_cast<std::size_t>(c.stage)]);
    const int after = at_once ? 0 : teams_[static_cast<std::size_t>(receiving)].takes_after_wd;
    host_.set_queue_entry(case_index, true,
                          after > 0 ? calendar_.add_working_days(day, after) : day);
    unallocated_.push_back(case_index);
}

double Allocation::budget(int team) const {
    const TeamLayout& t = teams_[static_cast<std::size_t>(team)];
    if (t.allocations_per_manager_per_day <= 0.0) {
        return std::numeric_limits<double>::infinity();
    }
    double managers = 0.0;
    for (int m = t.first_manager; m < t.end_manager; ++m) {
        managers += host_.allocation_manager_time(m);
    }
    return t.allocations_per_manager_per_day * managers;
}

void Allocation::allocate(core::DayIndex day, bool unlimited) {
    if (unallocated_.empty()) {
        return;
    }
    const std::vector<Post>& posts = host_.allocation_posts();
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
    std::vector<std::vector<int>>& candidates = scratch_candidates_;
    std::vector<std::vector<double>>& rooms = scratch_rooms_;
    std::vector<std::vector<int>>& positions = scratch_positions_;
    std::vector<double>& budgets = scratch_budgets_;
    candidates.resize(n_teams);
    rooms.resize(n_teams);
    positions.resize(n_teams);
    for (std::size_t t = 0; t < n_teams; ++t) {
        candidates[t].clear();
        rooms[t].clear();
        positions[t].clear();
    }
    budgets.assign(n_teams, std::numeric_limits<double>::infinity());
    // A post's place in its team's rota: its index among the team's members (posts in order;
    // i - first_post until a redeployment moves a post).
    std::vector<int>& seen = scratch_seen_;
    seen.assign(n_teams, 0);
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const Post& p = posts[i];
        const std::size_t t = static_cast<std::size_t>(p.team);
        const int position = seen[t]++;
        if (host_.can_take_cases(p, day)) {
            candidates[t].push_back(static_cast<int>(i));
            rooms[t].push_back(host_.cap_of(p, day) - p.weighted_caseload);
            positions[t].push_back(position);
        }
    }
    if (!unlimited) {
        for (std::size_t t = 0; t < n_teams; ++t) {
            budgets[t] = budget(static_cast<int>(t));
        }
    }
    auto refresh_room = [&](int post) {
        const std::size_t t = static_cast<std::size_t>(posts[static_cast<std::size_t>(post)].team);
        const auto it = std::find(candidates[t].begin(), candidates[t].end(), post);
        if (it != candidates[t].end()) {
            const Post& p = posts[static_cast<std::size_t>(post)];
            rooms[t][static_cast<std::size_t>(it - candidates[t].begin())] =
                host_.cap_of(p, day) - p.weighted_caseload;
        }
    };
    std::size_t remaining = unallocated_.size();
    while (remaining-- > 0) {
        if ((remaining & 1023) == 0) {
            host_.poll_cancel();  // a huge backlog against hundreds of posts takes seconds
        }
        const int index = unallocated_.front();
        unallocated_.pop_front();
        const QueueEntry c = host_.queue_entry(index);
        if (!c.active || !c.in_queue) {
            continue;  // closed or re-routed while waiting: drop the stale entry
        }
        const int team_index = std::max(0, stage_team_[static_cast<std::size_t>(c.stage)]);
        const std::size_t t = static_cast<std::size_t>(team_index);
        TeamLayout& team = teams_[t];
        const int held_by = c.worker;  // >= 0: a transfer, the child's worker holds it meanwhile
        if (held_by >= 0 &&
            (same_worker || posts[static_cast<std::size_t>(held_by)].team == team_index)) {
            // No longer a transfer (the stage or the practice model changed).
            host_.set_queue_entry(index, false, c.queued_day);
            continue;
        }
        if (held_by >= 0 && day < c.queued_day) {
            unallocated_.push_back(index);  // before the transfer point (takes_after_wd)
            continue;
        }
        if (budgets[t] < 1.0) {
            unallocated_.push_back(index);  // the team's managers have no time left today
            continue;
        }
        const PathwayStage& stage = cfg_->pathway.stages[static_cast<std::size_t>(c.stage)];
        const double weight = weight_in_team(team_index, stage);
        int best = -1;
        const int k = team.policy == AllocationPolicy::kInTurn
                          ? pick_in_turn(rooms[t], positions[t],
                                         static_cast<int>(team.members.size()), weight, team.rota)
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
            if (best >= 0) {
                host_.count_allocation(AllocationCount::kOutOfTeam, 1.0);
            }
        }
        if (best < 0 && waited_too_long) {
            // Waited too long: the manager allocates over the cap to the least-loaded worker.
            double lowest = 1e300;
            for (const int i : team.members) {
                const Post& p = posts[static_cast<std::size_t>(i)];
                if (p.is_case_holder() && !p.sick && !p.on_notice && p.weighted_caseload < lowest) {
                    lowest = p.weighted_caseload;
                    best = i;
                }
            }
        }
        if (best < 0) {
            unallocated_.push_back(index);  // keeps its place order for tomorrow
            continue;
        }
        core::DayIndex queued_day = c.queued_day;
        if (held_by >= 0) {
            // The receiving team takes the child: the transferring worker lets them go (the
            // host counts the entry as waiting, as below uncounts it, and may date it today).
            host_.release(index, held_by);
            refresh_room(held_by);
            queued_day = host_.queue_entry(index).queued_day;
            host_.count_allocation(AllocationCount::kTransfer, 1.0);
            host_.count_allocation(
                AllocationCount::kTransferWaitWd,
                static_cast<double>(calendar_.working_days_between(queued_day, day)));
        }
        host_.set_queue_entry(index, false, queued_day);
        --unallocated_count_;
        host_.assign(index, best, day,
                     held_by >= 0 ? HandoverKind::kInPerson : HandoverKind::kFromQueue);
        refresh_room(best);
        budgets[t] -= 1.0;
    }
}

void Allocation::reallocate(core::DayIndex day) {
    const std::vector<Post>& posts = host_.allocation_posts();
    for (std::size_t t = 0; t < teams_.size(); ++t) {
        const TeamLayout& team = teams_[t];
        if (team.reallocate_above <= 0.0) {
            continue;
        }
        double left = budget(static_cast<int>(t));
        const double cap = team_cap(static_cast<int>(t));
        std::vector<int>& ids = scratch_ids_;
        std::vector<double>& loads = scratch_loads_;
        ids.clear();
        loads.clear();
        for (const int i : team.members) {
            const Post& p = posts[static_cast<std::size_t>(i)];
            if (p.is_case_holder() && !p.sick && !p.on_notice) {
                ids.push_back(i);
                // Against the cap of the receiving worker (protected caseloads stay protected).
                loads.push_back(p.weighted_caseload + (cap - host_.cap_of(p, day)));
            }
        }
        for (std::size_t k = 0; k < ids.size() && left >= 1.0; ++k) {
            const Post& from = posts[static_cast<std::size_t>(ids[k])];
            if (from.weighted_caseload <= team.reallocate_above || from.cases.empty()) {
                continue;
            }
            // The last case of the worker's list moves: usually the newest, but removing a case
            // swaps the last into its place, so it is not always (a known approximation).
            const int index = from.cases.back();
            const QueueEntry c = host_.queue_entry(index);
            if (c.in_queue) {
                continue;  // already waiting for another team (a transfer)
            }
            const PathwayStage& s = cfg_->pathway.stages[static_cast<std::size_t>(c.stage)];
            const double weight = weight_in_team(static_cast<int>(t), s);
            const int to = pick_reallocation_target(loads, cap, loads[k], weight);
            if (to < 0) {
                continue;
            }
            host_.release(index, ids[k]);
            host_.assign(index, ids[static_cast<std::size_t>(to)], day, HandoverKind::kInPerson);
            loads[k] -= weight;
            loads[static_cast<std::size_t>(to)] += weight;
            left -= 1.0;
            host_.count_allocation(AllocationCount::kReallocation, 1.0);
        }
    }
}

}  // namespace cssim::department::detail

namespace cssim::department::detail {

void Allocation::move_post(int post, int from_team, int to_team) {
    std::vector<int>& from = teams_[static_cast<std::size_t>(from_team)].members;
    const auto it = std::find(from.begin(), from.end(), post);
    if (it != from.end()) {
        from.erase(it);
    }
    std::vector<int>& to = teams_[static_cast<std::size_t>(to_team)].members;
    to.insert(std::lower_bound(to.begin(), to.end(), post), post);
}

void Allocation::waiting_by_team(std::vector<double>& out, int cases) {
    out.assign(teams_.size(), 0.0);
    std::vector<unsigned char>& seen = scratch_waiting_seen_;
    seen.assign(static_cast<std::size_t>(std::max(0, cases)), 0);
    for (const int index : unallocated_) {
        const std::size_t k = static_cast<std::size_t>(index);
        if (k >= seen.size() || seen[k] != 0) {
            continue;  // an entry met before (a stale duplicate)
        }
        seen[k] = 1;
        const QueueEntry c = host_.queue_entry(index);
        if (!c.active || !c.in_queue || c.worker >= 0) {
            continue;  // stale, or a transfer its worker holds meanwhile
        }
        const int team = std::max(0, stage_team_[static_cast<std::size_t>(c.stage)]);
        out[static_cast<std::size_t>(team)] +=
            weight_in_team(team, cfg_->pathway.stages[static_cast<std::size_t>(c.stage)]);
    }
}

}  // namespace cssim::department::detail
