#include "cssim/core/distribution.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core_test_support.hpp"

namespace cssim::core {
namespace {

using testing::chi_square_p_value;
using testing::invert_cdf;
using testing::kCheckFailureProbability;
using testing::two_sided_z;

constexpr int kSamples = 200000;

struct Case {
    std::string label;
    Distribution dist;
    double fourth_central_moment;  ///< mu4 from theory, for the variance of the sample variance
};

double sq(double x) {
    return x * x;
}

std::vector<Case> cases() {
    std::vector<Case> out;
    const auto add = [&](std::string label, Distribution d, double kurtosis) {
        out.push_back({std::move(label), d, kurtosis * sq(d.variance())});
    };
    // mu4 = kurtosis * sigma^4, kurtosis from the standard formulas.
    add("exponential", Distribution::exponential(2.0), 9.0);
    add("uniform", Distribution::uniform(1.0, 4.0), 9.0 / 5.0);
    {
        const double s2 = std::log1p(sq(1.5 / 3.0));
        add("lognormal", Distribution::lognormal(3.0, 1.5),
            std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 3.0);
    }
    add("gamma_shape4", Distribution::gamma(2.0, 1.0), 3.0 + 6.0 / 4.0);
    add("gamma_shape0.25", Distribution::gamma(1.0, 2.0), 3.0 + 6.0 / 0.25);
    add("triangular", Distribution::triangular(0.0, 1.0, 5.0), 2.4);
    add("normal", Distribution::normal(-1.0, 2.0), 3.0);
    {
        const double p = 0.3;
        add("bernoulli", Distribution::bernoulli(p), (1.0 - 3.0 * p * (1.0 - p)) / (p * (1.0 - p)));
    }
    {
        const Distribution d = Distribution::empirical({1.0, 2.0, 5.0, 10.0}, {1.0, 2.0, 3.0, 4.0});
        double mu4 = 0.0;
        for (std::size_t i = 0; i < 4; ++i) {
            mu4 += d.weights()[i] / 10.0 * std::pow(d.values()[i] - d.mean(), 4);
        }
        out.push_back({"empirical", d, mu4});
    }
    return out;
}

TEST(Distribution, SampleMeanAndVarianceMatchTheory) {
    // Mean: CLT bound z * sigma / sqrt(n). Sample variance: approximately normal with
    // Var(s^2) = (mu4 - sigma^4 (n - 3) / (n - 1)) / n. z puts each check's failure probability
    // at 1e-5.
    const double z = two_sided_z();
    std::uint64_t seed = 100;
    for (const Case& c : cases()) {
        RandomStream rng(++seed);
        Tally t;
        for (int i = 0; i < kSamples; ++i) {
            t.add(c.dist.sample(rng));
        }
        const double n = kSamples;
        const double var = c.dist.variance();
        EXPECT_NEAR(t.mean(), c.dist.mean(), z * std::sqrt(var / n)) << c.label;
        const double var_of_s2 = (c.fourth_central_moment - var * var * (n - 3) / (n - 1)) / n;
        EXPECT_NEAR(t.variance(), var, z * std::sqrt(var_of_s2)) << c.label;
    }
}

TEST(Distribution, ContinuousSamplesFitTheirCdf) {
    // Chi-square over 40 equiprobable bins (edges found by inverting the CDF); fails when the
    // p-value drops below the per-check failure probability.
    constexpr int kBins = 40;
    const std::vector<std::pair<std::string, Distribution>> fits{
        {"exponential", Distribution::exponential(2.0)},
        {"uniform", Distribution::uniform(1.0, 4.0)},
        {"lognormal", Distribution::lognormal(3.0, 1.5)},
        {"lognormal_wide", Distribution::lognormal(1.0, 3.0)},
        {"gamma_shape4", Distribution::gamma(2.0, 1.0)},
        {"gamma_shape0.25", Distribution::gamma(1.0, 2.0)},
        {"triangular", Distribution::triangular(0.0, 1.0, 5.0)},
        {"normal", Distribution::normal(-1.0, 2.0)},
    };
    std::uint64_t seed = 200;
    for (const auto& [label, dist] : fits) {
        std::vector<double> edges;
        for (int b = 1; b < kBins; ++b) {
            edges.push_back(invert_cdf([&](double x) { return dist.cdf(x); },
                                       static_cast<double>(b) / kBins, -1e3, 1e3));
        }
        std::vector<double> counts(kBins, 0.0);
        RandomStream rng(++seed);
        for (int i = 0; i < kSamples; ++i) {
            const double x = dist.sample(rng);
            counts[static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), x) -
                                            edges.begin())] += 1.0;
        }
        EXPECT_GT(chi_square_p_value(counts, std::vector<double>(kBins, 1.0 / kBins)),
                  kCheckFailureProbability)
            << label;
    }
}

