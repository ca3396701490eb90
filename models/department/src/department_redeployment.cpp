/**
 * @file department_redeployment.cpp
 * @brief Redeployment between teams (docs/system-effects.md section 6): each team's pressure,
 * the managers' choice of a post to move (pure, department_redeployment.hpp), and the model's
 * move of the post with its cases — handed back to its old team under "transfer" (changes of
 * worker, in person), kept by the worker under "same_worker".
 */
#include "department_redeployment.hpp"

#include <algorithm>
#include <limits>
#include <sstream>
#include <vector>

#include "department_state.hpp"

namespace cssim::department::detail {

RedeployChoice pick_redeployment(const std::vector<TeamPressure>& teams, double above, double gap) {
    RedeployChoice choice;
    if (above <= 0.0) {
        return choice;
    }
    double highest = above;
    for (std::size_t t = 0; t < teams.size(); ++t) {
        if (teams[t].pressure() > highest) {
            highest = teams[t].pressure();
            choice.to = static_cast<int>(t);
        }
    }
    if (choice.to < 0) {
        return choice;
    }
    const TeamPressure& to = teams[static_cast<std::size_t>(choice.to)];
    double lowest = std::numeric_limits<double>::infinity();
    for (std::size_t t = 0; t < teams.size(); ++t) {
        const TeamPressure& from = teams[t];
        if (static_cast<int>(t) == choice.to || from.present < 2 || from.movable_cap <= 0.0 ||
            from.pressure() > highest - gap || from.pressure() >= lowest) {
            continue;
        }
        // After the move: the donor takes its worker's cases back with one worker fewer; the
        // receiving team gains the worker. The move must leave the donor under less pressure.
        TeamPressure from_after = from;
        from_after.capacity -= from.movable_cap;
        TeamPressure to_after = to;
        to_after.capacity += from.movable_cap;
        if (from_after.pressure() < to_after.pressure()) {
            lowest = from.pressure();
            choice.from = static_cast<int>(t);
        }
    }
    if (choice.from < 0) {
        choice.to = -1;
    }
    return choice;
}

double threshold_share(double pressure, double above, double per_pressure, double max_share) {
    if (above <= 0.0 || pressure <= above) {
        return 0.0;
    }
    return std::min(max_share, (pressure - above) * per_pressure);
}

// --- The model's side ---------------------------------------------------------------------------

namespace {

/** The present worker of a team with fewest weighted cases (the first on ties); -1 none. */
int redeploy_lightest_worker(const std::vector<Post>& posts, const std::vector<int>& members) {
    int best = -1;
    for (const int i : members) {
        const Post& p = posts[static_cast<std::size_t>(i)];
        if (p.is_case_holder() && !p.sick && !p.on_notice &&
            (best < 0 ||
             p.weighted_caseload < posts[static_cast<std::size_t>(best)].weighted_caseload)) {
            best = i;
        }
    }
    return best;
}

}  // namespace

void Model::update_team_pressures(core::DayIndex day) {
    const std::vector<TeamLayout>& teams = allocation_.teams();
    std::vector<TeamPressure>& out = team_pressures_;
    out.assign(teams.size(), TeamPressure{});
    if (cfg_->allocation.redeploy_above <= 0.0 && cfg_->front_door.threshold_above <= 0.0) {
        return;  // neither mechanism is on
    }
    allocation_.waiting_by_team(scratch_waiting_, static_cast<int>(cases_.size()));
    for (std::size_t t = 0; t < teams.size(); ++t) {
        TeamPressure& tp = out[t];
        tp.waiting = scratch_waiting_[t];
        for (const int i : teams[t].members) {
            const Post& p = posts_[static_cast<std::size_t>(i)];
            if (!p.is_case_holder()) {
                continue;
            }
            tp.load += p.weighted_caseload;
            if (!p.sick) {
                tp.capacity += cap_of(p, day);
                ++tp.present;
            }
        }
    }
    // The worker each team would give up, only when a team is pressed enough for a move (so a
    // department under normal pressure pays one pass over its posts a day).
    const double above = cfg_->allocation.redeploy_above;
    if (above <= 0.0 || std::none_of(out.begin(), out.end(), [above](const TeamPressure& tp) {
            return tp.pressure() > above;
        })) {
        return;
    }
    for (std::size_t t = 0; t < teams.size(); ++t) {
        const int lightest = redeploy_lightest_worker(posts_, teams[t].members);
        out[t].movable_cap =
            lightest >= 0 ? cap_of(posts_[static_cast<std::size_t>(lightest)], day) : 0.0;
    }
}

void Model::redeploy(core::DayIndex day) {
    const AllocationConfig& a = cfg_->allocation;
    if (a.redeploy_above <= 0.0 || allocation_.teams().size() < 2) {
        return;
    }
    if (last_redeployment_ >= 0 &&
        calendar_.working_days_between(last_redeployment_, day) < a.redeploy_every_wd) {
        return;
    }
    const RedeployChoice choice =
        pick_redeployment(team_pressures_, a.redeploy_above, a.redeploy_gap);
    if (choice.to < 0) {
        return;
    }
    const std::vector<TeamLayout>& teams = allocation_.teams();
    const int post =
        redeploy_lightest_worker(posts_, teams[static_cast<std::size_t>(choice.from)].members);
    if (post < 0) {
        return;
    }
    std::ostringstream os;
    os << "a worker moves from " << teams[static_cast<std::size_t>(choice.from)].label << " to "
       << teams[static_cast<std::size_t>(choice.to)].label << " (pressure "
       << static_cast<int>(100.0 * team_pressures_[static_cast<std::size_t>(choice.to)].pressure() +
                           0.5)
       << "% against "
       << static_cast<int>(
              100.0 * team_pressures_[static_cast<std::size_t>(choice.from)].pressure() + 0.5)
       << "%)";
    move_post_to_team(post, choice.to, day);
    last_redeployment_ = day;
    add_event("redeployment", post, os.str());
    update_team_pressures(day);  // the front door sees the teams as they are now
}

void Model::move_post_to_team(int post, int team, core::DayIndex day) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    const int from = p.team;
    // The cases' weights follow the team's cap (stage weights may differ between teams).
    for (const int index : p.cases) {
        add_load(
            p,
            cfg_->pathway
                .stages[static_cast<std::size_t>(cases_[static_cast<std::size_t>(index)].stage)],
            -1.0);
    }
    p.team = team;
    allocation_.move_post(post, from, team);
    for (const int index : p.cases) {
        add_load(
            p,
            cfg_->pathway
                .stages[static_cast<std::size_t>(cases_[static_cast<std::size_t>(index)].stage)],
            1.0);
    }
    // Under "transfer" each case of another team's stage waits, held by the worker, for that
    // team to allocate it at once (a change of worker, handed over in person); under
    // "same_worker" the worker keeps them (Allocation::queue_transfer does nothing).
    const std::vector<int> held = p.cases;
    for (const int index : held) {
        allocation_.queue_transfer(index, day, true);
    }
}

}  // namespace cssim::department::detail
