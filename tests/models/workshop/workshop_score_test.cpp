// The workshop's money and overall score (docs/workshop.md, "Money" and "The overall score"):
// every lever is priced from the model's planned budget (PAs included), the table's budget in the
// run is that budget at the defaults plus the workshop's budget for levers, a funding cut card
// rescales it, and the overall score ranks a table better on every family above the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cssim/department/department.hpp"
#include "cssim/workshop/play.hpp"

namespace cssim::workshop {
namespace {

using scenario::DecisionFile;
using scenario::Workshop;

const std::string kScoreWorkshops = std::string(CSSIM_SOURCE_DIR) + "/scenarios/workshops/";

Workshop load(const std::string& name) {
    const auto r = scenario::load_workshop(kScoreWorkshops + name);
    EXPECT_TRUE(r.workshop) << (r.diagnostics.empty()
                                    ? std::string()
                                    : scenario::format_diagnostic(r.diagnostics.front()));
    return r.workshop ? *r.workshop : Workshop{};
}

/** The scenario's department config with `overrides` (`--set` texts). */
department::DepartmentConfig config_of(const Workshop& w, std::vector<std::string> overrides) {
    const auto r = scenario::load_scenario(w.scenario_path, overrides);
    EXPECT_TRUE(r.scenario);
    return *r.scenario->department;
}

double metric(const record::ReplicationRecord& r, const std::string& name) {
    for (const auto& m : r.metrics) {
        if (m.name == name)
            return m.value;
    }
    ADD_FAILURE() << "no metric " << name;
    return std::nan("");
}

TEST(PlannedBudget, IsTheBudgetARunWithoutChangesMeasures) {
    // The function the workshop prices levers with and the budget Money sets at day 0 must be one
    // figure: a run's `budget` metric is its yearly budget while nothing changes it. With PAs,
    // so the PA term is in both; 3 years keep the run short (one measured year).
    const Workshop w = load("pa_decision.json");
    department::DepartmentConfig c = config_of(w, {"admin_support.workers_per_pa=3"});
    c.run.years = 3.0;
    const record::ReplicationRecord r = department::run_replication(c, 7, 0, false);
    EXPECT_NEAR(metric(r, "budget"), department::planned_budget_per_year(c),
                1e-9 * department::planned_budget_per_year(c));
}

TEST(LeverCosts, AreThePlannedBudgetsChangePASIncluded) {
    const Workshop w = load("pa_decision.json");
    ASSERT_EQ(w.levers[0].id, "workers_per_pa");
    // 168 posts: 28, 42 and 56 PAs at money.pa_cost, 13,224 pounds (4,408 a worker supported x 3,
    // the Hampshire and Isle of Wight evaluation).
    const double pa = config_of(w, {}).money.pa_cost;
    EXPECT_EQ(pa, 13224.0);
    ASSERT_EQ(w.levers[0].cost_per_year.size(), 4u);
    EXPECT_NEAR(w.levers[0].cost_per_year[0], 0.0, 1e-6);
    EXPECT_NEAR(w.levers[0].cost_per_year[1], 28 * pa, 1e-6);
    EXPECT_NEAR(w.levers[0].cost_per_year[2], 42 * pa, 1e-6);
    EXPECT_NEAR(w.levers[0].cost_per_year[3], 56 * pa, 1e-6);
    // levers_cost_per_year is the planned budget's change for any mix of levers.
    DecisionFile d;
    d.rounds = {{1, {{"workers_per_pa", "3"}, {"agency_allowed", "false"}}}};
    const double with = department::planned_budget_per_year(
        config_of(w, {"admin_support.workers_per_pa=3", "recruitment.agency_allowed=false"}));
    const double without = department::planned_budget_per_year(config_of(w, {}));
    EXPECT_NEAR(levers_cost_per_year(w, scenario::lever_values(w, &d, 1)), with - without, 1e-6);
    // Early help places in the cuts game: 5,000 pounds a family, a family every 120 working
    // days (168 calendar days), so 5,000 x 365.25 / 168 a place a year.
    const Workshop cuts = load("cuts_game.json");
    ASSERT_EQ(cuts.levers[0].id, "early_help_families");
    EXPECT_NEAR(cuts.levers[0].cost_per_unit_per_year, 5000.0 * 365.25 / 168.0, 1e-6);
}

TEST(LeverCosts, ACostTheFileGetsWrongIsRefusedWithItsPath) {
    std::string text = R"({"workshop": "W", "scenario": "../base.json", "minutes": 60,
        "round_months": 3, "rounds": 2, "levers": [
        {"id": "pa", "label": "PA", "path": "admin_support.workers_per_pa", "allowed": [0, 3],
         "default": 0, "cost_per_year": [0, 500000]},
        {"id": "eh", "label": "EH", "path": "early_help.capacity_families", "range": [0, 600],
         "default": 400, "cost_per_unit_per_year": 5000}],
        "score": [{"group": "money", "metric": "overspend", "better": "lower"}],
        "debrief": ["Why?"]})";
    const auto r = scenario::load_workshop_text(text, kScoreWorkshops + "test.json");
    ASSERT_FALSE(r.workshop);
    std::vector<std::string> paths;
    for (const auto& d : r.diagnostics)
        paths.push_back(d.path + ": " + d.message);
    ASSERT_EQ(paths.size(), 2u) << ::testing::PrintToString(paths);
    EXPECT_NE(paths[0].find("levers[0].cost_per_year[1]: is £500,000 but the model charges "
                            "£740,544 a year"),
              std::string::npos)
        << paths[0];
    EXPECT_NE(paths[1].find("levers[1].cost_per_unit_per_year: is £5,000 but the model charges "
                            "£10,870.5 a year per unit"),
              std::string::npos)
        << paths[1];
}

