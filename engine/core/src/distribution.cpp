#include "cssim/core/distribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

#include "special_functions.hpp"

namespace cssim::core {

namespace {

constexpr std::array<std::string_view, 9> kKindNames{"exponential", "deterministic", "uniform",
                                                     "lognormal",   "gamma",         "triangular",
                                                     "empirical",   "bernoulli",     "normal"};

[[noreturn]] void reject(std::string_view kind, std::string_view parameter, std::string_view rule,
                         double value) {
    std::ostringstream msg;
    msg << kind << ": " << parameter << " " << rule << " (got " << value << ")";
    throw std::invalid_argument(msg.str());
}

void require_finite(std::string_view kind, std::string_view parameter, double value) {
    if (!std::isfinite(value)) {
        reject(kind, parameter, "must be a finite number", value);
    }
}

void require_positive(std::string_view kind, std::string_view parameter, double value) {
    require_finite(kind, parameter, value);
    if (!(value > 0.0)) {
        reject(kind, parameter, "must be > 0", value);
    }
}

void require_non_negative(std::string_view kind, std::string_view parameter, double value) {
    require_finite(kind, parameter, value);
    if (value < 0.0) {
        reject(kind, parameter, "must be >= 0", value);
    }
}

// Marsaglia & Tsang (2000) for shape >= 1; returns a Gamma(shape, 1) draw.
double gamma_unit_shape_at_least_one(double shape, RandomStream& rng) {
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        const double x = rng.standard_normal();
        double v = 1.0 + c * x;
        if (v <= 0.0) {
            continue;
        }
        v = v * v * v;
        const double u = rng.uniform01();
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) {
            return d * v;
        }
    }
}

}  // namespace

Distribution Distribution::exponential(double mean) {
    require_positive("exponential", "mean", mean);
    Distribution d;
    d.kind_ = Kind::Exponential;
    d.a_ = mean;
    return d;
}

Distribution Distribution::deterministic(double value) {
    require_finite("deterministic", "value", value);
    Distribution d;
    d.kind_ = Kind::Deterministic;
    d.a_ = value;
    return d;
}

Distribution Distribution::uniform(double min, double max) {
    require_finite("uniform", "min", min);
    require_finite("uniform", "max", max);
    if (max < min) {
        reject("uniform", "max", "must be >= min", max);
    }
    Distribution d;
    d.kind_ = Kind::Uniform;
    d.a_ = min;
    d.b_ = max;
    return d;
}

Distribution Distribution::lognormal(double mean, double sd) {
    require_positive("lognormal", "mean", mean);
    require_positive("lognormal", "sd", sd);
    Distribution d;
    d.kind_ = Kind::Lognormal;
    d.a_ = mean;
    d.b_ = sd;
    const double sigma2 = std::log1p((sd / mean) * (sd / mean));
    d.d1_ = std::log(mean) - 0.5 * sigma2;  // mu of log X
    d.d2_ = std::sqrt(sigma2);              // sigma of log X
    return d;
}

Distribution Distribution::gamma(double mean, double sd) {
    require_positive("gamma", "mean", mean);
    require_positive("gamma", "sd", sd);
    Distribution d;
    d.kind_ = Kind::Gamma;
    d.a_ = mean;
    d.b_ = sd;
    d.d1_ = (mean / sd) * (mean / sd);  // shape k = mean^2 / sd^2
    d.d2_ = sd * sd / mean;             // scale theta = sd^2 / mean
    return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
    require_finite("triangular", "min", min);
    require_finite("triangular", "mode", mode);
    require_finite("triangular", "max", max);
    if (!(max > min)) {
        reject("triangular", "max", "must be > min", max);
    }
    if (mode < min || mode > max) {
        reject("triangular", "mode", "must lie in [min, max]", mode);
    }
    Distribution d;
    d.kind_ = Kind::Triangular;
    d.a_ = min;
    d.b_ = mode;
    d.c_ = max;
    return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
    if (values.empty()) {
        throw std::invalid_argument("empirical: values must not be empty");
    }
    for (const double v : values) {
        require_finite("empirical", "values", v);
    }
    if (weights.empty()) {
        weights.assign(values.size(), 1.0);
    }
    if (weights.size() != values.size()) {
        throw std::invalid_argument("empirical: weights must have as many entries as values (" +
                                    std::to_string(weights.size()) + " vs " +
                                    std::to_string(values.size()) + ")");
    }
    for (const double w : weights) {
        require_non_negative("empirical", "weights", w);
    }
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (!(total > 0.0)) {
        reject("empirical", "weights", "must sum to > 0", total);
    }
    Distribution d;
    d.kind_ = Kind::Empirical;
    d.cumulative_.resize(weights.size());
    double running = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        running += weights[i];
        d.cumulative_[i] = running / total;
    }
    d.cumulative_.back() = 1.0;  // exact, so a uniform01 draw always finds a bucket
    d.values_ = std::move(values);
    d.weights_ = std::move(weights);
    return d;
}

Distribution Distribution::bernoulli(double p) {
    require_finite("bernoulli", "p", p);
    if (p < 0.0 || p > 1.0) {
        reject("bernoulli", "p", "must lie in [0, 1]", p);
    }
    Distribution d;
    d.kind_ = Kind::Bernoulli;
    d.a_ = p;
    return d;
}

Distribution Distribution::normal(double mean, double sd) {
    require_finite("normal", "mean", mean);
    require_non_negative("normal", "sd", sd);
    Distribution d;
    d.kind_ = Kind::Normal;
    d.a_ = mean;
    d.b_ = sd;
    return d;
}

