/**
 * @file management_test.cpp
 * @brief Unit tests of the Management component on a hand-built state: three teams of three
 * social workers; supervision when a manager leaves, cover by colleagues, posts cut, a freeze.
 */
#include <gtest/gtest.h>

#include "department_management.hpp"

namespace cssim::department::detail {
namespace {

class DepartmentManagement : public ::testing::Test {
protected:
    DepartmentManagement() {
        config_.workforce.team_size = 3;  // posts 0-2 in team 0, 3-5 in team 1, 6-8 in team 2
        config_.management.teams_per_manager_max = 1.5;
        config_.management.cover_supervision_share = 0.5;
        config_.management.short_spells_per_year = 0.0;
        config_.management.long_spells_per_year = 0.0;
        config_.management.resignation_rate = 0.0;
    }
    Management make() {
        Management m(config_, calendar_, sim_, outputs_, core::RandomStream(3));
        m.initialise(3);
        return m;
    }
    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    core::Simulation sim_;
    Outputs outputs_{true};
};

TEST_F(DepartmentManagement, EveryTeamIsSupervisedWhenItsManagerIsThere) {
    Management m = make();
    m.update_supervision();
    EXPECT_EQ(m.present(), 3);
    EXPECT_EQ(m.in_post(), 3);
    for (int post = 0; post < 9; ++post) {
        EXPECT_EQ(m.supervision_of(post), 1.0) << post;
    }
}

TEST_F(DepartmentManagement, ALeaverLeavesTheTeamHalfCoveredByColleagues) {
    config_.management.resignation_rate = 1e6;  // everyone resigns on the first working day
    Management m = make();
    m.hazards(0, 1.0);
    m.on_leaves(0, 0, true);  // manager 0's notice ends: the post is vacant and advertised
    m.update_supervision();
    EXPECT_EQ(m.in_post(), 2);
    EXPECT_TRUE(m.posts()[0].is_vacant());
    EXPECT_TRUE(m.posts()[0].hire_pending);
    // Two present managers each stretch half a team: 1.0 team of cover for one absent team, at
    // half the depth of supervision.
    EXPECT_DOUBLE_EQ(m.supervision_of(0), 0.5);
    EXPECT_DOUBLE_EQ(m.supervision_of(2), 0.5);
    EXPECT_DOUBLE_EQ(m.supervision_of(3), 1.0);
    EXPECT_DOUBLE_EQ(m.supervision_of(8), 1.0);
}

TEST_F(DepartmentManagement, CutsDeleteVacantPostsAndAFreezeStopsHiring) {
    config_.management.resignation_rate = 1e6;
    Management m = make();
    m.hazards(0, 1.0);
    m.on_leaves(0, 0, false);  // vacant during a freeze: not advertised
    EXPECT_FALSE(m.posts()[0].hire_pending);
    m.on_hire(0, m.posts()[0].recruitment_generation, true);  // no recruitment under way
    EXPECT_TRUE(m.posts()[0].is_vacant());
    m.cut_posts(1.0 / 3.0, true);  // one post: the vacant one goes at once
    EXPECT_TRUE(m.posts()[0].deleted);
    EXPECT_EQ(m.in_post(), 2);
    m.readvertise(true);  // a deleted post is not advertised again
    EXPECT_FALSE(m.posts()[0].hire_pending);
}

TEST_F(DepartmentManagement, WithoutManagementEveryoneCountsAsSupervised) {
    config_.management.enabled = false;
    config_.management.resignation_rate = 1e6;
    Management m = make();
    m.hazards(0, 1.0);  // switched off: no hazards at all
    EXPECT_FALSE(m.posts()[1].on_notice);
    EXPECT_EQ(m.supervision_of(4), 1.0);
}

}  // namespace
}  // namespace cssim::department::detail
