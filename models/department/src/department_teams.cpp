/**
 * @file department_teams.cpp
 * @brief Teams (issue 11 item 2): the layout of posts and managers, the team holding each stage,
 * the manager's choices as pure functions, and the model's team steps (build, who keeps a case
 * at a change of stage); the Allocation component (allocation.hpp) makes the choices in a run.
 */
#include "department_teams.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "department_state.hpp"

namespace cssim::department::detail {

bool has_teams(const DepartmentConfig& config) {
    if (config.teams.empty()) {
        return false;
    }
    for (const PathwayStage& s : config.pathway.stages) {
        bool held = s.kind != StageKind::SocialWork;
        for (const TeamConfig& t : config.teams) {
            held = held || std::find(t.stages.begin(), t.stages.end(), s.id) != t.stages.end();
        }
        if (!held) {
            return false;
        }
    }
    return true;
}

namespace {

void teams_fill_members(TeamLayout& t) {
    t.members.clear();
    for (int i = t.first_post; i < t.end_post; ++i) {
        t.members.push_back(i);
    }
}

}  // namespace

std::vector<TeamLayout> plan_teams(const DepartmentConfig& config, int posts,
                                   std::vector<int>& stage_team) {
    const PathwayConfig& pathway = config.pathway;
    const int team_size = std::max(1, config.workforce.team_size);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<TeamLayout> teams;
    stage_team.assign(pathway.stages.size(), -1);
    if (!has_teams(config)) {
        TeamLayout t;
        t.id = "department";
        t.label = "Department";
        t.end_post = posts;
        teams_fill_members(t);
        const int size = config.workforce.team_size;  // as before teams: none without a size
        t.end_manager = size > 0 ? (posts + size - 1) / size : 0;
        t.stage_weight.assign(pathway.stages.size(), nan);
        teams.push_back(std::move(t));
        std::fill(stage_team.begin(), stage_team.end(), 0);
        return teams;
    }
    // Largest remainder: each team's floor, then the leftover posts to the largest fractions.
    const std::size_t n = config.teams.size();
    std::vector<int> count(n, 0);
    std::vector<std::pair<double, std::size_t>> fractions;
    int given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double exact = config.teams[i].posts_share * posts;
        count[i] = static_cast<int>(std::floor(exact + 1e-9));
        given += count[i];
        fractions.emplace_back(exact - count[i], i);
    }
    std::stable_sort(fractions.begin(), fractions.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < posts && k < fractions.size(); ++k) {
        if (config.teams[fractions[k].second].posts_share > 0.0) {
            ++count[fractions[k].second];
            ++given;
        }
    }
    int post = 0, manager = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const TeamConfig& tc = config.teams[i];
        TeamLayout t;
        t.id = tc.id;
        t.label = tc.label.empty() ? tc.id : tc.label;
        t.config_index = static_cast<int>(i);
        t.first_post = post;
        t.end_post = post + count[i];
        post = t.end_post;
        teams_fill_members(t);
        const int managers =
            count[i] == 0
                ? 0
                : (tc.managers > 0 ? tc.managers : (count[i] + team_size - 1) / team_size);
        t.first_manager = manager;
        t.end_manager = manager + managers;
        manager = t.end_manager;
        t.caseload_cap = tc.caseload_cap;
        t.policy = tc.policy;
        t.allocations_per_manager_per_day = tc.allocations_per_manager_per_day;
        t.reallocate_above = tc.reallocate_above;
        t.takes_after_wd = tc.takes_after_wd;
        t.stage_weight.assign(pathway.stages.size(), nan);
        for (std::size_t s = 0; s < pathway.stages.size(); ++s) {
            const auto it = tc.stage_weights.find(pathway.stages[s].id);
            if (it != tc.stage_weights.end()) {
                t.stage_weight[s] = it->second;
            }
            if (std::find(tc.stages.begin(), tc.stages.end(), pathway.stages[s].id) !=
                    tc.stages.end() &&
                stage_team[s] < 0) {
                stage_team[s] = static_cast<int>(i);
            }
        }
        teams.push_back(std::move(t));
    }
    return teams;
}

