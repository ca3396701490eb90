// run.years and run.warmup_years in days, by the calendar (cssim/department/run_calendar.hpp).
#include "cssim/department/run_calendar.hpp"

#include <gtest/gtest.h>

namespace cssim::department {
namespace {

TEST(RunCalendar, WholeYearsEndOnTheSameDayAndMonth) {
    // 2023-04-01 + 1 year = 2024-04-01: 366 days (29 February 2024 inside).
    EXPECT_EQ(days_in_years("2023-04-01", 1.0), 366);
    EXPECT_EQ(days_in_years("2024-04-01", 1.0), 365);
    // Five years from 1 April 2023 end on 1 April 2028 (leap days 2024 and 2028: 1,827 days);
    // 5 x 365.25 rounded would be 1,826, the day before, leaving a one-day partial year.
    EXPECT_EQ(days_in_years("2023-04-01", 5.0), 1827);
    EXPECT_EQ(days_in_years("2023-04-01", 10.0), 3653);
    EXPECT_EQ(days_in_years("2023-04-01", 0.0), 0);
}

TEST(RunCalendar, AFractionIsThatShareOfTheNextCalendarYear) {
    EXPECT_EQ(days_in_years("2023-04-01", 0.5), 183);        // half of 366, rounded
    EXPECT_EQ(days_in_years("2024-04-01", 0.25), 91);        // 365 / 4 = 91.25
    EXPECT_EQ(days_in_years("2023-04-01", 1.5), 366 + 183);  // 2024-25 has 365 days: 182.5 -> 183
}

TEST(RunCalendar, TwentyNinthOfFebruaryMovesToTheTwentyEighth) {
    EXPECT_EQ(days_in_years("2024-02-29", 1.0), 365);   // to 2025-02-28
    EXPECT_EQ(days_in_years("2024-02-29", 4.0), 1461);  // to 2028-02-29
}

TEST(RunCalendar, BadInputGivesZero) {
    EXPECT_EQ(days_in_years("not a date", 3.0), 0);
    EXPECT_EQ(days_in_years("2023-04-01", -1.0), 0);
    EXPECT_EQ(years_for_days("2023-04-01", 0), 0.0);
}

TEST(RunCalendar, YearsForDaysIsTheInverseForEveryDayOfTwentyYears) {
    for (const char* start : {"2023-04-01", "2024-02-29", "2025-12-31", "2023-01-01"}) {
        for (std::int64_t days = 1; days <= 20 * 366; ++days) {
            ASSERT_EQ(days_in_years(start, years_for_days(start, days)), days)
                << start << " + " << days << " days";
        }
    }
    EXPECT_DOUBLE_EQ(years_for_days("2023-04-01", 1827), 5.0);
}

}  // namespace
}  // namespace cssim::department
