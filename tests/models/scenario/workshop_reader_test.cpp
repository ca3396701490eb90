// Workshop and decision files: the shipped workshops load; bad files are refused with the JSON
// path of each problem (unknown lever, value out of range, a round that does not exist...).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cssim/scenario/workshop.hpp"

namespace cssim::scenario {
namespace {

using nlohmann::json;

const std::string kWorkshops = std::string(CSSIM_SOURCE_DIR) + "/scenarios/workshops/";

/** The text of the shipped PA workshop, with `patch` merged in (RFC 7396). */
std::string pa_workshop(const json& patch = json::object()) {
    const WorkshopLoadResult r = load_workshop(kWorkshops + "pa_decision.json");
    EXPECT_TRUE(r.workshop);
    std::ifstream in(kWorkshops + "pa_decision.json");
    json d = json::parse(in);
    d.merge_patch(patch);
    return d.dump();
}

std::vector<std::string> problems(const std::vector<Diagnostic>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds)
        out.push_back(format_diagnostic(d));
    return out;
}

bool has(const std::vector<Diagnostic>& ds, const std::string& path, const std::string& part) {
    for (const auto& d : ds) {
        if (d.path == path && d.message.find(part) != std::string::npos)
            return true;
    }
    return false;
}

WorkshopLoadResult load(const json& patch) {
    return load_workshop_text(pa_workshop(patch), kWorkshops + "test.json");
}

TEST(DecisionReader, TheShippedDecisionFilesLoad) {
    // The tables of the facilitator's guide (docs/workshop.md) play these files.
    for (const char* name :
         {"pa_decision_table_a.json", "pa_decision_table_b.json", "pa_decision_table_c.json",
          "cuts_game_table_a.json", "cuts_game_table_b.json", "cuts_game_table_c.json"}) {
        const DecisionLoadResult r = load_decisions(kWorkshops + name);
        EXPECT_TRUE(r.decisions) << name << ": "
                                 << ::testing::PrintToString(problems(r.diagnostics));
    }
}

TEST(WorkshopReader, TheShippedWorkshopsLoad) {
    for (const char* name : {"pa_decision.json", "cuts_game.json"}) {
        const WorkshopLoadResult r = load_workshop(kWorkshops + name);
        ASSERT_TRUE(r.workshop) << name << ": "
                                << ::testing::PrintToString(problems(r.diagnostics));
        EXPECT_GE(r.workshop->minutes, 60u);
        EXPECT_LE(r.workshop->minutes, 90u);
        EXPECT_FALSE(r.workshop->levers.empty());
        EXPECT_FALSE(r.workshop->cards.empty());
        EXPECT_FALSE(r.workshop->debrief.empty());
    }
    const WorkshopLoadResult pa = load_workshop(kWorkshops + "pa_decision.json");
    EXPECT_EQ(pa.workshop->levers[0].path, "admin_support.workers_per_pa");
    EXPECT_EQ(pa.workshop->levers[0].allowed, (std::vector<std::string>{"0", "6", "4", "3"}));
    EXPECT_EQ(pa.workshop->cards[1].draw, (std::pair<std::size_t, std::size_t>(2, 5)));
}

TEST(WorkshopReader, LeverPathsAreCheckedAgainstTheScenarioLikeSet) {
    json levers = json::parse(pa_workshop())["levers"];
    levers[1]["path"] = "workforce.social_worker_post";
    const auto r = load({{"levers", levers}});
    EXPECT_FALSE(r.workshop);
    EXPECT_TRUE(has(r.diagnostics, "levers[1].path", "--set workforce.social_worker_post="))
        << ::testing::PrintToString(problems(r.diagnostics));
    // A path that exists but whose range the model refuses (a negative caseload cap).
    levers = json::parse(pa_workshop())["levers"];
    levers[2]["range"] = json::array({-5, 30});
    EXPECT_TRUE(has(load({{"levers", levers}}).diagnostics, "levers[2].path",
                    "allocation.caseload_cap=-5"));
}

TEST(WorkshopReader, BadFieldsAreReportedWithTheirPaths) {
    json levers = json::parse(pa_workshop())["levers"];
    levers[0]["default"] = 5;          // not one of the allowed values
    levers[1]["cost_per_year"] = {0};  // one cost for two values
    levers[3]["range"] = {11, 0};      // low > high
    json cards = json::parse(pa_workshop())["cards"];
    cards[0]["round"] = 9;  // the workshop has 8 rounds
    cards[1]["draw_between"] = {5, 2};
    cards[2]["changes"] = {{"sickness.short_spells_per_year_at_zero_stres", 0.4}};
    json score = json::parse(pa_workshop())["score"];
    score[0]["metric"] = "unallocated_case_mean";
    score[1]["better"] = "up";
    const auto r =
        load({{"levers", levers}, {"cards", cards}, {"score", score}, {"round", 3}, {"rounds", 8}});
    EXPECT_FALSE(r.workshop);
    const auto d = r.diagnostics;
    EXPECT_TRUE(has(d, "levers[0].default", "must be one of the allowed values"));
    EXPECT_TRUE(has(d, "levers[1].cost_per_year", "one cost per allowed value (2)"));
    EXPECT_TRUE(has(d, "levers[3].range", "low < high"));
    EXPECT_TRUE(has(d, "cards[0].round", "between 1 and 8"));
    EXPECT_TRUE(has(d, "cards[1].draw_between", "1 <= first <= last <= 8"));
    EXPECT_TRUE(has(d, "cards[2].changes.sickness.short_spells_per_year_at_zero_stres", "--set"));
    EXPECT_TRUE(has(d, "score[0].metric", "did you mean \"unallocated_cases_mean\""));
    EXPECT_TRUE(has(d, "score[1].better", "\"higher\" or \"lower\""));
    EXPECT_TRUE(has(d, "round", "unknown key; did you mean"))
        << ::testing::PrintToString(problems(d));
}

TEST(WorkshopReader, AMissingScenarioIsMissingInput) {
    const auto r = load({{"scenario", "../no_such_scenario.json"}});
    EXPECT_FALSE(r.workshop);
    EXPECT_TRUE(r.is_missing_input);
    EXPECT_TRUE(has(r.diagnostics, "scenario", "does not load"));
}

DecisionLoadResult decide(const json& rounds) {
    const json d = {{"decisions", 1},
                    {"workshop", "pa_decision.json"},
                    {"table", "Table A"},
                    {"rounds", rounds}};
    return load_decisions_text(d.dump(), kWorkshops + "table_a.json");
}

TEST(DecisionReader, ValidDecisionsLoadSortedByRound) {
    const auto r = decide(json::parse(R"([{"round": 5, "levers": {"caseload_cap": 20}},
                                          {"round": 1, "levers": {"workers_per_pa": 3,
                                                                  "agency_allowed": false}}])"));
    ASSERT_TRUE(r.decisions) << ::testing::PrintToString(problems(r.diagnostics));
    ASSERT_EQ(r.decisions->rounds.size(), 2u);
    EXPECT_EQ(r.decisions->rounds[0].round, 1u);
    EXPECT_EQ(r.decisions->rounds[0].levers.size(), 2u);
    ASSERT_TRUE(r.workshop);
    EXPECT_EQ(r.workshop->title, "The PA decision");
}

TEST(DecisionReader, UnknownLeversValuesOutOfRangeAndMissingRoundsAreRefused) {
    const auto r = decide(json::parse(R"([
        {"round": 1, "levers": {"workers_per_pas": 3}},
        {"round": 2, "levers": {"caseload_cap": 40}},
        {"round": 3, "levers": {"workers_per_pa": 5, "max_overtime": 5.5}},
        {"round": 9, "levers": {}},
        {"round": 2, "levers": {}}])"));
    EXPECT_FALSE(r.decisions);
    const auto d = r.diagnostics;
    EXPECT_TRUE(has(d, "rounds[0].levers.workers_per_pas", "did you mean \"workers_per_pa\""));
    EXPECT_TRUE(has(d, "rounds[1].levers.caseload_cap", "out of range: 40 not in [15, 30]"))
        << ::testing::PrintToString(problems(d));
    EXPECT_TRUE(has(d, "rounds[2].levers.workers_per_pa", "not allowed: 5 (allowed: 0, 6, 4, 3)"));
    EXPECT_TRUE(has(d, "rounds[2].levers.max_overtime", "multiple of 1"));
    EXPECT_TRUE(has(d, "rounds[3].round", "does not exist: the workshop has rounds 1 to 8"));
    EXPECT_TRUE(has(d, "rounds[4].round", "decided twice"));
}

TEST(DecisionReader, AFractionalStepIsReportedWithItsNumbers) {
    // The cuts game's agency renewal moves in steps of 0.05 from 0.5 (the message once
    // formatted a fraction by calling itself for ever).
    const std::string text = R"({"decisions": 1, "workshop": "cuts_game.json", "table": "T",
        "rounds": [{"round": 1, "levers": {"agency_renewal": 0.52}}]})";
    const auto r = load_decisions_text(text, kWorkshops + "t.json");
    EXPECT_FALSE(r.decisions);
    EXPECT_TRUE(has(r.diagnostics, "rounds[0].levers.agency_renewal",
                    "must be 0.5 plus a multiple of 0.05 (got 0.52)"))
        << ::testing::PrintToString(problems(r.diagnostics));
}

