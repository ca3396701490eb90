// The department scenario reader and the presets in scenarios/: every preset loads, base.json is
// the model's defaults written out, the --set levers reach the config, and bad input is
// reported with its JSON path.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/scenario/scenario.hpp"

namespace cssim::department {
namespace {

std::string preset(const std::string& name) {
    return std::string(CSSIM_SOURCE_DIR) + "/scenarios/" + name + ".json";
}

scenario::Scenario load_ok(const std::string& path, const std::vector<std::string>& set = {}) {
    scenario::LoadResult result = scenario::load_scenario(path, set);
    for (const auto& d : result.diagnostics)
        ADD_FAILURE() << scenario::format_diagnostic(d);
    EXPECT_TRUE(result.scenario.has_value()) << path;
    if (!result.scenario)
        return {};
    EXPECT_EQ(result.scenario->model, "department");
    EXPECT_TRUE(result.scenario->department.has_value());
    return *result.scenario;
}

bool has_diagnostic(const scenario::LoadResult& r, const std::string& path,
                    const std::string& text) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) {
        return d.path == path && d.message.find(text) != std::string::npos;
    });
}

TEST(DepartmentReader, EveryPresetLoads) {
    for (const char* name :
         {"base", "no_admin_support", "pa_one_per_three", "funding_cut", "referral_surge",
          "agency_heavy", "prevention_cut", "inadequate_judgement", "blame_culture",
          "learning_culture", "financial_collapse"}) {
        SCOPED_TRACE(name);
        const scenario::Scenario s = load_ok(preset(name));
        EXPECT_EQ(s.name, name);
        EXPECT_GE(s.replications, 10u);
    }
}

TEST(DepartmentReader, BaseJsonIsTheModelDefaultsWrittenOut) {
    // Same metrics, bit for bit, from base.json and from DepartmentConfig{}: the calibration
    // tests of the defaults therefore hold for base.json.
    scenario::Scenario s = load_ok(preset("base"));
    ASSERT_TRUE(s.department);
    DepartmentConfig defaults;
    s.department->run.years = defaults.run.years = 2.0;
    s.department->run.warmup_years = defaults.run.warmup_years = 0.5;
    const auto a = run_replication(*s.department, 4, 0, false);
    const auto b = run_replication(defaults, 4, 0, false);
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t i = 0; i < a.metrics.size(); ++i) {
        EXPECT_EQ(a.metrics[i].value, b.metrics[i].value) << a.metrics[i].name;
    }
}

TEST(DepartmentReader, PresetsDifferFromBaseOnlyWhereTheySay) {
    const DepartmentConfig pa = *load_ok(preset("pa_one_per_three")).department;
    EXPECT_EQ(pa.admin_support.workers_per_pa, 3.0);
    EXPECT_EQ(pa.workforce.social_worker_posts, DepartmentConfig{}.workforce.social_worker_posts);
    const DepartmentConfig cut = *load_ok(preset("funding_cut")).department;
    ASSERT_EQ(cut.money.funding_changes.size(), 1u);
    EXPECT_DOUBLE_EQ(cut.money.funding_changes[0].budget_change, -0.2);
    EXPECT_TRUE(cut.money.funding_changes[0].hiring_freeze);
    const DepartmentConfig surge = *load_ok(preset("referral_surge")).department;
    ASSERT_EQ(surge.demand.shocks.size(), 1u);
    EXPECT_DOUBLE_EQ(surge.demand.shocks[0].extra, 0.7);
    EXPECT_DOUBLE_EQ(surge.demand.shocks[0].ramp_months, 18.0);
}

