// The time-use bars on a weekend: the last working day's shares, not an empty bar.
#include "app/time_use.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace cssim::viewer {
namespace {

/** Starts on Saturday 2023-04-01: days 0-1 are a weekend, 2-6 weekdays, 7-8 a weekend. */
ViewerState weekend_run() {
    record::RunInfo info;
    info.layout.start_date = "2023-04-01";
    info.layout.days = 9;
    record::ReplicationRecord r;
    const double nan = std::nan("");
    r.series = {{"time_use/direct", "share", "", 0, {0, 0, .3, .3, .3, .3, .4, 0, 0}, "Direct"},
                {"time_use/admin", "share", "", 0, {nan, nan, .7, .7, .7, .7, .6, nan, nan}, ""}};
    ViewerState s;
    set_run(s, kSideA, LoadedRun(make_memory_run_source("a", info, {r})));
    return s;
}

TEST(TimeUse, AWeekendShowsTheLastWorkingDay) {
    const ViewerState s = weekend_run();
    const auto series = time_use_series(s);
    ASSERT_EQ(series.size(), 2u);
    const std::int64_t first = s.alignment.first_shared_day();
    const auto sunday = time_use_on(s, kSideA, series, first + 8);
    ASSERT_TRUE(sunday);
    EXPECT_EQ(sunday->shared_day, first + 6);  // Friday
    EXPECT_DOUBLE_EQ(sunday->values[0], 0.4);
    EXPECT_DOUBLE_EQ(sunday->total, 1.0);
    const auto tuesday = time_use_on(s, kSideA, series, first + 3);
    ASSERT_TRUE(tuesday);
    EXPECT_EQ(tuesday->shared_day, first + 3);
}

TEST(TimeUse, AWeekendStartDayShowsTheFirstWorkingDay) {
    const ViewerState s = weekend_run();
    const auto saturday =
        time_use_on(s, kSideA, time_use_series(s), s.alignment.first_shared_day());
    ASSERT_TRUE(saturday);
    EXPECT_EQ(saturday->shared_day, s.alignment.first_shared_day() + 2);  // Monday
    EXPECT_DOUBLE_EQ(saturday->values[1], 0.7);
}

}  // namespace
}  // namespace cssim::viewer
