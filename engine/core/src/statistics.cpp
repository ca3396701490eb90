#include "cssim/core/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "special_functions.hpp"

namespace cssim::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// ---------------------------------------------------------------------------------------------
// Tally

void Tally::add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
}

void Tally::merge(const Tally& other) {
    if (other.n_ == 0) {
        return;
    }
    if (n_ == 0) {
        *this = other;
        return;
    }
    const double na = static_cast<double>(n_);
    const double nb = static_cast<double>(other.n_);
    const double n = na + nb;
    const double delta = other.mean_ - mean_;
    mean_ += delta * nb / n;
    m2_ += other.m2_ + delta * delta * na * nb / n;
    n_ += other.n_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
}

double Tally::mean() const {
    return n_ == 0 ? kNaN : mean_;
}

double Tally::variance() const {
    return n_ < 2 ? kNaN : m2_ / static_cast<double>(n_ - 1);
}

double Tally::sd() const {
    return std::sqrt(variance());
}

// ---------------------------------------------------------------------------------------------
// TimeWeighted

TimeWeighted::TimeWeighted(Tick start, double initial)
    : start_(start), last_(start), value_(initial) {}

void TimeWeighted::set(Tick t, double value) {
    if (t < last_) {
        throw std::logic_error("TimeWeighted::set: time " + std::to_string(t) +
                               " is before the last update at " + std::to_string(last_));
    }
    area_ += value_ * static_cast<double>(t - last_);
    last_ = t;
    value_ = value;
}

void TimeWeighted::restart(Tick t) {
    if (t < last_) {
        throw std::logic_error("TimeWeighted::restart: time " + std::to_string(t) +
                               " is before the last update at " + std::to_string(last_));
    }
    start_ = t;
    last_ = t;
    area_ = 0.0;
}

double TimeWeighted::integral(Tick until) const {
    if (until < last_) {
        throw std::logic_error("TimeWeighted::integral: time " + std::to_string(until) +
                               " is before the last update at " + std::to_string(last_));
    }
    return area_ + value_ * static_cast<double>(until - last_);
}

double TimeWeighted::mean(Tick until) const {
    if (until == start_) {
        return value_;
    }
    return integral(until) / static_cast<double>(until - start_);
}

// ---------------------------------------------------------------------------------------------
// Quantiles and distribution functions

double quantile(std::vector<double> values, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw std::invalid_argument("quantile: p must lie in [0, 1] (got " + std::to_string(p) +
                                    ")");
    }
    if (values.empty()) {
        return kNaN;
    }
    std::sort(values.begin(), values.end());
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= values.size()) {
        return values.back();
    }
    return values[lo] + (h - static_cast<double>(lo)) * (values[lo + 1] - values[lo]);
}

double normal_quantile(double p) {
    if (std::isnan(p) || p < 0.0 || p > 1.0) {
        return kNaN;
    }
    if (p == 0.0) {
        return -kInf;
    }
    if (p == 1.0) {
        return kInf;
    }
    // Acklam's rational approximation (relative error < 1.2e-9) ...
    constexpr double a[6] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    constexpr double b[5] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
    constexpr double c[6] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    constexpr double d[4] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
    constexpr double p_low = 0.02425;
    double x;
    if (p < p_low) {
        const double q = std::sqrt(-2.0 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    } else if (p <= 1.0 - p_low) {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    } else {
        const double q = std::sqrt(-2.0 * std::log1p(-p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    // ... refined by one step of Halley's method on the exact CDF (erfc), giving full precision.
    const double e = detail::normal_cdf(x) - p;
    const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
    return x - u / (1.0 + 0.5 * x * u);
}

double student_t_cdf(double t, double dof) {
    if (std::isnan(t) || !(dof > 0.0)) {
        return kNaN;
    }
    if (std::isinf(dof)) {
        return detail::normal_cdf(t);
    }
    if (std::isinf(t)) {
        return t > 0 ? 1.0 : 0.0;
    }
    // P(|T| > |t|) = I_x(dof/2, 1/2) with x = dof / (dof + t^2).
    const double x = dof / (dof + t * t);
    const double tail = 0.5 * detail::regularized_beta(x, 0.5 * dof, 0.5);
    return t > 0 ? 1.0 - tail : tail;
}

namespace {

double student_t_pdf(double t, double dof) {
    const double log_norm = std::lgamma(0.5 * (dof + 1.0)) - std::lgamma(0.5 * dof) -
                            0.5 * std::log(dof * std::numbers::pi);
    return std::exp(log_norm - 0.5 * (dof + 1.0) * std::log1p(t * t / dof));
}

}  // namespace

double student_t_quantile(double p, double dof) {
    if (std::isnan(p) || p < 0.0 || p > 1.0 || !(dof > 0.0)) {
        return kNaN;
    }
    if (p == 0.0) {
        return -kInf;
    }
    if (p == 1.0) {
        return kInf;
    }
    if (p == 0.5) {
        return 0.0;
    }
    if (dof == 1.0) {  // Cauchy: exact
        return std::tan(std::numbers::pi * (p - 0.5));
    }
    if (dof == 2.0) {  // exact closed form
        return (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p));
    }
    if (std::isinf(dof) || dof > 1e7) {
        return normal_quantile(p);
    }
    // Work in the upper half and use symmetry.
    const double q = p < 0.5 ? 1.0 - p : p;
    // Start from the Cornish-Fisher expansion around the normal quantile ...
    const double z = normal_quantile(q);
    const double z2 = z * z;
    double t =
        z + z * (z2 + 1.0) / (4.0 * dof) + z * ((5.0 * z2 + 16.0) * z2 + 3.0) / (96.0 * dof * dof);
    // ... then bracket and polish with safeguarded Newton steps on the exact CDF.
    double lo = 0.0;
    double hi = std::max(2.0 * t, 1.0);
    while (student_t_cdf(hi, dof) < q) {
        lo = hi;
        hi *= 2.0;
    }
    if (!(t > lo && t < hi)) {
        t = 0.5 * (lo + hi);
    }
    for (int i = 0; i < 200; ++i) {
        const double f = student_t_cdf(t, dof) - q;
        if (f == 0.0) {
            break;
        }
        if (f < 0.0) {
            lo = t;
        } else {
            hi = t;
        }
        double next = t - f / student_t_pdf(t, dof);
        if (!(next > lo && next < hi)) {
            next = 0.5 * (lo + hi);
        }
        if (std::fabs(next - t) <= 1e-14 * std::max(1.0, std::fabs(t))) {
            t = next;
            break;
        }
        t = next;
    }
    return p < 0.5 ? -t : t;
}

double chi_square_sf(double x, double k) {
    if (!(k > 0.0) || std::isnan(x)) {
        return kNaN;
    }
    if (x <= 0.0) {
        return 1.0;
    }
    return detail::regularized_gamma_q(0.5 * k, 0.5 * x);
}

}  // namespace cssim::core
