/**
 * @file demand_test.cpp
 * @brief Unit tests of the Demand component on its own: a council of 80,000 children over one
 * year from Monday 3 April 2023, prevention neutral; the component's kReferral events are
 * dispatched here as Model dispatches them.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "department_demand.hpp"
#include "department_events.hpp"

namespace cssim::department::detail {
namespace {

/** @brief Prevention neutral unless a test sets the gap; dates through the calendar. */
class DemandTestHost final : public DemandHost {
public:
    explicit DemandTestHost(const core::WorkingCalendar& calendar) : calendar_(calendar) {}
    double demand_prevention_factor(core::DayIndex /*start*/, double /*mid*/) override {
        return 1.0;
    }
    double demand_prevention_gap(core::DayIndex /*day*/) const override { return gap; }
    core::DayIndex demand_day_of(const std::string& iso) const override {
        core::Date date;
        EXPECT_TRUE(core::Date::parse(iso, date)) << iso;
        return calendar_.day_index_of(date);
    }

    double gap = 0.0;

private:
    const core::WorkingCalendar& calendar_;
};

constexpr core::DayIndex kDemandTestDays = 365;

class DepartmentDemand : public ::testing::Test {
protected:
    DepartmentDemand() {
        config_.population.children = 80000.0;
        config_.demand.referrals_per_10k_children_per_year = 370.0;
        config_.demand.yearly_rate_cv = 0.0;
    }

    Demand& make(std::uint64_t seed = 7) {
        demand_.emplace(config_, calendar_, sim_, host_, seed, 0);
        demand_->initialise(kDemandTestDays);
        return *demand_;
    }

    /** @brief Runs a year of `demand`'s referrals on `sim`: new referrals per day (and each
     * one's need). */
    static std::vector<int> run_year(Demand& demand, core::Simulation& sim,
                                     std::vector<int>* needs = nullptr) {
        std::vector<int> per_day(kDemandTestDays, 0);
        demand.schedule_next();
        sim.run_until(core::start_of_day(kDemandTestDays), [&](const core::Event& e) {
            const core::DayIndex day = core::day_of(sim.now());
            if (e.kind != kReferral || !demand.accept(e.payload, day)) {
                return;
            }
            ++per_day[static_cast<std::size_t>(day)];
            const int need = demand.draw_need(day);
            if (needs != nullptr) {
                needs->push_back(need);
            }
            demand.schedule_next();
        });
        return per_day;
    }

    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    core::Simulation sim_;
    DemandTestHost host_{calendar_};
    std::optional<Demand> demand_;
};

TEST_F(DepartmentDemand, TheYearsReferralsArePoissonAroundTheConfiguredRate) {
    Demand& demand = make();
    const double expected = demand.expected_referrals(kDemandTestDays);
    // 370 per 10,000 a year for 80,000 children: 2,960 a year (the calendar's weights have mean
    // 1 over each financial year; this year starts two days into one, so within 1%).
    EXPECT_NEAR(expected, 2960.0 * 365.0 / 365.25, 30.0);
    int total = 0;
    for (int n : run_year(demand, sim_)) {
        total += n;
    }
    // Poisson(2,957): sd 54; 4 sd either side.
    EXPECT_NEAR(total, expected, 4.0 * std::sqrt(expected));
}

TEST_F(DepartmentDemand, EveryReferralIsCountedUnderItsSource) {
    Demand& demand = make();
    ASSERT_EQ(demand.source_names().size(), config_.demand.sources.size());
    int total = 0, by_source = 0;
    demand.schedule_next();
    sim_.run_until(core::start_of_day(kDemandTestDays), [&](const core::Event& e) {
        if (e.kind == kReferral && demand.accept(e.payload, core::day_of(sim_.now()))) {
            ++total;
            demand.schedule_next();
        }
    });
    for (int n : demand.day_source_referrals()) {
        by_source += n;
    }
    EXPECT_GT(total, 0);
    EXPECT_EQ(by_source, total);
}

TEST_F(DepartmentDemand, WeekendsAreQuieterThanWeekdays) {
    const std::vector<int> per_day = run_year(make(), sim_);
    double weekday = 0.0, weekend = 0.0;
    int weekdays = 0, weekends = 0;
    for (core::DayIndex d = 0; d < kDemandTestDays; ++d) {
        const bool is_weekend = d % 7 == 5 || d % 7 == 6;  // day 0 is a Monday
        (is_weekend ? weekend : weekday) += per_day[static_cast<std::size_t>(d)];
        (is_weekend ? weekends : weekdays) += 1;
    }
    // Weekday sources at weekends at weekend_factor 0.3, schools not at all: about 10 a weekday
    // against under 3 a weekend day; 104 weekend days give that mean to +-0.2 (sd).
    EXPECT_LT(weekend / weekends, 0.6 * weekday / weekdays);
}

TEST_F(DepartmentDemand, TheSameSeedDrawsTheSameDaysAndNeeds) {
    std::vector<int> needs_a, needs_b;
    const std::vector<int> a = run_year(make(11), sim_, &needs_a);
    core::Simulation other;
    Demand again(config_, calendar_, other, host_, 11, 0);
    again.initialise(kDemandTestDays);
    const std::vector<int> b = run_year(again, other, &needs_b);
    ASSERT_FALSE(needs_a.empty());
    EXPECT_EQ(a, b);
    EXPECT_EQ(needs_a, needs_b);
}

TEST_F(DepartmentDemand, NeedFollowsTheMixAndPreventionsGapShiftsItUp) {
    Demand& demand = make();
    config_.demand.need_mix = {0.5, 0.0, 0.0, 0.5, 0.0};
    int high = 0;
    for (int i = 0; i < 2000; ++i) {
        const int need = demand.draw_need(0);
        ASSERT_TRUE(need == 0 || need == 3) << need;
        high += need == 3 ? 1 : 0;
    }
    EXPECT_NEAR(high, 1000, 4.0 * std::sqrt(500.0));  // binomial(2000, 0.5): sd 22
    // A gap with severity_shift 1 moves a share `gap` of the low mass to high need.
    config_.prevention.severity_shift = 1.0;
    host_.gap = 0.5;
    int high_shifted = 0;
    for (int i = 0; i < 2000; ++i) {
        high_shifted += demand.draw_need(0) == 3 ? 1 : 0;
    }
    EXPECT_NEAR(high_shifted, 1500, 4.0 * std::sqrt(375.0));  // binomial(2000, 0.75): sd 19
}

TEST_F(DepartmentDemand, ARebuildDropsTheReferralDrawnFromTheOldProcess) {
    Demand& demand = make();
    demand.schedule_next();
    std::uint64_t first_payload = 0;
    sim_.run_until(core::start_of_day(kDemandTestDays), [&](const core::Event& e) {
        first_payload = e.payload;
        sim_.stop();
    });
    EXPECT_TRUE(demand.accept(first_payload, 0));
    demand.rebuild(0);
    EXPECT_FALSE(demand.accept(first_payload, 0));
    EXPECT_TRUE(demand.accept(first_payload + 1, 0));
}

}  // namespace
}  // namespace cssim::department::detail
