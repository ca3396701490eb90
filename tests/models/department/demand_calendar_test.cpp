/**
 * @file demand_calendar_test.cpp
 * @brief The referral calendar (issue 11 item 4): unit tests on small hand-built calendars
 * (school holidays by the English rule, no school referrals on a holiday or weekend, the weekend
 * and bank-holiday factors, weights normalised to mean 1 per financial year, the source draw, the
 * gamma yearly multiplier), and a statistical test through the whole model (no school referrals
 * in August, the weekend/weekday ratio, the mean and spread of a year's referrals).
 */
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "cssim/core/working_calendar.hpp"
#include "department_demand_calendar.hpp"

namespace cssim::department::detail {
namespace {

core::Date date(int y, int m, int d) {
    return core::Date{y, m, d};
}

core::DayIndex index_of(const core::Date& start, const core::Date& d) {
    return d.days_since_epoch() - start.days_since_epoch();
}

bool in_holiday(const core::Date& d) {
    for (const DateSpan& s : english_school_holidays(d.year)) {
        if (s.first <= d && d <= s.second) {
            return true;
        }
    }
    return false;
}

/** @brief Two sources, half each: police on weekdays, schools in term. */
DemandConfig two_sources() {
    DemandConfig d;
    d.sources = {{"police", 0.5, SourceCalendar::kWeekdays},
                 {"schools", 0.5, SourceCalendar::kSchoolTerms}};
    d.calendar.weekend_factor = 0.3;
    d.calendar.bank_holiday_factor = 0.2;
    return d;
}

TEST(DepartmentDemandCalendar, EnglishSchoolHolidaysFollowTheRule) {
    // 2025-26 (Easter 20 April 2025): the published pattern of most English councils.
    EXPECT_TRUE(in_holiday(date(2025, 1, 3)));    // Christmas
    EXPECT_FALSE(in_holiday(date(2025, 1, 6)));   // spring term: first Monday on/after 4 Jan
    EXPECT_TRUE(in_holiday(date(2025, 2, 17)));   // February half-term (Monday 11-17 Feb)
    EXPECT_FALSE(in_holiday(date(2025, 2, 24)));  // back at school
    EXPECT_TRUE(in_holiday(date(2025, 4, 14)));   // Easter: Monday of Holy Week
    EXPECT_TRUE(in_holiday(date(2025, 4, 25)));   // ... to the Friday after Easter Monday
    EXPECT_FALSE(in_holiday(date(2025, 4, 28)));
    EXPECT_TRUE(in_holiday(date(2025, 5, 28)));   // May half-term (spring bank holiday week)
    EXPECT_FALSE(in_holiday(date(2025, 7, 22)));  // last day of the summer term (Tuesday)
    EXPECT_TRUE(in_holiday(date(2025, 7, 23)));   // summer holiday
    EXPECT_TRUE(in_holiday(date(2025, 8, 15)));
    EXPECT_TRUE(in_holiday(date(2025, 9, 2)));
    EXPECT_FALSE(in_holiday(date(2025, 9, 3)));   // autumn term: first weekday on/after 3 Sep
    EXPECT_TRUE(in_holiday(date(2025, 10, 27)));  // October half-term (last Monday of October)
    EXPECT_FALSE(in_holiday(date(2025, 11, 3)));
    EXPECT_FALSE(in_holiday(date(2025, 12, 19)));  // last day: the Friday on/before 20 Dec
    EXPECT_TRUE(in_holiday(date(2025, 12, 22)));
    // Every August day of 25 years is a holiday; every year has 13 weeks or so of holidays.
    for (int y = 2020; y < 2045; ++y) {
        for (int d = 1; d <= 31; ++d) {
            EXPECT_TRUE(in_holiday(date(y, 8, d))) << y << "-08-" << d;
        }
        int weekdays_off = 0;
        for (std::int64_t e = date(y, 1, 1).days_since_epoch();
             e < date(y + 1, 1, 1).days_since_epoch(); ++e) {
            const core::Date d = core::Date::from_days_since_epoch(e);
            weekdays_off += static_cast<int>(d.weekday()) < 5 && in_holiday(d) ? 1 : 0;
        }
        // 190 school days a year less bank holidays in term: ~60-70 weekdays off.
        EXPECT_GE(weekdays_off, 55) << y;
        EXPECT_LE(weekdays_off, 75) << y;
    }
}

TEST(DepartmentDemandCalendar, NoSchoolReferralsOnAHolidayOrAWeekend) {
    const core::Date start = date(2025, 4, 1);
    const ReferralCalendar cal(two_sources(), start, 400);
    EXPECT_EQ(cal.weight(1, index_of(start, date(2025, 8, 15))), 0.0);   // summer holiday Friday
    EXPECT_EQ(cal.weight(1, index_of(start, date(2025, 10, 11))), 0.0);  // term-time Saturday
    EXPECT_EQ(cal.weight(1, index_of(start, date(2025, 5, 5))), 0.0);    // early May bank holiday
    EXPECT_GT(cal.weight(1, index_of(start, date(2025, 10, 8))), 0.0);   // term-time Wednesday
    EXPECT_GT(cal.weight(0, index_of(start, date(2025, 8, 15))), 0.0);   // police: any weekday
    // The draw never names schools on a holiday.
    const core::DayIndex august = index_of(start, date(2025, 8, 15));
    for (int i = 0; i < 1000; ++i) {
        EXPECT_EQ(cal.draw_source(august, (i + 0.5) / 1000.0), 0u);
    }
}

TEST(DepartmentDemandCalendar, WeekendsAndBankHolidaysTakeTheirFactors) {
    const core::Date start = date(2025, 4, 1);
    const ReferralCalendar cal(two_sources(), start, 400);
    const double wednesday = cal.weight(0, index_of(start, date(2025, 10, 8)));
    EXPECT_NEAR(cal.weight(0, index_of(start, date(2025, 10, 11))) / wednesday, 0.3, 1e-12);
    EXPECT_NEAR(cal.weight(0, index_of(start, date(2025, 10, 12))) / wednesday, 0.3, 1e-12);
    EXPECT_NEAR(cal.weight(0, index_of(start, date(2025, 8, 25))) / wednesday, 0.2, 1e-12);
    EXPECT_NEAR(cal.weight(0, index_of(start, date(2025, 12, 25))) / wednesday, 0.2, 1e-12);
    // An every-day source is flat.
    DemandConfig flat = two_sources();
    flat.sources[0].calendar = SourceCalendar::kEveryDay;
    const ReferralCalendar f(flat, start, 400);
    EXPECT_NEAR(f.weight(0, index_of(start, date(2025, 10, 11))), 0.5, 1e-12);
    EXPECT_NEAR(f.weight(0, index_of(start, date(2025, 12, 25))), 0.5, 1e-12);
}

TEST(DepartmentDemandCalendar, WeightsAverageToTheShareOverEachFinancialYear) {
    // A start in mid-year: the first year's normalisation still uses the whole year.
    const core::Date start = date(2024, 4, 1);
    const ReferralCalendar cal(two_sources(), start, 3 * 366);
    for (int fy = 2024; fy <= 2026; ++fy) {
        const core::DayIndex from = index_of(start, date(fy, 4, 1));
        const core::DayIndex to = index_of(start, date(fy + 1, 4, 1));
        double police = 0.0, schools = 0.0, total = 0.0;
        for (core::DayIndex d = from; d < to; ++d) {
            police += cal.weight(0, d);
            schools += cal.weight(1, d);
            total += cal.total(d);
        }
        const double n = static_cast<double>(to - from);
        EXPECT_NEAR(police / n, 0.5, 1e-12) << fy;
        EXPECT_NEAR(schools / n, 0.5, 1e-12) << fy;
        EXPECT_NEAR(total / n, 1.0, 1e-12) << fy;
    }
}

TEST(DepartmentDemandCalendar, ACustomSchoolCalendarReplacesTheRule) {
    DemandConfig d = two_sources();
    d.calendar.school_holidays = {{"2025-06-02", "2025-06-06"}};
    const core::Date start = date(2025, 4, 1);
    const ReferralCalendar cal(d, start, 400);
    EXPECT_EQ(cal.weight(1, index_of(start, date(2025, 6, 4))), 0.0);
    EXPECT_GT(cal.weight(1, index_of(start, date(2025, 8, 15))), 0.0);  // August is term now
}

TEST(DepartmentDemandCalendar, TheSourceDrawFollowsTheDaysWeights) {
    const core::Date start = date(2025, 4, 1);
    const ReferralCalendar cal(two_sources(), start, 400);
    const core::DayIndex day = index_of(start, date(2025, 10, 8));
    const double p_police = cal.weight(0, day) / cal.total(day);
    int police = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        police += cal.draw_source(day, (i + 0.5) / n) == 0 ? 1 : 0;
    }
    // A grid of u, not random draws: exact to one grid step.
    EXPECT_NEAR(static_cast<double>(police) / n, p_police, 2.0 / n);
}

TEST(DepartmentDemandCalendar, TheYearlyMultiplierHasMeanOneAndTheCvSet) {
    core::RandomStream rng(7);
    const int n = 20000;
    const double cv = 0.08;
    double sum = 0.0, sum2 = 0.0;
    for (int i = 0; i < n; ++i) {
        const double x = draw_yearly_multiplier(cv, rng);
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n;
    const double var = (sum2 - n * mean * mean) / (n - 1);
    // Mean: sd cv / sqrt(n) = 0.00057; 4 sd = 0.0023. Variance: for a gamma of shape
    // k = 1/cv^2 = 156, sd(s^2) ~ cv^2 sqrt((2 + 6/k) / n) = 1.01% of cv^2; 4 sd = 4%.
    EXPECT_NEAR(mean, 1.0, 0.0023);
    EXPECT_NEAR(var / (cv * cv), 1.0, 0.04);
    EXPECT_EQ(draw_yearly_multiplier(0.0, rng), 1.0);
}

}  // namespace
}  // namespace cssim::department::detail
