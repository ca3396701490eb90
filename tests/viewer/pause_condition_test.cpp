#include "app/pause_condition.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "app/bookmarks.hpp"

namespace cssim::viewer {
namespace {

TEST(PauseCondition, ParsesSeriesComparisonAndThreshold) {
    std::string error;
    const auto c = parse_pause_condition("  unallocated_cases > 50 ", &error);
    ASSERT_TRUE(c) << error;
    EXPECT_EQ(c->series, "unallocated_cases");
    EXPECT_EQ(c->comparison, Comparison::greater);
    EXPECT_DOUBLE_EQ(c->threshold, 50.0);
    EXPECT_EQ(c->side, ConditionSide::either);

    const auto b = parse_pause_condition("B: stage/cp_plan<=0.5", &error);
    ASSERT_TRUE(b) << error;
    EXPECT_EQ(b->series, "stage/cp_plan");
    EXPECT_EQ(b->comparison, Comparison::less_equal);
    EXPECT_EQ(b->side, ConditionSide::b);
    EXPECT_EQ(describe(*b), "B: stage/cp_plan <= 0.5");
}

TEST(PauseCondition, RejectsBadTextWithAReason) {
    std::string error;
    EXPECT_FALSE(parse_pause_condition("unallocated_cases 50", &error));
    EXPECT_NE(error.find("comparison"), std::string::npos);
    EXPECT_FALSE(parse_pause_condition("> 50", &error));
    EXPECT_NE(error.find("series name"), std::string::npos);
    EXPECT_FALSE(parse_pause_condition("caseload_mean >= lots", &error));
    EXPECT_NE(error.find("lots"), std::string::npos);
    EXPECT_FALSE(parse_pause_condition("caseload_mean <", &error));
}

TEST(PauseCondition, HoldsFollowsTheComparison) {
    PauseCondition c{"x", Comparison::greater_equal, 2.0};
    EXPECT_TRUE(holds(c, 2.0));
    EXPECT_FALSE(holds(c, 1.9));
    c.comparison = Comparison::less;
    EXPECT_TRUE(holds(c, 1.9));
    EXPECT_FALSE(holds(c, std::nan("")));
}

// Series on side A: value = day; side B: value = 100 - day.
std::optional<double> ramp(int side, const std::string& name, std::int64_t day) {
    if (name != "ramp" || day < 0 || day > 100)
        return std::nullopt;
    return side == 0 ? static_cast<double>(day) : static_cast<double>(100 - day);
}

TEST(PauseCondition, FiresOnTheFirstDayTheConditionBecomesTrue) {
    std::vector<PauseCondition> cs{{"ramp", Comparison::greater, 50.0}};
    const auto t = first_pause_trigger(cs, ramp, 10, 90);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->day, 51);
    EXPECT_EQ(t->side, 0);
    // Resuming from the trigger day does not fire again: the condition was already true.
    EXPECT_FALSE(first_pause_trigger(cs, ramp, 51, 100));
}

TEST(PauseCondition, WatchesOnlyTheChosenSide) {
    std::vector<PauseCondition> cs{{"ramp", Comparison::less, 30.0, ConditionSide::b}};
    const auto t = first_pause_trigger(cs, ramp, 0, 100);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->day, 71);
    EXPECT_EQ(t->side, 1);
}

TEST(PauseCondition, IgnoresDisabledAndUnknownSeries) {
    std::vector<PauseCondition> cs{{"ramp", Comparison::greater, 5.0, ConditionSide::a, false},
                                   {"missing", Comparison::greater, 0.0}};
    EXPECT_FALSE(first_pause_trigger(cs, ramp, 0, 100));
}

TEST(PauseCondition, EarliestDayWinsAcrossConditions) {
    std::vector<PauseCondition> cs{{"ramp", Comparison::greater, 80.0},
                                   {"ramp", Comparison::greater, 20.0, ConditionSide::a}};
    const auto t = first_pause_trigger(cs, ramp, 0, 100);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->day, 21);
    EXPECT_EQ(t->condition, 1u);
}

TEST(BookmarkList, KeepsDaysSortedAndUnique) {
    BookmarkList b;
    b.add(300, "surge");
    b.add(100, "start");
    b.add(300, "surge peaks");
    ASSERT_EQ(b.items().size(), 2u);
    EXPECT_EQ(b.items()[0].day, 100);
    EXPECT_EQ(b.items()[1].label, "surge peaks");
    EXPECT_TRUE(b.remove(100));
    EXPECT_FALSE(b.remove(100));
    EXPECT_EQ(b.items().size(), 1u);
}

TEST(BookmarkList, FindsNeighboursAndCrossings) {
    BookmarkList b;
    for (std::int64_t d : {10, 20, 30})
        b.add(d, "d" + std::to_string(d));
    EXPECT_EQ(b.next_after(10)->day, 20);
    EXPECT_EQ(b.next_after(9)->day, 10);
    EXPECT_FALSE(b.next_after(30));
    EXPECT_EQ(b.previous_before(20)->day, 10);
    EXPECT_FALSE(b.previous_before(10));
    EXPECT_EQ(b.first_in(10, 25)->day, 20);
    EXPECT_FALSE(b.first_in(20, 29));
}

}  // namespace
}  // namespace cssim::viewer
