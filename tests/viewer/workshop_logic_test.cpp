// Workshop mode's logic without a window: the round state (stepping levers, committing a round,
// resuming from a decision file), the budget left, the decision file the viewer writes (read
// back by the same reader as `cssim workshop --decisions`), and the loops the debrief names.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "app/viewer_state.hpp"
#include "app/workshop_loops.hpp"
#include "app/workshop_round.hpp"
#include "app/workshop_start.hpp"
#include "cssim/workshop/play.hpp"

namespace cssim::viewer {
namespace {

const std::string kWorkshop =
    std::string(CSSIM_SOURCE_DIR) + "/scenarios/workshops/pa_decision.json";

const scenario::Workshop& pa_workshop() {
    static const scenario::Workshop w = [] {
        auto loaded = scenario::load_workshop(kWorkshop);
        EXPECT_TRUE(loaded.workshop.has_value());
        return *loaded.workshop;
    }();
    return w;
}

std::size_t lever_index(const std::string& id) {
    const auto& levers = pa_workshop().levers;
    for (std::size_t i = 0; i < levers.size(); ++i) {
        if (levers[i].id == id)
            return i;
    }
    ADD_FAILURE() << "no lever " << id;
    return 0;
}

TEST(WorkshopRound, StepsARangeLeverOnItsGridWithinItsRange) {
    const auto& cap = pa_workshop().levers[lever_index("caseload_cap")];  // [15, 30], step 1
    EXPECT_EQ(step_lever(cap, "22", 1), "23");
    EXPECT_EQ(step_lever(cap, "22", -3), "19");
    EXPECT_EQ(step_lever(cap, "30", 1), "30");
    EXPECT_EQ(step_lever(cap, "15", -1), "15");
    EXPECT_EQ(step_lever(cap, "22.600000", 0), "23");  // a slider's float snaps to the grid
}

TEST(WorkshopRound, StepsAChoiceLeverToTheNeighbouringAllowedValue) {
    const auto& pa = pa_workshop().levers[lever_index("workers_per_pa")];  // 0, 6, 4, 3
    EXPECT_EQ(step_lever(pa, "0", 1), "6");
    EXPECT_EQ(step_lever(pa, "6", 2), "3");
    EXPECT_EQ(step_lever(pa, "3", 1), "3");
    EXPECT_EQ(step_lever(pa, "0", -1), "0");
    const auto& agency = pa_workshop().levers[lever_index("agency_allowed")];
    EXPECT_EQ(step_lever(agency, "true", 1), "false");
    EXPECT_EQ(lever_display("false"), "no");
    EXPECT_EQ(lever_display("4"), "4");
}

TEST(WorkshopRound, BudgetLeftIsTheBudgetMinusWhatTheLeversCost) {
    const auto& w = pa_workshop();
    TableRound table = new_table(w, "T");
    EXPECT_DOUBLE_EQ(budget_left(w, table.pending), w.budget_per_year);  // defaults cost nothing
    // One PA per three workers: the lever's price for "3" (the last allowed value), whatever
    // the workshop or the model sets it to; about 56 PAs at about 13,000 pounds each.
    const auto& pa = w.levers[lever_index("workers_per_pa")];
    table.pending[lever_index("workers_per_pa")] = "3";
    const double price = pa.cost_per_year.at(3);
    EXPECT_GT(price, 500000.0);
    EXPECT_LT(price, 1000000.0);
    EXPECT_DOUBLE_EQ(levers_cost(w, table.pending), price);
    EXPECT_DOUBLE_EQ(budget_left(w, table.pending), w.budget_per_year - price);
    // Two levers add up: a cap above the default costs what its units cost.
    table.pending[lever_index("caseload_cap")] = "25";
    const auto& cap = w.levers[lever_index("caseload_cap")];
    EXPECT_DOUBLE_EQ(levers_cost(w, table.pending), price + 3.0 * cap.cost_per_unit_per_year);
}

TEST(WorkshopRound, ARoundRecordsOnlyTheLeversThatMovedAndTheyHoldAfterwards) {
    const auto& w = pa_workshop();
    TableRound table = new_table(w, "Table B");
    commit_round(w, table, 1);  // nothing moved
    table.pending[lever_index("workers_per_pa")] = "3";
    commit_round(w, table, 2);
    table.pending[lever_index("caseload_cap")] = "20";
    commit_round(w, table, 3);
    ASSERT_EQ(table.decided.size(), 3u);
    EXPECT_TRUE(table.decided[0].levers.empty());
    ASSERT_EQ(table.decided[1].levers.size(), 1u);
    EXPECT_EQ(table.decided[1].levers[0],
              (std::pair<std::string, std::string>{"workers_per_pa", "3"}));
    ASSERT_EQ(table.decided[2].levers.size(), 1u);
    EXPECT_EQ(table.decided[2].levers[0].first, "caseload_cap");
    const auto in_force = values_in_force(w, table, 4);
    EXPECT_EQ(in_force[lever_index("workers_per_pa")], "3");
    EXPECT_EQ(in_force[lever_index("caseload_cap")], "20");
    EXPECT_EQ(values_in_force(w, table, 1)[lever_index("workers_per_pa")], "0");
}

TEST(WorkshopRound, TheDecisionFileReadsBackWithTheCliReaderAndResumes) {
    const auto& w = pa_workshop();
    TableRound table = new_table(w, "Table \"B\"");
    table.pending[lever_index("agency_allowed")] = "false";
    commit_round(w, table, 1);
    commit_round(w, table, 2);
    table.pending[lever_index("max_overtime")] = "5";
    commit_round(w, table, 3);
    const std::string path = ::testing::TempDir() + "workshop_logic_table.json";
    std::ofstream(path) << decision_file_text(table, kWorkshop);
    const auto read = scenario::load_decisions(path, &w);
    ASSERT_TRUE(read.decisions.has_value())
        << (read.diagnostics.empty() ? "" : scenario::format_diagnostic(read.diagnostics[0]));
    EXPECT_EQ(read.decisions->table, "Table \"B\"");
    EXPECT_EQ(last_round_decided(*read.decisions), 3u);
    const TableRound resumed = resumed_table(w, *read.decisions, 3);
    EXPECT_EQ(resumed.decided.size(), 3u);
    EXPECT_EQ(resumed.pending, values_in_force(w, table, 3));
    // Resuming fewer rounds drops the later ones.
    const TableRound early = resumed_table(w, *read.decisions, 2);
    EXPECT_EQ(early.pending[lever_index("max_overtime")], "11");
    EXPECT_EQ(early.pending[lever_index("agency_allowed")], "false");
}

TEST(WorkshopSession, ARoundPlaysInTheBackgroundAndEachTableKeepsItsDecisions) {
    ViewerOptions options;
    options.workshop = kWorkshop;
    options.tables = 2;
    const std::filesystem::path dir = ::testing::TempDir() + "workshop_session_tables";
    std::filesystem::remove_all(dir);
    options.save_dir = dir;
    WorkshopState w;
    std::string error;
    ASSERT_EQ(open_workshop(options, w, error), 0) << error;
    EXPECT_TRUE(std::filesystem::exists(dir / "table_1.json"));  // kept from the start
    ASSERT_EQ(w.tables.size(), 2u);
    w.tables[1].pending[lever_index("workers_per_pa")] = "3";
    start_play(w);
    ASSERT_TRUE(w.playing.has_value());
    ViewerState state;
    ASSERT_TRUE(collect_play(w, state, true));
    EXPECT_EQ(w.played, 1u) << w.status;
    EXPECT_EQ(w.screen, WorkshopScreen::play);
    EXPECT_TRUE(has_run(state, kSideA));
    ASSERT_EQ(w.runs.size(), 2u);
    ASSERT_TRUE(w.runs[0].run && w.runs[1].run);
    EXPECT_EQ(w.runs[1].scores.at(0).size(), pa_workshop().score.size());
    // Round 1's PAs are in table 2's run and not in table 1's.
    const std::int64_t day = w.session->calendar().round_days[1] - 1;
    EXPECT_EQ(w.runs[0].run->series_value("pa_count", day).value_or(-1.0), 0.0);
    EXPECT_GT(w.runs[1].run->series_value("pa_count", day).value_or(0.0), 40.0);
    // Both files say round 1 was played; only table 2's moves a lever.
    for (std::size_t t = 0; t < 2; ++t) {
        const auto read = scenario::load_decisions(table_file(dir, t).string(), &pa_workshop());
        ASSERT_TRUE(read.decisions.has_value()) << t;
        ASSERT_EQ(read.decisions->rounds.size(), 1u);
        EXPECT_EQ(read.decisions->rounds[0].levers.size(), t == 0 ? 0u : 1u);
    }
}

TEST(WorkshopSession, TheDebriefNamesTheAgencyBanLoopFromARealPlay) {
    // Table 1 bans agency workers at round 3 (the shipped example), table 2 keeps the defaults:
    // after five rounds the named loop must start where the tables' decisions differ and run
    // through the staff they have to the stress they feel.
    ViewerOptions options;
    options.workshop = kWorkshop;
    options.decisions = {std::string(CSSIM_SOURCE_DIR) +
                         "/scenarios/workshops/pa_decision_table_a.json"};
    options.tables = 2;
    options.played = 5;
    options.save_dir = ::testing::TempDir() + "workshop_debrief_tables";
    std::filesystem::remove_all(*options.save_dir);
    WorkshopState w;
    std::string error;
    ASSERT_EQ(open_workshop(options, w, error), 0) << error;
    ViewerState state;
    set_screen(w, state, WorkshopScreen::debrief);
    ASSERT_FALSE(w.loops.empty());
    const NamedLoop& loop = w.loops.front();
    EXPECT_EQ(loop.chain.front().series, "agency_share") << loop_text(loop);
    EXPECT_EQ(loop.chain.front().sign, 1) << "B (no ban) has more agency workers";
    const auto has = [&](const std::string& s) {
        return std::any_of(loop.chain.begin(), loop.chain.end(),
                           [&](const SeriesDifference& d) { return d.series == s; });
    };
    EXPECT_TRUE(has("social_workers_in_post")) << loop_text(loop);
    EXPECT_TRUE(has("stress_mean")) << loop_text(loop);
}

std::vector<double> ramp(double from, double to, std::size_t n = 100) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = from + (to - from) * static_cast<double>(i) / static_cast<double>(n - 1);
    return v;
}

TEST(WorkshopLoops, ASteadyGapIsLargeAndNoiseIsSmall) {
    const auto flat = ramp(0.5, 0.5);
    const auto gap = series_difference("stress_mean", "Stress", flat, ramp(0.7, 0.7));
    EXPECT_EQ(gap.sign, 1);
    EXPECT_GT(gap.effect, 5.0);
    std::vector<double> noisy = flat;
    for (std::size_t i = 0; i < noisy.size(); ++i)
        noisy[i] += (i % 2 == 0 ? 0.1 : -0.1);
    EXPECT_LT(series_difference("stress_mean", "Stress", flat, noisy).effect, 0.5);
    const auto diverging = series_difference("x", "X", flat, ramp(0.5, 0.9));
    EXPECT_GT(diverging.onset, 10);  // the gap grows: it reaches a quarter of its mean later
}

/** The differences of a story given only by data: which series moved, and which way. */
std::vector<SeriesDifference> moved(const std::vector<std::pair<std::string, int>>& series) {
    std::vector<SeriesDifference> out;
    for (const char* name :
         {"agency_share", "social_workers_in_post", "caseload_mean", "stress_mean",
          "sickness_absence", "vacancy_rate", "pa_count", "time_use/admin", "time_use/direct",
          "unallocated_cases", "referrals", "harm_events"}) {
        SeriesDifference d;
        d.series = name;
        d.label = name;
        for (const auto& [s, sign] : series) {
            if (s == name) {
                d.sign = sign;
                d.effect = 3.0;
            }
        }
        out.push_back(d);
    }
    return out;
}

TEST(WorkshopLoops, AnAgencyBanIsNamedAsTheLoopThroughStaffingCaseloadAndStress) {
    const auto loops = name_loops(moved({{"agency_share", -1},
                                         {"social_workers_in_post", -1},
                                         {"caseload_mean", 1},
                                         {"stress_mean", 1},
                                         {"vacancy_rate", 1}}));
    ASSERT_FALSE(loops.empty());
    const std::string text = loop_text(loops[0]);
    EXPECT_EQ(text,
              "agency_share down -> (agency cover) social_workers_in_post down -> "
              "caseload_mean up -> stress_mean up -> (leavers) vacancy_rate up -> and round again");
    EXPECT_TRUE(loops[0].closes);
    EXPECT_TRUE(loops[0].reinforcing);  // fewer in post -> more stress -> more leave
}

TEST(WorkshopLoops, PAsAreNamedThroughAdminNotStaffing) {
    const auto loops = name_loops(moved(
        {{"pa_count", 1}, {"time_use/admin", -1}, {"time_use/direct", 1}, {"stress_mean", -1}}));
    ASSERT_FALSE(loops.empty());
    EXPECT_EQ(loops[0].chain.front().series, "pa_count");
    EXPECT_EQ(loops[0].chain[1].series, "time_use/admin");
    EXPECT_FALSE(loops[0].closes);
    // A series moving against the mechanism breaks the chain: more PAs with MORE admin is not it.
    EXPECT_TRUE(name_loops(moved({{"pa_count", 1}, {"time_use/admin", 1}})).empty());
}

TEST(WorkshopLoops, SmallDifferencesNameNoLoop) {
    auto diffs = moved({{"caseload_mean", 1}, {"stress_mean", 1}});
    for (auto& d : diffs)
        d.effect = d.sign != 0 ? 0.2 : 0.0;  // below the threshold
    EXPECT_TRUE(name_loops(diffs).empty());
}

}  // namespace
}  // namespace cssim::viewer
