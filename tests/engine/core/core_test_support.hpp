#pragma once
// Shared helpers for the engine/core statistical tests: every tolerance is derived from a
// failure probability, never hand-picked.
#include <cmath>
#include <functional>
#include <vector>

#include "cssim/core/statistics.hpp"

namespace cssim::core::testing {

/** Failure probability allowed to each individual statistical check. */
inline constexpr double kCheckFailureProbability = 1e-5;

/** Two-sided standard normal bound z with P(|Z| > z) = kCheckFailureProbability (~4.42). */
inline double two_sided_z() {
    return normal_quantile(1.0 - 0.5 * kCheckFailureProbability);
}

/**
 * Chi-square goodness-of-fit p-value of `counts` against bin probabilities `probs` (same size),
 * with bins.size() - 1 degrees of freedom (no parameters are estimated).
 */
inline double chi_square_p_value(const std::vector<double>& counts,
                                 const std::vector<double>& probs) {
    double total = 0.0;
    for (const double c : counts) {
        total += c;
    }
    double stat = 0.0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double expected = total * probs[i];
        stat += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    return chi_square_sf(stat, static_cast<double>(counts.size() - 1));
}

/** The x with cdf(x) = p for a continuous, increasing CDF on [lo, hi], by bisection. */
inline double invert_cdf(const std::function<double(double)>& cdf, double p, double lo, double hi) {
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (cdf(mid) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace cssim::core::testing
