/**
 * @file workforce_test.cpp
 * @brief Unit tests of the Workforce component on a hand-built state: three employed social
 * workers, no cases; each test drives the component's own events one at a time. Hazard rates
 * are set so high (or to zero) that every draw decides the same way, and durations are fixed.
 */
#include "workforce.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace cssim::department::detail {
namespace {

/** @brief Records what the Workforce tells the rest of the model. */
class WorkforceTestHost final : public WorkforceHost {
public:
    void hand_over_cases(int post) override { handed_over.push_back(post); }
    void cases_to_new_holder(int post, core::DayIndex /*day*/) override {
        taken_over.push_back(post);
    }
    bool is_inadequate(core::DayIndex /*day*/) const override { return false; }
    void count_leaver() override { ++leavers; }

    std::vector<int> handed_over;
    std::vector<int> taken_over;
    int leavers = 0;
};

constexpr double kWorkforceTestCertain = 1e9;  // a yearly rate whose daily chance exceeds 1

class DepartmentWorkforce : public ::testing::Test {
protected:
    DepartmentWorkforce() {
        config_.workforce.social_worker_posts = 3;
        config_.workforce.initial_vacancy_share = 0.0;
        config_.workforce.initial_agency_share = 0.0;
        config_.workforce.initial_newly_qualified_share = 0.0;
        config_.workforce.resignation_rate_at_zero_stress = 0.0;
        config_.workforce.notice_wd = 20;
        config_.sickness.short_spells_per_year_at_zero_stress = 0.0;
        config_.sickness.long_spells_per_year_at_zero_stress = 0.0;
        config_.sickness.long_spells_per_year_other_causes = 0.0;
        config_.sickness.short_duration_wd = core::Distribution::deterministic(3.0);
        config_.sickness.long_duration_wd = core::Distribution::deterministic(40.0);
        config_.recruitment.months_to_fill = core::Distribution::deterministic(2.0);
        config_.recruitment.newly_qualified_share_of_hires = 0.0;
        config_.recruitment.agency_allowed = true;
        config_.recruitment.agency_start_wd = core::Distribution::deterministic(5.0);
        config_.recruitment.agency_contract_months = core::Distribution::deterministic(6.0);
        config_.initial.stress = 0.0;
    }

    /** @brief Three employed posts at day 0 (Monday 3 April 2023, a working day). */
    Workforce& make() {
        workforce_.emplace(config_, calendar_, sim_, outputs_, host_,
                           WorkforceStreams::derive(7, 0), false);
        core::RandomStream initial(11);
        workforce_->initialise(initial, 0);
        return *workforce_;
    }

    /** @brief The day's hazards for post `post` on day 0. */
    void hazards(int post) { workforce_->hazards(post, 0, workforce_->bounds(), 1.0); }

    /** @brief Dispatches the next event of the component (as Model does); returns its kind, or
     * -1 when none is left. */
    int step() {
        int kind = -1;
        sim_.run_until(core::ticks_from_days(3650.0), [&](const core::Event& e) {
            kind = static_cast<int>(e.kind);
            const int post = static_cast<int>(e.target);
            switch (e.kind) {
                case kSicknessEnd:
                    workforce_->on_sickness_end(post, e.payload);
                    break;
                case kNoticeEnd:
                    workforce_->on_notice_end(post, e.payload);
                    break;
                case kHireArrives:
                    workforce_->on_hire(post, e.payload);
                    break;
                case kAgencyArrives:
                    workforce_->on_agency_arrives(post, e.payload);
                    break;
                case kAgencyEnd:
                    workforce_->on_agency_end(post, e.payload);
                    break;
                case kFreezeEnd:
                    workforce_->on_freeze_end(e.payload);
                    break;
                default:
                    break;
            }
            sim_.stop();
        });
        return kind;
    }

