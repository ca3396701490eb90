#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core_test_support.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/statistics.hpp"

namespace cssim::core {
namespace {

using testing::two_sided_z;

TEST(MeanCi, MatchesAHandComputedInterval) {
    const std::vector<double> x{1, 2, 3, 4, 5};
    const ConfidenceInterval ci = mean_ci(x);
    EXPECT_DOUBLE_EQ(ci.mean, 3.0);
    EXPECT_NEAR(ci.sd, std::sqrt(2.5), 1e-14);
    // t(0.975, 4) = 2.776445105 (R: qt(0.975, 4)).
    EXPECT_NEAR(ci.half_width(), 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0), 1e-8);
    EXPECT_EQ(ci.n, 5u);
    EXPECT_TRUE(ci.contains(3.0));
    EXPECT_FALSE(ci.contains(5.0));
}

TEST(MeanCi, HandlesDegenerateSamples) {
    const ConfidenceInterval none = mean_ci(std::vector<double>{});
    EXPECT_TRUE(std::isnan(none.mean));
    EXPECT_TRUE(std::isnan(none.low));
    const ConfidenceInterval one = mean_ci(std::vector<double>{7.0});
    EXPECT_EQ(one.mean, 7.0);
    EXPECT_EQ(one.low, -INFINITY);
    EXPECT_EQ(one.high, INFINITY);
    const ConfidenceInterval same = mean_ci(std::vector<double>{2.0, 2.0, 2.0});
    EXPECT_EQ(same.low, 2.0);
    EXPECT_EQ(same.high, 2.0);
    EXPECT_THROW(mean_ci(std::vector<double>{1.0, 2.0}, 1.0), std::invalid_argument);
}

TEST(MeanCi, CoversTheTrueMeanAtItsNominalRate) {
    // R intervals of n normal observations: the number that cover is Binomial(R, level), so it
    // must lie within level * R +- z * sqrt(R level (1 - level)) (z at failure probability 1e-5).
    constexpr int kIntervals = 4000;
    constexpr int kN = 8;
    for (const double level : {0.90, 0.95, 0.99}) {
        RandomStream rng(static_cast<std::uint64_t>(level * 1000));
        int covered = 0;
        std::vector<double> x(kN);
        for (int r = 0; r < kIntervals; ++r) {
            for (double& v : x) {
                v = 10.0 + 3.0 * rng.standard_normal();
            }
            covered += mean_ci(x, level).contains(10.0) ? 1 : 0;
        }
        const double sd = std::sqrt(kIntervals * level * (1.0 - level));
        EXPECT_NEAR(covered, level * kIntervals, two_sided_z() * sd) << level;
    }
}

TEST(PairedDifferenceCi, IsNarrowerThanWelchUnderCommonRandomNumbers) {
    RandomStream rng(21);
    std::vector<double> a, b;
    for (int i = 0; i < 30; ++i) {
        const double common = 5.0 * rng.standard_normal();  // shared by both scenarios
        a.push_back(100.0 + common + 0.3 * rng.standard_normal());
        b.push_back(101.0 + common + 0.3 * rng.standard_normal());
    }
    const ConfidenceInterval paired = paired_difference_ci(a, b);
    const ConfidenceInterval welch = welch_difference_ci(a, b);
    EXPECT_NEAR(paired.mean, welch.mean, 1e-9);
    EXPECT_LT(paired.half_width(), welch.half_width() / 5.0);
    EXPECT_THROW(paired_difference_ci(a, std::vector<double>{1.0}), std::invalid_argument);
}

TEST(WelchDifferenceCi, MatchesTheWelchSatterthwaiteFormula) {
    const std::vector<double> a{1, 2, 3, 4};
    const std::vector<double> b{2, 4, 6, 8, 10};
    const ConfidenceInterval ci = welch_difference_ci(a, b, 0.95);
    // var(a) = 5/3 over 4, var(b) = 10 over 5; dof = (va + vb)^2 / (va^2 / 3 + vb^2 / 4).
    const double va = (5.0 / 3.0) / 4.0, vb = 10.0 / 5.0;
    const double dof = (va + vb) * (va + vb) / (va * va / 3.0 + vb * vb / 4.0);
    EXPECT_DOUBLE_EQ(ci.mean, 3.5);
    EXPECT_NEAR(ci.half_width(), student_t_quantile(0.975, dof) * std::sqrt(va + vb), 1e-12);
    EXPECT_NEAR(dof, 5.5208, 1e-4);
}

TEST(WelchDifferenceCi, CoversTheTrueDifference) {
    // Unequal variances and sizes; coverage is Binomial as in MeanCi above.
    constexpr int kIntervals = 3000;
    RandomStream rng(31);
    int covered = 0;
    std::vector<double> a(6), b(15);
    for (int r = 0; r < kIntervals; ++r) {
        for (double& v : a) {
            v = 1.0 + 4.0 * rng.standard_normal();
        }
        for (double& v : b) {
            v = 3.0 + 1.0 * rng.standard_normal();
        }
        covered += welch_difference_ci(a, b).contains(2.0) ? 1 : 0;
    }
    // Welch's interval is approximate; its true coverage stays within about 0.5% of nominal at
    // these sizes, so allow that on top of the binomial bound.
    const double sd = std::sqrt(kIntervals * 0.95 * 0.05);
    EXPECT_NEAR(covered, 0.95 * kIntervals, two_sided_z() * sd + 0.005 * kIntervals);
}

TEST(Mser5, TruncatesAtTheEndOfAKnownTransient) {
    // A linear transient from 8 down to 0 over the first 300 observations, then stationary
    // N(0, 1) noise. Deleting d observations leaves a bias of about 8 (300 - d)^2 / 600 / (n - d)
    // in the mean, which exceeds the noise's standard error 1 / sqrt(n - d) until d is close to
    // 300, so MSER's minimum must fall in the transient's last part, and never far beyond it.
    constexpr std::size_t kTransient = 300;
    constexpr std::size_t kLength = 5000;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        RandomStream rng(seed);
        std::vector<double> series(kLength);
        for (std::size_t i = 0; i < kLength; ++i) {
            const double drift =
                i < kTransient ? 8.0 * (1.0 - static_cast<double>(i) / kTransient) : 0.0;
            series[i] = drift + rng.standard_normal();
        }
        const std::size_t cut = mser5_truncation(series);
        EXPECT_EQ(cut % 5, 0u);
        EXPECT_GE(cut, 200u) << seed;
        EXPECT_LE(cut, 600u) << seed;
    }
    EXPECT_EQ(mser5_truncation(std::vector<double>(9, 1.0)), 0u);
}