TEST(DepartmentReader, SetLeversReachTheConfig) {
    const DepartmentConfig c =
        *load_ok(preset("base"),
                 {"population.children=100000", "demand.referrals_per_10k_children_per_year=500",
                  "admin_support.workers_per_pa=4", "workforce.social_worker_posts=200",
                  "run.years=6", "run.warmup_years=1", "run.start_date=\"2018-04-01\""})
             .department;
    EXPECT_EQ(c.population.children, 100000.0);
    EXPECT_EQ(c.demand.referrals_per_10k_children_per_year, 500.0);
    EXPECT_EQ(c.admin_support.workers_per_pa, 4.0);
    EXPECT_EQ(c.workforce.social_worker_posts, 200.0);
    EXPECT_EQ(c.run.years, 6.0);
    EXPECT_EQ(c.run.warmup_years, 1.0);
    EXPECT_EQ(c.run.start_date, "2018-04-01");
}

TEST(DepartmentReader, ReportsBadValuesWithTheirPaths) {
    const auto r = scenario::load_scenario(
        preset("base"), {"run.warmup_years=20", "admin_support.workers_per_pa=-1",
                         "demand.need_mix=[0.5, 0.5, 0.5, 0, 0]", "run.start_date=\"2023-13-01\""});
    EXPECT_FALSE(r.scenario);
    EXPECT_TRUE(has_diagnostic(r, "run.warmup_years", "must be < years"));
    EXPECT_TRUE(has_diagnostic(r, "admin_support.workers_per_pa", ""));
    EXPECT_TRUE(has_diagnostic(r, "demand.need_mix", "sum to 1"));
    EXPECT_TRUE(has_diagnostic(r, "run.start_date", "YYYY-MM-DD"));
}

TEST(DepartmentReader, ReportsBadReferralCalendarsWithTheirPaths) {
    const auto r = scenario::load_scenario(
        preset("base"),
        {"demand.sources=[{\"name\": \"police\", \"share\": 0.6, \"calendar\": \"weekday\"}, "
         "{\"name\": \"police\", \"share\": 0.6}]",
         "demand.calendar.weekend_factor=-0.5",
         "demand.calendar.school_holidays=[{\"start\": \"2025-08-01\", \"end\": \"2025-07-01\"}, "
         "{\"start\": \"2025-02-30\", \"end\": \"2025-03-01\"}]",
         "demand.yearly_rate_cv=3"});
    EXPECT_FALSE(r.scenario);
    EXPECT_TRUE(has_diagnostic(r, "demand.sources[0].calendar", "weekdays"));  // did you mean
    EXPECT_TRUE(has_diagnostic(r, "demand.sources[1].name", "duplicate"));
    EXPECT_TRUE(has_diagnostic(r, "demand.sources", "sum to 1"));
    EXPECT_TRUE(has_diagnostic(r, "demand.calendar.weekend_factor", ""));
    EXPECT_TRUE(has_diagnostic(r, "demand.calendar.school_holidays[0].end", "before start"));
    EXPECT_TRUE(has_diagnostic(r, "demand.calendar.school_holidays[1].start", "YYYY-MM-DD"));
    EXPECT_TRUE(has_diagnostic(r, "demand.yearly_rate_cv", ""));
}

TEST(DepartmentReader, ReferralCalendarSettingsReachTheConfig) {
    const DepartmentConfig c =
        *load_ok(preset("base"),
                 {"demand.sources=[{\"name\": \"schools\", \"share\": 0.4, \"calendar\": "
                  "\"school_terms\"}, {\"name\": \"all_week\", \"share\": 0.6, \"calendar\": "
                  "\"every_day\"}]",
                  "demand.calendar.bank_holiday_factor=0.5",
                  "demand.calendar.school_holidays=[{\"start\": \"2025-06-02\", \"end\": "
                  "\"2025-06-06\"}]",
                  "demand.yearly_rate_cv=0"})
             .department;
    ASSERT_EQ(c.demand.sources.size(), 2u);
    EXPECT_EQ(c.demand.sources[0].calendar, SourceCalendar::kSchoolTerms);
    EXPECT_EQ(c.demand.sources[1].calendar, SourceCalendar::kEveryDay);
    EXPECT_EQ(c.demand.calendar.bank_holiday_factor, 0.5);
    ASSERT_EQ(c.demand.calendar.school_holidays.size(), 1u);
    EXPECT_EQ(c.demand.calendar.school_holidays[0].end, "2025-06-06");
    EXPECT_EQ(c.demand.yearly_rate_cv, 0.0);
}

