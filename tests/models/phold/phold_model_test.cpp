// PHOLD in process: identical results for every thread count and LP-to-thread partition, and the
// number of events processed against renewal theory.
#include "cssim/phold/phold_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace cssim::phold {
namespace {

PholdConfig small_config() {
    PholdConfig config;
    config.lps = 37;
    config.events_per_lp = 8;
    config.remote_fraction = 0.25;
    config.mean_delay = 1.0;
    config.lookahead = 0.1;
    config.horizon = 300.0;
    return config;
}

PholdRunStats run(int threads, std::vector<std::uint32_t> partition = {}) {
    PholdRunOptions options;
    options.threads = threads;
    options.partition = std::move(partition);
    return simulate(small_config(), 11, 3, options);
}

void expect_same(const PholdRunStats& a, const PholdRunStats& b) {
    EXPECT_EQ(a.events_per_lp, b.events_per_lp);
    EXPECT_EQ(a.events_processed, b.events_processed);
    EXPECT_EQ(a.remote_messages, b.remote_messages);
    EXPECT_EQ(a.epochs, b.epochs);
}

TEST(Phold, SameResultsForEveryThreadCountAndPartition) {
    const PholdRunStats reference = run(1);
    ASSERT_GT(reference.remote_messages, 1000u) << "enough traffic between LPs to matter";
    const std::uint32_t n = 37;
    std::vector<std::uint32_t> round_robin(n), reversed(n), shuffled(n), singletons(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        round_robin[i] = i % 2;
        reversed[i] = i < n / 3 ? 2 : (i < 2 * n / 3 ? 1 : 0);
        shuffled[i] = (i * 17 + 5) % 7;  // a fixed scatter over 7 groups
        singletons[i] = n - 1 - i;
    }
    for (int threads : {2, 8}) {
        SCOPED_TRACE(threads);
        expect_same(run(threads), reference);
        expect_same(run(threads, round_robin), reference);
        expect_same(run(threads, reversed), reference);
        expect_same(run(threads, shuffled), reference);
        expect_same(run(threads, singletons), reference);
    }
    expect_same(run(1, shuffled), reference);
}

TEST(Phold, OtherSeedsAndReplicationsGiveOtherResults) {
    const PholdRunStats a = simulate(small_config(), 11, 3);
    const PholdRunStats b = simulate(small_config(), 11, 4);
    const PholdRunStats c = simulate(small_config(), 12, 3);
    EXPECT_NE(a.events_per_lp, b.events_per_lp);
    EXPECT_NE(a.events_per_lp, c.events_per_lp);
}

TEST(Phold, EventCountMatchesRenewalTheory) {
    // Each of N = lps x events_per_lp events is an independent delayed renewal process: the first
    // gap is Exp(m) (mean m), later gaps L + Exp(m) (mean mu = L + m, variance s2 = m^2), whatever
    // LP they visit. Expected renewals by T: T/mu + (s2 + mu^2)/(2 mu^2) - m/mu; the variance of
    // the count is about T s2 / mu^3 per process (Cox 1962). With N = 296, T = 300, m = 1,
    // L = 0.1: mean 296 x 272.73 = 80,728, sd = sqrt(296 x 300 / 1.331) = 258. The tolerance of
    // 1,300 is 5 sd: a correct model fails about once in 1.7 million runs.
    const PholdConfig config = small_config();
    const double mu = config.lookahead + config.mean_delay;
    const double s2 = config.mean_delay * config.mean_delay;
    const double n = config.lps * config.events_per_lp;
    const double expected =
        n * (config.horizon / mu + (s2 + mu * mu) / (2 * mu * mu) - config.mean_delay / mu);
    const PholdRunStats stats = simulate(config, 5, 0);
    EXPECT_NEAR(static_cast<double>(stats.events_processed), expected, 1300.0);
    EXPECT_EQ(stats.epochs, 3000u);
    EXPECT_EQ(
        std::accumulate(stats.events_per_lp.begin(), stats.events_per_lp.end(), std::uint64_t{0}),
        stats.events_processed);
    // Every processed event sends remotely with probability 0.25, independently: binomial with
    // sd sqrt(81,000 x 0.25 x 0.75) = 123 messages, 0.0015 as a share; 5 sd = 0.0077.
    EXPECT_NEAR(
        static_cast<double>(stats.remote_messages) / static_cast<double>(stats.events_processed),
        config.remote_fraction, 0.0077);
}

TEST(Phold, OneLpOrNoRemoteFractionSendsNothing) {
    PholdConfig config = small_config();
    config.remote_fraction = 0.0;
    EXPECT_EQ(simulate(config, 1, 0).remote_messages, 0u);
    config.lps = 1;
    PholdRunOptions four;
    four.threads = 4;
    const PholdRunStats one = simulate(config, 1, 0, four);
    EXPECT_EQ(one.remote_messages, 0u);
    EXPECT_GT(one.events_processed, 0u);
}

TEST(Phold, RecordCarriesTheFiveMetricsInOrder) {
    const auto record = run_replication(small_config(), 11, 3);
    ASSERT_TRUE(record.has_value());
    std::vector<std::string> names;
    for (const auto& m : record->metrics)
        names.push_back(m.name);
    EXPECT_EQ(names,
              (std::vector<std::string>{"events_processed", "remote_messages", "events_per_lp_min",
                                        "events_per_lp_max", "epochs"}));
    const PholdRunStats stats = run(1);
    EXPECT_EQ(record->metrics[0].value, static_cast<double>(stats.events_processed));
    EXPECT_EQ(record->metrics[2].value,
              static_cast<double>(
                  *std::min_element(stats.events_per_lp.begin(), stats.events_per_lp.end())));
}

TEST(Phold, ReportsTheShareOfEpochsDone) {
    std::vector<double> shares;
    PholdRunOptions options;
    options.threads = 2;
    options.on_progress = [&](double share) { shares.push_back(share); };
    const PholdRunStats stats = simulate(small_config(), 11, 3, options);
    // 3,000 epochs: every kProgressEpochs (256) epochs, 11 times, then after the last.
    ASSERT_EQ(shares.size(), stats.epochs / kProgressEpochs + 1);
    EXPECT_DOUBLE_EQ(shares.front(), 256.0 / 3000.0);
    EXPECT_TRUE(std::is_sorted(shares.begin(), shares.end()));
    EXPECT_DOUBLE_EQ(shares.back(), 1.0);
}

TEST(Phold, CancelledRunReturnsNoRecord) {
    std::atomic<bool> cancel{true};
    PholdRunOptions options;
    options.cancel = &cancel;
    EXPECT_FALSE(run_replication(small_config(), 11, 3, options).has_value());
}

}  // namespace
}  // namespace cssim::phold
