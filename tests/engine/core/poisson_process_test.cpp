#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core_test_support.hpp"
#include "cssim/core/distribution.hpp"

namespace cssim::core {
namespace {

using testing::two_sided_z;

TEST(PiecewisePoissonProcess, CountsPerSegmentMatchExpectedCounts) {
    // Segments [0, 10 d) at 5/day, [10 d, 12 d) at 0, [12 d, 12.5 d) at 40/day, then 2/day.
    const std::vector<Tick> starts{0, 10 * kTicksPerDay, 12 * kTicksPerDay,
                                   12 * kTicksPerDay + kTicksPerDay / 2};
    const PiecewisePoissonProcess process(starts, {5.0, 0.0, 40.0, 2.0});
    const Tick end = 20 * kTicksPerDay;
    EXPECT_DOUBLE_EQ(process.expected_count(0, end), 50.0 + 0.0 + 20.0 + 2.0 * 7.5);
    EXPECT_DOUBLE_EQ(process.expected_count(5 * kTicksPerDay, 11 * kTicksPerDay), 25.0);

    // Over R replications the total count in a segment is Poisson with mean R * expected, so
    // its sd is sqrt(R * expected): a CLT bound at 1e-5 per segment.
    constexpr int kReplications = 2000;
    std::vector<double> counts(4, 0.0);
    for (int r = 0; r < kReplications; ++r) {
        RandomStream rng = RandomStream::derive(9, static_cast<std::uint64_t>(r), "arrivals");
        Tick t = 0;
        for (;;) {
            t = process.next_arrival(t, rng);
            if (t >= end) {
                break;
            }
            const auto seg = std::upper_bound(starts.begin(), starts.end(), t) - starts.begin() - 1;
            counts[static_cast<std::size_t>(seg)] += 1.0;
        }
    }
    for (std::size_t s = 0; s < 4; ++s) {
        const Tick to = s + 1 < starts.size() ? starts[s + 1] : end;
        const double expected = kReplications * process.expected_count(starts[s], to);
        if (expected == 0.0) {
            EXPECT_EQ(counts[s], 0.0) << "segment " << s;
        } else {
            EXPECT_NEAR(counts[s], expected, two_sided_z() * std::sqrt(expected))
                << "segment " << s;
        }
    }
}

TEST(PiecewisePoissonProcess, ReturnsNeverWhenTheRateStaysZero) {
    const PiecewisePoissonProcess stops({0, 100}, {3.0, 0.0});
    RandomStream rng(1);
    EXPECT_EQ(stops.next_arrival(100, rng), kTickMax);
    EXPECT_EQ(stops.next_arrival(5000, rng), kTickMax);
    const PiecewisePoissonProcess never({0}, {0.0});
    EXPECT_EQ(never.next_arrival(0, rng), kTickMax);
    EXPECT_EQ(PiecewisePoissonProcess().next_arrival(0, rng), kTickMax);
}

TEST(PiecewisePoissonProcess, UsesExactlyOneDrawPerArrival) {
    // Common random numbers need a fixed number of draws per arrival, whatever the rates.
    const PiecewisePoissonProcess process({0, 1000, 2000}, {1.0, 0.0, 500.0});
    RandomStream a(77);
    RandomStream b(77);
    Tick t = 0;
    for (int i = 0; i < 100; ++i) {
        const Tick next = process.next_arrival(t, a);
        EXPECT_GE(next, t);
        t = next;
        b.uniform01();
        ASSERT_EQ(a.next_u64(), b.next_u64());
    }
}

TEST(PiecewisePoissonProcess, ReportsRateAtTime) {
    const PiecewisePoissonProcess process({10, 20}, {1.5, 2.5});
    EXPECT_EQ(process.rate_per_day_at(9), 0.0);
    EXPECT_EQ(process.rate_per_day_at(10), 1.5);
    EXPECT_EQ(process.rate_per_day_at(19), 1.5);
    EXPECT_EQ(process.rate_per_day_at(20), 2.5);
    EXPECT_EQ(process.rate_per_day_at(1000000), 2.5);
    EXPECT_EQ(process.expected_count(30, 30), 0.0);
}

TEST(PiecewisePoissonProcess, RejectsBadSegments) {
    EXPECT_THROW(PiecewisePoissonProcess({0, 0}, {1.0, 1.0}), std::invalid_argument);
    EXPECT_THROW(PiecewisePoissonProcess({0, 10}, {1.0}), std::invalid_argument);
    EXPECT_THROW(PiecewisePoissonProcess({0}, {-1.0}), std::invalid_argument);
    EXPECT_THROW(PiecewisePoissonProcess({}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace cssim::core