TEST(WorkshopReader, OverallWeightsAreCheckedWithTheirPaths) {
    // The shipped PA workshop weights its families 2, 1, 1; its score has no term for a family
    // only when the terms are cut down to one.
    const WorkshopLoadResult good = load_workshop(kWorkshops + "pa_decision.json");
    ASSERT_TRUE(good.workshop);
    EXPECT_EQ(good.workshop->overall_weights.children, 2.0);
    EXPECT_EQ(good.workshop->overall_weights.money, 1.0);
    json score = json::array();
    score.push_back(
        {{"group", "children"}, {"metric", "unallocated_cases_mean"}, {"better", "lower"}});
    // (A merge patch: null takes staff out of the shipped weights.)
    const auto r = load({{"score", score},
                         {"overall_weights", {{"children", 1}, {"money", 2}, {"staff", nullptr}}}});
    EXPECT_FALSE(r.workshop);
    EXPECT_TRUE(
        has(r.diagnostics, "overall_weights.money", "weights a family the score has no term"))
        << ::testing::PrintToString(problems(r.diagnostics));
    // staff keeps its default weight 1 but is not named: no complaint about it.
    EXPECT_FALSE(has(r.diagnostics, "overall_weights.staff", ""));
    const auto wrong = load({{"overall_weights", {{"children", "a lot"}}}});
    EXPECT_TRUE(has(wrong.diagnostics, "overall_weights.children", "must be a number"));
    // Without the key the defaults hold: children 2, staff 1, money 1.
    const auto none = load({{"overall_weights", nullptr}});
    ASSERT_TRUE(none.workshop) << ::testing::PrintToString(problems(none.diagnostics));
    EXPECT_EQ(none.workshop->overall_weights.children, 2.0);
    EXPECT_EQ(none.workshop->overall_weights.staff, 1.0);
}

