// models/workshop on small workshops (the shipped PA workshop cut to a few one-month rounds):
// the calendar, the cards dealt, the dated changes a table's decisions become, the replay from
// day 0 with common random numbers, and the scoreboard.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "cssim/workshop/play.hpp"

namespace cssim::workshop {
namespace {

using scenario::DecisionFile;
using scenario::Workshop;

const std::string kWorkshops = std::string(CSSIM_SOURCE_DIR) + "/scenarios/workshops/";

Workshop pa_workshop() {
    const auto r = scenario::load_workshop(kWorkshops + "pa_decision.json");
    EXPECT_TRUE(r.workshop);
    return *r.workshop;
}

/** The PA workshop cut to `rounds` rounds of one month (runs of about two years and a month). */
Workshop small_workshop(std::size_t rounds) {
    Workshop w = pa_workshop();
    w.rounds = rounds;
    w.round_months = 1;
    for (auto& card : w.cards) {  // every card at round 2, so that a small play meets them
        card.round = 2;
        card.draw.reset();
    }
    return w;
}

DecisionFile decisions(std::vector<scenario::RoundDecisions> rounds) {
    DecisionFile d;
    d.table = "Test table";
    d.rounds = std::move(rounds);
    return d;
}

const record::Series& series(const record::ReplicationRecord& r, const std::string& name) {
    for (const auto& s : r.series) {
        if (s.name == name)
            return s;
    }
    ADD_FAILURE() << "no series " << name;
    return r.series.front();
}

TEST(WorkshopCalendar, RoundsStartWhenTheWarmUpEndsAndLastCalendarMonths) {
    const Workshop w = pa_workshop();
    const auto base = scenario::load_scenario(w.scenario_path);
    ASSERT_TRUE(base.scenario);
    const auto c = scenario::workshop_calendar(w, *base.scenario->department);
    ASSERT_EQ(c.round_days.size(), w.rounds + 1);
    // base.json: day 0 is 2023-04-01 and the warm-up 2 years, llround(2 x 365.25) = 731 days.
    EXPECT_EQ(c.round_days[0], 731);
    EXPECT_EQ(c.round_dates[0], "2025-04-01");
    EXPECT_EQ(c.round_dates[1], "2025-07-01");
    EXPECT_EQ(c.round_dates[8], "2027-04-01");
    EXPECT_EQ(c.round_days[1] - c.round_days[0], 91);  // April, May, June
}

TEST(DealCards, SetRoundsStayAndDrawnRoundsFallInTheirRangeTheSameForEveryCall) {
    const Workshop w = pa_workshop();  // manager_leaves is drawn between rounds 2 and 5
    std::set<std::size_t> seen;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const auto dealt = scenario::deal_cards(w, seed);
        ASSERT_EQ(dealt.size(), 3u);
        EXPECT_EQ(dealt[0], 3u);
        EXPECT_EQ(dealt[2], 4u);
        EXPECT_GE(dealt[1], 2u);
        EXPECT_LE(dealt[1], 5u);
        EXPECT_EQ(dealt, scenario::deal_cards(w, seed));
        seen.insert(dealt[1]);
    }
    // 200 draws from 4 rounds: each is missed with probability (3/4)^200 ~ 1e-25.
    EXPECT_EQ(seen.size(), 4u);
}

TEST(LeverValues, DefaultsThenEachDecisionHoldsUntilMoved) {
    const Workshop w = pa_workshop();
    const DecisionFile d =
        decisions({{1, {{"workers_per_pa", "3"}}}, {3, {{"workers_per_pa", "6"}}}});
    EXPECT_EQ(scenario::lever_values(w, nullptr, 5)[0], "0");
    EXPECT_EQ(scenario::lever_values(w, &d, 1)[0], "3");
    EXPECT_EQ(scenario::lever_values(w, &d, 2)[0], "3");
    EXPECT_EQ(scenario::lever_values(w, &d, 3)[0], "6");
    EXPECT_EQ(scenario::lever_values(w, &d, 3)[2], "22");  // caseload_cap: its default
}

TEST(LeversCost, ChoicesCostTheirValueAndRangesTheirUnitsAboveTheDefault) {
    Workshop w = pa_workshop();
    EXPECT_EQ(levers_cost_per_year(w, scenario::lever_values(w, nullptr, 1)), 0.0);
    const DecisionFile d = decisions({{1, {{"workers_per_pa", "3"}}}});
    // One PA per three of 168 workers: 56 PAs at 13,224 pounds (money.pa_cost).
    EXPECT_DOUBLE_EQ(levers_cost_per_year(w, scenario::lever_values(w, &d, 1)), 740544.0);
    w.levers[2].cost_per_unit_per_year = 1000.0;  // caseload cap 22 -> 20: a "saving" of 2000
    const DecisionFile cap = decisions({{1, {{"caseload_cap", "20"}}}});
    EXPECT_DOUBLE_EQ(levers_cost_per_year(w, scenario::lever_values(w, &cap, 1)), -2000.0);
}

TEST(TableScenario, DecisionsAndCardsBecomeDatedChangesAtTheirRounds) {
    const Workshop w = small_workshop(3);
    const DecisionFile d =
        decisions({{1, {{"workers_per_pa", "3"}}}, {3, {{"caseload_cap", "20"}}}});
    const auto dealt = scenario::deal_cards(w, 1);
    const auto r = scenario::table_scenario(w, &d, dealt, 3);
    ASSERT_TRUE(r.scenario) << scenario::format_diagnostic(r.diagnostics.front());
    const auto& config = *r.scenario->department;
    // 731 days of warm-up and three one-month rounds: April, May, June 2025.
    EXPECT_EQ(std::llround(config.run.years * 365.25), 731 + 30 + 31 + 30);
    const auto& changes = config.changes;
    ASSERT_EQ(changes.size(), 2u + 3u);  // rounds 1 and 3 decide; three cards at round 2
    EXPECT_EQ(changes[0].date, "2025-04-01");
    // Round 1 sets every lever, and the table's budget (workshop_score_test.cpp).
    EXPECT_EQ(changes[0].paths.size(), w.levers.size() + 1);
    EXPECT_EQ(changes[0].config->admin_support.workers_per_pa, 3.0);
    EXPECT_EQ(changes[1].date, "2025-05-01");
    EXPECT_EQ(changes[1].label, "Card: Referral surge");
    EXPECT_EQ(changes[4].date, "2025-06-01");
    EXPECT_EQ(changes[4].paths, std::vector<std::string>{"allocation.caseload_cap"});
    EXPECT_EQ(changes[4].config->allocation.caseload_cap, 20);
    EXPECT_EQ(changes[4].config->admin_support.workers_per_pa, 3.0);  // still in force
    // Played through round 1 only, the later changes are not there.
    const auto one = scenario::table_scenario(w, &d, dealt, 1);
    ASSERT_TRUE(one.scenario);
    EXPECT_EQ(one.scenario->department->changes.size(), 1u);
    EXPECT_FALSE(scenario::table_scenario(w, &d, dealt, 4).scenario);
}

TEST(TableScenario, AChangeTheModelRefusesIsReportedAtTheDecisionThatMadeIt) {
    Workshop w = small_workshop(2);
    // A lever whose upper end the scenario reader refuses (a negative cap is not a cap).
    w.levers[2].low = -5;
    const DecisionFile d = decisions({{2, {{"caseload_cap", "-5"}}}});
    const auto r = scenario::table_scenario(w, &d, scenario::deal_cards(w, 1), 2);
    ASSERT_FALSE(r.scenario);
    bool found = false;
    for (const auto& diag : r.diagnostics) {
        found = found || diag.path == "rounds[0].levers.caseload_cap";
    }
    EXPECT_TRUE(found) << scenario::format_diagnostic(r.diagnostics.front());
}

class SessionPlay : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        session_ = new Session(small_workshop(2));
        const Table plain{"Defaults", std::nullopt};
        const Table pas{"PAs at round 2", decisions({{2, {{"workers_per_pa", "3"}}}})};
        defaults_one_ = new PlayedRound(session_->play(plain, 1, true));
        defaults_two_ = new PlayedRound(session_->play(plain, 2, true));
        pas_two_ = new PlayedRound(session_->play(pas, 2, true));
    }
    static void TearDownTestSuite() {
        delete defaults_one_;
        delete defaults_two_;
        delete pas_two_;
        delete session_;
    }
    static Session* session_;
    static PlayedRound* defaults_one_;
    static PlayedRound* defaults_two_;
    static PlayedRound* pas_two_;
};
Session* SessionPlay::session_ = nullptr;
PlayedRound* SessionPlay::defaults_one_ = nullptr;
PlayedRound* SessionPlay::defaults_two_ = nullptr;
PlayedRound* SessionPlay::pas_two_ = nullptr;

