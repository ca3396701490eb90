#pragma once
/**
 * @file distribution.hpp
 * @brief Our own sampling distributions, so draws are identical on every standard library.
 *
 * A Distribution is a small value type: the kind plus its parameters, validated on construction
 * (factories throw std::invalid_argument with a message naming the bad parameter). Models hold
 * Distributions in their plain config structs; models/scenario builds them from JSON.
 */
#include <cstdint>
#include <string_view>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/time.hpp"

namespace cssim::core {

class Distribution {
public:
    enum class Kind {
        Exponential,    ///< mean
        Deterministic,  ///< value
        Uniform,        ///< [min, max)
        Lognormal,      ///< mean, sd of the variable itself (not of its log)
        Gamma,          ///< mean, sd (Marsaglia-Tsang sampler)
        Triangular,     ///< min, mode, max
        Empirical,      ///< discrete over values with weights
        Bernoulli,      ///< 1 with probability p, else 0
        Normal,         ///< mean, sd (may be negative: callers clamp)
    };

    /** @brief Default: deterministic 0. */
    Distribution() = default;

    static Distribution exponential(double mean);
    static Distribution deterministic(double value);
    static Distribution uniform(double min, double max);
    static Distribution lognormal(double mean, double sd);
    static Distribution gamma(double mean, double sd);
    static Distribution triangular(double min, double mode, double max);
    /** @brief Discrete distribution on `values`; `weights` empty means equal weights. */
    static Distribution empirical(std::vector<double> values, std::vector<double> weights = {});
    static Distribution bernoulli(double p);
    static Distribution normal(double mean, double sd);

    double sample(RandomStream& rng) const;
    /** @brief sample() converted from days to ticks, rounded to nearest, never negative. */
    Tick sample_ticks_from_days(RandomStream& rng) const;

    Kind kind() const { return kind_; }
    /** @brief Lower-case name as used in scenario files ("exponential", ...). */
    std::string_view kind_name() const;
    /** @brief Parses a kind name; returns false if unknown. */
    static bool parse_kind(std::string_view name, Kind& out);
    /** @brief Every kind name, in enum order. */
    static std::vector<std::string_view> kind_names();

    /** @brief Theoretical mean and variance. */
    double mean() const;
    double variance() const;
    /** @brief Theoretical CDF P(X <= x) (used by goodness-of-fit tests). */
    double cdf(double x) const;

    /** @brief Parameters as given to the factory: (a, b, c) meaning depends on kind. */
    double param_a() const { return a_; }
    double param_b() const { return b_; }
    double param_c() const { return c_; }
    const std::vector<double>& values() const { return values_; }
    const std::vector<double>& weights() const { return weights_; }

private:
    Kind kind_ = Kind::Deterministic;
    double a_ = 0.0, b_ = 0.0, c_ = 0.0;
    // Derived sampler constants (e.g. log-space mu/sigma, gamma shape/scale).
    double d1_ = 0.0, d2_ = 0.0;
    std::vector<double> values_;
    std::vector<double> weights_;
    std::vector<double> cumulative_;  ///< normalised cumulative weights for Empirical
};

/**
 * @brief A non-homogeneous Poisson process whose rate is constant on each segment.
 *
 * Segment i has rate `rates_per_day[i]` from `starts[i]` until `starts[i+1]` (the last segment runs
 * for ever). Arrivals are drawn exactly by inverting the cumulative intensity with one Exp(1)
 * draw per arrival (no thinning), so the number of draws per arrival is fixed: good for common
 * random numbers.
 */
class PiecewisePoissonProcess {
public:
    PiecewisePoissonProcess() = default;
    /** @brief starts[0] must be <= every time queried; starts strictly increasing; rates >= 0. */
    PiecewisePoissonProcess(std::vector<Tick> starts, std::vector<double> rates_per_day);

    /** @brief Time of the next arrival at or after `now` (continuous draw rounded to the nearest
     * tick, never before now); kTickMax if the rate is 0 from now on for ever. */
    Tick next_arrival(Tick now, RandomStream& rng) const;
    /** @brief Expected arrivals in [from, to). */
    double expected_count(Tick from, Tick to) const;
    double rate_per_day_at(Tick t) const;

    const std::vector<Tick>& starts() const { return starts_; }
    const std::vector<double>& rates_per_day() const { return rates_; }

private:
    std::vector<Tick> starts_{0};
    std::vector<double> rates_{0.0};
};

}  // namespace cssim::core