TEST(TableBudget, IsThePlannedBudgetAtTheDefaultsPlusTheLeversBudgetAndFollowsAFundingCut) {
    Workshop w = load("cuts_game.json");
    w.budget_per_year = 250000.0;  // the cuts game has none: give it one to see it counted
    const double at_defaults = department::planned_budget_per_year(config_of(w, {}));
    DecisionFile d;  // a table that cuts early help to 200 places at round 1
    d.rounds = {{1, {{"early_help_families", "200"}}}};
    const auto dealt = scenario::deal_cards(w, 1);
    ASSERT_EQ(dealt[0], 2u);  // the funding cut, budget_headroom 0 -> -0.1
    const auto r = scenario::table_scenario(w, &d, dealt, 2);
    ASSERT_TRUE(r.scenario);
    const auto& changes = r.scenario->department->changes;
    ASSERT_GE(changes.size(), 2u);
    // Round 1: the budget does not follow the table's cut (its saving shows as underspend).
    EXPECT_NEAR(changes[0].config->money.budget_per_year, at_defaults + 250000.0, 1e-6);
    EXPECT_EQ(changes[1].label, "Card: A funding cut");
    EXPECT_NEAR(changes[1].config->money.budget_per_year, 0.9 * at_defaults + 250000.0, 1e-6);
}

TEST(TableBudget, APATableWithinItsBudgetIsNotOverspentByItsPAs) {
    // Before: the budget was set at day 0 without PAs, so buying them always overspent. Now the
    // run's budget is the department's plus the workshop's 1,000,000 for levers, and PAs cost
    // 740,544: one round of a table with PAs against one without, same days (common random
    // numbers); the measured budget is the same for both and the spend differs by the PAs plus
    // what they change.
    const Workshop w = load("pa_decision.json");
    Session session(w);
    DecisionFile pas;
    pas.table = "PAs";
    pas.rounds = {{1, {{"workers_per_pa", "3"}}}};
    const PlayedRound none = session.play({"None", std::nullopt}, 1, false);
    const PlayedRound with = session.play({"PAs", pas}, 1, false);
    const double at_defaults = department::planned_budget_per_year(config_of(w, {}));
    EXPECT_NEAR(metric(none.record, "budget"), at_defaults + 1e6, 1.0);
    EXPECT_NEAR(metric(with.record, "budget"), at_defaults + 1e6, 1.0);
    const double cost = levers_cost_per_year(w, scenario::lever_values(w, &pas, 1));
    EXPECT_NEAR(cost, 740544.0, 1e-6);
    // The spend lines add up to the spend: staff + placements + prevention (early help and
    // health visiting), to rounding.
    for (const PlayedRound* r : {&none, &with}) {
        const double total = metric(r->record, "spend_total");
        EXPECT_NEAR(metric(r->record, "staff_cost_per_year") +
                        metric(r->record, "placement_cost_per_year") +
                        metric(r->record, "prevention_spend"),
                    total, 1e-9 * total);
    }
    auto extra = [&](const char* line) {
        return metric(with.record, line) - metric(none.record, line);
    };
    // The PAs are paid exactly as priced: 56 PAs in post every day of the round.
    EXPECT_NEAR(extra("pa_cost_per_year"), cost, 1e-6 * cost);
    // The staff lines alone: the PAs plus what they change in social workers and managers in
    // post. Both tables start the round from the same workforce, so the other staff lines
    // differ only by the quarter's leavers, hires and agency starts. At base's turnover (about
    // 0.16 of ~140 employed a year) a quarter has about 5.5 leavers; were every one of them kept
    // by the PAs (or added), each would change the pay of the half quarter left on average by
    // at most the agency rate: 5.5 x 93,600 / 2 = 257,400 < 0.4 x cost = 296,218. So +-40% of
    // the PAs' cost, as before the placements were counted in (measured on seeds 1-16: the
    // social workers' line moved by 0 to +34,346, managers' by 0). Placements and early help
    // are left out: the looked-after stock diverges by ~9 children between the tables (each
    // 57,000 a year on the placement mix), which says nothing about the PAs.
    const double staff = extra("staff_cost_per_year");
    EXPECT_GT(staff, 0.6 * cost);
    EXPECT_LT(staff, 1.4 * cost);
    // Within the budget for levers: what the PAs add to the staff lines is less than the
    // 1,000,000 the workshop gives for levers. The overspend itself is not the test: it carries
    // the placements' divergence too (~9 children x 57,000 either way, with this seed +1.15 M
    // after sickness cover and agency departures changed the draws in session 8).
    EXPECT_LT(staff, 1e6);
}

