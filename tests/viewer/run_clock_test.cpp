#include "app/run_clock.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace cssim::viewer {
namespace {

RunClock clock_over(std::int64_t first, std::int64_t last) {
    RunClock c;
    c.set_range(first, last);
    return c;
}

TEST(RunClock, StartsPausedAtFirstDay) {
    auto c = clock_over(10, 100);
    EXPECT_FALSE(c.is_playing());
    EXPECT_EQ(c.whole_day(), 10);
    EXPECT_DOUBLE_EQ(c.proposed_advance(1.0), 10.0);
}

TEST(RunClock, PlayAdvancesBySpeedTimesSeconds) {
    auto c = clock_over(0, 1000);
    c.set_speed_index(3);  // one week per second
    c.play();
    c.commit_advance(c.proposed_advance(0.5));
    EXPECT_DOUBLE_EQ(c.day(), 3.5);
    EXPECT_EQ(c.whole_day(), 3);
    EXPECT_TRUE(c.is_playing());
}

TEST(RunClock, MaxSpeedMovesAFixedNumberOfDaysPerFrame) {
    auto c = clock_over(0, 1000);
    c.set_speed_index(kClockSpeeds.size() - 1);
    ASSERT_TRUE(c.speed().is_max);
    c.play();
    c.commit_advance(c.proposed_advance(0.0001));
    EXPECT_DOUBLE_EQ(c.day(), kMaxDaysPerFrame);
}

TEST(RunClock, SpeedIndexIsClamped) {
    RunClock c;
    c.set_speed_index(999);
    EXPECT_EQ(c.speed_index(), kClockSpeeds.size() - 1);
    c.faster();
    EXPECT_EQ(c.speed_index(), kClockSpeeds.size() - 1);
    c.set_speed_index(0);
    c.slower();
    EXPECT_EQ(c.speed_index(), 0u);
}

TEST(RunClock, PausesByItselfAtTheLastDay) {
    auto c = clock_over(0, 20);
    c.set_speed_index(7);  // a year per second
    c.play();
    c.commit_advance(c.proposed_advance(1.0));
    EXPECT_EQ(c.whole_day(), 20);
    EXPECT_FALSE(c.is_playing());
}

TEST(RunClock, PlayFromTheEndRestartsAtTheBeginning) {
    auto c = clock_over(5, 20);
    c.scrub_to(20);
    c.play();
    EXPECT_TRUE(c.is_playing());
    EXPECT_EQ(c.whole_day(), 5);
}

TEST(RunClock, StepMovesWholeDaysPausesAndClamps) {
    auto c = clock_over(0, 30);
    c.play();
    c.scrub_to(3.7);
    c.step_days(1);
    EXPECT_FALSE(c.is_playing());
    EXPECT_DOUBLE_EQ(c.day(), 4.0);
    c.step_days(7);
    EXPECT_DOUBLE_EQ(c.day(), 11.0);
    c.step_days(-100);
    EXPECT_DOUBLE_EQ(c.day(), 0.0);
    c.step_days(100);
    EXPECT_DOUBLE_EQ(c.day(), 30.0);
}

TEST(RunClock, ScrubClampsAndIgnoresNonFinite) {
    auto c = clock_over(100, 200);
    c.scrub_to(150.5);
    EXPECT_DOUBLE_EQ(c.day(), 150.5);
    c.scrub_to(-5);
    EXPECT_DOUBLE_EQ(c.day(), 100.0);
    c.scrub_to(1e9);
    EXPECT_DOUBLE_EQ(c.day(), 200.0);
    c.scrub_to(std::nan(""));
    EXPECT_DOUBLE_EQ(c.day(), 200.0);
}

TEST(RunClock, RunUntilStopsExactlyOnTheTarget) {
    auto c = clock_over(0, 3650);
    c.set_speed_index(kClockSpeeds.size() - 1);
    c.run_until(95);
    ASSERT_TRUE(c.is_playing());
    int frames = 0;
    while (c.is_playing() && frames < 100) {
        c.commit_advance(c.proposed_advance(1.0 / 60.0));
        ++frames;
    }
    EXPECT_EQ(frames, 4);  // 30 + 30 + 30 + 5 days
    EXPECT_DOUBLE_EQ(c.day(), 95.0);
    EXPECT_FALSE(c.run_until_day().has_value());
}

TEST(RunClock, RunUntilADayBehindJumpsThere) {
    auto c = clock_over(0, 100);
    c.scrub_to(50);
    c.run_until(20);
    EXPECT_FALSE(c.is_playing());
    EXPECT_DOUBLE_EQ(c.day(), 20.0);
}

TEST(RunClock, NarrowingTheRangeClampsTheDay) {
    auto c = clock_over(0, 100);
    c.scrub_to(90);
    c.set_range(0, 50);
    EXPECT_DOUBLE_EQ(c.day(), 50.0);
    c.set_range(60, 40);  // an inverted range collapses to its first day
    EXPECT_EQ(c.first_day(), 60);
    EXPECT_EQ(c.last_day(), 60);
    EXPECT_DOUBLE_EQ(c.day(), 60.0);
}

}  // namespace
}  // namespace cssim::viewer
