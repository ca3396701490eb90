/**
 * @file sickness_test.cpp
 * @brief The sickness hazards on their own (issue 11 item 7): short spells and the
 * stress-related part of long spells fall with stress, the long-term baseline from causes beyond
 * workload does not; and over a year of working days a worker at zero stress still loses the
 * days that baseline implies.
 */
#include <gtest/gtest.h>

#include <cmath>

#include "cssim/core/random.hpp"
#include "department_sickness.hpp"

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

}  // namespace
}  // namespace cssim::department::detail
