/**
 * @file allocation_test.cpp
 * @brief Unit tests of the Allocation component (allocation.hpp) on hand-built states: a team of
 * three workers and its cases, and two teams with a transfer. A test host stands in for Model:
 * it moves the cases Allocation assigns and releases, so each test reads who got which case.
 */
#include "allocation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace cssim::department::detail {
namespace {

/** @brief Posts and cases by hand; moves cases as Allocation asks. */
class AllocationTestHost final : public AllocationHost {
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
        return p.is_case_holder() && !p.sick && !p.on_notice &&
               cap_of(p, day) > p.weighted_caseload;
    }
    double cap_of(const Post& p, core::DayIndex /*day*/) const override {
        return allocation->team_cap(p.team);
    }
    double allocation_manager_time(int /*manager*/) const override { return manager_time; }
    void assign(int case_index, int post, core::DayIndex /*day*/, HandoverKind kind) override {
        QueueEntry& c = cases[static_cast<std::size_t>(case_index)];
        Post& p = posts[static_cast<std::size_t>(post)];
        c.worker = post;
        p.cases.push_back(case_index);
        p.weighted_caseload += 1.0;  // every stage weighs 1 here
        assigned.push_back(post);
        kinds.push_back(kind);
    }
    void release(int case_index, int post) override {
        QueueEntry& c = cases[static_cast<std::size_t>(case_index)];
        Post& p = posts[static_cast<std::size_t>(post)];
        p.cases.erase(std::find(p.cases.begin(), p.cases.end(), case_index));
        p.weighted_caseload -= 1.0;
        c.worker = -1;
        if (c.in_queue) {
            allocation->count_waiting(1);  // as Model::unassign: a held entry now waits
        }
        released.push_back(post);
    }
    void count_allocation(AllocationCount what, double amount) override {
        counts[static_cast<std::size_t>(what)] += amount;
    }
    void poll_cancel() const override {}

    std::vector<Post> posts;
    std::vector<QueueEntry> cases;
    double manager_time = 1.0;
    Allocation* allocation = nullptr;
    std::vector<int> assigned, released;
    std::vector<HandoverKind> kinds;  ///< how each assigned case came (in person or from the queue)
    std::vector<double> counts = std::vector<double>(4, 0.0);
};

class DepartmentAllocation : public ::testing::Test {
protected:
    DepartmentAllocation() {
        PathwayStage assessment, plan;
        assessment.id = "assessment";
        plan.id = "plan";
        assessment.caseload_weight = plan.caseload_weight = 1.0;
        config_.pathway.stages = {assessment, plan};
        config_.allocation.caseload_cap = 20.0;
        config_.allocation.over_cap_after_wd = 5;
        config_.workforce.team_size = 6;
    }

    /** @brief One team of three workers holding both stages, the given loads. */
    void one_team(AllocationPolicy policy, const std::vector<double>& loads,
                  double allocations_per_day = 0.0, double reallocate_above = 0.0) {
        TeamConfig t;
        t.managers = 1;
        t.allocations_per_manager_per_day = allocations_per_day;
        t.reallocate_above = reallocate_above;
        t.id = "team";
        t.stages = {"assessment", "plan"};
        t.posts_share = 1.0;
        t.policy = policy;
        config_.teams = {t};
        make(loads);
    }

    /** @brief Team "a" (assessment: posts 0 and 1) and team "b" (plan: post 2). */
    void two_teams(const std::vector<double>& loads, int b_takes_after_wd) {
        TeamConfig a, b;
        a.id = "a";
        a.stages = {"assessment"};
        a.posts_share = 2.0 / 3.0;
        b.id = "b";
        b.stages = {"plan"};
        b.posts_share = 1.0 / 3.0;
        b.takes_after_wd = b_takes_after_wd;
        config_.teams = {a, b};
        make(loads);
    }

    void make(const std::vector<double>& loads) {
        allocation_.emplace(config_, calendar_, host_);
        host_.allocation = &*allocation_;
        allocation_->build(static_cast<int>(loads.size()));
        for (std::size_t i = 0; i < loads.size(); ++i) {
            Post p;
            p.contract = Contract::kEmployed;
            p.weighted_caseload = loads[i];
            p.team = 0;
            for (const TeamLayout& t : allocation_->teams()) {
                if (static_cast<int>(i) >= t.end_post) {
                    ++p.team;
                }
            }
            host_.posts.push_back(p);
        }
    }

    /** @brief A new unallocated case in `stage`, queued on `day`; returns its index. */
    int queue_case(int stage, core::DayIndex day) {
        host_.cases.push_back(QueueEntry{true, true, stage, -1, day});
        const int index = static_cast<int>(host_.cases.size()) - 1;
        allocation_->enqueue(index);
        return index;
    }

    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    AllocationTestHost host_;
    std::optional<Allocation> allocation_;
};