ScoreItem item(const std::string& table, const std::string& group, const std::string& metric,
               double value) {
    ScoreItem i;
    i.table = table;
    i.round = 1;
    i.group = group;
    i.metric = metric;
    i.value = value;
    return i;
}

TEST(OverallScore, ATableBetterOnEveryFamilyScoresHigher) {
    Workshop w;
    w.score = {{"children", "unallocated_cases_mean", 2.0, -1},
               {"children", "assessments_within_45wd_share", 1.0, +1},
               {"staff", "turnover_rate", 1.0, -1},
               {"money", "overspend", 1.0, -1}};
    // Good is better than Middle on every family, though not on every item (Middle has more
    // assessments in time); Bad is worst everywhere.
    const std::vector<ScoreItem> items = {
        item("Good", "children", "unallocated_cases_mean", 1.0),
        item("Good", "children", "assessments_within_45wd_share", 0.90),
        item("Good", "staff", "turnover_rate", 0.10),
        item("Good", "money", "overspend", -1e5),
        item("Middle", "children", "unallocated_cases_mean", 5.0),
        item("Middle", "children", "assessments_within_45wd_share", 0.95),
        item("Middle", "staff", "turnover_rate", 0.15),
        item("Middle", "money", "overspend", 2e5),
        item("Bad", "children", "unallocated_cases_mean", 11.0),
        item("Bad", "children", "assessments_within_45wd_share", 0.80),
        item("Bad", "staff", "turnover_rate", 0.20),
        item("Bad", "money", "overspend", 9e5),
    };
    const std::vector<OverallScore> s = overall_scores(w, items, 1);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].table, "Good");
    // Children, Good: unallocated 100 points (x2), assessments (0.90-0.80)/0.15 = 66.7 points.
    EXPECT_NEAR(s[0].children, (2 * 100.0 + 100.0 * 0.10 / 0.15) / 3.0, 1e-9);
    EXPECT_NEAR(s[1].children, (2 * 60.0 + 100.0) / 3.0, 1e-9);
    EXPECT_EQ(s[2].children, 0.0);
    EXPECT_GT(s[0].children, s[1].children);
    EXPECT_GT(s[0].staff, s[1].staff);
    EXPECT_GT(s[0].money, s[1].money);
    EXPECT_GT(s[0].overall, s[1].overall);
    EXPECT_GT(s[1].overall, s[2].overall);
    // Default weights children 2, staff 1, money 1.
    EXPECT_NEAR(s[1].overall, (2 * s[1].children + s[1].staff + s[1].money) / 4.0, 1e-9);
    // Weights move the ranking only as far as the families do: money alone ranks by money.
    w.overall_weights = {0.0, 0.0, 1.0};
    EXPECT_EQ(overall_scores(w, items, 1)[1].overall, s[1].money);
    // One table alone, or all equal: 100 on every item.
    const std::vector<ScoreItem> one(items.begin(), items.begin() + 4);
    EXPECT_EQ(overall_scores(w, one, 1)[0].overall, 100.0);
}

TEST(OverallScore, GoesToTheCsvAndTheTextScoreboard) {
    Workshop w = load("pa_decision.json");
    w.rounds = 1;
    Session session(w);
    DecisionFile pas;
    pas.table = "PAs";
    pas.rounds = {{1, {{"workers_per_pa", "3"}}}};
    std::vector<ScoreItem> items = session.play({"None", std::nullopt}, 1, false).score;
    const auto more = session.play({"PAs", pas}, 1, false).score;
    items.insert(items.end(), more.begin(), more.end());
    const std::string csv = scoreboard_csv(w, items, session.calendar());
    // Per table: the 8 items, 3 family scores and the overall score.
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * (8 + 3 + 1)) << csv;
    EXPECT_NE(csv.find("PAs,1,2025-04-01,2025-07-01,overall,overall_score,Overall score,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",money,family_score,Money score,"), std::string::npos) << csv;
    const std::string text = scoreboard_text(session, items, 1);
    EXPECT_NE(text.find("Children (x2)"), std::string::npos) << text;
    EXPECT_NE(text.find("Overall score"), std::string::npos) << text;
}

}  // namespace
}  // namespace cssim::workshop