TEST_F(SessionPlay, ARoundIsReplayedFromDayZeroSoEarlierDaysAreTheSame) {
    ASSERT_TRUE(defaults_one_->scenario && defaults_two_->scenario);
    const auto& one = series(defaults_one_->record, "caseload_mean").values;
    const auto& two = series(defaults_two_->record, "caseload_mean").values;
    ASSERT_EQ(one.size(), 731u + 30u);
    ASSERT_EQ(two.size(), 731u + 30u + 31u);
    EXPECT_TRUE(std::equal(one.begin(), one.end(), two.begin()));
    // Playing again gives the same run, bit for bit.
    const PlayedRound again = session_->play({"Defaults", std::nullopt}, 2, true);
    EXPECT_EQ(series(again.record, "caseload_mean").values, two);
    EXPECT_EQ(again.record.metrics.size(), defaults_two_->record.metrics.size());
    for (std::size_t i = 0; i < again.record.metrics.size(); ++i) {
        // Bit for bit: a metric with nothing to measure yet is NaN in both (NaN != NaN).
        const double a = again.record.metrics[i].value;
        const double b = defaults_two_->record.metrics[i].value;
        EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << again.record.metrics[i].name;
    }
}

TEST_F(SessionPlay, TablesMeetTheSameDaysUntilTheirDecisionsDiffer) {
    ASSERT_TRUE(pas_two_->scenario);
    const std::size_t round_two = 731 + 30;  // 2025-05-02, when the PAs arrive
    for (const char* name : {"caseload_mean", "referrals", "time_use/direct", "pa_count"}) {
        const auto& a = series(defaults_two_->record, name).values;
        const auto& b = series(pas_two_->record, name).values;
        ASSERT_EQ(a.size(), b.size());
        EXPECT_TRUE(std::equal(a.begin(), a.begin() + round_two, b.begin())) << name;
    }
    // From the decision on, 168 workers have 56 PAs, and the defaults none.
    EXPECT_EQ(series(pas_two_->record, "pa_count").values[round_two], 56.0);
    EXPECT_EQ(series(defaults_two_->record, "pa_count").values[round_two], 0.0);
}

