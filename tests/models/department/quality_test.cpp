/**
 * @file quality_test.cpp
 * @brief Unit tests of the Quality component on a hand-built state: a team of three social
 * workers (posts 0, 1, 2) and cases in a social work stage, an early help stage and a closed one.
 * Harm rates are the same at every need level above 0 and escalation is off unless a test says
 * otherwise, so a harm's rise of need changes nothing that follows.
 */
#include "quality.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <vector>

#include "department_constants.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {
namespace {

/** @brief Records what the Quality component asks of the rest of the model. */
class QualityTestHost final : public QualityHost {
public:
    double quality_supervision(int post) const override {
        return supervision[static_cast<std::size_t>(post)];
    }
    void log_harm(int case_index, core::DayIndex /*day*/) override { harmed.push_back(case_index); }
    void need_rose(int case_index, core::DayIndex /*day*/) override { rose.push_back(case_index); }
    void review_incident(int case_index, bool harm, core::DayIndex /*day*/,
                         bool /*measure*/) override {
        (harm ? harm_reviews : near_miss_reviews).push_back(case_index);
    }

    std::vector<double> supervision{1.0, 1.0, 1.0};
    std::vector<int> harmed, rose, harm_reviews, near_miss_reviews;
};

constexpr int kQualityTestSocialWork = 0;
constexpr int kQualityTestEarlyHelp = 1;
constexpr int kQualityTestClosed = 2;

class DepartmentQuality : public ::testing::Test {
protected:
    DepartmentQuality() {
        PathwayStage social_work;
        social_work.id = "child_in_need";
        social_work.label = "Child in need";
        social_work.kind = StageKind::SocialWork;
        PathwayStage early_help;
        early_help.id = "early_help";
        early_help.label = "Early help";
        early_help.kind = StageKind::EarlyHelp;
        PathwayStage closed;
        closed.id = "closed";
        closed.label = "Closed";
        closed.kind = StageKind::Closed;
        config_.pathway.stages = {social_work, early_help, closed};
        set_daily_harm(0.004);
        config_.quality.escalation_rate_by_need = {0.0, 0.0, 0.0, 0.0, 0.0};
        config_.quality.late_visit_multiplier = 1.0;
        config_.quality.unallocated_multiplier = 1.0;
        config_.quality.handover_multiplier = 1.0;
        config_.quality.handover_risk_wd = 20;
        config_.management.unsupervised_hazard_multiplier = 1.0;
        config_.churn.enabled = false;
    }

    /** @brief Harm with daily probability `p` (before multipliers) at every need above 0. */
    void set_daily_harm(double p) {
        const double yearly = p * kWorkingDaysPerYear;
        config_.quality.harm_rate_by_need = {0.0, yearly, yearly, yearly, yearly};
    }

    Quality& make() {
        quality_.emplace(config_, 7, 0, outputs_, host_, true);
        return *quality_;
    }

    /** @brief `n` open cases at need 3 in `stage`, held in turn by the three workers. */
    static std::vector<Case> cases(int n, int stage = kQualityTestSocialWork) {
        std::vector<Case> out(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            Case& c = out[static_cast<std::size_t>(i)];
            c.active = true;
            c.stage = stage;
            c.need = 3;
            c.worker = i % 3;
        }
        return out;
    }

    /** @brief Harm over `days` working days to 1,000 cases, of which the odd ones get `mark`
     * every morning (the even ones are held by posts 0 and 2, the odd ones by any of the three):
     * {harm to even cases, harm to odd ones}. */
    std::pair<int, int> harm_by_group(const std::function<void(Case&, core::DayIndex)>& mark,
                                      int days = 250) {
        Quality& quality = make();
        std::vector<Case> all = cases(1000);
        for (std::size_t i = 0; i < all.size(); i += 2) {
            all[i].worker = i % 4 == 0 ? 0 : 2;  // even cases: posts 0 and 2
        }
        for (int d = 0; d < days; ++d) {
            const core::DayIndex day = calendar_.add_working_days(0, d);
            for (std::size_t i = 1; i < all.size(); i += 2) {
                mark(all[i], day);
            }
            quality.hazards(day, all, 3, 1.0, true);
            quality.clear_harm_today();
        }
        int even = 0, odd = 0;
        for (int index : host_.harmed) {
            (index % 2 == 0 ? even : odd) += 1;
        }
        return {even, odd};
    }

