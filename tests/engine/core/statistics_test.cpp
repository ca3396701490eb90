#include "cssim/core/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core_test_support.hpp"
#include "cssim/core/random.hpp"

namespace cssim::core {
namespace {

TEST(Tally, MatchesTwoPassMeanAndVariance) {
    RandomStream rng(1);
    std::vector<double> xs;
    Tally t;
    for (int i = 0; i < 10000; ++i) {
        // A large offset is where a naive sum-of-squares formula loses all its digits.
        const double x = 1e8 + rng.standard_normal() * 3.0;
        xs.push_back(x);
        t.add(x);
    }
    double mean = 0.0;
    for (const double x : xs) {
        mean += x;
    }
    mean /= static_cast<double>(xs.size());
    double ss = 0.0;
    for (const double x : xs) {
        ss += (x - mean) * (x - mean);
    }
    EXPECT_EQ(t.count(), xs.size());
    EXPECT_NEAR(t.mean(), mean, 1e-12 * mean);
    EXPECT_NEAR(t.variance(), ss / static_cast<double>(xs.size() - 1), 1e-6);
    EXPECT_EQ(t.min(), *std::min_element(xs.begin(), xs.end()));
    EXPECT_EQ(t.max(), *std::max_element(xs.begin(), xs.end()));
    EXPECT_NEAR(t.sum(), mean * static_cast<double>(xs.size()), 1e-13 * t.sum());
}

TEST(Tally, MergesLikeOneTally) {
    RandomStream rng(2);
    Tally whole, a, b, empty;
    for (int i = 0; i < 1000; ++i) {
        const double x = rng.exponential(3.0);
        whole.add(x);
        (i < 300 ? a : b).add(x);
    }
    Tally merged = a;
    merged.merge(b);
    merged.merge(empty);
    EXPECT_EQ(merged.count(), whole.count());
    EXPECT_NEAR(merged.mean(), whole.mean(), 1e-12);
    EXPECT_NEAR(merged.variance(), whole.variance(), 1e-10);
    EXPECT_EQ(merged.min(), whole.min());
    EXPECT_EQ(merged.max(), whole.max());
    empty.merge(a);
    EXPECT_EQ(empty.mean(), a.mean());
}

TEST(Tally, IsNaNWhenTooSmall) {
    Tally t;
    EXPECT_TRUE(std::isnan(t.mean()));
    t.add(4.0);
    EXPECT_EQ(t.mean(), 4.0);
    EXPECT_TRUE(std::isnan(t.variance()));
    t.reset();
    EXPECT_EQ(t.count(), 0u);
}

TEST(TimeWeighted, AveragesAPiecewiseConstantQuantity) {
    TimeWeighted q(0, 2.0);
    q.set(10, 4.0);   // 2 on [0, 10)
    q.add(15, -3.0);  // 4 on [10, 15), then 1
    EXPECT_EQ(q.current(), 1.0);
    EXPECT_DOUBLE_EQ(q.integral(20), 2.0 * 10 + 4.0 * 5 + 1.0 * 5);
    EXPECT_DOUBLE_EQ(q.mean(20), 45.0 / 20.0);
    EXPECT_EQ(q.mean(0 + 0 * 1), 1.0);  // until == start: the current value
    q.restart(20);                      // warm-up ends: forget [0, 20)
    EXPECT_EQ(q.start(), 20);
    q.set(30, 5.0);
    EXPECT_DOUBLE_EQ(q.mean(40), (1.0 * 10 + 5.0 * 10) / 20.0);
    EXPECT_THROW(q.set(25, 1.0), std::logic_error);
    EXPECT_THROW(q.integral(29), std::logic_error);
}

TEST(Quantile, MatchesRType7) {
    // Values from R: quantile(c(1, 2, 3, 4, 5, 10), c(0, .1, .25, .5, .9, 1), type = 7)
    const std::vector<double> x{10, 3, 1, 5, 2, 4};
    EXPECT_DOUBLE_EQ(quantile(x, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(quantile(x, 0.1), 1.5);
    EXPECT_DOUBLE_EQ(quantile(x, 0.25), 2.25);
    EXPECT_DOUBLE_EQ(quantile(x, 0.5), 3.5);
    EXPECT_DOUBLE_EQ(quantile(x, 0.9), 7.5);
    EXPECT_DOUBLE_EQ(quantile(x, 1.0), 10.0);
    // quantile(c(3.2, 1.1, 7.4, 2.2), 0.33) = 2.189
    EXPECT_NEAR(quantile({3.2, 1.1, 7.4, 2.2}, 0.33), 2.189, 1e-12);
    EXPECT_DOUBLE_EQ(median({5.0}), 5.0);
    EXPECT_TRUE(std::isnan(quantile({}, 0.5)));
    EXPECT_THROW(quantile({1.0}, 1.5), std::invalid_argument);
}

TEST(StudentT, MatchesTableQuantiles) {
    // Printed tables give 4 decimals, so agreement to 5e-5 is all they can show.
    EXPECT_NEAR(student_t_quantile(0.975, 1), 12.7062, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.975, 9), 2.2622, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.975, 29), 2.0452, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.995, 29), 2.7564, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.975, 2), 4.3027, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.95, 4), 2.1318, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.025, 9), -2.2622, 5e-5);
    EXPECT_NEAR(student_t_quantile(0.975, 1e9), 1.959963984540054, 1e-8);
    EXPECT_NEAR(student_t_quantile(0.975, 1e5), 1.959963984540054, 1e-4);
    EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
}

TEST(StudentT, QuantileInvertsCdf) {
    for (const double dof : {1.0, 1.5, 2.0, 3.0, 4.7, 10.0, 29.0, 100.0, 1000.0}) {
        for (const double p : {1e-6, 0.001, 0.025, 0.2, 0.5, 0.6, 0.975, 0.995, 0.999999}) {
            const double t = student_t_quantile(p, dof);
            EXPECT_NEAR(student_t_cdf(t, dof), p, 1e-10 * std::max(1.0, p / (1 - p)))
                << dof << " " << p;
        }
    }
    // t with 1 dof is Cauchy: F(1) = 0.75.
    EXPECT_NEAR(student_t_cdf(1.0, 1.0), 0.75, 1e-14);
    EXPECT_NEAR(student_t_cdf(-2.2622, 9), 0.025, 2e-6);
}

TEST(NormalQuantile, MatchesKnownValuesAndInvertsTheCdf) {
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
    EXPECT_NEAR(normal_quantile(0.841344746068543), 1.0, 1e-12);
    EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-9);
    EXPECT_NEAR(normal_quantile(1.0 - 1e-10), 6.361340902404056, 1e-5);
    EXPECT_EQ(normal_quantile(0.0), -INFINITY);
    EXPECT_TRUE(std::isnan(normal_quantile(1.5)));
}

TEST(ChiSquare, MatchesKnownTailProbabilities) {
    EXPECT_NEAR(chi_square_sf(3.841458820694124, 1), 0.05, 1e-12);
    EXPECT_NEAR(chi_square_sf(18.307038053275146, 10), 0.05, 1e-12);
    EXPECT_NEAR(chi_square_sf(6.634896601021214, 1), 0.01, 1e-12);
    EXPECT_NEAR(chi_square_sf(124.342113404, 100), 0.05, 1e-6);
    for (const double x : {0.1, 1.0, 5.0, 40.0}) {
        EXPECT_NEAR(chi_square_sf(x, 2), std::exp(-x / 2), 1e-14);  // exact for k = 2
    }
    EXPECT_EQ(chi_square_sf(0.0, 3), 1.0);
}

}  // namespace
}  // namespace cssim::core