TEST(Mser5, KeepsAStationarySeriesWhole) {
    RandomStream rng(3);
    std::vector<double> series(4000);
    for (double& v : series) {
        v = rng.standard_normal();
    }
    // No transient: the chosen point is noise, and rarely large.
    EXPECT_LE(mser5_truncation(series), 1000u);
}

TEST(ReplicationsNeeded, FindsTheSmallestSufficientCount) {
    ConfidenceInterval ci = mean_ci(std::vector<double>{10, 12, 9, 11, 13, 8, 10, 12, 11, 9});
    const double target = ci.half_width() / 3.0;
    const std::size_t n = replications_needed(ci, target);
    // Brute force from the definition.
    const auto half = [&](std::size_t k) {
        return student_t_quantile(0.975, static_cast<double>(k - 1)) * ci.sd /
               std::sqrt(static_cast<double>(k));
    };
    std::size_t expected = ci.n;
    while (half(expected) > target) {
        ++expected;
    }
    EXPECT_EQ(n, expected);
    EXPECT_GT(n, 60u);  // a third of the width needs roughly 9 times the replications
    EXPECT_EQ(replications_needed(ci, ci.half_width() * 2.0), ci.n);
    EXPECT_EQ(replications_needed(mean_ci(std::vector<double>{1.0}), 0.1), 2u);
    EXPECT_THROW(replications_needed(ci, 0.0), std::invalid_argument);
}

TEST(WelchMovingAverage, ShrinksTheWindowAtTheStart) {
    const std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<double> ma = welch_moving_average(y, 2);
    // i = 0: y0; i = 1: mean(y0..y2); i >= 2: mean(y[i-2..i+2]); m - w = 6 points.
    ASSERT_EQ(ma.size(), 6u);
    EXPECT_DOUBLE_EQ(ma[0], 1.0);
    EXPECT_DOUBLE_EQ(ma[1], 2.0);
    EXPECT_DOUBLE_EQ(ma[2], 3.0);
    EXPECT_DOUBLE_EQ(ma[5], 6.0);
    const std::vector<double> z{5, 1, 9, 2};
    const std::vector<double> mz = welch_moving_average(z, 1);
    ASSERT_EQ(mz.size(), 3u);
    EXPECT_DOUBLE_EQ(mz[1], 5.0);
    EXPECT_DOUBLE_EQ(mz[2], 4.0);
    EXPECT_EQ(welch_moving_average(z, 0), z);
    EXPECT_TRUE(welch_moving_average(z, 4).empty());
}

}  // namespace
}  // namespace cssim::core
