// The office floor's mapping of archive status names and roles to marks and tile shapes.
#include "app/post_status.hpp"

#include <gtest/gtest.h>

namespace cssim::viewer {
namespace {

TEST(PostMark, MapsTheModelsStatusNamesAndUnknownOnesToWorking) {
    // The department model's status names (social workers and team managers alike).
    EXPECT_EQ(post_mark("working"), PostMark::working);
    EXPECT_EQ(post_mark("sick"), PostMark::sick);
    EXPECT_EQ(post_mark("long_term_sick"), PostMark::sick);
    EXPECT_EQ(post_mark("on_notice"), PostMark::notice);
    EXPECT_EQ(post_mark("vacant"), PostMark::vacant);
    EXPECT_EQ(post_mark("deleted"), PostMark::deleted);
    EXPECT_EQ(post_mark("left"), PostMark::vacant);
    EXPECT_EQ(post_mark("on_leave"), PostMark::working);
    EXPECT_EQ(post_mark(""), PostMark::working);
}

TEST(PostRole, RecognisesManagersAndPAs) {
    EXPECT_TRUE(is_manager_role("team_manager"));
    EXPECT_TRUE(is_manager_role("senior_manager"));
    EXPECT_FALSE(is_manager_role("social_worker"));
    EXPECT_TRUE(is_pa_role("pa"));
    EXPECT_TRUE(is_pa_role("business_support_admin"));
    EXPECT_FALSE(is_pa_role("team_manager"));
    EXPECT_FALSE(is_pa_role("social_worker"));
}

}  // namespace
}  // namespace cssim::viewer