TEST(WorkshopReader, LeversAndCardsMustBeValuesThatCanChangeDuringARun) {
    // Rounds are dated changes: the posts are counted out at day 0, so they cannot be a lever.
    json levers = json::parse(pa_workshop())["levers"];
    levers.push_back({{"id", "posts"},
                      {"label", "Posts"},
                      {"path", "workforce.social_worker_posts"},
                      {"range", {150, 200}},
                      {"default", 168}});
    json cards = json::parse(pa_workshop())["cards"];
    cards[0]["changes"] = {{"run.years", 3}};
    const auto r = load({{"levers", levers}, {"cards", cards}});
    EXPECT_FALSE(r.workshop);
    EXPECT_TRUE(has(r.diagnostics, "levers[4].path", "cannot change during a run"))
        << ::testing::PrintToString(problems(r.diagnostics));
    EXPECT_TRUE(has(r.diagnostics, "cards[0].changes.run.years", "cannot change during a run"));
}

TEST(DecisionReader, ATableFileForAnotherWorkshopIsRefused) {
    const WorkshopLoadResult cuts = load_workshop(kWorkshops + "cuts_game.json");
    ASSERT_TRUE(cuts.workshop);
    const auto r = load_decisions(kWorkshops + "pa_decision_table_b.json", &*cuts.workshop);
    EXPECT_FALSE(r.decisions);
    EXPECT_TRUE(has(r.diagnostics, "workshop", "not for the workshop being played"))
        << ::testing::PrintToString(problems(r.diagnostics));
    const WorkshopLoadResult pa = load_workshop(kWorkshops + "pa_decision.json");
    EXPECT_TRUE(load_decisions(kWorkshops + "pa_decision_table_b.json", &*pa.workshop).decisions);
}

TEST(FileKind, TellsScenariosWorkshopsAndDecisionsApart) {
    EXPECT_EQ(file_kind(kWorkshops + "pa_decision.json"), FileKind::workshop);
    EXPECT_EQ(file_kind(kWorkshops + "pa_decision_table_b.json"), FileKind::decisions);
    EXPECT_EQ(file_kind(std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json"),
              FileKind::scenario);
}

}  // namespace
}  // namespace cssim::scenario
