#pragma once
/**
 * @file statistics.hpp
 * @brief Output analysis: tallies, time-weighted means, quantiles, Student-t confidence
 * intervals, paired differences, MSER-5 warm-up truncation and the replication advisor.
 *
 * All functions are pure and deterministic; none allocate per observation except quantile().
 */
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "cssim/core/time.hpp"

namespace cssim::core {

/** @brief Running count, mean, variance (Welford), min and max of observations. */
class Tally {
public:
    void add(double x);
    /** @brief Combines another tally (Chan et al. parallel formula). */
    void merge(const Tally& other);
    void reset() { *this = Tally{}; }

    std::uint64_t count() const { return n_; }
    double sum() const { return mean_ * static_cast<double>(n_); }
    /** @brief NaN when empty. */
    double mean() const;
    /** @brief Sample variance (n - 1 denominator); NaN when count < 2. */
    double variance() const;
    double sd() const;
    double min() const { return min_; }
    double max() const { return max_; }

private:
    std::uint64_t n_ = 0;
    double mean_ = 0.0;
    double m2_ = 0.0;
    double min_ = std::numeric_limits<double>::infinity();
    double max_ = -std::numeric_limits<double>::infinity();
};

/**
 * @brief Time-weighted average of a piecewise-constant quantity (queue length, caseload).
 * Invariant: updates come in non-decreasing time order (std::logic_error otherwise).
 */
class TimeWeighted {
public:
    explicit TimeWeighted(Tick start = 0, double initial = 0.0);
    /** @brief The quantity takes `value` from time t on. */
    void set(Tick t, double value);
    /** @brief The quantity changes by `delta` at time t. */
    void add(Tick t, double delta) { set(t, value_ + delta); }
    /** @brief Forget the history before t (end of warm-up), keeping the current value. */
    void restart(Tick t);
    double current() const { return value_; }
    /** @brief Average over [start, until]; the current value when until == start. */
    double mean(Tick until) const;
    /** @brief Integral of the quantity over [start, until], in value x ticks. */
    double integral(Tick until) const;
    Tick start() const { return start_; }

private:
    Tick start_;
    Tick last_;
    double value_;
    double area_ = 0.0;
};

/** @brief Sample quantile, type 7 (linear interpolation, as R's default). NaN if empty. */
double quantile(std::vector<double> values, double p);
/** @brief Sample median. */
inline double median(std::vector<double> values) {
    return quantile(std::move(values), 0.5);
}

/** @brief Student-t quantile: P(T <= t) = p for T with `dof` degrees of freedom (dof > 0). */
double student_t_quantile(double p, double dof);
/** @brief Student-t CDF. */
double student_t_cdf(double t, double dof);
/** @brief Standard normal quantile (Acklam's rational approximation refined by Newton). */
double normal_quantile(double p);
/** @brief Chi-square upper-tail probability P(X > x) with k degrees of freedom. */
double chi_square_sf(double x, double k);

/** @brief A mean with its two-sided confidence interval. `n` observations; sd of them. */
struct ConfidenceInterval {
    double mean = std::numeric_limits<double>::quiet_NaN();
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    double sd = std::numeric_limits<double>::quiet_NaN();
    std::size_t n = 0;
    double level = 0.95;
    double half_width() const { return (high - low) / 2.0; }
    bool contains(double x) const { return low <= x && x <= high; }
};

/**
 * @brief Student-t confidence interval for the mean of independent observations
 * (replications). With n == 1 the interval is (mean, mean) widened to +-infinity; with n == 0
 * everything is NaN. Identical values give a zero-width interval.
 */
ConfidenceInterval mean_ci(std::span<const double> values, double level = 0.95);
/**
 * @brief Paired-difference interval for mean(b - a) over replications i (b[i] - a[i]): with
 * common random numbers the pairs are positively correlated and the interval is narrower than
 * the unpaired one. Precondition: a.size() == b.size().
 */
ConfidenceInterval paired_difference_ci(std::span<const double> a, std::span<const double> b,
                                        double level = 0.95);
/** @brief Welch (unpaired, unequal variances) interval for mean(b) - mean(a). */
ConfidenceInterval welch_difference_ci(std::span<const double> a, std::span<const double> b,
                                       double level = 0.95);

/**
 * @brief MSER-5 truncation point (White 1997; Spratt 1998): batch the series into means of 5,
 * choose the batch count d minimising the marginal standard error of the remaining batches over
 * the first half of the series, and return the number of raw observations to delete (5 d).
 * Returns 0 for series shorter than 10 observations.
 */
std::size_t mser5_truncation(std::span<const double> series);

/**
 * @brief Replications needed so that the CI half-width reaches `target_half_width`, by the
 * confidence-interval method (Law, 2015): the smallest n >= current n with
 * t_{n-1,1-alpha/2} * sd / sqrt(n) <= target. Returns current n if already met.
 */
std::size_t replications_needed(const ConfidenceInterval& ci, double target_half_width);

/** @brief Welch's moving average of a series with window w (for the warm-up plot). */
std::vector<double> welch_moving_average(std::span<const double> series, std::size_t window);

}  // namespace cssim::core
