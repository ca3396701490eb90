/**
 * @file sickness_test.cpp
 * @brief The sickness hazards on their own (issue 11 item 7): short spells and the
 * stress-related part of long spells fall with stress, the long-term baseline from causes beyond
 * workload does not; and over a year of working days a worker at zero stress still loses the
 * days that baseline implies. Cover during a long spell (docs/model.md 7.6): which covered
 * children go back to their worker on return, and through the model, that children wait for cover
 * until the absence is known and go back to their worker afterwards.
 */
#include <gtest/gtest.h>

#include <cmath>

#include "cssim/core/random.hpp"
#include "department_sickness.hpp"
#include "department_test_support.hpp"

namespace cssim::department::detail {
namespace {

TEST(DepartmentSickness, ShortSpellsFallWithStressLongSpellsKeepTheirBaseline) {
    SicknessConfig s;
    s.short_spells_per_year_at_zero_stress = 0.2;
    s.short_stress_coefficient = 4.0;
    s.long_spells_per_year_at_zero_stress = 0.01;
    s.long_stress_coefficient = 2.5;
    s.long_spells_per_year_other_causes = 0.04;
    const SicknessHazards stressed = sickness_hazards(s, 0.5);
    const SicknessHazards calm = sickness_hazards(s, 0.0);
    // Short spells: the whole hazard scales with e^(4 x stress): from 0.5 to 0, x e^-2 (-86%).
    EXPECT_NEAR(calm.short_spell / stressed.short_spell, std::exp(-2.0), 1e-12);
    EXPECT_NEAR(calm.short_spell * 252.0, 0.2, 1e-12);
    // Long spells: only the stress-related part moves; the other causes stay.
    EXPECT_NEAR(calm.long_spell * 252.0, 0.04 + 0.01, 1e-12);
    EXPECT_NEAR(stressed.long_spell * 252.0, 0.04 + 0.01 * std::exp(1.25), 1e-12);
    // From stress 0.5 to 0 the long hazard falls by a third (0.075 -> 0.05), the short by 86%.
    EXPECT_NEAR(calm.long_spell / stressed.long_spell, 0.05 / (0.04 + 0.01 * std::exp(1.25)),
                1e-12);
    EXPECT_GT(calm.long_spell / stressed.long_spell, 0.6);
    // Without other causes the long hazard is the old pure stress hazard.
    s.long_spells_per_year_other_causes = 0.0;
    EXPECT_NEAR(sickness_hazards(s, 0.5).long_spell * 252.0, 0.01 * std::exp(1.25), 1e-12);
}

TEST(DepartmentSickness, AWorkerAtZeroStressStillHasLongSpellsFromOtherCauses) {
    // 2,000 workers for a year of 252 working days at zero stress, with no stress-related
    // hazard at all: spells ~ Poisson(0.04 x 2,000 = 80), sd ~9; tolerance 4 sd.
    SicknessConfig s;
    s.short_spells_per_year_at_zero_stress = 0.0;
    s.long_spells_per_year_at_zero_stress = 0.0;
    s.long_spells_per_year_other_causes = 0.04;
    const SicknessHazards h = sickness_hazards(s, 0.0);
    core::RandomStream rng(11);
    int spells = 0;
    for (int worker = 0; worker < 2000; ++worker) {
        for (int day = 0; day < 252; ++day) {
            spells += rng.uniform01() < h.long_spell ? 1 : 0;
        }
    }
    EXPECT_NEAR(spells, 80.0, 36.0);
    EXPECT_EQ(h.short_spell, 0.0);
}

/** @brief A covered child still with a colleague of team 1, in a stage team 1 holds. */
CoveredChild sickness_cover_child_in_team() {
    CoveredChild c;
    c.same_child = true;
    c.active = true;
    c.worker_team = 1;
    c.stage_team = 1;
    return c;
}

TEST(DepartmentSickness, ACoveredChildGoesBackOnlyIfStillWithTheTeam) {
    EXPECT_TRUE(covered_child_returns(sickness_cover_child_in_team(), 1));
    CoveredChild other_team = sickness_cover_child_in_team();
    EXPECT_FALSE(covered_child_returns(other_team, 2));  // the worker came back to another team
    CoveredChild moved = sickness_cover_child_in_team();
    moved.stage_team = 3;  // the child's stage now belongs to another team
    moved.worker_team = 3;
    EXPECT_FALSE(covered_child_returns(moved, 1));
    CoveredChild held_elsewhere = sickness_cover_child_in_team();
    held_elsewhere.worker_team = 2;  // e.g. same_worker: covered by another team's worker
    EXPECT_FALSE(covered_child_returns(held_elsewhere, 1));
    CoveredChild waiting = sickness_cover_child_in_team();
    waiting.in_queue = true;  // waiting for allocation, or held for a transfer
    EXPECT_FALSE(covered_child_returns(waiting, 1));
    CoveredChild unallocated = sickness_cover_child_in_team();
    unallocated.worker_team = -1;
    EXPECT_FALSE(covered_child_returns(unallocated, 1));
    CoveredChild closed = sickness_cover_child_in_team();
    closed.active = false;
    EXPECT_FALSE(covered_child_returns(closed, 1));
    CoveredChild reused = sickness_cover_child_in_team();
    reused.same_child = false;  // the case slot now holds another child
    EXPECT_FALSE(covered_child_returns(reused, 1));
    CoveredChild back = sickness_cover_child_in_team();
    back.worker_is_back = true;
    EXPECT_FALSE(covered_child_returns(back, 1));
}

TEST(DepartmentSickness, ASickCoverForgetsItsSpell) {
    SickCover cover;
    cover.pending_spell = 3;
    cover.holder = 7;
    cover.covered.emplace_back(4, 11);
    cover.clear();
    EXPECT_EQ(cover.pending_spell, 0u);
    EXPECT_EQ(cover.holder, kNoHolder);
    EXPECT_TRUE(cover.covered.empty());
}

/** @brief base.json's defaults over 3 years (1 of warm-up) with a long spell about once a year
 * per worker, so that cover is frequent enough to show in 8 paired replications. */
DepartmentConfig sickness_cover_config() {
    DepartmentConfig c;
    c.run.years = 3;
    c.run.warmup_years = 1;
    c.sickness.long_spells_per_year_other_causes = 1.0;
    return c;
}

TEST(DepartmentSicknessModel, CoveredChildrenGoBackToTheirWorkerOnReturn) {
    // With returns every child still in the team when their worker comes back changes worker
    // once more (a handover in person), so handovers rise (paired 99.99% interval above 0;
    // common random numbers, 8 replications). Each person counts once in the DfE measure, so
    // going back to the first worker adds no one to a child's count of social workers.
    DepartmentConfig keep = sickness_cover_config();
    keep.sickness.covered_cases_return = false;
    const DepartmentConfig back = sickness_cover_config();
    const testing::MetricSamples a = testing::run_many(keep, 8);
    const testing::MetricSamples b = testing::run_many(back, 8);
    testing::expect_rises(a, b, "handovers_per_year");
}

TEST(DepartmentSicknessModel, ChildrenWaitForCoverUntilTheAbsenceIsKnown) {
    // Cover after 5 working days instead of at once: spells cut short before then hand nothing
    // over and the children wait meanwhile, so fewer children change worker: handovers fall
    // (paired 99.99% interval, 8 replications; spells of ~8 wd, so that many end within the
    // wait). Without returns, so that only the wait differs.
    DepartmentConfig at_once = sickness_cover_config();
    at_once.sickness.covered_cases_return = false;
    at_once.sickness.cover_after_wd = 0;
    at_once.sickness.long_duration_wd = core::Distribution::gamma(8.0, 4.0);
    DepartmentConfig known = at_once;
    known.sickness.cover_after_wd = 5;
    const testing::MetricSamples a = testing::run_many(at_once, 8);
    const testing::MetricSamples b = testing::run_many(known, 8);
    testing::expect_falls(a, b, "handovers_per_year");
}

}  // namespace
}  // namespace cssim::department::detail
