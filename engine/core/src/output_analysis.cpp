// Confidence intervals, MSER-5 and the replication advisor, declared in
// cssim/core/statistics.hpp.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "cssim/core/statistics.hpp"

namespace cssim::core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void check_level(double level) {
    if (!(level > 0.0 && level < 1.0)) {
        throw std::invalid_argument("confidence level must lie in (0, 1) (got " +
                                    std::to_string(level) + ")");
    }
}

Tally tally_of(std::span<const double> values) {
    Tally t;
    for (const double v : values) {
        t.add(v);
    }
    return t;
}

}  // namespace

ConfidenceInterval mean_ci(std::span<const double> values, double level) {
    check_level(level);
    ConfidenceInterval ci;
    ci.level = level;
    ci.n = values.size();
    if (values.empty()) {
        return ci;
    }
    const Tally t = tally_of(values);
    ci.mean = t.mean();
    if (values.size() == 1) {
        ci.low = -kInf;
        ci.high = kInf;
        return ci;
    }
    ci.sd = t.sd();
    const double half = student_t_quantile(0.5 + 0.5 * level, static_cast<double>(ci.n - 1)) *
                        ci.sd / std::sqrt(static_cast<double>(ci.n));
    ci.low = ci.mean - half;
    ci.high = ci.mean + half;
    return ci;
}

ConfidenceInterval paired_difference_ci(std::span<const double> a, std::span<const double> b,
                                        double level) {
    if (a.size() != b.size()) {
        throw std::invalid_argument("paired_difference_ci: a and b must have the same length (" +
                                    std::to_string(a.size()) + " vs " + std::to_string(b.size()) +
                                    ")");
    }
    std::vector<double> diff(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff[i] = b[i] - a[i];
    }
    return mean_ci(diff, level);
}

ConfidenceInterval welch_difference_ci(std::span<const double> a, std::span<const double> b,
                                       double level) {
    check_level(level);
    ConfidenceInterval ci;
    ci.level = level;
    ci.n = a.size() + b.size();
    if (a.empty() || b.empty()) {
        return ci;
    }
    const Tally ta = tally_of(a);
    const Tally tb = tally_of(b);
    ci.mean = tb.mean() - ta.mean();
    if (a.size() < 2 || b.size() < 2) {
        ci.low = -kInf;
        ci.high = kInf;
        return ci;
    }
    const double va = ta.variance() / static_cast<double>(a.size());
    const double vb = tb.variance() / static_cast<double>(b.size());
    const double se = std::sqrt(va + vb);
    // For the Welch interval `sd` holds the standard error of the difference.
    ci.sd = se;
    if (se == 0.0) {
        ci.low = ci.high = ci.mean;
        return ci;
    }
    // Welch-Satterthwaite degrees of freedom.
    const double dof =
        (va + vb) * (va + vb) /
        (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
    const double half = student_t_quantile(0.5 + 0.5 * level, dof) * se;
    ci.low = ci.mean - half;
    ci.high = ci.mean + half;
    return ci;
}

std::size_t mser5_truncation(std::span<const double> series) {
    constexpr std::size_t kBatch = 5;
    if (series.size() < 2 * kBatch) {
        return 0;
    }
    const std::size_t k = series.size() / kBatch;  // an incomplete last batch is ignored
    std::vector<double> batch(k);
    for (std::size_t j = 0; j < k; ++j) {
        double sum = 0.0;
        for (std::size_t i = 0; i < kBatch; ++i) {
            sum += series[j * kBatch + i];
        }
        batch[j] = sum / kBatch;
    }
    // Suffix sums give each candidate's mean and sum of squares in O(1); deviations are taken
    // from the overall batch mean to limit cancellation.
    double centre = 0.0;
    for (const double y : batch) {
        centre += y;
    }
    centre /= static_cast<double>(k);
    std::vector<double> suffix_sum(k + 1, 0.0), suffix_sq(k + 1, 0.0);
    for (std::size_t j = k; j-- > 0;) {
        const double y = batch[j] - centre;
        suffix_sum[j] = suffix_sum[j + 1] + y;
        suffix_sq[j] = suffix_sq[j + 1] + y * y;
    }
    std::size_t best_d = 0;
    double best = kInf;
    for (std::size_t d = 0; d <= k / 2; ++d) {
        const double m = static_cast<double>(k - d);
        const double ss = std::max(0.0, suffix_sq[d] - suffix_sum[d] * suffix_sum[d] / m);
        const double mser = ss / (m * m);
        if (mser < best) {
            best = mser;
            best_d = d;
        }
    }
    return best_d * kBatch;
}

std::size_t replications_needed(const ConfidenceInterval& ci, double target_half_width) {
    if (!(target_half_width > 0.0)) {
        throw std::invalid_argument("replications_needed: target half-width must be > 0 (got " +
                                    std::to_string(target_half_width) + ")");
    }
    if (ci.n < 2 || !std::isfinite(ci.sd)) {
        return 2;  // a variance needs at least two replications
    }
    const double p = 0.5 + 0.5 * ci.level;
    const auto half_width = [&](std::size_t n) {
        return student_t_quantile(p, static_cast<double>(n - 1)) * ci.sd /
               std::sqrt(static_cast<double>(n));
    };
    if (half_width(ci.n) <= target_half_width) {
        return ci.n;
    }
    // The half-width falls monotonically with n, and t_{n'-1} <= t_{n-1} for n' >= n, so
    // (t_{n-1} sd / target)^2 is an upper bound: binary search below it.
    const double bound = std::ceil(std::pow(
        student_t_quantile(p, static_cast<double>(ci.n - 1)) * ci.sd / target_half_width, 2.0));
    std::size_t hi = std::max(ci.n + 1, static_cast<std::size_t>(std::min(bound, 1e15)));
    std::size_t lo = ci.n;  // half_width(lo) > target, half_width(hi) <= target
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (half_width(mid) <= target_half_width) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return hi;
}

std::vector<double> welch_moving_average(std::span<const double> series, std::size_t window) {
    const std::size_t m = series.size();
    if (m <= window) {
        return {};
    }
    std::vector<double> prefix(m + 1, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        prefix[i + 1] = prefix[i] + series[i];
    }
    // Welch (1983): for the first w points the window shrinks to the points available on both
    // sides (2i + 1 points centred on i); after that it is the full 2w + 1 points.
    std::vector<double> out(m - window);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::size_t half = std::min(i, window);
        const std::size_t lo = i - half;
        const std::size_t hi = i + half + 1;
        out[i] = (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
    }
    return out;
}

}  // namespace cssim::core