    core::DayIndex today() const { return core::day_of(sim_.now()); }
    const Post& post(int index) const {
        return workforce_->posts()[static_cast<std::size_t>(index)];
    }

    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    core::Simulation sim_;
    Outputs outputs_{false};
    WorkforceTestHost host_;
    std::optional<Workforce> workforce_;
};

TEST_F(DepartmentWorkforce, StartsWithEveryPostHeld) {
    Workforce& w = make();
    ASSERT_EQ(w.posts().size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(post(i).contract, Contract::kEmployed) << i;
        EXPECT_TRUE(post(i).is_case_holder()) << i;
    }
    EXPECT_NE(post(0).holder, post(1).holder);
    EXPECT_EQ(step(), -1);  // nothing under way
}

TEST_F(DepartmentWorkforce, AShortSicknessSpellStartsAndEnds) {
    config_.sickness.short_spells_per_year_at_zero_stress = kWorkforceTestCertain;
    make();
    hazards(0);
    EXPECT_TRUE(post(0).sick);
    EXPECT_FALSE(post(0).long_sick);
    EXPECT_EQ(post(0).status(), Status::kSick);
    EXPECT_FALSE(post(1).sick);
    EXPECT_TRUE(host_.handed_over.empty());  // a short spell keeps the cases
    EXPECT_EQ(outputs_.acc.short_spells, 1.0);
    EXPECT_EQ(step(), kSicknessEnd);
    EXPECT_EQ(today(), calendar_.add_working_days(0, 3));  // three working days on
    EXPECT_FALSE(post(0).sick);
    EXPECT_TRUE(post(0).is_case_holder());
}

TEST_F(DepartmentWorkforce, ALongSpellHandsTheCasesOver) {
    config_.sickness.long_spells_per_year_other_causes = kWorkforceTestCertain;
    make();
    hazards(2);
    EXPECT_TRUE(post(2).long_sick);
    EXPECT_EQ(post(2).status(), Status::kLongTermSick);
    EXPECT_EQ(host_.handed_over, std::vector<int>{2});
    EXPECT_EQ(outputs_.acc.long_spells, 1.0);
    EXPECT_EQ(step(), kSicknessEnd);
    EXPECT_FALSE(post(2).sick);
    EXPECT_FALSE(post(2).long_sick);
}

TEST_F(DepartmentWorkforce, AResignationLeadsToNoticeThenVacancyThenRecruitment) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    config_.recruitment.agency_allowed = false;
    make();
    const HolderId leaver = post(1).holder;
    hazards(1);
    EXPECT_TRUE(post(1).on_notice);
    EXPECT_EQ(post(1).status(), Status::kOnNotice);
    EXPECT_TRUE(post(1).hire_pending);  // advertised as soon as the notice is handed in
    EXPECT_TRUE(post(1).is_case_holder());
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_EQ(today(), calendar_.add_working_days(0, 20));  // the notice: 20 working days
    EXPECT_EQ(post(1).contract, Contract::kNone);
    EXPECT_FALSE(post(1).on_notice);
    EXPECT_EQ(post(1).status(), Status::kVacant);
    EXPECT_EQ(host_.handed_over, std::vector<int>{1});
    EXPECT_EQ(host_.leavers, 1);
    EXPECT_EQ(step(), kHireArrives);  // two months after the resignation
    EXPECT_EQ(post(1).contract, Contract::kEmployed);
    EXPECT_NE(post(1).holder, leaver);
    EXPECT_EQ(post(1).status(), Status::kWorking);
    EXPECT_FALSE(post(1).hire_pending);
    EXPECT_EQ(host_.taken_over, std::vector<int>{1});
}

TEST_F(DepartmentWorkforce, AgencyCoverArrivesWhenAllowed) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    make();
    hazards(2);
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_TRUE(post(2).agency_pending);
    EXPECT_EQ(step(), kAgencyArrives);  // five working days after the vacancy
    EXPECT_EQ(post(2).contract, Contract::kAgency);
    EXPECT_TRUE(post(2).hire_pending);  // the permanent hire is still coming
    EXPECT_EQ(step(), kHireArrives);
    EXPECT_EQ(post(2).contract, Contract::kEmployed);  // the agency worker's cases pass on
    EXPECT_EQ(host_.taken_over, std::vector<int>{2});
    EXPECT_EQ(step(), kAgencyEnd);  // the old contract's end: stale, ignored
    EXPECT_EQ(post(2).contract, Contract::kEmployed);
}

TEST_F(DepartmentWorkforce, NoAgencyCoverUnderABan) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    Workforce& w = make();
    w.ban_agency();
    EXPECT_FALSE(w.agency_allowed());
    hazards(2);
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_FALSE(post(2).agency_pending);
    EXPECT_EQ(post(2).contract, Contract::kNone);
    EXPECT_EQ(step(), kHireArrives);
    EXPECT_EQ(post(2).contract, Contract::kEmployed);
    EXPECT_EQ(step(), -1);
}

