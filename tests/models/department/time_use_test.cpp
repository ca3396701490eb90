/**
 * @file time_use_test.cpp
 * @brief Unit tests of the TimeUse component (time_use.hpp) on hand-built states: a team of three
 * workers and one case, and single worker-days with round numbers, so every expected hour is
 * worked out by hand in the comments.
 */
#include "time_use.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace cssim::department::detail {
namespace {

/** @brief Round rates: a 37.5-hour week (7.5 a day), no overtime, a 1.5-hour visit with 0.5 h of
 * travel and 0.5 h of recording per visit hour (0.75 h), at most 60% of the day on admin and
 * meetings, a backlog capped at 10 hours, half of admin delegable. */
TimeUseRates time_use_test_rates() {
    TimeUseConfig t;
    t.contracted_hours_per_week = 37.5;
    t.max_overtime_hours_per_week = 5.0;
    t.overtime_hours_per_case_per_week = 0.0;
    t.delegable_admin_share = 0.5;
    t.visit_hours = 1.5;
    t.travel_hours_per_visit = 0.5;
    t.recording_hours_per_visit_hour = 0.5;
    t.fixed_other_hours_per_week = 0.0;
    t.fixed_admin_hours_per_week = 0.0;
    t.max_admin_meeting_share = 0.6;
    t.max_admin_backlog_hours = 10.0;
    return TimeUseRates::of(t, 1.0, 0.0);
}

TEST(DepartmentTimeUse, HoursGivenAddUpToTheDayAndOvertimeGrowsWithCases) {
    TimeUseRates r = time_use_test_rates();
    r.overtime_per_case_per_week = 0.5;
    // 4 cases: 2 h of overtime a week, 0.4 a day; 20 cases: capped at 5 h a week, 1 a day.
    EXPECT_DOUBLE_EQ(WorkerDay(r, 4, 1.0, 0.0).hours(), 7.9);
    EXPECT_DOUBLE_EQ(WorkerDay(r, 20, 1.0, 0.0).overtime(), 1.0);

    r.overtime_per_case_per_week = 0.0;
    WorkerDay day(r, 1, 1.0, 0.0);
    const double due = day.due_visit_cost();  // 1.5 + 0.5 + 0.75
    EXPECT_DOUBLE_EQ(due, 2.75);
    day.reserve_for_due(due);  // reserve min(2.75, 0.4 x 7.5 = 3): 4.75 h for admin, meetings
    EXPECT_DOUBLE_EQ(day.available(), 4.75);
    day.spend_writing(WritingDay{});
    double backlog = 0.0;
    day.do_admin(2.0, backlog);
    day.do_other(1.0);                         // 1.75 left, then the 2.75 reserve back: 4.5
    EXPECT_TRUE(day.take_visit(false));        // costs 2.75: 1.75 left
    day.finish();                              // the rest is direct work: 1.5 + 1.75
    EXPECT_DOUBLE_EQ(day.admin_done(), 2.75);  // 2 + the visit's recording
    EXPECT_DOUBLE_EQ(day.other_done(), 1.0);
    EXPECT_DOUBLE_EQ(day.travel(), 0.5);
    EXPECT_DOUBLE_EQ(day.direct(), 3.25);
    EXPECT_DOUBLE_EQ(day.worked(), day.hours());  // every hour goes somewhere
    EXPECT_EQ(day.overdue(), 0);
    EXPECT_DOUBLE_EQ(backlog, 0.0);
}

TEST(DepartmentTimeUse, AdminBeyondItsShareOfTheDayIsABacklogAndTheVisitStillHappens) {
    const TimeUseRates r = time_use_test_rates();
    WorkerDay day(r, 1, 1.0, 0.0);
    day.reserve_for_due(day.due_visit_cost());
    double backlog = 1.0;
    day.do_admin(6.0, backlog);  // 7 h of admin, 4.75 h before the reserve: 2.25 h carried
    EXPECT_DOUBLE_EQ(day.admin_done(), 4.75);
    EXPECT_DOUBLE_EQ(backlog, 2.25);
    day.do_other(1.0);  // no time for meetings beyond the reserve
    EXPECT_DOUBLE_EQ(day.other_done(), 0.0);
    EXPECT_TRUE(day.take_visit(true));  // the reserve keeps the (late) visit
    EXPECT_EQ(day.overdue(), 1);
    EXPECT_FALSE(day.take_visit(false));  // nothing left for a second one: it slips
    EXPECT_FALSE(day.take_visit(false));  // and so does every later one

    // The next day with no new admin works the backlog off first.
    WorkerDay next(r, 1, 1.0, 0.0);
    next.reserve_for_due(0.0);
    next.do_admin(0.0, backlog);
    EXPECT_DOUBLE_EQ(next.admin_done(), 2.25);
    EXPECT_DOUBLE_EQ(backlog, 0.0);

    // The backlog is capped: beyond it, admin is never caught up.
    WorkerDay swamped(r, 1, 1.0, 0.0);
    swamped.reserve_for_due(0.0);
    double big = 9.0;
    swamped.do_admin(10.0, big);  // 19 h, 7.5 done, 11.5 left: capped at 10
    EXPECT_DOUBLE_EQ(big, 10.0);
}

TEST(DepartmentTimeUse, ThePushedAssessmentKeepsItsHoursAgainstAdmin) {
    const TimeUseRates r = time_use_test_rates();
    // The deadline push: a pushed assessment's hours (1 h today) are reserved like a visit due,
    // so a worker swamped with admin still gives it its hour; one not yet pushed gets nothing.
    WorkerDay day(r, 2, 1.0, 0.0);
    day.reserve_for_due(1.0);
    double backlog = 0.0;
    day.do_admin(20.0, backlog);
    day.do_other(0.0);
    EXPECT_DOUBLE_EQ(day.available(), 1.0);
    std::vector<AssessmentWork> work(2);
    work[0].hours_left = 5.0;
    work[0].pushed = false;
    work[0].deadline_day = 30;
    work[1].hours_left = 5.0;
    work[1].pushed = true;
    work[1].deadline_day = 40;
    EXPECT_DOUBLE_EQ(share_assessment_time(day.available(), 0.1, 1.0, 1.0, work), 1.0);
    EXPECT_DOUBLE_EQ(work[1].given, 1.0);
    EXPECT_DOUBLE_EQ(work[0].given, 0.0);

    // Without the reserve (nothing pushed) the same admin leaves no hour for either.
    WorkerDay unpushed(r, 2, 1.0, 0.0);
    unpushed.reserve_for_due(0.0);
    double b2 = 0.0;
    unpushed.do_admin(20.0, b2);
    EXPECT_DOUBLE_EQ(unpushed.available(), 0.0);
}

TEST(DepartmentTimeUse, APaTakesTheDelegableShareOfAdminWhileItsHoursLast) {
    const TimeUseRates r = time_use_test_rates();  // half of admin delegable
    double b0 = 0.0, b1 = 0.0;
    WorkerDay alone(r, 1, 1.0, 0.0);
    alone.reserve_for_due(alone.due_visit_cost());
    alone.do_admin(3.0, b0);
    EXPECT_DOUBLE_EQ(alone.admin_done(), 3.0);
    EXPECT_DOUBLE_EQ(alone.pa().by_worker, 1.5);  // delegable, done by the worker

    WorkerDay helped(r, 1, 1.0, 1.0);  // a PA with 1 h for this worker today
    helped.reserve_for_due(helped.due_visit_cost());
    helped.do_admin(3.0, b1);  // delegable 1.5, the PA takes 1: 2 h for the worker
    EXPECT_DOUBLE_EQ(helped.admin_done(), 2.0);
    EXPECT_DOUBLE_EQ(helped.pa().left, 0.0);
    EXPECT_DOUBLE_EQ(helped.pa().by_worker, 0.5);
    helped.do_other(0.0);
    EXPECT_TRUE(helped.take_visit(false));  // its 0.75 h of recording: the PA has no time left
    EXPECT_DOUBLE_EQ(helped.admin_done(), 2.75);
    EXPECT_DOUBLE_EQ(helped.pa().by_worker, 0.875);
    helped.finish();
    // The hour the PA took is an hour more of direct work: 7.5 - 2.75 - 0.5 travel.
    EXPECT_DOUBLE_EQ(helped.direct(), 4.25);

    // The writing up of assessments shares the PA's hours the same way.
    WorkerDay writing(r, 1, 1.0, 1.0);
    writing.reserve_for_due(0.0);
    writing.spend_writing(WritingDay{1.0, 0.5, 0.0});
    EXPECT_DOUBLE_EQ(writing.pa().left, 0.5);
    double b2 = 0.0;
    writing.do_admin(2.0, b2);  // delegable 1, the PA's 0.5 left: 1.5 own, + 1 of writing
    EXPECT_DOUBLE_EQ(writing.admin_done(), 2.5);
}

TEST(DepartmentTimeUse, ATeamOfThreeAndOneCaseLoadsOnlyItsWorker) {
    const TimeUseRates r = time_use_test_rates();
    TimeUse tu;
    tu.reset(3);
    PathwayStage assessment;
    assessment.admin_hours_per_week = 1.0;
    assessment.meeting_hours_per_week = 0.5;
    assessment.visit_interval_wd = 10;  // half a visit a week
    assessment.review_interval_wd = 20;
    assessment.review_hours = 2.0;    // half an hour a week
    tu.add_load(1, assessment, 1.0);  // the case is with the second worker
    EXPECT_DOUBLE_EQ(tu.load(1).case_admin_per_week, 1.0);
    EXPECT_DOUBLE_EQ(tu.load(1).visits_per_week, 0.5);
    EXPECT_DOUBLE_EQ(tu.load(1).review_hours_per_week, 0.5);
    EXPECT_DOUBLE_EQ(tu.load(0).case_admin_per_week, 0.0);
    EXPECT_DOUBLE_EQ(tu.load(2).visits_per_week, 0.0);
    // Pressure: the week's admin 1 + recording 0.5 x 0.75, meetings 0.5 + reviews 0.5, half a
    // visit of 2 h: 3.375 over 37.5 h.
    EXPECT_DOUBLE_EQ(workload_pressure(r, tu.load(1), 1.0, 0.0, 0, 0.0), 3.375 / 37.5);
    EXPECT_DOUBLE_EQ(workload_pressure(r, tu.load(0), 1.0, 0.0, 0, 0.0), 0.0);
    // An overdue visit (2.75 h) and a 2-hour backlog add to it.
    EXPECT_DOUBLE_EQ(workload_pressure(r, tu.load(1), 1.0, 0.0, 1, 2.0), 8.125 / 37.5);
    tu.backlog(1) = 2.0;
    EXPECT_DOUBLE_EQ(tu.backlog(0) + tu.backlog(2), 0.0);
    // The case leaves: the worker's load is zero again.
    tu.add_load(1, assessment, -1.0);
    EXPECT_DOUBLE_EQ(tu.load(1).case_admin_per_week, 0.0);
    EXPECT_DOUBLE_EQ(tu.load(1).visits_per_week, 0.0);
    tu.clear_load(1);
    EXPECT_DOUBLE_EQ(tu.load(1).review_hours_per_week, 0.0);
}

}  // namespace
}  // namespace cssim::department::detail