TEST(DepartmentReader, SuggestsTheKeyMeantForATypo) {
    const auto r = scenario::load_scenario_text(
        R"({"model": "department", "admin_suport": {"workers_per_pa": 3}})", "typo.json");
    ASSERT_FALSE(r.scenario);
    EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& d) {
        return d.message.find("admin_support") != std::string::npos;
    }));
}

TEST(DepartmentReader, ReportsPathwayProblemsAtTheStageOrTransition) {
    const auto r = scenario::load_scenario_text(R"({
        "model": "department",
        "pathway": {
          "stages": [
            {"id": "referral", "kind": "entry"},
            {"id": "assessment", "kind": "social_work"},
            {"id": "assessment", "kind": "social_work"},
            {"id": "orphan", "kind": "social_work"},
            {"id": "closed", "kind": "closed"}
          ],
          "transitions": [
            {"from": "referral", "to": "assessment", "probability": 1},
            {"from": "assessment", "to": "closed", "probability": 0.8},
            {"from": "assessment", "to": "adoption", "probability": 0.2},
            {"from": "orphan", "to": "closed", "probability": 1}
          ]
        },
        "initial": {"stocks": []}
      })",
                                                "bad_pathway.json");
    ASSERT_FALSE(r.scenario);
    EXPECT_TRUE(has_diagnostic(r, "pathway.stages[2].id", "duplicate stage id"));
    EXPECT_TRUE(has_diagnostic(r, "pathway.transitions[2].to", "unknown stage \"adoption\""));
    EXPECT_TRUE(has_diagnostic(r, "pathway.stages[3].id", "cannot be reached from \"referral\""));
    EXPECT_TRUE(has_diagnostic(r, "pathway.stages[1].id", "sum to 0.8"));
}

TEST(DepartmentReader, SystemEffectSectionsReachTheConfig) {
    const DepartmentConfig c =
        *load_ok(preset("base"),
                 {"culture.mode=\"learning\"", "inspection.first_judgement=\"good\"",
                  "management.teams_per_manager_max=2", "prevention.health_visitors=40",
                  "churn.enabled=false"})
             .department;
    EXPECT_EQ(c.culture.mode, "learning");
    EXPECT_EQ(c.inspection.first_judgement, "good");
    EXPECT_EQ(c.management.teams_per_manager_max, 2.0);
    EXPECT_EQ(c.prevention.health_visitors, 40.0);
    EXPECT_FALSE(c.churn.enabled);
    const DepartmentConfig collapse = *load_ok(preset("financial_collapse")).department;
    ASSERT_EQ(collapse.money.funding_changes.size(), 1u);
    EXPECT_DOUBLE_EQ(collapse.money.funding_changes[0].manager_posts_cut, 0.33);
    EXPECT_DOUBLE_EQ(collapse.money.funding_changes[0].health_visiting_cut, 0.25);
}

TEST(DepartmentReader, ReportsBadSystemEffectSettingsWithTheirPaths) {
    const auto r = scenario::load_scenario(
        preset("base"), {"culture.mode=\"blaming\"",
                         "inspection.kpis=[{\"name\": \"caseloads\", \"amber\": 1, \"red\": 2}]",
                         "inspection.good_points=9", "prevention.severity_shift=2",
                         "inspection.first_date=\"2025-02-30\""});
    EXPECT_FALSE(r.scenario);
    EXPECT_TRUE(has_diagnostic(r, "culture.mode", "blame"));  // did you mean
    EXPECT_TRUE(has_diagnostic(r, "inspection.kpis[0].name", "caseload_mean"));
    EXPECT_TRUE(has_diagnostic(r, "inspection.good_points", "requires_improvement_points"));
    EXPECT_TRUE(has_diagnostic(r, "prevention.severity_shift", ""));
    EXPECT_TRUE(has_diagnostic(r, "inspection.first_date", ""));
}

}  // namespace
}  // namespace cssim::department