TEST_F(DepartmentAllocation, MostRoomGivesTheCaseToTheWorkerWithMostRoom) {
    one_team(AllocationPolicy::kMostRoom, {10.0, 4.0, 7.0});
    const int c = queue_case(0, 0);
    EXPECT_EQ(allocation_->waiting(), 1);
    allocation_->allocate(0);
    EXPECT_EQ(host_.cases[static_cast<std::size_t>(c)].worker, 1);
    EXPECT_EQ(host_.kinds, (std::vector<HandoverKind>{HandoverKind::kFromQueue}));
    EXPECT_FALSE(host_.cases[static_cast<std::size_t>(c)].in_queue);
    EXPECT_EQ(allocation_->waiting(), 0);
}

TEST_F(DepartmentAllocation, InTurnFollowsTheRotaWhateverTheRoom) {
    one_team(AllocationPolicy::kInTurn, {10.0, 4.0, 7.0});
    for (int k = 0; k < 4; ++k) {
        queue_case(0, 0);
    }
    allocation_->allocate(0);
    EXPECT_EQ(host_.assigned, (std::vector<int>{0, 1, 2, 0}));  // the rota, not the room
}

TEST_F(DepartmentAllocation, TheManagersBudgetLimitsTheDaysAllocations) {
    // One manager allocating two cases a day, four cases waiting.
    one_team(AllocationPolicy::kMostRoom, {0.0, 0.0, 0.0}, 2.0);
    for (int k = 0; k < 4; ++k) {
        queue_case(0, 0);
    }
    host_.manager_time = 0.25;  // an absent manager's cover: half a case, not one
    EXPECT_DOUBLE_EQ(allocation_->budget(0), 0.5);
    allocation_->allocate(0);
    EXPECT_TRUE(host_.assigned.empty());
    host_.manager_time = 1.0;
    allocation_->allocate(1);
    EXPECT_EQ(host_.assigned.size(), 2u);  // two today
    EXPECT_EQ(allocation_->waiting(), 2);
    allocation_->allocate(2, true);  // day 0's open cases: no budget
    EXPECT_EQ(host_.assigned.size(), 4u);
    EXPECT_EQ(allocation_->waiting(), 0);
}

TEST_F(DepartmentAllocation, AFullTeamGoesOverTheCapOnlyAfterTheWait) {
    // Everyone at or above the cap of 20: the case waits, then goes to the least loaded.
    one_team(AllocationPolicy::kMostRoom, {20.0, 21.0, 20.5});
    const int c = queue_case(0, 0);
    const core::DayIndex before = calendar_.add_working_days(0, 4);
    allocation_->allocate(before);
    EXPECT_EQ(host_.cases[static_cast<std::size_t>(c)].worker, -1);
    EXPECT_EQ(allocation_->waiting(), 1);
    allocation_->allocate(calendar_.add_working_days(0, 5));  // over_cap_after_wd = 5
    EXPECT_EQ(host_.cases[static_cast<std::size_t>(c)].worker, 0);
    EXPECT_EQ(allocation_->waiting(), 0);
}

