/**
 * @file outputs_test.cpp
 * @brief Unit tests of the Outputs component on its own: series written by handle, not by
 * position; detail switched off keeps nothing; tracks and events move into the record.
 */
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

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

namespace cssim::department::detail {
namespace {

// A financial year's accumulators are the difference of two marks: every sum, the histogram and
// the stage entries (an earlier mark taken before they were sized counts as zeros), and the
// assessment durations recorded in between.
TEST(DepartmentOutputs, PeriodAccumulatorsAreDifferencesOfMarks) {
    Outputs out(false);
    out.mark_period(0, MetricState{});  // before the stage entries are sized
    out.acc.stage_entries.assign(3, 0.0);
    out.acc.days = 10.0;
    out.acc.referrals = 7.0;
    out.acc.harm_fewer = 1.0;  // the last field of the list
    out.acc.caseload_histogram[5] = 4.0;
    out.acc.stage_entries[1] = 2.0;
    out.acc.assessment_durations = {10.0, 20.0};
    out.mark_period(10, MetricState{1.0, 100.0, 5000.0, 30.0});
    out.acc.days = 25.0;
    out.acc.referrals = 9.5;
    out.acc.harm_fewer = 4.0;
    out.acc.caseload_histogram[5] = 6.0;
    out.acc.stage_entries[1] = 5.0;
    out.acc.assessment_durations.push_back(30.0);
    out.mark_period(25, MetricState{2.0, 250.0, 5000.0, 30.0});

    ASSERT_EQ(out.period_marks().size(), 3u);
    EXPECT_EQ(out.period_marks()[1].day, 10);
    EXPECT_EQ(out.period_marks()[2].state.events, 250.0);
    const Accumulators first = out.period_accumulators(0);
    EXPECT_EQ(first.days, 10.0);
    EXPECT_EQ(first.referrals, 7.0);
    EXPECT_EQ(first.stage_entries, (std::vector<double>{0.0, 2.0, 0.0}));
    EXPECT_EQ(first.assessment_durations, (std::vector<double>{10.0, 20.0}));
    const Accumulators second = out.period_accumulators(1);
    EXPECT_EQ(second.days, 15.0);
    EXPECT_EQ(second.referrals, 2.5);
    EXPECT_EQ(second.harm_fewer, 3.0);
    EXPECT_EQ(second.caseload_histogram[5], 2.0);
    EXPECT_EQ(second.stage_entries[1], 3.0);
    EXPECT_EQ(second.assessment_durations, (std::vector<double>{30.0}));
    EXPECT_TRUE(out.period_marks()[1].acc.assessment_durations.empty()) << "not copied";
    EXPECT_THROW((void)out.period_accumulators(2), std::out_of_range);
}

}  // namespace
}  // namespace cssim::department::detail
