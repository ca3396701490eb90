/**
 * @file redeployment_test.cpp
 * @brief Unit tests of an overwhelmed team's answers (department_redeployment.hpp): the
 * managers' choice of a post to redeploy and the front door's raised threshold as pure functions
 * of the teams' pressures, and a redeployed post on a hand-built state of two teams (three
 * workers): it joins the other team's rota, and under "transfer" its old team's cases go back to
 * that team at once, in person, while under "same_worker" the worker keeps them.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "allocation.hpp"
#include "cssim/scenario/scenario.hpp"
#include "department_redeployment.hpp"

namespace cssim::department::detail {
namespace {

TeamPressure redeploy_team(double load, double waiting, int present, double cap = 20.0) {
    TeamPressure t;
    t.load = load;
    t.waiting = waiting;
    t.present = present;
    t.capacity = present * cap;
    t.movable_cap = present > 0 ? cap : 0.0;
    return t;
}

TEST(DepartmentRedeployment, NoMoveUnderNormalPressure) {
    // Both teams under their caps (pressure 0.75 and 0.9): nobody moves.
    const std::vector<TeamPressure> teams = {redeploy_team(45, 0, 3), redeploy_team(54, 0, 3)};
    const RedeployChoice c = pick_redeployment(teams, 1.3, 0.5);
    EXPECT_EQ(c.from, -1);
    EXPECT_EQ(c.to, -1);
}

TEST(DepartmentRedeployment, MovesFromTheLeastPressedTeamToTheMostPressed) {
    // Team 1 holds 3 x 20 cap with 90 cases and 30 waiting: pressure 2. Team 0 (0.5) gives a
    // worker before team 2 (0.8), both at least 0.5 below.
    const std::vector<TeamPressure> teams = {redeploy_team(40, 0, 4), redeploy_team(90, 30, 3),
                                             redeploy_team(48, 0, 3)};
    EXPECT_DOUBLE_EQ(teams[1].pressure(), 2.0);
    const RedeployChoice c = pick_redeployment(teams, 1.3, 0.5);
    EXPECT_EQ(c.to, 1);
    EXPECT_EQ(c.from, 0);
    // Switched off: never.
    EXPECT_EQ(pick_redeployment(teams, 0.0, 0.5).to, -1);
}

TEST(DepartmentRedeployment, TheDonorKeepsTwoWorkersAndStaysLessPressed) {
    // A donor with one worker at work gives none; a donor that would end above the receiving
    // team (40 cases over one remaining worker = 2.0 against 75 / 80 = 0.94) gives none either.
    EXPECT_EQ(pick_redeployment({redeploy_team(5, 0, 1), redeploy_team(90, 0, 3)}, 1.3, 0.5).to,
              -1);
    EXPECT_EQ(pick_redeployment({redeploy_team(40, 0, 2), redeploy_team(75, 0, 3)}, 1.2, 0.2).to,
              -1);
    // Within the gap: no move.
    EXPECT_EQ(pick_redeployment({redeploy_team(60, 0, 3), redeploy_team(84, 0, 3)}, 1.3, 0.5).to,
              -1);
}

TEST(DepartmentRedeployment, TheThresholdRisesWithPressureUpToItsCap) {
    EXPECT_EQ(threshold_share(1.0, 1.3, 1.0, 0.8), 0.0);
    EXPECT_EQ(threshold_share(1.3, 1.3, 1.0, 0.8), 0.0);
    EXPECT_NEAR(threshold_share(1.5, 1.3, 1.0, 0.8), 0.2, 1e-12);
    EXPECT_NEAR(threshold_share(4.0, 1.3, 1.0, 0.8), 0.8, 1e-12);
    EXPECT_EQ(threshold_share(4.0, 0.0, 1.0, 0.8), 0.0);  // switched off
}

/** @brief Posts and cases by hand; moves cases as Allocation asks (every stage weighs 1). */
class RedeployTestHost final : public AllocationHost {
public:
    const std::vector<Post>& allocation_posts() const override { return posts; }
    QueueEntry queue_entry(int case_index) const override {
        return cases[static_cast<std::size_t>(case_index)];
    }
    void set_queue_entry(int case_index, bool in_queue, core::DayIndex queued_day) override {
        cases[static_cast<std::size_t>(case_index)].in_queue = in_queue;
        cases[static_cast<std::size_t>(case_index)].queued_day = queued_day;
    }
    bool can_take_cases(const Post& p, core::DayIndex day) const override {
        return p.is_case_holder() && cap_of(p, day) > p.weighted_caseload;
    }
    double cap_of(const Post& p, core::DayIndex /*day*/) const override {
        return allocation->team_cap(p.team);
    }
    double allocation_manager_time(int /*manager*/) const override { return 1.0; }
    void assign(int case_index, int post, core::DayIndex /*day*/, HandoverKind kind) override {
        cases[static_cast<std::size_t>(case_index)].worker = post;
        posts[static_cast<std::size_t>(post)].cases.push_back(case_index);
        posts[static_cast<std::size_t>(post)].weighted_caseload += 1.0;
        assigned.push_back(post);
        kinds.push_back(kind);
    }
    void release(int case_index, int post) override {
        Post& p = posts[static_cast<std::size_t>(post)];
        p.cases.erase(std::find(p.cases.begin(), p.cases.end(), case_index));
        p.weighted_caseload -= 1.0;
        cases[static_cast<std::size_t>(case_index)].worker = -1;
        allocation->count_waiting(1);  // as Model::unassign: a held entry now waits
    }
    void count_allocation(AllocationCount /*what*/, double /*amount*/) override {}
    void poll_cancel() const override {}

