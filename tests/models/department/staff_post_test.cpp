/**
 * @file staff_post_test.cpp
 * @brief Unit tests of the staff-post lifecycle social workers and team managers share
 * (staff_post.hpp) on one hand-built post: sickness, notice, vacancy and a hire, each event at
 * its working day and hour, and stale events (an older generation) ignored.
 */
#include "staff_post.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "department_events.hpp"

namespace cssim::department::detail {
namespace {

constexpr std::uint32_t kStaffTestBack = 1, kStaffTestLeaves = 2, kStaffTestHire = 3;

class StaffPostLifecycle : public ::testing::Test {
protected:
    /** @brief Runs the events due before the start of `day`, applying each to post_. */
    std::vector<core::Event> run_to(core::DayIndex day) {
        std::vector<core::Event> seen;
        sim_.run_until(core::start_of_day(day), [&](const core::Event& e) {
            seen.push_back(e);
            if (e.kind == kStaffTestBack) {
                post_.sickness_ends(e.payload);
            } else if (e.kind == kStaffTestLeaves && post_.is_current_notice(e.payload)) {
                post_.holder_leaves();
            } else if (e.kind == kStaffTestHire && post_.is_current_hire(e.payload)) {
                post_.hire_pending = false;
                post_.take_up(Contract::kEmployed);
            }
        });
        return seen;
    }
    // 3 April 2023 is a Monday; Good Friday (7 April) and Easter Monday (10 April) are bank
    // holidays.
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    core::Simulation sim_;
    StaffSchedule schedule_{calendar_, sim_,
                            StaffEventKinds{kStaffTestBack, kStaffTestLeaves, kStaffTestHire}};
    core::RandomStream rng_{5};
    StaffPost post_;
};

TEST_F(StaffPostLifecycle, OnePostThroughSicknessNoticeVacancyAndHire) {
    post_.take_up(Contract::kEmployed);
    ASSERT_TRUE(post_.is_present());
    EXPECT_EQ(post_.status(), Status::kWorking);

    // A short spell of 2.5 working days from Monday: back on Thursday at 07:00 (rounded up).
    const double days =
        schedule_.start_sickness(post_, 0, false, core::Distribution::deterministic(2.5), rng_, 0);
    EXPECT_DOUBLE_EQ(days, 2.5);
    EXPECT_EQ(post_.status(), Status::kSick);
    EXPECT_FALSE(post_.is_present());
    std::vector<core::Event> seen = run_to(4);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].time, tick_at(3, kWorkforceStartHour));
    EXPECT_EQ(seen[0].payload, post_.generation);
    EXPECT_TRUE(post_.is_present());

    // A long-term spell drawn shorter than a day still lasts one working day, and notice of 2
    // working days, both from Thursday 6 April (day 3): Good Friday and Easter Monday do not
    // count, so the holder is back on Tuesday 11 April (day 8) at 07:00 and goes on Wednesday 12
    // April (day 9) at 18:00.
    schedule_.start_sickness(post_, 0, true, core::Distribution::deterministic(0.2), rng_, 3);
    EXPECT_EQ(post_.status(), Status::kLongTermSick);
    schedule_.give_notice(post_, 0, 3, 2);
    EXPECT_TRUE(post_.on_notice);
    seen = run_to(10);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].time, tick_at(8, kWorkforceStartHour));
    EXPECT_EQ(seen[1].time, tick_at(9, kWorkforceLeaveHour));
    EXPECT_TRUE(post_.is_vacant());
    EXPECT_EQ(post_.status(), Status::kVacant);
    EXPECT_FALSE(post_.sick || post_.on_notice);

    // Recruitment from the start of day 10: the new holder starts 20 days later, with a new
    // generation.
    const std::uint32_t before = post_.generation;
    schedule_.advertise(post_, 0, 20.0);
    EXPECT_TRUE(post_.hire_pending);
    seen = run_to(40);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].time, core::start_of_day(30));
    EXPECT_TRUE(post_.is_present());
    EXPECT_FALSE(post_.hire_pending);
    EXPECT_EQ(post_.generation, before + 1);
}

TEST_F(StaffPostLifecycle, StaleEventsAreIgnored) {
    post_.take_up(Contract::kEmployed);
    // Sick, then the holder resigns and goes before the spell's end: the post is vacant and the
    // old spell's end (an older generation) does not touch it.
    schedule_.start_sickness(post_, 0, true, core::Distribution::deterministic(20.0), rng_, 0);
    schedule_.give_notice(post_, 0, 0, 1);
    run_to(3);
    ASSERT_TRUE(post_.is_vacant());
    // A new holder falls sick: the old spell's end must not bring them back.
    post_.take_up(Contract::kEmployed);
    post_.fall_sick(false);
    run_to(60);  // the first spell's end (20 working days from day 0) has passed
    EXPECT_TRUE(post_.sick);

    // A notice end for an older holder does nothing.
    EXPECT_FALSE(post_.is_current_notice(post_.generation - 1));

    // Recruitment stopped and started again: only the second hire counts.
    post_.holder_leaves();
    schedule_.advertise(post_, 0, 2.0);  // from day 60: day 62
    post_.cancel_recruitment();
    schedule_.advertise(post_, 0, 10.0);  // day 70
    std::vector<core::Event> seen = run_to(64);
    ASSERT_EQ(seen.size(), 1u);  // the first hire, stale
    EXPECT_TRUE(post_.is_vacant());
    EXPECT_TRUE(post_.hire_pending);
    run_to(80);
    EXPECT_TRUE(post_.is_present());

    // A deleted post takes no hire.
    post_.holder_leaves();
    const std::uint32_t hire = post_.advertise();
    post_.delete_post();
    EXPECT_FALSE(post_.is_current_hire(hire));
    EXPECT_EQ(post_.status(), Status::kDeleted);
    EXPECT_FALSE(post_.is_vacant());
    EXPECT_FALSE(post_.is_filled());
}

TEST_F(StaffPostLifecycle, ADrawStartsALongSpellFirstThenAShortOne) {
    EXPECT_EQ(spell_from_draw(0.009, 0.01, 0.02), Spell::kLong);
    EXPECT_EQ(spell_from_draw(0.01, 0.01, 0.02), Spell::kShort);
    EXPECT_EQ(spell_from_draw(0.029, 0.01, 0.02), Spell::kShort);
    EXPECT_EQ(spell_from_draw(0.03, 0.01, 0.02), Spell::kNone);
}

}  // namespace
}  // namespace cssim::department::detail
