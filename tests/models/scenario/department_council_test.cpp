// The department's council profile (the establishment derived from children), the funding-change
// defaults, and each warning with its JSON path (docs/scenarios.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"
#include "scenario_test_support.hpp"

namespace cssim::scenario {
namespace {

using testing::scratch_dir;
using testing::write_file;

const std::string kBase = std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json";

Scenario load_ok(const std::string& path, const std::vector<std::string>& sets = {}) {
    LoadResult result = load_scenario(path, sets);
    EXPECT_TRUE(result.scenario) << (result.diagnostics.empty()
                                         ? std::string()
                                         : format_diagnostic(result.diagnostics.front()));
    return result.scenario ? *result.scenario : Scenario{};
}

std::vector<std::string> warning_paths(const Scenario& s) {
    std::vector<std::string> paths;
    for (const Diagnostic& d : s.warnings)
        paths.push_back(d.path);
    return paths;
}

bool has_warning(const Scenario& s, const std::string& path) {
    for (const Diagnostic& d : s.warnings) {
        if (d.path == path)
            return true;
    }
    return false;
}

TEST(CouncilProfile, BaseDerivesTheEstablishmentItStatedBefore) {
    const Scenario s = load_ok(kBase);
    ASSERT_TRUE(s.department);
    const auto& c = *s.department;
    // The numbers base.json wrote out before it described itself through the profile.
    EXPECT_DOUBLE_EQ(c.population.children, 80000.0);
    EXPECT_DOUBLE_EQ(c.demand.referrals_per_10k_children_per_year, 370.0);
    EXPECT_DOUBLE_EQ(c.workforce.social_worker_posts, 168.0);
    EXPECT_DOUBLE_EQ(c.front_door.screening_fte, 7.0);
    EXPECT_DOUBLE_EQ(c.early_help.capacity_families, 400.0);
    EXPECT_DOUBLE_EQ(c.prevention.health_visitors, 52.0);
    EXPECT_DOUBLE_EQ(c.money.budget_per_year, 0.0);  // automatic: follows the establishment
    EXPECT_TRUE(s.warnings.empty()) << warning_paths(s).front();
    ASSERT_GE(s.council.size(), 3u);
    EXPECT_EQ(s.council[2],
              "168 social worker posts (derived from 80,000 children at 21 per 10,000)");
}

TEST(CouncilProfile, PopulationChildrenScalesTheWholeCouncil) {
    const Scenario s = load_ok(kBase, {"population.children=160000"});
    const auto& c = *s.department;
    EXPECT_DOUBLE_EQ(c.population.children, 160000.0);
    EXPECT_DOUBLE_EQ(c.workforce.social_worker_posts, 336.0);
    EXPECT_DOUBLE_EQ(c.front_door.screening_fte, 14.0);
    EXPECT_DOUBLE_EQ(c.early_help.capacity_families, 800.0);
    EXPECT_DOUBLE_EQ(c.prevention.health_visitors, 104.0);
    // council.children is the same lever.
    const Scenario t = load_ok(kBase, {"council.children=160000"});
    EXPECT_DOUBLE_EQ(t.department->workforce.social_worker_posts, 336.0);
    EXPECT_EQ(s.department->population.children, t.department->population.children);
}

TEST(CouncilProfile, AStatedValueWinsAndIsReportedAsStated) {
    const Scenario s =
        load_ok(kBase, {"population.children=160000", "workforce.social_worker_posts=300"});
    EXPECT_DOUBLE_EQ(s.department->workforce.social_worker_posts, 300.0);
    EXPECT_DOUBLE_EQ(s.department->front_door.screening_fte, 14.0);
    EXPECT_EQ(s.council[2], "300 social worker posts (stated: workforce.social_worker_posts)");
    const Scenario p =
        load_ok(kBase, {"council.social_worker_posts=150", "council.agency_share=0.3"});
    EXPECT_DOUBLE_EQ(p.department->workforce.social_worker_posts, 150.0);
    EXPECT_DOUBLE_EQ(p.department->workforce.initial_agency_share, 0.3);
    EXPECT_EQ(p.council[2],
              "150 social worker posts (stated in the council profile: "
              "council.social_worker_posts)");
}

TEST(CouncilProfile, ReferralRateOfTheProfileSetsDemandUnlessDemandStatesIt) {
    EXPECT_DOUBLE_EQ(load_ok(kBase, {"council.referrals_per_10k_children_per_year=481"})
                         .department->demand.referrals_per_10k_children_per_year,
                     481.0);
    EXPECT_DOUBLE_EQ(load_ok(kBase, {"council.referrals_per_10k_children_per_year=481",
                                     "demand.referrals_per_10k_children_per_year=400"})
                         .department->demand.referrals_per_10k_children_per_year,
                     400.0);
}

TEST(CouncilProfile, WithoutAProfileNothingIsDerived) {
    const auto dir = scratch_dir();
    const Scenario s = load_ok(write_file(dir / "plain.json", R"({"model": "department",
        "population": {"children": 160000}})"));
    EXPECT_DOUBLE_EQ(s.department->workforce.social_worker_posts, 168.0);
    // ...and the establishment warning says what that means.
    EXPECT_TRUE(has_warning(s, "workforce.social_worker_posts"));
}

TEST(FundingChange, EveryFieldDefaultsToNoChange) {
    const Scenario s = load_ok(kBase, {R"(money.funding_changes=[{"date": "2027-04-01",
                                           "agency_ban": true}])"});
    const auto& f = s.department->money.funding_changes.at(0);
    EXPECT_TRUE(f.agency_ban);
    EXPECT_DOUBLE_EQ(f.budget_change, 0.0);
    EXPECT_FALSE(f.hiring_freeze);
    EXPECT_FALSE(f.cut_pas);
    EXPECT_DOUBLE_EQ(f.early_help_cut, 0.0);
    EXPECT_DOUBLE_EQ(f.posts_cut, 0.0);
    EXPECT_DOUBLE_EQ(f.health_visiting_cut, 0.0);
    EXPECT_DOUBLE_EQ(f.manager_posts_cut, 0.0);
    // The presets that cut the budget say so themselves.
    const Scenario cut = load_ok(std::string(CSSIM_SOURCE_DIR) + "/scenarios/funding_cut.json");
    EXPECT_DOUBLE_EQ(cut.department->money.funding_changes.at(0).budget_change, -0.2);
}

TEST(Warnings, EveryPresetIsFreeOfWarnings) {
    for (const char* name :
         {"base", "agency_heavy", "blame_culture", "financial_collapse", "funding_cut",
          "inadequate_judgement", "learning_culture", "manager_absence", "no_admin_support",
          "pa_one_per_three", "prevention_cut", "referral_surge"}) {
        const Scenario s = load_ok(std::string(CSSIM_SOURCE_DIR) + "/scenarios/" + name + ".json");
        EXPECT_TRUE(s.warnings.empty()) << name << ": " << format_diagnostic(s.warnings.front());
    }
}

TEST(Warnings, DatedEventsOutsideTheRunNameTheirPath) {
    const Scenario s =
        load_ok(kBase, {R"(money.funding_changes=[{"date": "2025-04-01"}, {"date": "2040-04-01"}])",
                        R"(demand.shocks=[{"start_date": "2020-01-01", "extra": 0.5}])",
                        "inspection.first_date=\"2050-01-01\""});
    EXPECT_FALSE(has_warning(s, "money.funding_changes[0].date"));
    EXPECT_TRUE(has_warning(s, "money.funding_changes[1].date"));
    EXPECT_TRUE(has_warning(s, "demand.shocks[0].start_date"));
    EXPECT_TRUE(has_warning(s, "inspection.first_date"));
    // A change inside the warm-up is valid but its first effects are not measured.
    EXPECT_TRUE(has_warning(load_ok(kBase, {R"(money.funding_changes=[{"date": "2024-04-01"}])"}),
                            "money.funding_changes[0].date"));
}

TEST(Warnings, DemandMultipliedMoreThanThreefold) {
    // 1.11^10 = 2.84 (no warning); 1.12^10 = 3.11 (warning).
    EXPECT_FALSE(
        has_warning(load_ok(kBase, {"demand.trend_per_year=0.11"}), "demand.trend_per_year"));
    EXPECT_TRUE(
        has_warning(load_ok(kBase, {"demand.trend_per_year=0.12"}), "demand.trend_per_year"));
    const std::string shock = R"(demand.shocks=[{"start_date": "2025-04-01", "extra": )";
    EXPECT_FALSE(has_warning(load_ok(kBase, {shock + "2.0}]"}), "demand.shocks[0].extra"));
    EXPECT_TRUE(has_warning(load_ok(kBase, {shock + "2.1}]"}), "demand.shocks[0].extra"));
}

TEST(Warnings, ARunawayTrendIsBlamedOnTheTrend) {
    const LoadResult result = load_scenario(kBase, {"demand.trend_per_year=30"});
    ASSERT_FALSE(result.scenario);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].path, "demand.trend_per_year");
}

