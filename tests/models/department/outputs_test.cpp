/**
 * @file outputs_test.cpp
 * @brief Unit tests of the Outputs component on its own: series written by handle, not by
 * position; detail switched off keeps nothing; tracks and events move into the record.
 */
#include <gtest/gtest.h>

#include "department_outputs.hpp"

namespace cssim::department::detail {
namespace {

TEST(DepartmentOutputs, SeriesAreWrittenThroughTheirHandlesWhateverTheOrder) {
    Outputs out(true);
    const SeriesHandle a = out.add_series("a", "cases", "first", "A");
    const SeriesHandle b = out.add_series("b", "share", "second", "B");
    out.push(b, 0.5);  // written before a: the handle, not the order, decides where it goes
    out.push(a, 3.0);
    out.push(a, 4.0);
    EXPECT_EQ(out.last(a, -1.0), 4.0);
    EXPECT_EQ(out.last(b, -1.0), 0.5);
    record::ReplicationRecord r;
    out.move_into(r);
    ASSERT_EQ(r.series.size(), 2u);
    EXPECT_EQ(r.series[0].name, "a");
    EXPECT_EQ(r.series[0].values, (std::vector<double>{3.0, 4.0}));
    EXPECT_EQ(r.series[1].unit, "share");
    EXPECT_EQ(r.series[1].values, (std::vector<double>{0.5}));
}

TEST(DepartmentOutputs, LastFallsBackBeforeTheFirstDay) {
    Outputs out(true);
    const SeriesHandle a = out.add_series("a", "x", "", "");
    EXPECT_EQ(out.last(a, 7.0), 7.0);
}

TEST(DepartmentOutputs, WithoutDetailNothingIsKept) {
    Outputs out(false);
    const SeriesHandle a = out.add_series("a", "x", "", "");
    out.push(a, 1.0);
    out.add_event(0, "hire", 1, "someone starts");
    out.acc.referrals += 2.0;  // the accumulators are kept in every replication
    record::ReplicationRecord r;
    out.move_into(r);
    EXPECT_TRUE(r.series.empty());
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(out.acc.referrals, 2.0);
}

TEST(DepartmentOutputs, TracksGetTheirHandleAsIdAndEventsKeepTheirOrder) {
    Outputs out(true);
    EXPECT_EQ(out.add_track("SW 1", "social_worker", "Team 1"), 0u);
    EXPECT_EQ(out.add_track("TM 1", "team_manager", "Team 1"), 1u);
    out.track(1).status.push_back(2);
    out.add_event(60, "resignation", 0, "SW 1 resigns");
    out.add_event(120, "hire", 0, "SW 1 starts");
    record::ReplicationRecord r;
    out.move_into(r);
    ASSERT_EQ(r.tracks.size(), 2u);
    EXPECT_EQ(r.tracks[1].id, 1u);
    EXPECT_EQ(r.tracks[1].role, "team_manager");
    EXPECT_EQ(r.tracks[1].status, (std::vector<std::uint8_t>{2}));
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[1].kind, "hire");
    EXPECT_EQ(r.events[1].tick, 120);
}

}  // namespace
}  // namespace cssim::department::detail
