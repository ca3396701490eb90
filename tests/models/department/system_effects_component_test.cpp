/**
 * @file system_effects_component_test.cpp
 * @brief Unit tests of the SystemEffects component on hand-built states: culture (blame and
 * learning), an inspection judging from the KPIs, and prevention's lagged gap.
 */
#include <gtest/gtest.h>

#include <cmath>

#include "department_system_effects.hpp"

namespace cssim::department::detail {
namespace {

class DepartmentSystemEffects : public ::testing::Test {
protected:
    SystemEffects make() {
        return SystemEffects(config_, calendar_, sim_, outputs_, core::RandomStream(1),
                             core::RandomStream(2));
    }
    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 1}, 3};
    core::Simulation sim_;
    Outputs outputs_{true};
};

TEST_F(DepartmentSystemEffects, BlameAfterHarmMakesPracticeDefensiveAndStaffLeave) {
    config_.culture.mode = "blame";
    config_.culture.blame_trigger_probability = 1.0;
    config_.culture.defensive_section_47_probability = 1.0;
    config_.culture.blame_months = 3.0;
    SystemEffects s = make();
    EXPECT_FALSE(s.in_blame(10));
    EXPECT_EQ(s.defensive_need(2, 10), 2) << "no blame yet";
    EXPECT_EQ(s.on_harm(0, 10, true), 0.0) << "blame reviews nothing";
    EXPECT_TRUE(s.in_blame(10));
    EXPECT_TRUE(s.in_blame(10 + 91 - 1));  // three months of 30.4375 days, rounded
    EXPECT_FALSE(s.in_blame(10 + 91));
    EXPECT_EQ(s.defensive_need(2, 20), 3) << "moderate need treated as high";
    EXPECT_EQ(s.defensive_need(1, 20), 1) << "only moderate need";
    EXPECT_DOUBLE_EQ(s.resignation_multiplier(20), config_.culture.blame_resignation_multiplier);
    EXPECT_DOUBLE_EQ(s.resignation_multiplier(200), 1.0);
    EXPECT_EQ(s.culture_hazard_multiplier(), 1.0) << "blame learns nothing";
}

TEST_F(DepartmentSystemEffects, LearningReviewsLowerHazardsAndCostTheWorkerTime) {
    config_.culture.mode = "learning";
    config_.culture.near_miss_reporting = 1.0;
    SystemEffects s = make();
    EXPECT_EQ(s.culture_hazard_multiplier(), 1.0);
    EXPECT_EQ(s.on_harm(-1, 5, true), config_.culture.review_hours);
    EXPECT_EQ(s.on_near_miss(true), config_.culture.review_hours);
    EXPECT_EQ(outputs_.acc.near_misses_reviewed, 2.0);
    const double floor = config_.culture.learning_floor;
    const double expected =
        floor + (1.0 - floor) * std::exp(-2.0 * config_.culture.learning_per_review);
    EXPECT_DOUBLE_EQ(s.culture_hazard_multiplier(), expected);
    s.decay_learning();
    EXPECT_GT(s.culture_hazard_multiplier(), expected) << "learning fades without reviews";
}

TEST_F(DepartmentSystemEffects, AnInspectionJudgesFromTheKpiAverages) {
    config_.inspection.kpis = {{"caseload_mean", 20.0, 25.0}, {"agency_share", 0.15, 0.25}};
    config_.inspection.inadequate_points = 4.0;
    config_.inspection.requires_improvement_points = 2.0;
    config_.inspection.good_points = 1.0;
    SystemEffects s = make();
    // A department with 30 cases per worker and a third agency: red on both KPIs.
    s.update_kpis(KpiDay{30.0, 0.0, 300.0, 10.0, 30.0, 0.0, 30.0, 20.0});
    EXPECT_EQ(s.kpi_points(), 4.0);
    EXPECT_EQ(s.inspect(100), 4);
    EXPECT_EQ(s.judgement(), 4);
    EXPECT_TRUE(s.is_inadequate(101));
    EXPECT_FALSE(s.is_inadequate(100 + 24 * 31));
    EXPECT_GT(s.resignation_multiplier(101), 1.0);
    config_.inspection.enabled = false;  // switched off: no effect whatever was judged
    EXPECT_FALSE(s.is_inadequate(101));
}

TEST_F(DepartmentSystemEffects, PreventionCutsReturnAsDemandAfterTheirDelay) {
    config_.prevention.enabled = true;
    config_.prevention.delay_months = 6.0;
    config_.money.funding_changes = {FundingChange{}};
    config_.money.funding_changes[0].date = "2023-10-01";  // day 183
    config_.money.funding_changes[0].health_visiting_cut = 0.5;
    config_.money.funding_changes[0].early_help_cut = 0.5;
    SystemEffects s = make();
    EXPECT_DOUBLE_EQ(s.prevention_capacity_on(100.0), 1.0);
    EXPECT_DOUBLE_EQ(s.prevention_capacity_on(200.0), 0.5);
    double multiplier = 1.0;
    for (int month = 0; month < 36; ++month) {
        const double start = month * 30.4375;
        multiplier = s.advance_prevention(static_cast<core::DayIndex>(start), start + 15.0);
        if (month < 6) {
            EXPECT_EQ(multiplier, 1.0) << "nothing is lost before the cut";
        }
    }
    // Thirty months after the cut the lagged gap has nearly reached the cut itself (0.5).
    EXPECT_NEAR(s.prevention_gap_at(1000), 0.5, 0.01);
    EXPECT_GT(multiplier, 1.0);
    s.reset_prevention();
    EXPECT_EQ(s.prevention_gap_at(1000), 0.0);
}

}  // namespace
}  // namespace cssim::department::detail
