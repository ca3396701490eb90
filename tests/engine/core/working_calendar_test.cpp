#include "cssim/core/working_calendar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cssim::core {
namespace {

std::vector<std::string> holiday_strings(int year) {
    std::vector<std::string> out;
    for (const Date& d : bank_holidays(year)) {
        out.push_back(d.to_string());
    }
    return out;
}

using Strings = std::vector<std::string>;

// The published England and Wales lists (GOV.UK "UK bank holidays").
TEST(BankHolidays, Match2022PublishedList) {
    EXPECT_EQ(holiday_strings(2022),
              (Strings{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                       "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}));
}

TEST(BankHolidays, Match2023PublishedList) {
    EXPECT_EQ(holiday_strings(2023),
              (Strings{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                       "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"}));
}

TEST(BankHolidays, Match2024PublishedList) {
    EXPECT_EQ(holiday_strings(2024),
              (Strings{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
                       "2024-08-26", "2024-12-25", "2024-12-26"}));
}

TEST(BankHolidays, Match2025PublishedList) {
    EXPECT_EQ(holiday_strings(2025),
              (Strings{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26",
                       "2025-08-25", "2025-12-25", "2025-12-26"}));
}

TEST(BankHolidays, Match2026PublishedList) {
    EXPECT_EQ(holiday_strings(2026),
              (Strings{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                       "2026-08-31", "2026-12-25", "2026-12-28"}));
}

TEST(BankHolidays, ApplyOneOffChanges) {
    EXPECT_EQ(holiday_strings(2020),
              (Strings{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25",
                       "2020-08-31", "2020-12-25", "2020-12-28"}));
    EXPECT_EQ(holiday_strings(2012),
              (Strings{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04",
                       "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"}));
    EXPECT_EQ(holiday_strings(2002),
              (Strings{"2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03",
                       "2002-06-04", "2002-08-26", "2002-12-25", "2002-12-26"}));
    EXPECT_TRUE(is_bank_holiday(Date{2011, 4, 29}));
    EXPECT_TRUE(is_bank_holiday(Date{1999, 12, 31}));
    EXPECT_TRUE(is_bank_holiday(Date{1995, 5, 8}));
    EXPECT_FALSE(is_bank_holiday(Date{1995, 5, 1}));
}

TEST(BankHolidays, SubstituteWeekendChristmasAndNewYear) {
    // 25 Dec 2010 was a Saturday: Christmas moves to Monday 27, Boxing Day to Tuesday 28.
    EXPECT_TRUE(is_bank_holiday(Date{2010, 12, 27}));
    EXPECT_TRUE(is_bank_holiday(Date{2010, 12, 28}));
    EXPECT_FALSE(is_bank_holiday(Date{2010, 12, 25}));
    // 25 Dec 2016 was a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27.
    EXPECT_TRUE(is_bank_holiday(Date{2016, 12, 26}));
    EXPECT_TRUE(is_bank_holiday(Date{2016, 12, 27}));
    // 1 Jan 2000 was a Saturday: substitute Monday 3 Jan.
    EXPECT_TRUE(is_bank_holiday(Date{2000, 1, 3}));
}

TEST(BankHolidays, FollowEasterAcrossItsRange) {
    // Easter Sunday 2008-03-23 (early), 2038-04-25 (latest possible), 2019-04-21.
    EXPECT_TRUE(is_bank_holiday(Date{2008, 3, 21}));
    EXPECT_TRUE(is_bank_holiday(Date{2008, 3, 24}));
    EXPECT_TRUE(is_bank_holiday(Date{2038, 4, 23}));
    EXPECT_TRUE(is_bank_holiday(Date{2038, 4, 26}));
    EXPECT_TRUE(is_bank_holiday(Date{2019, 4, 19}));
    EXPECT_TRUE(is_bank_holiday(Date{2019, 4, 22}));
}

TEST(BankHolidays, NeverFallAtWeekends) {
    for (int year = 1980; year <= 2100; ++year) {
        const std::vector<Date> days = bank_holidays(year);
        EXPECT_GE(days.size(), 8u) << year;
        for (const Date& d : days) {
            EXPECT_LT(static_cast<int>(d.weekday()), 5) << d.to_string();
            EXPECT_EQ(d.year, year) << d.to_string();
        }
    }
}

TEST(WorkingCalendar, CountsWeekdaysLessHolidays) {
    const WorkingCalendar cal(Date{2024, 1, 1});
    EXPECT_FALSE(cal.is_working_day(0));  // New Year's Day
    EXPECT_TRUE(cal.is_working_day(1));
    EXPECT_FALSE(cal.is_working_day(5));  // Saturday 6 Jan
    EXPECT_EQ(cal.weekday(0), Weekday::Monday);
    // 2024 has 366 days, 262 weekdays and 8 bank holidays, all on weekdays.
    EXPECT_EQ(cal.working_days_between(-1, 365), 254);
    EXPECT_EQ(cal.date_of(cal.day_index_of(Date{2030, 6, 15})), (Date{2030, 6, 15}));
}

TEST(WorkingCalendar, AddsWorkingDaysOverHolidays) {
    const WorkingCalendar cal(Date{2024, 1, 1});
    EXPECT_EQ(cal.add_working_days(0, 0), 1);  // Mon 1 Jan is a holiday: Tue 2 Jan
    EXPECT_EQ(cal.add_working_days(0, 1), 1);
    EXPECT_EQ(cal.add_working_days(1, 4), 7);  // Tue 2 Jan + 4 = Mon 8 Jan
    // Thursday 28 March 2024 + 1 working day skips Good Friday, the weekend and Easter Monday.
    const DayIndex thursday = cal.day_index_of(Date{2024, 3, 28});
    EXPECT_EQ(cal.date_of(cal.add_working_days(thursday, 1)), (Date{2024, 4, 2}));
    // 45 working days from a referral on 2 Jan 2024 (the assessment timescale).
    EXPECT_EQ(cal.date_of(cal.add_working_days(1, 45)), (Date{2024, 3, 5}));
    EXPECT_THROW(cal.add_working_days(0, -1), std::invalid_argument);
}

TEST(WorkingCalendar, TableAgreesWithDirectComputation) {
    // A one-year table forces every later query onto the slow, direct path.
    const WorkingCalendar fast(Date{2021, 7, 15}, 30);
    const WorkingCalendar slow(Date{2021, 7, 15}, 1);
    for (DayIndex day = -10; day < 30 * 365; day += 7) {
        ASSERT_EQ(fast.is_working_day(day), slow.is_working_day(day)) << day;
        for (const int n : {0, 1, 5, 10, 45, 300}) {
            ASSERT_EQ(fast.add_working_days(day, n), slow.add_working_days(day, n))
                << day << " " << n;
        }
        ASSERT_EQ(fast.working_days_between(day, day + 400),
                  slow.working_days_between(day, day + 400));
    }
    // Long spans past the table (the slow path skips whole years): from every day of a
    // fortnight around the turn of a year, and from a day before the start.
    for (DayIndex day = 5 * 365 + 160; day < 5 * 365 + 180; ++day) {
        for (const int n : {2, 250, 251, 252, 253, 1000, 4000}) {
            ASSERT_EQ(fast.add_working_days(day, n), slow.add_working_days(day, n))
                << day << " " << n;
        }
    }
    // Before the start too, where neither calendar has a table: against a count day by day.
    const DayIndex due = slow.add_working_days(-40, 3000);
    EXPECT_TRUE(slow.is_working_day(due));
    EXPECT_EQ(slow.working_days_between(-40, due), 3000);
    EXPECT_EQ(slow.working_days_between(-40, due - 1), 2999);
}

TEST(WorkingCalendar, AddAndBetweenAreInverse) {
    const WorkingCalendar cal(Date{2022, 9, 1});
    for (DayIndex day = 0; day < 2000; day += 3) {
        for (const int n : {1, 2, 10, 45}) {
            const DayIndex due = cal.add_working_days(day, n);
            EXPECT_TRUE(cal.is_working_day(due));
            EXPECT_EQ(cal.working_days_between(day, due), n);
            EXPECT_EQ(cal.working_days_between(day, due - 1), n - 1);
        }
    }
    EXPECT_EQ(cal.working_days_between(10, 10), 0);
    EXPECT_EQ(cal.working_days_between(10, 3), 0);
}

TEST(WorkingCalendar, NamesFinancialYears) {
    const WorkingCalendar cal(Date{2024, 1, 1});
    EXPECT_EQ(cal.financial_year(cal.day_index_of(Date{2024, 3, 31})), 2023);
    EXPECT_EQ(cal.financial_year(cal.day_index_of(Date{2024, 4, 1})), 2024);
    EXPECT_EQ(cal.date_of(cal.financial_year_start(2025)), (Date{2025, 4, 1}));
}

}  // namespace
}  // namespace cssim::core

namespace cssim::core {
namespace {

TEST(WorkingCalendarCache, HandsOutCalendarsThatAnswerLikeAFreshOne) {
    WorkingCalendarCache cache;
    const Date start{2024, 4, 1};
    const WorkingCalendar fresh(start, 12);
    const WorkingCalendar first = cache.get(start, 12);
    const WorkingCalendar second = cache.get(start, 12);
    const WorkingCalendar other = cache.get(Date{2019, 1, 1}, 12);
    for (DayIndex day = 0; day < 12 * 365; day += 7) {
        EXPECT_EQ(first.is_working_day(day), fresh.is_working_day(day));
        EXPECT_EQ(second.add_working_days(day, 45), fresh.add_working_days(day, 45));
        EXPECT_EQ(first.working_days_between(0, day), fresh.working_days_between(0, day));
    }
    EXPECT_EQ(other.start(), (Date{2019, 1, 1})) << "a different key is a different calendar";
    EXPECT_NE(other.working_days_between(0, 400), first.working_days_between(0, 400));
}

}  // namespace
}  // namespace cssim::core
