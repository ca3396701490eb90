// The department's teams (issue 11 item 2): the `teams` array and the `practice_model` lever,
// with their checks against the pathway (every problem with its JSON path). Called once from
// read_department_model (department_reader.cpp) after the pathway and the workforce are read.
#include "teams_reader.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "cssim/department/config.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

namespace {

using namespace cssim::department;

constexpr double kShareTolerance = 1e-6;
constexpr double kMaxCap = 500.0;  // weighted cases: far above any council's (30-50 in collapse)

void read_team(ObjectReader& r, TeamConfig& t) {
    r.string("id", t.id, {.required = true, .min_items = 1, .doc = "Unique id, e.g. assessment"});
    r.string("label", t.label, {.doc = "For the viewer and the per-team metrics"});
    r.string_array("stages", t.stages,
                   {.required = true,
                    .min_items = 1,
                    .doc = "Pathway stage ids the team holds (social_work stages; a front door "
                           "team may hold the front_door stage)"});
    r.number("posts_share", t.posts_share,
             {.required = true,
              .range = Range::unit(),
              .doc = "Share of workforce.social_worker_posts (the teams' shares sum to 1; 0 only "
                     "for a team holding no social_work stage)",
              .unit = "share"});
    r.integer("managers", t.managers,
              {.range = Range::closed(0, 10000),
               .doc = "Team manager posts; 0 = one per workforce.team_size posts",
               .unit = "posts"});
    r.number("caseload_cap", t.caseload_cap,
             {.range = Range::closed(0.0, kMaxCap),
              .doc = "Most weighted cases a worker is given; 0 = allocation.caseload_cap",
              .unit = "weighted cases"});
    r.number_map("stage_weights", t.stage_weights,
                 {.range = Range::closed(0.0, 100.0),
                  .doc = "Weight of a stage's case under this team's cap (stage id -> weight); "
                         "unlisted stages keep their caseload_weight"});
    r.choice("policy", t.policy,
             {{"most_room", AllocationPolicy::kMostRoom}, {"in_turn", AllocationPolicy::kInTurn}},
             {.doc = "How the manager picks the worker: most_room (balances caseloads) or "
                     "in_turn (a duty rota, skipping workers at the cap)"});
    r.number("allocations_per_manager_per_day", t.allocations_per_manager_per_day,
             {.range = Range::closed(0.0, 1000.0),
              .doc = "Cases a present manager allocates per working day (an absent manager's "
                     "team gets the cover share); 0 = no limit",
              .unit = "cases per working day"});
    r.number("reallocate_above", t.reallocate_above,
             {.range = Range::closed(0.0, kMaxCap),
              .doc = "A worker above this many weighted cases has their newest case moved to "
                     "the worker with most room; 0 = never",
              .unit = "weighted cases"});
    r.integer("takes_after_wd", t.takes_after_wd,
              {.range = Range::closed(0, 2520),
               .doc = "practice_model transfer: working days into this team's stage before it "
                      "takes a child from another team's worker (the transfer point); the worker "
                      "before keeps the child until then; 0 = at once",
               .unit = "working days"});
}

/** @brief The index of stage `id` in the pathway, -1 if none. */
int stage_index(const PathwayConfig& p, const std::string& id) {
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        if (p.stages[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void check_teams(ObjectReader& root, DepartmentConfig& c) {
    const PathwayConfig& p = c.pathway;
    std::vector<int> holder(p.stages.size(), -1);
    std::set<std::string> ids;
    double share_sum = 0.0;
    for (std::size_t i = 0; i < c.teams.size(); ++i) {
        const TeamConfig& t = c.teams[i];
        const std::string at = "teams[" + std::to_string(i) + "]";
        if (!ids.insert(t.id).second) {
            root.error(at + ".id", "duplicate team id \"" + t.id + "\"");
        }
        share_sum += t.posts_share;
        bool holds_social_work = false;
        for (std::size_t j = 0; j < t.stages.size(); ++j) {
            const std::string key = at + ".stages[" + std::to_string(j) + "]";
            const int s = stage_index(p, t.stages[j]);
            if (s < 0) {
                root.error(key, "no stage \"" + t.stages[j] + "\" in the pathway");
                continue;
            }
            const StageKind kind = p.stages[static_cast<std::size_t>(s)].kind;
            if (kind != StageKind::SocialWork && kind != StageKind::FrontDoor) {
                root.error(key, "stage \"" + t.stages[j] + "\" is " + stage_kind_name(kind) +
                                    ": a team holds social_work stages (or the front door)");
                continue;
            }
            holds_social_work = holds_social_work || kind == StageKind::SocialWork;
            if (holder[static_cast<std::size_t>(s)] >= 0) {
                root.error(
                    key,
                    "stage \"" + t.stages[j] + "\" is already held by team \"" +
                        c.teams[static_cast<std::size_t>(holder[static_cast<std::size_t>(s)])].id +
                        "\"");
                continue;
            }
            holder[static_cast<std::size_t>(s)] = static_cast<int>(i);
        }
        for (const auto& [stage, weight] : t.stage_weights) {
            if (stage_index(p, stage) < 0) {
                root.error(at + ".stage_weights." + stage,
                           "no stage \"" + stage + "\" in the pathway");
            }
        }
        if (holds_social_work && t.posts_share * c.workforce.social_worker_posts < 1.0 - 1e-9) {
            char given[64];
            std::snprintf(given, sizeof given, "gives %.3g of the department's %.3g posts",
                          t.posts_share * c.workforce.social_worker_posts,
                          c.workforce.social_worker_posts);
            root.error(at + ".posts_share",
                       std::string(given) +
                           ": a team holding social_work stages needs at least one post (a "
                           "department this small can run as one team: \"teams\": [])");
        }
        if (!holds_social_work && t.posts_share > 0.0) {
            root.error(at + ".posts_share",
                       "must be 0 for a team holding no social_work stage (the front door is "
                       "staffed by front_door.screening_fte)");
        }
        if (t.reallocate_above > 0.0 && t.reallocate_above < 1.0) {
            root.error(at + ".reallocate_above", "must be 0 (never) or at least 1 weighted case");
        }
    }
    if (std::fabs(share_sum - 1.0) > kShareTolerance) {
        root.error("teams",
                   "posts_share of the teams must sum to 1 (got " + format_number(share_sum) + ")");
    }
    for (std::size_t s = 0; s < p.stages.size(); ++s) {
        if (p.stages[s].kind == StageKind::SocialWork && holder[s] < 0) {
            root.error("teams", "stage \"" + p.stages[s].id +
                                    "\" (social_work) is held by no team: every social-work "
                                    "stage needs one");
        }
    }
}

}  // namespace

void read_teams(ObjectReader& root, DepartmentConfig& c) {
    root.choice(
        "practice_model", c.allocation.practice_model,
        {{"transfer", PracticeModel::kTransfer}, {"same_worker", PracticeModel::kSameWorker}},
        {.doc = "Who holds a child's case when it moves to a stage another team holds: "
                "transfer (the receiving team allocates a new worker, a handover) or "
                "same_worker (one worker throughout)"});
    const bool had_errors = root.has_errors();
    if (!root.is_schema() && (root.has("teams") || root.has("pathway"))) {
        // `teams` replaces the default teams; a scenario with its own pathway and no teams runs
        // as one department-wide team (the default teams name the default pathway's stages).
        c.teams.clear();
    }
    root.array("teams",
               {.doc = "The department's teams (docs/model.md 7.4); absent = one department-wide "
                       "team holding every stage"},
               [&](ObjectReader& t, std::size_t) { read_team(t, c.teams.emplace_back()); });
    if (root.is_schema() || c.teams.empty() || had_errors || root.has_errors()) {
        return;  // the cross checks need a valid pathway and valid teams
    }
    check_teams(root, c);
}

}  // namespace cssim::scenario
