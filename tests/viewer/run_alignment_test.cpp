#include "app/run_alignment.hpp"

#include <gtest/gtest.h>

#include "app/civil_date.hpp"

namespace cssim::viewer {
namespace {

SideExtent extent(const char* date, std::int64_t days) {
    return SideExtent{day_number_from_iso_date(date), 0, days - 1};
}

TEST(CivilDate, RoundTripsIsoDates) {
    EXPECT_EQ(day_number_from_iso_date("1970-01-01"), 0);
    EXPECT_EQ(day_number_from_iso_date("2000-03-01"), 11017);
    EXPECT_EQ(iso_date_from_day_number(11017), "2000-03-01");
    EXPECT_EQ(iso_date_from_day_number(*day_number_from_iso_date("2024-02-29")), "2024-02-29");
    EXPECT_EQ(month_year_label(*day_number_from_iso_date("2019-04-15")), "Apr 2019");
}

TEST(CivilDate, RejectsMalformedDates) {
    EXPECT_FALSE(day_number_from_iso_date("2023-02-29"));
    EXPECT_FALSE(day_number_from_iso_date("2023-13-01"));
    EXPECT_FALSE(day_number_from_iso_date("2023-1-01"));
    EXPECT_FALSE(day_number_from_iso_date("yesterday"));
}

TEST(RunAlignment, CalendarModeLinesUpTheSameDate) {
    // A starts 2016-04-01 for 3650 days; B starts a year later and runs 1000 days.
    const auto a = RunAlignment::make({extent("2016-04-01", 3650), extent("2017-04-01", 1000)},
                                      AlignMode::calendar);
    ASSERT_EQ(a.mode(), AlignMode::calendar);
    const std::int64_t april_2017 = *day_number_from_iso_date("2017-04-01");
    EXPECT_EQ(a.side_day(0, april_2017), 365);
    EXPECT_EQ(a.side_day(1, april_2017), 0);
    EXPECT_EQ(a.label(april_2017), "2017-04-01");
    EXPECT_EQ(a.first_shared_day(), *day_number_from_iso_date("2016-04-01"));
    EXPECT_EQ(a.last_shared_day(), a.first_shared_day() + 3649);
}

TEST(RunAlignment, SidesOutsideTheirRangeHaveNoDay) {
    const auto a = RunAlignment::make({extent("2016-04-01", 3650), extent("2017-04-01", 1000)},
                                      AlignMode::calendar);
    EXPECT_FALSE(a.side_day(1, a.first_shared_day()));  // before B starts
    EXPECT_FALSE(a.side_day(1, a.last_shared_day()));   // after B ends
    EXPECT_TRUE(a.side_day(0, a.last_shared_day()));
    EXPECT_EQ(a.shared_day(1, 999) - a.shared_day(0, 0), 365 + 999);
}

TEST(RunAlignment, UnionCoversARunThatStartsEarlier) {
    const auto a = RunAlignment::make({extent("2018-01-01", 100), extent("2017-12-01", 40)},
                                      AlignMode::calendar);
    EXPECT_EQ(a.first_shared_day(), *day_number_from_iso_date("2017-12-01"));
    EXPECT_EQ(a.last_shared_day(), *day_number_from_iso_date("2018-01-01") + 99);
}

TEST(RunAlignment, ElapsedModeLinesUpDaysSinceStart) {
    const auto a = RunAlignment::make({extent("2016-04-01", 3650), extent("2017-04-01", 1000)},
                                      AlignMode::elapsed);
    EXPECT_EQ(a.first_shared_day(), 0);
    EXPECT_EQ(a.last_shared_day(), 3649);
    EXPECT_EQ(a.side_day(0, 400), 400);
    EXPECT_EQ(a.side_day(1, 400), 400);
    EXPECT_FALSE(a.side_day(1, 1000));
    EXPECT_EQ(a.label(400), "day 400");
}

TEST(RunAlignment, FallsBackToElapsedWithoutAStartDate) {
    SideExtent undated{std::nullopt, 0, 99};
    const auto a = RunAlignment::make({extent("2016-04-01", 50), undated}, AlignMode::calendar);
    EXPECT_EQ(a.mode(), AlignMode::elapsed);
    EXPECT_EQ(a.last_shared_day(), 99);
}

TEST(RunAlignment, SingleSideAndParsingTypedDays) {
    const auto a =
        RunAlignment::make({extent("2016-04-01", 3650), std::nullopt}, AlignMode::calendar);
    EXPECT_TRUE(a.has_side(0));
    EXPECT_FALSE(a.has_side(1));
    EXPECT_FALSE(a.side_day(1, a.first_shared_day()));
    EXPECT_EQ(a.parse_day("2016-04-11"), a.first_shared_day() + 10);
    EXPECT_EQ(a.parse_day("10"), a.first_shared_day() + 10);
    EXPECT_FALSE(a.parse_day("ten"));
}

}  // namespace
}  // namespace cssim::viewer