    std::vector<Post> posts;
    std::vector<QueueEntry> cases;
    Allocation* allocation = nullptr;
    std::vector<int> assigned;
    std::vector<HandoverKind> kinds;
};

class DepartmentRedeployedPost : public ::testing::Test {
protected:
    /** @brief Team "a" (assessment, in_turn: posts 0 and 1) and team "b" (plan: post 2, which
     * takes transfers after 20 working days); post 1 holds one case of team a's stage. */
    void make(PracticeModel practice) {
        PathwayStage assessment, plan;
        assessment.id = "assessment";
        plan.id = "plan";
        assessment.caseload_weight = plan.caseload_weight = 1.0;
        config_.pathway.stages = {assessment, plan};
        config_.allocation.caseload_cap = 20.0;
        config_.allocation.practice_model = practice;
        TeamConfig a, b;
        a.id = "a";
        a.stages = {"assessment"};
        a.posts_share = 2.0 / 3.0;
        a.policy = AllocationPolicy::kInTurn;
        a.takes_after_wd = 20;
        b.id = "b";
        b.stages = {"plan"};
        b.posts_share = 1.0 / 3.0;
        b.policy = AllocationPolicy::kInTurn;
        config_.teams = {a, b};
        allocation_.emplace(config_, calendar_, host_);
        host_.allocation = &*allocation_;
        allocation_->build(3);
        for (int i = 0; i < 3; ++i) {
            Post p;
            p.contract = Contract::kEmployed;
            p.team = i < 2 ? 0 : 1;
            host_.posts.push_back(p);
        }
        host_.cases.push_back(QueueEntry{true, false, 0, 1, 0});  // assessment, held by post 1
        host_.posts[1].cases.push_back(0);
        host_.posts[1].weighted_caseload = 1.0;
    }

    /** @brief Post 1 moves to team b, as Model::move_post_to_team does. */
    void move_post_1(core::DayIndex day) {
        host_.posts[1].team = 1;
        allocation_->move_post(1, 0, 1);
        allocation_->queue_transfer(0, day, true);
    }

    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    RedeployTestHost host_;
    std::optional<Allocation> allocation_;
};

