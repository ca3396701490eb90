#include "cssim/core/time.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace cssim::core {
namespace {

TEST(Date, EpochIsDayZero) {
    EXPECT_EQ((Date{1970, 1, 1}.days_since_epoch()), 0);
    EXPECT_EQ((Date{1969, 12, 31}.days_since_epoch()), -1);
    EXPECT_EQ((Date{2000, 3, 1}.days_since_epoch()), 11017);
    EXPECT_EQ((Date{2024, 2, 29}.days_since_epoch()), 19782);
}

TEST(Date, RoundTripsEveryDayOverFourCenturies) {
    // 1800-01-01 .. 2200-01-01 covers century and 400-year leap rules on both sides of the epoch.
    const std::int64_t first = Date{1800, 1, 1}.days_since_epoch();
    const std::int64_t last = Date{2200, 1, 1}.days_since_epoch();
    Date expected{1800, 1, 1};
    for (std::int64_t n = first; n <= last; ++n) {
        const Date d = Date::from_days_since_epoch(n);
        ASSERT_EQ(d, expected) << n;
        ASSERT_EQ(d.days_since_epoch(), n);
        ASSERT_TRUE(d.is_valid());
        // Step the expected date by hand.
        ++expected.day;
        if (!expected.is_valid()) {
            expected.day = 1;
            if (++expected.month > 12) {
                expected.month = 1;
                ++expected.year;
            }
        }
    }
}

TEST(Date, KnowsWeekdays) {
    EXPECT_EQ((Date{1970, 1, 1}.weekday()), Weekday::Thursday);
    EXPECT_EQ((Date{2024, 1, 1}.weekday()), Weekday::Monday);
    EXPECT_EQ((Date{2021, 12, 25}.weekday()), Weekday::Saturday);
    EXPECT_EQ((Date{1900, 1, 1}.weekday()), Weekday::Monday);
    EXPECT_EQ((Date{2000, 2, 29}.weekday()), Weekday::Tuesday);
}

TEST(Date, ValidatesLeapYears) {
    EXPECT_TRUE((Date{2000, 2, 29}.is_valid()));
    EXPECT_FALSE((Date{1900, 2, 29}.is_valid()));
    EXPECT_TRUE((Date{2024, 2, 29}.is_valid()));
    EXPECT_FALSE((Date{2023, 2, 29}.is_valid()));
    EXPECT_FALSE((Date{2023, 4, 31}.is_valid()));
    EXPECT_FALSE((Date{2023, 13, 1}.is_valid()));
    EXPECT_FALSE((Date{2023, 0, 1}.is_valid()));
}

TEST(Date, ParsesIsoDatesAndRejectsGarbage) {
    Date d;
    ASSERT_TRUE(Date::parse("2024-04-01", d));
    EXPECT_EQ(d, (Date{2024, 4, 1}));
    EXPECT_EQ(d.to_string(), "2024-04-01");
    const Date before = d;
    EXPECT_FALSE(Date::parse("2024-02-30", d));
    EXPECT_FALSE(Date::parse("2024-4-01", d));
    EXPECT_FALSE(Date::parse("2024/04/01", d));
    EXPECT_FALSE(Date::parse("20a4-04-01", d));
    EXPECT_FALSE(Date::parse("", d));
    EXPECT_EQ(d, before);
}

TEST(Date, OrdersChronologically) {
    EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
    EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
}

TEST(Time, ConvertsDaysAndTicks) {
    EXPECT_EQ(ticks_from_days(1.0), kTicksPerDay);
    EXPECT_EQ(ticks_from_days(0.5), 720);
    EXPECT_EQ(ticks_from_days(1.0 / 1440.0 * 0.49), 0);
    EXPECT_EQ(ticks_from_days(-1.0), -kTicksPerDay);
    EXPECT_EQ(ticks_from_days(1e300), kTickMax);
    EXPECT_DOUBLE_EQ(days_from_ticks(2160), 1.5);
    EXPECT_EQ(day_of(0), 0);
    EXPECT_EQ(day_of(kTicksPerDay - 1), 0);
    EXPECT_EQ(day_of(kTicksPerDay), 1);
    EXPECT_EQ(day_of(-1), -1);
    EXPECT_EQ(day_of(-kTicksPerDay), -1);
    EXPECT_EQ(day_of(-kTicksPerDay - 1), -2);
    EXPECT_EQ(start_of_day(3), 3 * kTicksPerDay);
}

// The inline conversion must equal std::round (halves away from zero) everywhere, including
// ties, the values next to them, the exactness limit 2^53, the fast path's limit 2^62 and the
// saturating ends; `reference` is the former out-of-line definition.
TEST(Time, TicksFromDaysEqualsStdRoundEverywhere) {
    const auto reference = [](double days) -> Tick {
        const double t = std::round(days * static_cast<double>(kTicksPerDay));
        if (std::isnan(t)) {
            return 0;
        }
        if (t >= 9223372036854775808.0) {
            return kTickMax;
        }
        if (t <= -9223372036854775808.0) {
            return INT64_MIN;
        }
        return static_cast<Tick>(t);
    };
    std::vector<double> ticks = {0.0,
                                 -0.0,
                                 0.5,
                                 -0.5,
                                 1.5,
                                 -1.5,
                                 2.5,
                                 -2.5,
                                 0.49999999999999994,
                                 -0.49999999999999994,
                                 9007199254740991.0,
                                 9007199254740993.0,
                                 4503599627370495.5,
                                 -4503599627370495.5,
                                 4611686018427387904.0,
                                 -4611686018427387904.0,
                                 4611686018427387903.0,
                                 9.3e18,
                                 -9.3e18,
                                 std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::quiet_NaN()};
    for (const double t : std::vector<double>(ticks)) {
        ticks.push_back(std::nextafter(t, 0.0));
        ticks.push_back(std::nextafter(t, t < 0 ? -1e300 : 1e300));
    }
    std::mt19937_64 rng(20261207);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    for (int i = 0; i < 200000; ++i) {
        const double scale = std::ldexp(1.0, static_cast<int>(rng() % 70));  // up to 2^69 ticks
        ticks.push_back(unit(rng) * scale);
    }
    for (const double t : ticks) {
        const double days = t / static_cast<double>(kTicksPerDay);
        ASSERT_EQ(ticks_from_days(days), reference(days)) << "days = " << days;
    }
}

}  // namespace
}  // namespace cssim::core