double Distribution::sample(RandomStream& rng) const {
    switch (kind_) {
        case Kind::Exponential:
            return rng.exponential(a_);
        case Kind::Deterministic:
            return a_;
        case Kind::Uniform:
            return rng.uniform(a_, b_);
        case Kind::Lognormal:
            return std::exp(d1_ + d2_ * rng.standard_normal());
        case Kind::Gamma: {
            if (d1_ >= 1.0) {
                return d2_ * gamma_unit_shape_at_least_one(d1_, rng);
            }
            // Shape < 1: Gamma(k) = Gamma(k + 1) * U^(1/k) (Marsaglia & Tsang's boost).
            const double g = gamma_unit_shape_at_least_one(d1_ + 1.0, rng);
            return d2_ * g * std::pow(rng.uniform01(), 1.0 / d1_);
        }
        case Kind::Triangular: {
            const double u = rng.uniform01();
            const double width = c_ - a_;
            if (u * width < b_ - a_) {
                return a_ + std::sqrt(u * width * (b_ - a_));
            }
            return c_ - std::sqrt((1.0 - u) * width * (c_ - b_));
        }
        case Kind::Empirical: {
            const double u = rng.uniform01();
            const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
            const auto index = static_cast<std::size_t>(it - cumulative_.begin());
            return values_[std::min(index, values_.size() - 1)];
        }
        case Kind::Bernoulli:
            return rng.uniform01() < a_ ? 1.0 : 0.0;
        case Kind::Normal:
            return a_ + b_ * rng.standard_normal();
    }
    return 0.0;
}

Tick Distribution::sample_ticks_from_days(RandomStream& rng) const {
    const Tick t = ticks_from_days(sample(rng));
    return t < 0 ? 0 : t;
}

std::string_view Distribution::kind_name() const {
    return kKindNames[static_cast<std::size_t>(kind_)];
}

bool Distribution::parse_kind(std::string_view name, Kind& out) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (kKindNames[i] == name) {
            out = static_cast<Kind>(i);
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> Distribution::kind_names() {
    return {kKindNames.begin(), kKindNames.end()};
}

double Distribution::mean() const {
    switch (kind_) {
        case Kind::Exponential:
        case Kind::Deterministic:
        case Kind::Lognormal:
        case Kind::Gamma:
        case Kind::Bernoulli:
        case Kind::Normal:
            return a_;
        case Kind::Uniform:
            return 0.5 * (a_ + b_);
        case Kind::Triangular:
            return (a_ + b_ + c_) / 3.0;
        case Kind::Empirical: {
            double total = 0.0, sum = 0.0;
            for (std::size_t i = 0; i < values_.size(); ++i) {
                total += weights_[i];
                sum += weights_[i] * values_[i];
            }
            return sum / total;
        }
    }
    return 0.0;
}

double Distribution::variance() const {
    switch (kind_) {
        case Kind::Exponential:
            return a_ * a_;
        case Kind::Deterministic:
            return 0.0;
        case Kind::Uniform:
            return (b_ - a_) * (b_ - a_) / 12.0;
        case Kind::Lognormal:
        case Kind::Gamma:
        case Kind::Normal:
            return b_ * b_;
        case Kind::Triangular:
            return (a_ * a_ + b_ * b_ + c_ * c_ - a_ * b_ - a_ * c_ - b_ * c_) / 18.0;
        case Kind::Empirical: {
            const double m = mean();
            double total = 0.0, sum = 0.0;
            for (std::size_t i = 0; i < values_.size(); ++i) {
                total += weights_[i];
                sum += weights_[i] * (values_[i] - m) * (values_[i] - m);
            }
            return sum / total;
        }
        case Kind::Bernoulli:
            return a_ * (1.0 - a_);
    }
    return 0.0;
}

double Distribution::cdf(double x) const {
    switch (kind_) {
        case Kind::Exponential:
            return x <= 0.0 ? 0.0 : -std::expm1(-x / a_);
        case Kind::Deterministic:
            return x >= a_ ? 1.0 : 0.0;
        case Kind::Uniform:
            if (x >= b_) {
                return 1.0;
            }
            return x <= a_ ? 0.0 : (x - a_) / (b_ - a_);
        case Kind::Lognormal:
            return x <= 0.0 ? 0.0 : detail::normal_cdf((std::log(x) - d1_) / d2_);
        case Kind::Gamma:
            return x <= 0.0 ? 0.0 : detail::regularized_gamma_p(d1_, x / d2_);
        case Kind::Triangular:
            if (x <= a_) {
                return 0.0;
            }
            if (x >= c_) {
                return 1.0;
            }
            if (x <= b_) {
                return (x - a_) * (x - a_) / ((c_ - a_) * (b_ - a_));
            }
            return 1.0 - (c_ - x) * (c_ - x) / ((c_ - a_) * (c_ - b_));
        case Kind::Empirical: {
            double total = 0.0, below = 0.0;
            for (std::size_t i = 0; i < values_.size(); ++i) {
                total += weights_[i];
                if (values_[i] <= x) {
                    below += weights_[i];
                }
            }
            return below / total;
        }
        case Kind::Bernoulli:
            if (x < 0.0) {
                return 0.0;
            }
            return x < 1.0 ? 1.0 - a_ : 1.0;
        case Kind::Normal:
            if (b_ == 0.0) {
                return x >= a_ ? 1.0 : 0.0;
            }
            return detail::normal_cdf((x - a_) / b_);
    }
    return 0.0;
}

}  // namespace cssim::core