TEST(Warnings, ImpliedCaseloadsAbove25OrBelow8) {
    // Base: 2,746 open social-work cases at the start; 165.8 filled posts -> 16.6.
    // 2,746 / 25 / 0.987 = 111 posts is the edge above; 2,746 / 8 / 0.987 = 348 below.
    EXPECT_FALSE(has_warning(load_ok(kBase, {"workforce.social_worker_posts=120"}),
                             "workforce.social_worker_posts"));
    EXPECT_TRUE(has_warning(load_ok(kBase, {"workforce.social_worker_posts=100"}),
                            "workforce.social_worker_posts"));
    EXPECT_TRUE(has_warning(load_ok(kBase, {"workforce.social_worker_posts=400"}),
                            "workforce.social_worker_posts"));
    // The issue's council: 120,000 children and 30% more referrals on base's 168 posts.
    EXPECT_TRUE(
        has_warning(load_ok(kBase, {"council.children=120000", "workforce.social_worker_posts=168",
                                    "council.referrals_per_10k_children_per_year=481"}),
                    "workforce.social_worker_posts"));
}

TEST(Warnings, BudgetHeadroomAboveHalf) {
    EXPECT_FALSE(
        has_warning(load_ok(kBase, {"money.budget_headroom=0.5"}), "money.budget_headroom"));
    EXPECT_TRUE(has_warning(load_ok(kBase, {"money.budget_headroom=5"}), "money.budget_headroom"));
}

TEST(Warnings, WarmupShorterThanTheRule) {
    EXPECT_FALSE(has_warning(load_ok(kBase, {"run.warmup_years=1"}), "run.warmup_years"));
    EXPECT_TRUE(has_warning(load_ok(kBase, {"run.warmup_years=0.5"}), "run.warmup_years"));
    // Starting empty, the rule is twice the slowest stage's mean stay: looked after, 630 working
    // days = 2.41 years -> 4.83, rounded up to 5 years.
    const Scenario empty = load_ok(kBase, {"initial.stocks=[]", "run.warmup_years=4.5"});
    EXPECT_TRUE(has_warning(empty, "run.warmup_years"));
    EXPECT_FALSE(has_warning(load_ok(kBase, {"initial.stocks=[]", "run.warmup_years=5"}),
                             "run.warmup_years"));
}

}  // namespace
}  // namespace cssim::scenario
