/**
 * @file quality_closure_test.cpp
 * @brief Unit tests of the Quality component as a case leaves a stage (quality_closure.cpp) on
 * hand-built cases: a rushed assessment's error, likelier without supervision, and the losses to
 * a closure's chance of meeting need from late visits and handovers.
 */
#include <gtest/gtest.h>

#include <vector>

#include "cssim/core/random.hpp"
#include "department_state.hpp"
#include "quality.hpp"

namespace cssim::department::detail {
namespace {

/** @brief Supervision by post; records that no post below 0 is asked about. */
class QualityClosureTestHost final : public QualityHost {
public:
    double quality_supervision(int post) const override {
        EXPECT_GE(post, 0);
        return post >= 0 ? supervision[static_cast<std::size_t>(post)] : 1.0;
    }
    void log_harm(int /*case_index*/, core::DayIndex /*day*/) override {}
    void need_rose(int /*case_index*/, core::DayIndex /*day*/) override {}
    void review_incident(int /*case_index*/, bool /*harm*/, core::DayIndex /*day*/,
                         bool /*measure*/) override {}

    std::vector<double> supervision{1.0, 0.5, 0.0};  ///< posts 0, 1, 2
};

class DepartmentQualityClosure : public ::testing::Test {
protected:
    DepartmentQualityClosure() {
        config_.quality.rushed_error_probability = 0.5;
        config_.management.unsupervised_error_multiplier = 2.0;
        config_.quality.resolution_loss_per_late_share = 0.1;
        config_.quality.resolution_loss_per_handover = 0.02;
        stage_.id = "child_in_need";
        stage_.kind = StageKind::SocialWork;
        stage_.resolution_probability_by_need = {1.0, 0.9, 0.75, 0.6, 0.5};
    }

    /** @brief The share of `n` rushed assessments at need 2 by post `worker` (-1: none) that
     * conclude another need. */
    double misjudged_share(int worker, int n = 4000) {
        const Quality quality(config_, 11, 0, outputs_, host_, false);
        Case c;
        c.need = 2;  // a misjudgement always moves it (to 1 or 3)
        c.rushed = true;
        c.worker = worker;
        core::RandomStream rng(21);
        int misjudged = 0;
        for (int i = 0; i < n; ++i) {
            const int need = quality.assessed_need(c, rng);
            EXPECT_TRUE(need == 1 || need == 2 || need == 3) << need;
            misjudged += need != 2 ? 1 : 0;
        }
        return static_cast<double>(misjudged) / n;
    }

    DepartmentConfig config_;
    PathwayStage stage_;
    Outputs outputs_{false};
    QualityClosureTestHost host_;
};

TEST_F(DepartmentQualityClosure, ARushedErrorStandsMoreOftenWithoutSupervision) {
    // Chances: 0.5 supervised (post 0) or without a worker, 0.5 x (1 + 1 x 0.5) = 0.75 at half
    // supervision (post 1), min(1, 0.5 x 2) = 1 unsupervised (post 2). With 4,000 assessments a
    // share's sd is at most sqrt(0.25 / 4000) = 0.008: +-0.04 is 5 sd, and the next chance is
    // 0.25 away.
    EXPECT_NEAR(misjudged_share(0), 0.5, 0.04);
    EXPECT_NEAR(misjudged_share(-1), 0.5, 0.04);
    EXPECT_NEAR(misjudged_share(1), 0.75, 0.04);
    EXPECT_EQ(misjudged_share(2), 1.0);
}

TEST_F(DepartmentQualityClosure, AnAssessmentNotRushedKeepsTheTrueNeedAndDrawsNothing) {
    const Quality quality(config_, 11, 0, outputs_, host_, false);
    Case c;
    c.need = 3;
    c.worker = 2;  // unsupervised: a rushed assessment would always be misjudged
    core::RandomStream rng(21);
    core::RandomStream same(21);
    EXPECT_EQ(quality.assessed_need(c, rng), 3);
    EXPECT_EQ(rng.uniform01(), same.uniform01());
    // Rushed: one draw for the error, one for its direction.
    c.rushed = true;
    EXPECT_NE(quality.assessed_need(c, rng), 3);
    same.uniform01();
    same.uniform01();
    EXPECT_EQ(rng.uniform01(), same.uniform01());
}

TEST_F(DepartmentQualityClosure, LateVisitsAndHandoversLowerTheChanceThatNeedWasMet) {
    const Quality quality(config_, 11, 0, outputs_, host_, false);
    Case c;
    c.need = 3;
    EXPECT_DOUBLE_EQ(quality.resolution_probability(stage_, c), 0.6);  // no visits yet
    c.need = 2;
    c.visits_done = 3;
    c.visits_late = 1;
    c.handovers = 2;
    // 0.75 - 0.1 x 1/4 late - 0.02 x 2 handovers.
    EXPECT_DOUBLE_EQ(quality.resolution_probability(stage_, c), 0.75 - 0.025 - 0.04);
    c.handovers = 100;
    EXPECT_EQ(quality.resolution_probability(stage_, c), 0.0);  // never below 0
    config_.quality.resolution_loss_per_handover = -0.5;        // config is read when asked
    c.need = 0;
    c.handovers = 1;
    EXPECT_EQ(quality.resolution_probability(stage_, c), 1.0);  // never above 1
}

}  // namespace
}  // namespace cssim::department::detail
