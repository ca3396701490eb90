// System effects (issue 7): each submodel moves the outcomes in the direction the seed texts and
// the evidence say, shown with paired-difference intervals under common random numbers (same
// seed and replication => the same streams in both scenarios). Level 99.99%
// (testing::kSignLevel): a correct model fails such a sign test less than once in 10,000 seeds;
// the seeds are fixed, so the tests are deterministic. The presets in scenarios/ are tested as
// shipped, shortened to eight years (two of warm-up) to keep the suite quick.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"
#include "department_test_support.hpp"

namespace cssim::department {
namespace {

using testing::expect_falls;
using testing::expect_rises;
using testing::kSignLevel;
using testing::MetricSamples;
using testing::paired;
using testing::run_many;
using testing::samples;
using testing::show;

constexpr int kReplications = 16;

DepartmentConfig preset(const std::string& name) {
    const std::string path = std::string(CSSIM_SOURCE_DIR) + "/scenarios/" + name + ".json";
    scenario::LoadResult r = scenario::load_scenario(path, {"run.years=8", "run.warmup_years=2"});
    for (const auto& d : r.diagnostics)
        ADD_FAILURE() << scenario::format_diagnostic(d);
    if (!r.scenario || !r.scenario->department)
        throw std::runtime_error("cannot load " + path);
    return *r.scenario->department;
}

TEST(SystemEffects, AtBaseCapacityPreventionChangesNoDemand) {
    // The prevention gap is zero at the base capacity, so switching the submodel off leaves
    // every demand and pathway draw as it was: the calibration of base.json holds.
    DepartmentConfig on = preset("base");
    on.run.years = 4.0;
    DepartmentConfig off = on;
    off.prevention.enabled = false;
    const MetricSamples a = run_many(on, 2);
    const MetricSamples b = run_many(off, 2);
    for (const char* name : {"referrals_per_year", "cin_per_10k", "high_need_referral_share",
                             "harm_events_per_10k_children", "caseload_mean"}) {
        EXPECT_EQ(samples(a, name), samples(b, name)) << name;
    }
}

TEST(SystemEffects, PreventionCutReturnsAsMoreAndMoreSevereReferrals) {
    const MetricSamples base = run_many(preset("base"), kReplications);
    const MetricSamples cut = run_many(preset("prevention_cut"), kReplications);
    expect_falls(base, cut, "prevention_spend");
    expect_rises(base, cut, "referrals_per_year");
    expect_rises(base, cut, "high_need_referral_share");
    expect_rises(base, cut, "cin_per_10k");
}

TEST(SystemEffects, DeepPreventionCutCostsStatutoryServicesMore) {
    // The shipped preset's quarter cut moves statutory spend by less than its noise at 16 pairs
    // (docs/system-effects.md gives the interval); three quarters, same mechanism, shows the
    // direction: looked-after children and the statutory spend rise (seed 003's false economy).
    // 32 pairs: with cover during long spells and agency departures (round 8) the pairs share
    // fewer draws and at 16 the spend's 99.99% interval reached just below 0 (2.15m [-0.04m,
    // 4.34m]); 32 halves its variance.
    constexpr int replications = 32;
    DepartmentConfig deep = preset("prevention_cut");
    deep.money.funding_changes.at(0).health_visiting_cut = 0.75;
    deep.money.funding_changes.at(0).early_help_cut = 0.75;
    const MetricSamples base = run_many(preset("base"), replications);
    const MetricSamples cut = run_many(deep, replications);
    expect_rises(base, cut, "looked_after_per_10k");
    std::vector<double> statutory_base, statutory_cut;
    for (int r = 0; r < replications; ++r) {
        statutory_base.push_back(samples(base, "spend_total")[r] -
                                 samples(base, "prevention_spend")[r]);
        statutory_cut.push_back(samples(cut, "spend_total")[r] -
                                samples(cut, "prevention_spend")[r]);
    }
    const core::ConfidenceInterval d =
        core::paired_difference_ci(statutory_base, statutory_cut, kSignLevel);
    EXPECT_GT(d.low, 0.0) << "statutory spend: cut - base = " << show(d);
}

TEST(SystemEffects, InadequateJudgementDrivesStaffAwayAndAgencyIn) {
    // The yearly overdispersion of demand (docs/model.md 7.1) is off in both arms: the rise in
    // children's changes of worker is small (~0.005) and the nonlinear response to high-demand
    // years widens its 99.99% paired interval across 0 at 16 replications (measured).
    DepartmentConfig base_config = preset("base"), judged_config = preset("inadequate_judgement");
    base_config.demand.yearly_rate_cv = judged_config.demand.yearly_rate_cv = 0.0;
    const MetricSamples base = run_many(base_config, kReplications);
    const MetricSamples judged = run_many(judged_config, kReplications);
    expect_rises(base, judged, "inadequate_time_share");
    expect_rises(base, judged, "turnover_rate");
    expect_rises(base, judged, "agency_share");
    expect_rises(base, judged, "vacancy_rate");
    expect_rises(base, judged, "admin_time_share");  // compliance work
    expect_rises(base, judged, "children_two_plus_changes_share");
}

TEST(SystemEffects, BlameDrivesLeavingAndDefensivePracticeLearningLowersHarm) {
    const MetricSamples base = run_many(preset("base"), kReplications);
    const MetricSamples blame = run_many(preset("blame_culture"), kReplications);
    const MetricSamples learning = run_many(preset("learning_culture"), kReplications);
    expect_rises(base, blame, "turnover_rate");
    expect_rises(base, blame, "entries_per_year/section_47");
    expect_rises(base, blame, "admin_time_share");
    expect_falls(base, learning, "harm_events_per_10k_children");
    expect_falls(blame, learning, "harm_events_per_10k_children");
    expect_rises(base, learning, "near_misses_reviewed_per_year");
}

TEST(SystemEffects, ManagerAbsenceLeavesRiskMissed) {
    // Half the team manager posts go in the first month; the same run with supervision made
    // irrelevant (multipliers 1, no stress) is the counterfactual.
    DepartmentConfig effects = preset("base");
    FundingChange cut;
    cut.label = "manager cut";
    cut.date = "2023-04-03";
    cut.budget_change = 0.0;
    cut.manager_posts_cut = 0.5;
    effects.money.funding_changes.push_back(cut);
    effects.management.resignation_rate = 0.6;  // posts fall vacant (and are deleted) quickly
    DepartmentConfig no_effects = effects;
    no_effects.management.unsupervised_hazard_multiplier = 1.0;
    no_effects.management.unsupervised_error_multiplier = 1.0;
    no_effects.management.unsupervised_stress = 0.0;
    const MetricSamples a = run_many(no_effects, kReplications);
    const MetricSamples b = run_many(effects, kReplications);
    const core::ConfidenceInterval coverage = testing::ci(b, "supervision_coverage", kSignLevel);
    EXPECT_LT(coverage.high, 0.95) << "supervision coverage " << show(coverage);
    expect_rises(a, b, "harm_events_per_10k_children");
    expect_rises(a, b, "stress_mean");
}

TEST(SystemEffects, ChildrenWithMoreChangesOfWorkerComeToMoreHarm) {
    // Within the same runs of a high-churn council (agency_heavy), harm per child-year is higher
    // for children with two or more changes of worker in 12 months than for the others. (The
    // department-wide effect of switching the churn hazard off is smaller than the noise of 16
    // pairs: few children have two recent changes.)
    // 32 replications, not 16: the subgroup with two or more recent changes is small, and its
    // harm rate is noisy (with 16, after issue 11 item 7 moved long-term sickness partly off
    // stress, the 99.99% interval was 0.29 [-0.28, 0.86]: the sign held, the power did not).
    const MetricSamples on = run_many(preset("agency_heavy"), 2 * kReplications);
    const core::ConfidenceInterval d = core::paired_difference_ci(
        samples(on, "harm_per_100_child_years_fewer_changes"),
        samples(on, "harm_per_100_child_years_two_plus_changes"), kSignLevel);
    EXPECT_GT(d.low, 0.0) << "harm rate, two or more changes - fewer = " << show(d);
    const MetricSamples base = run_many(preset("base"), 2 * kReplications);
    expect_rises(base, on, "children_two_plus_changes_share");
    expect_rises(base, on, "social_workers_per_child_mean");
}

// In teams (issue 11) the collapse's caseloads stay in 30-50 only because the department answers
// an overwhelmed team as councils do: managers redeploy workers into it from teams under less
// pressure, and the front door raises its threshold while assessment is overwhelmed
// (docs/system-effects.md section 6). Without them (allocation.redeploy_above = 0,
// front_door.threshold_above = 0) the cut assessment team's caseload grows without limit and the
// 90th percentile was 129 [87, 172].
TEST(SystemEffects, FinancialCollapseBringsCaseloadsOfThirtyToFifty) {
    // Seed 001 (Ofsted focused visit, Northamptonshire 2018): "many social workers responsible
    // for between 30 and 50 children". The 90th percentile caseload of the collapse years must
    // lie in that range (99.99% interval inside it), while base stays below 30.
    const MetricSamples base = run_many(preset("base"), kReplications);
    const MetricSamples collapse = run_many(preset("financial_collapse"), kReplications);
    const core::ConfidenceInterval p90 = testing::ci(collapse, "caseload_p90", kSignLevel);
    EXPECT_GE(p90.low, 30.0) << show(p90);
    EXPECT_LE(p90.high, 50.0) << show(p90);
    for (double x : samples(base, "caseload_p90"))
        EXPECT_LT(x, 30.0);
    expect_rises(base, collapse, "caseload_over_30_share");
    expect_rises(base, collapse, "unallocated_cases_mean");
    expect_rises(base, collapse, "harm_events_per_10k_children");
    expect_falls(base, collapse, "supervision_coverage");
    expect_falls(base, collapse, "visits_on_time_share");
}

}  // namespace
}  // namespace cssim::department