TEST_F(DepartmentRedeployedPost, UnderTransferItsCasesGoBackAtOnceInPerson) {
    make(PracticeModel::kTransfer);
    EXPECT_EQ(allocation_->teams()[0].members, (std::vector<int>{0, 1}));
    move_post_1(3);
    EXPECT_EQ(allocation_->teams()[0].members, (std::vector<int>{0}));
    EXPECT_EQ(allocation_->teams()[1].members, (std::vector<int>{1, 2}));
    EXPECT_TRUE(host_.cases[0].in_queue);
    EXPECT_EQ(host_.cases[0].queued_day, 3);  // at once, not after team a's 20 working days
    allocation_->allocate(3);
    ASSERT_EQ(host_.assigned.size(), 1u);
    EXPECT_EQ(host_.assigned[0], 0);  // the only worker left in team a
    EXPECT_EQ(host_.kinds[0], HandoverKind::kInPerson);
    EXPECT_TRUE(host_.posts[1].cases.empty());
    // Post 1 is now in team b's rota: two new plan cases go to posts 1 and 2 in turn.
    for (int k = 0; k < 2; ++k) {
        host_.cases.push_back(QueueEntry{true, true, 1, -1, 3});
        allocation_->enqueue(static_cast<int>(host_.cases.size()) - 1);
    }
    allocation_->allocate(3);
    ASSERT_EQ(host_.assigned.size(), 3u);
    EXPECT_EQ(host_.assigned[1], 1);
    EXPECT_EQ(host_.assigned[2], 2);
}

TEST_F(DepartmentRedeployedPost, UnderSameWorkerTheWorkerKeepsTheCases) {
    make(PracticeModel::kSameWorker);
    move_post_1(3);
    EXPECT_FALSE(host_.cases[0].in_queue);
    allocation_->allocate(3);
    EXPECT_TRUE(host_.assigned.empty());
    EXPECT_EQ(host_.posts[1].cases, (std::vector<int>{0}));
    std::vector<double> waiting;
    allocation_->waiting_by_team(waiting, static_cast<int>(host_.cases.size()));
    EXPECT_EQ(waiting, (std::vector<double>{0.0, 0.0}));
}

TEST_F(DepartmentRedeployedPost, WaitingCountsEachTeamsUnheldCasesOnce) {
    make(PracticeModel::kTransfer);
    move_post_1(3);  // case 0 is held by post 1: a transfer, not waiting
    host_.cases.push_back(QueueEntry{true, true, 1, -1, 3});
    allocation_->enqueue(1);
    allocation_->enqueue(1);  // a stale duplicate entry counts once
    std::vector<double> waiting;
    allocation_->waiting_by_team(waiting, static_cast<int>(host_.cases.size()));
    EXPECT_EQ(waiting, (std::vector<double>{0.0, 1.0}));
}

bool redeploy_has_diagnostic(const scenario::LoadResult& r, const std::string& path) {
    for (const auto& d : r.diagnostics) {
        if (d.path == path) {
            return true;
        }
    }
    return false;
}

TEST(DepartmentRedeploymentReader, LeversReachTheConfigAndBadValuesNameTheirPaths) {
    const std::string base = std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json";
    const scenario::LoadResult ok = scenario::load_scenario(
        base, {"allocation.redeploy_above=2", "allocation.redeploy_gap=0.25",
               "allocation.redeploy_every_wd=10", "front_door.threshold_above=0",
               "front_door.threshold_share_per_pressure=0.5", "front_door.threshold_max_share=0.4",
               "front_door.threshold_max_need=2"});
    ASSERT_TRUE(ok.scenario && ok.scenario->department);
    const DepartmentConfig& c = *ok.scenario->department;
    EXPECT_EQ(c.allocation.redeploy_above, 2.0);
    EXPECT_EQ(c.allocation.redeploy_gap, 0.25);
    EXPECT_EQ(c.allocation.redeploy_every_wd, 10);
    EXPECT_EQ(c.front_door.threshold_above, 0.0);
    EXPECT_EQ(c.front_door.threshold_share_per_pressure, 0.5);
    EXPECT_EQ(c.front_door.threshold_max_share, 0.4);
    EXPECT_EQ(c.front_door.threshold_max_need, 2);
    const scenario::LoadResult bad = scenario::load_scenario(
        base, {"allocation.redeploy_above=-1", "allocation.redeploy_every_wd=0",
               "front_door.threshold_max_share=1.5", "front_door.threshold_max_need=5"});
    EXPECT_FALSE(bad.scenario);
    EXPECT_TRUE(redeploy_has_diagnostic(bad, "allocation.redeploy_above"));
    EXPECT_TRUE(redeploy_has_diagnostic(bad, "allocation.redeploy_every_wd"));
    EXPECT_TRUE(redeploy_has_diagnostic(bad, "front_door.threshold_max_share"));
    EXPECT_TRUE(redeploy_has_diagnostic(bad, "front_door.threshold_max_need"));
}

}  // namespace
}  // namespace cssim::department::detail