TEST_F(SessionPlay, TheScoreHoldsOneItemPerTermWithUnitsAndTheCsvIsTidy) {
    const Workshop& w = session_->workshop();
    ASSERT_EQ(defaults_two_->score.size(), w.score.size());
    for (const ScoreItem& item : defaults_two_->score) {
        EXPECT_EQ(item.round, 2u);
        EXPECT_FALSE(item.unit.empty()) << item.metric;
        EXPECT_FALSE(std::isnan(item.value)) << item.metric;
    }
    std::vector<ScoreItem> items = defaults_two_->score;
    items.insert(items.end(), pas_two_->score.begin(), pas_two_->score.end());
    items.back().table = "Table \"B\", PAs";  // quoted as RFC 4180 says
    const std::string csv = scoreboard_csv(items, session_->calendar());
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * static_cast<long>(w.score.size()));
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "table,round,from_date,to_date,group,metric,label,value,unit,weight,better");
    EXPECT_NE(csv.find("\"Table \"\"B\"\", PAs\",2,2025-04-01,2025-06-01,"), std::string::npos)
        << csv;
    const std::string text = scoreboard_text(*session_, items, 2);
    EXPECT_NE(text.find("the score after round 2 of 2"), std::string::npos) << text;
    EXPECT_NE(text.find("round 2 Referral surge"), std::string::npos) << text;
}

}  // namespace
}  // namespace cssim::workshop