TEST_F(DepartmentWorkforce, AHiringFreezeStopsRecruitmentUntilItEnds) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    Workforce& w = make();
    w.start_hiring_freeze(3.0);
    EXPECT_FALSE(w.recruitment_allowed());
    EXPECT_FALSE(w.agency_allowed());
    hazards(0);
    EXPECT_FALSE(post(0).hire_pending);  // not advertised during the freeze
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_EQ(post(0).contract, Contract::kNone);
    EXPECT_FALSE(post(0).hire_pending);
    EXPECT_FALSE(post(0).agency_pending);
    EXPECT_EQ(step(), kFreezeEnd);  // three months on: advertised, and agency asked for
    EXPECT_TRUE(w.recruitment_allowed());
    EXPECT_TRUE(post(0).hire_pending);
    EXPECT_TRUE(post(0).agency_pending);
}

TEST_F(DepartmentWorkforce, AnOpenEndedFreezeCancelsAHireUnderWay) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    Workforce& w = make();
    hazards(0);
    EXPECT_TRUE(post(0).hire_pending);
    w.start_hiring_freeze(0.0);  // no end date
    EXPECT_FALSE(post(0).hire_pending);
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_EQ(step(), kHireArrives);  // the cancelled hire's event: stale, ignored
    EXPECT_EQ(post(0).contract, Contract::kNone);
    EXPECT_EQ(step(), -1);
}

TEST_F(DepartmentWorkforce, PostCutsDeleteVacantPostsFirst) {
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    config_.recruitment.agency_allowed = false;
    Workforce& w = make();
    hazards(1);
    EXPECT_EQ(step(), kNoticeEnd);  // post 1 is vacant, its hire under way
    EXPECT_EQ(w.cut_posts(2.0 / 3.0), 2);
    EXPECT_TRUE(post(1).deleted);  // the vacant post goes at once
    EXPECT_EQ(post(1).status(), Status::kDeleted);
    EXPECT_FALSE(post(0).deleted);
    EXPECT_FALSE(post(2).deleted);
    EXPECT_EQ(step(), kHireArrives);  // cancelled with the post
    EXPECT_EQ(post(1).contract, Contract::kNone);
    EXPECT_FALSE(post(1).is_case_holder());
}

TEST_F(DepartmentWorkforce, PostCutsAreSharedAmongTheTeamsByTheirPosts) {
    // Two teams of 3 and 1 posts. A cut of 2 (half of 4): team 0's share is 1.5, team 1's 0.5;
    // the whole parts give (1, 0), and the post left over goes to the larger remainder, a tie
    // (2/4 each) won by the earlier team: quotas (2, 0).
    config_.workforce.social_worker_posts = 4;
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    config_.recruitment.agency_allowed = false;
    Workforce& w = make();
    w.posts()[3].team = 1;  // the host writes the team
    EXPECT_EQ(w.cut_posts(0.5), 2);
    EXPECT_EQ(w.pending_post_cuts(0), 2);
    EXPECT_EQ(w.pending_post_cuts(1), 0);
    EXPECT_EQ(w.pending_post_cuts(), 2);
    // Post 3 (team 1, quota 0) and post 0 (team 0, quota 2) resign on the same day.
    hazards(3);
    hazards(0);
    EXPECT_EQ(step(), kNoticeEnd);
    EXPECT_EQ(step(), kNoticeEnd);
    // Team 1's vacancy keeps its post and its hire under way.
    EXPECT_FALSE(post(3).deleted);
    EXPECT_EQ(post(3).status(), Status::kVacant);
    EXPECT_TRUE(post(3).hire_pending);
    // Team 0's vacancy deletes its post (the hire is cancelled) and uses one of the quota.
    EXPECT_TRUE(post(0).deleted);
    EXPECT_FALSE(post(0).hire_pending);
    EXPECT_EQ(w.pending_post_cuts(0), 1);
    EXPECT_EQ(w.pending_post_cuts(1), 0);
    EXPECT_EQ(step(), kHireArrives);  // the two hires are due together; post 0's is stale
    EXPECT_EQ(step(), kHireArrives);
    EXPECT_FALSE(post(0).is_case_holder());
    EXPECT_EQ(post(3).contract, Contract::kEmployed);
}