TEST(Distribution, EmpiricalSamplesFitTheirWeights) {
    const Distribution d = Distribution::empirical({7.0, -1.0, 3.5, 2.0}, {0.1, 0.2, 0.3, 0.4});
    std::vector<double> counts(4, 0.0);
    RandomStream rng(300);
    for (int i = 0; i < kSamples; ++i) {
        const double x = d.sample(rng);
        const auto it = std::find(d.values().begin(), d.values().end(), x);
        ASSERT_NE(it, d.values().end());
        counts[static_cast<std::size_t>(it - d.values().begin())] += 1.0;
    }
    EXPECT_GT(chi_square_p_value(counts, {0.1, 0.2, 0.3, 0.4}), kCheckFailureProbability);
    EXPECT_DOUBLE_EQ(d.cdf(2.0), 0.2 + 0.4);
    EXPECT_DOUBLE_EQ(d.cdf(-2.0), 0.0);
    EXPECT_DOUBLE_EQ(d.cdf(7.0), 1.0);
    // Empty weights mean equal weights.
    EXPECT_DOUBLE_EQ(Distribution::empirical({1.0, 2.0, 3.0, 4.0}).mean(), 2.5);
}

TEST(Distribution, DeterministicAlwaysGivesItsValue) {
    const Distribution d = Distribution::deterministic(4.5);
    RandomStream rng(1);
    for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(d.sample(rng), 4.5);
    }
    EXPECT_EQ(d.variance(), 0.0);
    EXPECT_EQ(Distribution().sample(rng), 0.0);
}

TEST(Distribution, CdfsMatchKnownValues) {
    // Gamma with shape 1 is exponential; the lognormal's median is exp(mu).
    const Distribution g = Distribution::gamma(2.0, 2.0);
    for (const double x : {0.1, 1.0, 2.0, 7.5}) {
        EXPECT_NEAR(g.cdf(x), 1.0 - std::exp(-x / 2.0), 1e-13);
    }
    const Distribution ln = Distribution::lognormal(3.0, 1.5);
    const double median = 3.0 / std::sqrt(1.0 + 0.25);
    EXPECT_NEAR(ln.cdf(median), 0.5, 1e-13);
    EXPECT_NEAR(Distribution::normal(0.0, 1.0).cdf(1.959963984540054), 0.975, 1e-12);
    // Triangular(0, 1, 5): F(1) = (1 - 0)^2 / (5 * 1) = 0.2.
    EXPECT_NEAR(Distribution::triangular(0.0, 1.0, 5.0).cdf(1.0), 0.2, 1e-15);
    EXPECT_EQ(Distribution::bernoulli(0.3).cdf(0.5), 0.7);
}

void expect_rejected(const std::function<void()>& make, const std::string& parameter) {
    try {
        make();
        ADD_FAILURE() << "no exception for bad " << parameter;
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find(parameter), std::string::npos) << e.what();
    }
}

TEST(Distribution, RejectsInvalidParametersNamingThem) {
    expect_rejected([] { Distribution::exponential(0.0); }, "mean");
    expect_rejected([] { Distribution::exponential(-1.0); }, "mean");
    expect_rejected([] { Distribution::exponential(NAN); }, "mean");
    expect_rejected([] { Distribution::deterministic(INFINITY); }, "value");
    expect_rejected([] { Distribution::uniform(2.0, 1.0); }, "max");
    expect_rejected([] { Distribution::lognormal(-1.0, 1.0); }, "mean");
    expect_rejected([] { Distribution::lognormal(1.0, 0.0); }, "sd");
    expect_rejected([] { Distribution::gamma(0.0, 1.0); }, "mean");
    expect_rejected([] { Distribution::gamma(1.0, -2.0); }, "sd");
    expect_rejected([] { Distribution::triangular(1.0, 0.5, 2.0); }, "mode");
    expect_rejected([] { Distribution::triangular(1.0, 1.0, 1.0); }, "max");
    expect_rejected([] { Distribution::empirical({}); }, "values");
    expect_rejected([] { Distribution::empirical({1.0, 2.0}, {1.0}); }, "weights");
    expect_rejected([] { Distribution::empirical({1.0, 2.0}, {1.0, -1.0}); }, "weights");
    expect_rejected([] { Distribution::empirical({1.0, 2.0}, {0.0, 0.0}); }, "weights");
    expect_rejected([] { Distribution::bernoulli(1.5); }, "p");
    expect_rejected([] { Distribution::normal(0.0, -1.0); }, "sd");
}

TEST(Distribution, NamesEveryKind) {
    const std::vector<std::string_view> names = Distribution::kind_names();
    EXPECT_EQ(names.size(), 9u);
    for (std::size_t i = 0; i < names.size(); ++i) {
        Distribution::Kind kind{};
        ASSERT_TRUE(Distribution::parse_kind(names[i], kind));
        EXPECT_EQ(static_cast<std::size_t>(kind), i);
    }
    Distribution::Kind kind{};
    EXPECT_FALSE(Distribution::parse_kind("poisson", kind));
    EXPECT_EQ(Distribution::gamma(1.0, 1.0).kind_name(), "gamma");
    EXPECT_EQ(Distribution::exponential(1.0).kind(), Distribution::Kind::Exponential);
}

TEST(Distribution, ConvertsDaysToNonNegativeTicks) {
    RandomStream rng(2);
    EXPECT_EQ(Distribution::deterministic(1.5).sample_ticks_from_days(rng), 2160);
    EXPECT_EQ(Distribution::deterministic(-3.0).sample_ticks_from_days(rng), 0);
    EXPECT_EQ(Distribution::normal(-50.0, 1.0).sample_ticks_from_days(rng), 0);
}

}  // namespace
}  // namespace cssim::core
