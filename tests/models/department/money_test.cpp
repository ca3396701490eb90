/**
 * @file money_test.cpp
 * @brief Unit tests of the Money component on a hand-built state: a day's pay, the spend by
 * line, the financial year restarting on 1 April, placements drawn by share, funding changes
 * scaling the budget.
 */
#include <gtest/gtest.h>

#include "department_money.hpp"

namespace cssim::department::detail {
namespace {

class DepartmentMoney : public ::testing::Test {
protected:
    DepartmentMoney() {
        config_.run.start_date = "2025-03-30";  // two days before a financial year starts
        config_.money.employed_social_worker_cost = 365.25 * 100.0;  // 100 a day
        config_.money.agency_social_worker_cost = 365.25 * 200.0;
        config_.money.pa_cost = 365.25 * 50.0;
        config_.money.manager_cost = 365.25 * 150.0;
        config_.money.front_door_fte_cost = 0.0;
        config_.prevention.health_visitor_cost = 0.0;
        config_.money.budget_per_year = 365.25 * 1000.0;  // 1000 a day
        config_.money.placements = {{"foster", 0.5, 700.0}, {"residential", 0.5, 7000.0}};
    }
    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2025, 3, 30}, 2};
};

TEST_F(DepartmentMoney, ADayOfThreeWorkersAPaAndAManagerCostsTheirDailyRates) {
    Money money(config_, calendar_, core::RandomStream(1));
    money.set_initial_budget({});
    Accumulators acc;
    PaidStaff staff{2.0, 1.0, 1, 1.0, 0.0};  // two employed, one agency, one PA, one manager
    money.accrue(0, staff, true, acc);
    // 2 x 100 + 200 + 50 + 150 = 600 a day, no placements.
    EXPECT_NEAR(acc.spend, 600.0, 1e-9);
    EXPECT_NEAR(acc.budget, 1000.0, 1e-9);
    EXPECT_NEAR(money.year_spend(), 600.0, 1e-9);
    money.accrue(1, staff, false, acc);  // not measuring: the year to date still counts
    EXPECT_NEAR(acc.spend, 600.0, 1e-9);
    EXPECT_NEAR(money.year_spend(), 1200.0, 1e-9);
}

TEST_F(DepartmentMoney, EachLineOfTheSpendIsCountedApartAndTheyAddUpToTheSpend) {
    config_.money.front_door_fte_cost = 365.25 * 80.0;
    config_.front_door.screening_fte = 2.0;
    config_.prevention.health_visitor_cost = 365.25 * 40.0;
    Money money(config_, calendar_, core::RandomStream(1));
    money.set_initial_budget({});
    ASSERT_NE(money.place_child(), -1);  // one child in care: 100 or 1000 a day
    const double placement = money.placement_counts()[0] == 1 ? 100.0 : 1000.0;
    Accumulators acc;
    // Two employed, one agency, two PAs, one manager and a health visitor, two days measured.
    const PaidStaff staff{2.0, 1.0, 2, 1.0, 1.0};
    money.accrue(0, staff, true, acc);
    money.accrue(1, staff, true, acc);
    money.accrue(2, staff, false, acc);  // not measuring: no line counts it
    EXPECT_NEAR(acc.employed_social_worker_spend, 2 * 200.0, 1e-9);
    EXPECT_NEAR(acc.agency_social_worker_spend, 2 * 200.0, 1e-9);
    EXPECT_NEAR(acc.pa_spend, 2 * 100.0, 1e-9);
    EXPECT_NEAR(acc.manager_spend, 2 * 150.0, 1e-9);
    EXPECT_NEAR(acc.front_door_spend, 2 * 160.0, 1e-9);
    EXPECT_NEAR(acc.placement_spend, 2 * placement, 1e-9);
    EXPECT_NEAR(acc.prevention_spend, 2 * 40.0, 1e-9);  // health visiting
    EXPECT_NEAR(acc.employed_social_worker_spend + acc.agency_social_worker_spend + acc.pa_spend +
                    acc.manager_spend + acc.front_door_spend + acc.placement_spend +
                    acc.prevention_spend,
                acc.spend, 1e-9);
    // Early help is prevention, not staff or placements.
    money.spend_on_prevention(5000.0, true, acc);
    EXPECT_NEAR(acc.prevention_spend, 80.0 + 5000.0, 1e-9);
    EXPECT_NEAR(acc.placement_spend, 2 * placement, 1e-9);
}

TEST_F(DepartmentMoney, TheFinancialYearToDateRestartsOnTheFirstOfApril) {
    Money money(config_, calendar_, core::RandomStream(1));
    money.set_initial_budget({});
    Accumulators acc;
    const PaidStaff one{1.0, 0.0, 0, 0.0, 0.0};
    money.accrue(0, one, true, acc);  // 30 March
    money.accrue(1, one, true, acc);  // 31 March
    EXPECT_NEAR(money.year_spend(), 200.0, 1e-9);
    money.accrue(2, one, true, acc);  // 1 April: a new year
    EXPECT_NEAR(money.year_spend(), 100.0, 1e-9);
    EXPECT_NEAR(money.year_budget(), 1000.0, 1e-9);
    EXPECT_NEAR(acc.spend, 300.0, 1e-9);
}

TEST_F(DepartmentMoney, PlacementsFollowTheirSharesAndCostWeekly) {
    Money money(config_, calendar_, core::RandomStream(5));
    money.set_initial_budget({});
    int residential = 0;
    for (int i = 0; i < 1000; ++i) {
        residential += money.place_child() == 1 ? 1 : 0;
    }
    // Binomial(1000, 0.5): sd 15.8, so 500 +- 80 is five sd.
    EXPECT_NEAR(residential, 500, 80);
    EXPECT_EQ(money.placement_counts()[0] + money.placement_counts()[1], 1000);
    Accumulators acc;
    money.accrue(0, PaidStaff{}, true, acc);
    EXPECT_NEAR(acc.spend, (1000 - residential) * 100.0 + residential * 1000.0, 1e-6);
    money.end_placement(1);
    EXPECT_EQ(money.placement_counts()[1], residential - 1);
}

TEST_F(DepartmentMoney, FundingChangesScaleTheBudgetAndADefaultBudgetCoversTheStaff) {
    Money money(config_, calendar_, core::RandomStream(1));
    money.set_initial_budget({});
    money.scale_budget(0.9);
    EXPECT_NEAR(money.budget_per_year(), 365.25 * 900.0, 1e-6);
    config_.money.budget_per_year = 0.0;  // the default: what the department costs, plus headroom
    config_.money.budget_headroom = 0.0;
    config_.early_help.capacity_families = 0.0;
    config_.population.children = 0.0;
    Money derived(config_, calendar_, core::RandomStream(1));
    derived.set_initial_budget(StaffAtStart{3, 1, 1, 0.0});
    EXPECT_NEAR(derived.budget_per_year(), 365.25 * (300.0 + 50.0 + 150.0), 1e-6);
}

}  // namespace
}  // namespace cssim::department::detail