std::vector<int> post_managers(const DepartmentConfig& config,
                               const std::vector<TeamLayout>& teams) {
    const int team_size = std::max(1, config.workforce.team_size);
    std::vector<int> out;
    for (std::size_t i = 0; i < teams.size(); ++i) {
        const TeamLayout& t = teams[i];
        const int n = t.end_post - t.first_post;
        const int m = t.end_manager - t.first_manager;
        const bool stated = t.config_index >= 0 &&
                            config.teams[static_cast<std::size_t>(t.config_index)].managers > 0;
        for (int k = 0; k < n; ++k) {
            const int local = stated ? static_cast<int>(static_cast<long long>(k) * m / n)
                                     : std::min(k / team_size, std::max(0, m - 1));
            out.push_back(t.first_manager + local);
        }
    }
    return out;
}

int pick_most_room(const std::vector<double>& rooms, double weight) {
    int best = -1;
    double best_room = 0.0;
    for (std::size_t k = 0; k < rooms.size(); ++k) {
        const double room = rooms[k];
        if (room >= weight && room > best_room) {
            best_room = room;
            best = static_cast<int>(k);
        }
    }
    return best;
}

int pick_in_turn(const std::vector<double>& rooms, const std::vector<int>& positions, int rota_size,
                 double weight, int& cursor) {
    if (rota_size <= 0) {
        return -1;
    }
    int best = -1;
    int best_distance = rota_size;
    for (std::size_t k = 0; k < rooms.size(); ++k) {
        if (rooms[k] >= weight && rooms[k] > 0.0) {
            // Positions and the cursor lie in [0, rota_size): one wrap, without two divisions
            // for each candidate of each queued case.
            int distance = positions[k] - cursor;
            if (distance < 0) {
                distance += rota_size;
            }
            if (distance < 0 || distance >= rota_size) {
                distance = ((positions[k] - cursor) % rota_size + rota_size) % rota_size;
            }
            if (distance < best_distance) {
                best_distance = distance;
                best = static_cast<int>(k);
            }
        }
    }
    if (best >= 0) {
        cursor = (positions[static_cast<std::size_t>(best)] + 1) % rota_size;
    }
    return best;
}

int pick_reallocation_target(const std::vector<double>& loads, double cap, double from_load,
                             double weight) {
    int best = -1;
    double best_room = 0.0;
    for (std::size_t k = 0; k < loads.size(); ++k) {
        const double room = cap - loads[k];
        if (room >= weight && room > best_room && loads[k] + weight <= from_load - weight) {
            best_room = room;
            best = static_cast<int>(k);
        }
    }
    return best;
}

// --- The model's team steps -------------------------------------------------------------------

void Model::build_teams() {
    allocation_.build(static_cast<int>(posts_.size()));
    const std::vector<TeamLayout>& teams = allocation_.teams();
    for (std::size_t t = 0; t < teams.size(); ++t) {
        for (int i = teams[t].first_post; i < teams[t].end_post; ++i) {
            posts_[static_cast<std::size_t>(i)].team = static_cast<int>(t);
        }
    }
    manager_count_ = teams.empty() ? 0 : teams.back().end_manager;
    if (teams.front().config_index >= 0) {
        managers_.set_post_managers(post_managers(*cfg_, teams));
    }
}

bool Model::worker_keeps_case(const Case& /*c*/, int next_stage) const {
    // A social-work stage keeps the worker, whichever team holds it: under "same_worker" for
    // good; under "transfer" until the receiving team allocates the child
    // (Allocation::queue_transfer), as councils' transfer protocols keep a case with the
    // transferring worker until then. An unallocated case keeps its queue entry (the team is
    // chosen at allocation).
    return cfg_->pathway.stages[static_cast<std::size_t>(next_stage)].kind == StageKind::SocialWork;
}

}  // namespace cssim::department::detail