TEST_F(DepartmentWorkforce, ALeftoverPostOfACutGoesToTheLargestRemainder) {
    // Teams of 3 and 1 posts, a cut of 3 (three quarters of 4): shares 2.25 and 0.75; the
    // whole parts give (2, 0) and the post left over goes to team 1's larger remainder.
    // Team 1's vacant post goes at once; team 0's two wait for vacancies.
    config_.workforce.social_worker_posts = 4;
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    config_.recruitment.agency_allowed = false;
    Workforce& w = make();
    w.posts()[3].team = 1;
    hazards(3);
    EXPECT_EQ(step(), kNoticeEnd);  // post 3 is vacant before the cut
    EXPECT_EQ(w.cut_posts(0.75), 3);
    EXPECT_TRUE(post(3).deleted);
    EXPECT_EQ(w.pending_post_cuts(0), 2);
    EXPECT_EQ(w.pending_post_cuts(1), 0);
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(post(i).deleted) << i;
    }
}

TEST_F(DepartmentWorkforce, VacanciesAtDayZeroAreAlreadyBeingFilled) {
    config_.workforce.initial_vacancy_share = 1.0;
    // What remains of a recruitment under way is a uniform part of a length-biased draw: with
    // 1,000 months to fill, it ends within the first week with a chance of about 2 in 10,000.
    config_.recruitment.months_to_fill = core::Distribution::deterministic(1000.0);
    make();
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(post(i).status(), Status::kVacant) << i;
        EXPECT_TRUE(post(i).hire_pending) << i;
        EXPECT_TRUE(post(i).agency_pending) << i;
    }
    EXPECT_EQ(step(), kAgencyArrives);  // agency cover comes first (five working days)
    EXPECT_EQ(today(), calendar_.add_working_days(0, 5));
    EXPECT_EQ(post(0).contract, Contract::kAgency);
}

TEST_F(DepartmentWorkforce, AnAgencyContractIsRenewedOrEndsInAVacancy) {
    config_.workforce.initial_agency_share = 1.0;  // agency cover at day 0, hires under way
    config_.recruitment.months_to_fill = core::Distribution::deterministic(100.0);
    config_.recruitment.agency_renewal_probability = 1.0;
    Workforce& w = make();
    EXPECT_EQ(post(0).contract, Contract::kAgency);
    EXPECT_EQ(step(), kAgencyEnd);  // renewed: still agency, nothing handed over
    EXPECT_EQ(post(0).contract, Contract::kAgency);
    EXPECT_TRUE(host_.handed_over.empty());
    config_.recruitment.agency_renewal_probability = 0.0;
    w.on_config_changed(config_);
    int ended = -1;
    while (ended < 0) {
        ASSERT_NE(step(), -1);
        for (int i = 0; i < 3; ++i) {
            ended = post(i).contract == Contract::kNone ? i : ended;
        }
    }
    EXPECT_EQ(host_.handed_over, std::vector<int>{ended});  // the cases move on
    EXPECT_TRUE(post(ended).agency_pending);  // and another agency worker is asked for
}

TEST_F(DepartmentWorkforce, AnAgencyWorkerMayLeaveDuringAnAssignment) {
    config_.workforce.initial_agency_share = 1.0;  // agency cover at day 0, hires under way
    config_.recruitment.months_to_fill = core::Distribution::deterministic(1000.0);
    config_.recruitment.agency_contract_months = core::Distribution::deterministic(1000.0);
    config_.workforce.resignation_rate_at_zero_stress = kWorkforceTestCertain;
    config_.recruitment.agency_resignation_multiplier = 0.0;
    Workforce& w = make();
    hazards(0);
    EXPECT_FALSE(post(0).on_notice);  // multiplier 0: agency workers leave at contract ends only
    config_.recruitment.agency_resignation_multiplier = 1.0;
    config_.recruitment.agency_notice_wd = 20;
    w.on_config_changed(config_);
    hazards(0);
    EXPECT_TRUE(post(0).on_notice);
    int kind = -1;
    while (kind != kNoticeEnd) {
        kind = step();
        ASSERT_NE(kind, -1);
    }
    EXPECT_EQ(today(), calendar_.add_working_days(0, 20));  // four weeks' notice
    EXPECT_EQ(post(0).contract, Contract::kNone);
    EXPECT_FALSE(post(0).on_notice);
    EXPECT_EQ(host_.handed_over, std::vector<int>{0});  // the children need another worker
    EXPECT_EQ(host_.leavers, 0);                        // not turnover: employed staff only
    EXPECT_EQ(outputs_.acc.employed_leavers, 0.0);
    EXPECT_TRUE(post(0).agency_pending);  // agency cover is asked for again
}

}  // namespace
}  // namespace cssim::department::detail