TEST_F(DepartmentAllocation, ReallocationNarrowsTheSpreadWithinTheBudget) {
    // Loads 21, 15 and 12 (cap 20), threshold 18: the worker at 21 gives its last case to the
    // worker with most room.
    one_team(AllocationPolicy::kMostRoom, {20.0, 15.0, 12.0}, 5.0, 18.0);
    host_.cases.push_back(QueueEntry{true, false, 1, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);  // post 0 now at 21
    host_.assigned.clear();
    host_.kinds.clear();
    allocation_->reallocate(0);
    EXPECT_EQ(host_.released, (std::vector<int>{0}));
    EXPECT_EQ(host_.assigned, (std::vector<int>{2}));
    // The worker at 21 is at work and hands the case over in person.
    EXPECT_EQ(host_.kinds, (std::vector<HandoverKind>{HandoverKind::kInPerson}));
    EXPECT_DOUBLE_EQ(host_.counts[static_cast<std::size_t>(AllocationCount::kReallocation)], 1.0);
    allocation_->reallocate(1);  // post 0 (at 20) has no case of its own left: nothing moves
    EXPECT_EQ(host_.assigned.size(), 1u);
}

TEST_F(DepartmentAllocation, NoReallocationThatWouldNotNarrowTheSpread) {
    // The worker at 19 is above the threshold, but 18.5 + 1 > 19 - 1: moving would not help.
    one_team(AllocationPolicy::kMostRoom, {18.0, 18.5, 18.5}, 5.0, 18.0);
    host_.cases.push_back(QueueEntry{true, false, 1, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);
    allocation_->reallocate(0);
    EXPECT_TRUE(host_.released.empty());
}

TEST_F(DepartmentAllocation, NoReallocationWithoutTheManagersTime) {
    one_team(AllocationPolicy::kMostRoom, {20.0, 15.0, 12.0}, 5.0, 18.0);
    host_.cases.push_back(QueueEntry{true, false, 1, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);
    host_.assigned.clear();
    host_.manager_time = 0.0;  // the manager is away and nobody covers
    allocation_->reallocate(0);
    EXPECT_TRUE(host_.released.empty());
}

TEST_F(DepartmentAllocation, ATransferWaitsHeldByItsWorkerUntilTheTransferPoint) {
    // The child's worker (post 0, team a) keeps the case now in b's stage until b's transfer
    // point, 3 working days on; then b's worker (post 2) takes it, with a release by post 0.
    two_teams({5.0, 5.0, 5.0}, 3);
    host_.cases.push_back(QueueEntry{true, false, 0, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);
    host_.assigned.clear();
    host_.kinds.clear();
    host_.cases[0].stage = 1;  // the plan stage, held by team b
    allocation_->queue_transfer(0, 0);
    EXPECT_TRUE(host_.cases[0].in_queue);
    EXPECT_EQ(allocation_->waiting(), 0);  // held, not waiting
    allocation_->allocate(calendar_.add_working_days(0, 2));
    EXPECT_EQ(host_.cases[0].worker, 0);
    const core::DayIndex point = calendar_.add_working_days(0, 3);
    allocation_->allocate(point);
    EXPECT_EQ(host_.released, (std::vector<int>{0}));
    EXPECT_EQ(host_.cases[0].worker, 2);
    EXPECT_FALSE(host_.cases[0].in_queue);
    EXPECT_EQ(allocation_->waiting(), 0);
    EXPECT_DOUBLE_EQ(host_.counts[static_cast<std::size_t>(AllocationCount::kTransfer)], 1.0);
    // The worker before was holding the child and hands them over in person.
    EXPECT_EQ(host_.kinds, (std::vector<HandoverKind>{HandoverKind::kInPerson}));
}

TEST_F(DepartmentAllocation, ATransferWhoseWorkerLeftFirstIsACaseFromTheQueue) {
    // As above, but the holding worker goes (leaves, long-term sick) before b's transfer point:
    // the child waits with nobody, and b's worker takes them from the queue, not from a worker.
    two_teams({5.0, 5.0, 5.0}, 3);
    host_.cases.push_back(QueueEntry{true, false, 0, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);
    host_.kinds.clear();
    host_.cases[0].stage = 1;
    allocation_->queue_transfer(0, 0);
    host_.release(0, 0);  // as Model::unassign when the worker goes: the entry now waits
    EXPECT_EQ(allocation_->waiting(), 1);
    allocation_->allocate(calendar_.add_working_days(0, 3));
    EXPECT_EQ(host_.cases[0].worker, 2);
    EXPECT_EQ(host_.kinds, (std::vector<HandoverKind>{HandoverKind::kFromQueue}));
    EXPECT_DOUBLE_EQ(host_.counts[static_cast<std::size_t>(AllocationCount::kTransfer)], 0.0);
}

TEST_F(DepartmentAllocation, SameWorkerKeepsTheChildAndTriesTheOwnTeamFirst) {
    config_.allocation.practice_model = PracticeModel::kSameWorker;
    two_teams({5.0, 5.0, 20.0}, 0);  // team b's only worker is full
    // A change of stage queues no transfer under same_worker.
    host_.cases.push_back(QueueEntry{true, false, 1, -1, 0});
    host_.assign(0, 0, 0, HandoverKind::kFromQueue);
    host_.assigned.clear();
    allocation_->queue_transfer(0, 0);
    EXPECT_FALSE(host_.cases[0].in_queue);
    // A new case in b's stage waits for b, and only after the wait goes to team a's worker with
    // most room (before going over b's cap).
    const int c = queue_case(1, 0);
    allocation_->allocate(calendar_.add_working_days(0, 4));
    EXPECT_EQ(host_.cases[static_cast<std::size_t>(c)].worker, -1);
    allocation_->allocate(calendar_.add_working_days(0, 5));
    EXPECT_EQ(host_.cases[static_cast<std::size_t>(c)].worker, 1);  // a's most room (post 1)
    EXPECT_DOUBLE_EQ(host_.counts[static_cast<std::size_t>(AllocationCount::kOutOfTeam)], 1.0);
}

}  // namespace
}  // namespace cssim::department::detail