    /** @brief Odd cases' harm over even cases' harm, expected to be `factor`: with 125,000
     * case-days per group at 0.4% a day the even group expects 500 harms (sd 4.5%), the odd
     * group 500 x factor; the ratio's sd is below 6.5%, so a band of +-20% of `factor` is more
     * than 3 sd wide (and a missing multiplier, ratio 1, lies far outside it). */
    static void expect_ratio(std::pair<int, int> harm, double factor) {
        ASSERT_GT(harm.first, 300);
        const double ratio = static_cast<double>(harm.second) / harm.first;
        EXPECT_NEAR(ratio, factor, 0.2 * factor) << harm.first << " vs " << harm.second;
    }

    DepartmentConfig config_;
    core::WorkingCalendar calendar_{core::Date{2023, 4, 3}, 2};
    Outputs outputs_{false};
    QualityTestHost host_;
    std::optional<Quality> quality_;
};

TEST_F(DepartmentQuality, WithoutMultipliersBothGroupsAreHarmedAlike) {
    expect_ratio(harm_by_group([](Case&, core::DayIndex) {}), 1.0);
}

TEST_F(DepartmentQuality, LateVisitsRaiseTheHazard) {
    config_.quality.late_visit_multiplier = 3.0;
    expect_ratio(harm_by_group([](Case& c, core::DayIndex day) { c.next_visit = day - 1; }), 3.0);
}

TEST_F(DepartmentQuality, UnallocatedCasesRaiseTheHazard) {
    config_.quality.unallocated_multiplier = 2.5;
    expect_ratio(harm_by_group([](Case& c, core::DayIndex) { c.worker = -1; }), 2.5);
}

TEST_F(DepartmentQuality, AHandoverRaisesTheHazard) {
    config_.quality.handover_multiplier = 2.0;
    expect_ratio(harm_by_group([](Case& c, core::DayIndex day) { c.handover_until = day; }), 2.0);
}

TEST_F(DepartmentQuality, RecentChangesOfWorkerRaiseTheHazardWithChurnOn) {
    config_.churn.enabled = true;
    config_.churn.hazard_multiplier_per_recent_change = 1.5;
    // Two changes in the last 12 months: 1.5^2 = 2.25.
    expect_ratio(
        harm_by_group([](Case& c, core::DayIndex day) {
            c.changes = {Case::kNoChange, Case::kNoChange, Case::kNoChange, Case::kNoChange};
            c.change_head = 0;
            c.record_change(day - 10);
            c.record_change(day - 5);
        }),
        2.25);
}

TEST_F(DepartmentQuality, AWorkerWithoutSupervisionMissesMoreRisk) {
    config_.management.unsupervised_hazard_multiplier = 2.0;
    host_.supervision = {1.0, 0.0, 1.0};  // post 1 has no supervision today
    // The odd cases are held by post 1, the even ones by posts 0 and 2.
    expect_ratio(harm_by_group([](Case& c, core::DayIndex) { c.worker = 1; }), 2.0);
}

TEST_F(DepartmentQuality, NoHarmOrEscalationAtNeedZero) {
    config_.quality.late_visit_multiplier = 50.0;
    config_.quality.unallocated_multiplier = 50.0;
    config_.quality.handover_multiplier = 50.0;
    config_.quality.escalation_rate_by_need = {0.0, 5.0, 5.0, 5.0, 5.0};
    Quality& quality = make();
    std::vector<Case> all = cases(300);
    for (Case& c : all) {
        c.need = 0;
        c.worker = -1;
    }
    for (int d = 0; d < 250; ++d) {
        const core::DayIndex day = calendar_.add_working_days(0, d);
        for (Case& c : all) {
            c.next_visit = day - 1;
            c.handover_until = day;
        }
        quality.hazards(day, all, 3, 10.0, true);
        EXPECT_EQ(quality.harm_today(), 0);
    }
    for (const Case& c : all) {
        EXPECT_EQ(c.need, 0);
    }
    EXPECT_TRUE(host_.harmed.empty());
    EXPECT_TRUE(host_.rose.empty());
    EXPECT_DOUBLE_EQ(outputs_.acc.harm_events, 0.0);
}

TEST_F(DepartmentQuality, HarmRaisesNeedAndAsksForAReview) {
    set_daily_harm(0.5);
    Quality& quality = make();
    std::vector<Case> all = cases(200);
    quality.hazards(0, all, 3, 1.0, true);
    const int harmed = quality.harm_today();
    EXPECT_GT(harmed, 60);  // binomial(200, 0.5): 100 +- 7
    EXPECT_EQ(static_cast<int>(host_.harmed.size()), harmed);
    EXPECT_EQ(host_.harm_reviews, host_.harmed);
    EXPECT_EQ(host_.rose, host_.harmed);
    EXPECT_TRUE(host_.near_miss_reviews.empty());
    EXPECT_DOUBLE_EQ(outputs_.acc.harm_events, harmed);
    for (int index : host_.harmed) {
        EXPECT_EQ(all[static_cast<std::size_t>(index)].need, 4);
    }
    quality.clear_harm_today();
    EXPECT_EQ(quality.harm_today(), 0);
}

TEST_F(DepartmentQuality, EscalationRaisesNeedWithANearMissReview) {
    set_daily_harm(0.0);
    config_.quality.escalation_rate_by_need = {0.0, 0.0, 0.5 * kWorkingDaysPerYear, 0.0, 0.0};
    Quality& quality = make();
    std::vector<Case> all = cases(200);
    for (Case& c : all) {
        c.need = 2;
    }
    quality.hazards(0, all, 3, 1.0, false);
    EXPECT_EQ(quality.harm_today(), 0);
    EXPECT_GT(host_.rose.size(), 60U);
    EXPECT_EQ(host_.near_miss_reviews, host_.rose);
    for (int index : host_.rose) {
        EXPECT_EQ(all[static_cast<std::size_t>(index)].need, 3);
    }
}

TEST_F(DepartmentQuality, AHandoversRiskPeriodEndsAfterHandoverRiskWd) {
    // A handover on day 0 marks the case until handover_risk_wd working days on (the model sets
    // handover_until so: department_allocation.cpp, department_workforce.cpp); the hazard is
    // raised through that day and not on the next working day.
    config_.quality.handover_multiplier = 200.0;  // 0.4% -> 80% a day while it lasts
    Quality& quality = make();
    const core::DayIndex until = calendar_.add_working_days(0, config_.quality.handover_risk_wd);
    std::vector<Case> all = cases(1000);
    for (Case& c : all) {
        c.handover_until = until;
    }
    quality.hazards(until, all, 3, 1.0, true);
    EXPECT_GT(quality.harm_today(), 700);  // binomial(1000, 0.8): 800 +- 13
    quality.clear_harm_today();
    quality.hazards(calendar_.add_working_days(until, 1), all, 3, 1.0, true);
    EXPECT_LT(quality.harm_today(), 20);  // binomial(1000, 0.004): 4 +- 2
}

TEST_F(DepartmentQuality, CasesWithoutHazardsTakeNoDraw) {
    // The same seed over [a, inactive, closed, b] and over [a, b]: the same harm to a and b.
    set_daily_harm(0.3);
    std::vector<Case> with_others = cases(4);
    with_others[1].active = false;
    with_others[2].stage = kQualityTestClosed;
    std::vector<Case> plain = {with_others[0], with_others[3]};
    std::vector<int> harmed_with, harmed_plain;
    Quality& first = make();
    for (int d = 0; d < 40; ++d) {
        first.hazards(d, with_others, 3, 1.0, false);
    }
    for (int index : host_.harmed) {
        harmed_with.push_back(index == 3 ? 1 : index);
    }
    host_.harmed.clear();
    Quality& second = make();
    for (int d = 0; d < 40; ++d) {
        second.hazards(d, plain, 3, 1.0, false);
    }
    harmed_plain = host_.harmed;
    EXPECT_FALSE(harmed_plain.empty());
    EXPECT_EQ(harmed_with, harmed_plain);
}

TEST_F(DepartmentQuality, EarlyHelpCasesCountNoChurnAndNoUnallocatedMultiplier) {
    config_.quality.unallocated_multiplier = 1000.0;
    Quality& quality = make();
    std::vector<Case> all = cases(500, kQualityTestEarlyHelp);
    for (Case& c : all) {
        c.worker = -1;
    }
    quality.hazards(0, all, 3, 1.0, true);
    EXPECT_LT(quality.harm_today(), 15);  // binomial(500, 0.004): 2 +- 1.4, not 100%
    EXPECT_DOUBLE_EQ(outputs_.acc.churn_case_days, 0.0);
    EXPECT_DOUBLE_EQ(quality.churn().two_plus_share, 0.0);
}

}  // namespace
}  // namespace cssim::department::detail
