// Reading a core::Distribution from {"distribution": kind, parameters...}: every kind takes its
// mean (and sd where it has one) or its natural parameters.
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "json_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

namespace {

using Kind = core::Distribution::Kind;

// sqrt(3) and sqrt(6): a uniform on [m - h, m + h] has sd h / sqrt(3); a symmetric triangular on
// [m - h, m + h] has sd h / sqrt(6).
constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kSqrt6 = 2.449489742783178;

std::string list_keys(std::initializer_list<std::string_view> keys) {
    std::string text;
    std::size_t i = 0;
    for (std::string_view key : keys) {
        if (i > 0)
            text += (i + 1 == keys.size()) ? " and " : ", ";
        text += std::string(key);
        ++i;
    }
    return text;
}

/**
 * Which parameter form the object uses: 1 (all of `first`), 2 (all of `second`), or 0 with the
 * problem reported (a mix of both, or neither complete). Presence, not validity, decides, so a
 * bad value gets its own range message and no second, misleading "missing" message.
 */
int pick_form(ObjectReader& r, std::initializer_list<std::string_view> first,
              std::initializer_list<std::string_view> second) {
    if (r.is_schema())
        return 0;
    auto count = [&](std::initializer_list<std::string_view> keys) {
        std::size_t n = 0;
        for (std::string_view key : keys)
            n += r.has(key) ? 1 : 0;
        return n;
    };
    const std::size_t n1 = count(first), n2 = count(second);
    const std::string either = "give either " + list_keys(first) + ", or " + list_keys(second);
    if (n1 > 0 && n2 > 0) {
        r.error("", either + ", not both");
        return 0;
    }
    if (n1 == first.size())
        return 1;
    if (n2 == second.size())
        return 2;
    std::string missing;
    for (std::string_view key : (n2 > 0 ? second : first)) {
        if (!r.has(key))
            missing += (missing.empty() ? "" : ", ") + std::string(key);
    }
    r.error("", either + " (missing: " + missing + ")");
    return 0;
}

bool all(std::initializer_list<const std::optional<double>*> values) {
    for (const auto* v : values) {
        if (!v->has_value())
            return false;
    }
    return true;
}

}  // namespace

void read_distribution(ObjectReader& parent, std::string_view key, core::Distribution& out,
                       const DistributionField& field) {
    const bool non_negative = field.is_non_negative;
    const Range any = {};
    const Range positive = Range::positive();
    const Range location = non_negative ? Range::non_negative() : any;

    parent.object(
        key, {.required = field.required, .doc = field.doc, .unit = field.unit},
        [&](ObjectReader& r) {
            std::optional<double> mean, sd, a, b, c;
            std::vector<double> values, weights;
            // Builds the distribution, turning a factory's rejection into a message at this object.
            auto build = [&](auto make) {
                if (r.is_schema())
                    return;
                try {
                    out = make();
                } catch (const std::invalid_argument& e) {
                    r.error("", e.what());
                }
            };
            auto need_non_negative = [&](double low, std::string_view what) {
                if (non_negative && low < 0.0) {
                    r.error("", std::string("a duration cannot be negative: ") + std::string(what) +
                                    " gives a minimum of " + format_number(low));
                    return false;
                }
                return true;
            };

            std::vector<Variant> variants;
            variants.push_back(
                {"exponential", "mean, or rate (per unit time)", [&](ObjectReader& v) {
                     v.number("mean", mean, {.range = positive});
                     v.number("rate", a, {.range = positive, .doc = "1 / mean"});
                     const int form = pick_form(v, {"mean"}, {"rate"});
                     if (form == 1 && all({&mean}))
                         build([&] { return core::Distribution::exponential(*mean); });
                     if (form == 2 && all({&a}))
                         build([&] { return core::Distribution::exponential(1.0 / *a); });
                 }});
            variants.push_back({"deterministic", "value (or mean)", [&](ObjectReader& v) {
                                    v.number("value", a, {.range = location});
                                    v.number("mean", mean, {.range = location});
                                    const int form = pick_form(v, {"value"}, {"mean"});
                                    const auto& x = form == 1 ? a : mean;
                                    if (form != 0 && x)
                                        build(
                                            [&] { return core::Distribution::deterministic(*x); });
                                }});
            variants.push_back(
                {"uniform", "min and max, or mean and sd", [&](ObjectReader& v) {
                     v.number("min", a, {.range = location});
                     v.number("max", b, {.range = location});
                     v.number("mean", mean, {.range = location});
                     v.number("sd", sd, {.range = positive});
                     const int form = pick_form(v, {"min", "max"}, {"mean", "sd"});
                     if (form == 1 && all({&a, &b})) {
                         if (*b <= *a) {
                             v.error("max", "must be > min (" + format_number(*a) + ") (got " +
                                                format_number(*b) + ")");
                         } else {
                             build([&] { return core::Distribution::uniform(*a, *b); });
                         }
                     }
                     if (form == 2 && all({&mean, &sd}) &&
                         need_non_negative(*mean - kSqrt3 * *sd, "mean - sqrt(3) sd")) {
                         build([&] {
                             return core::Distribution::uniform(*mean - kSqrt3 * *sd,
                                                                *mean + kSqrt3 * *sd);
                         });
                     }
                 }});
            variants.push_back(
                {"lognormal", "mean and sd of the variable, or mu and sigma of its log",
                 [&](ObjectReader& v) {
                     v.number("mean", mean, {.range = positive});
                     v.number("sd", sd, {.range = positive});
                     v.number("mu", a, {.doc = "mean of log(X)"});
                     v.number("sigma", b, {.range = positive, .doc = "sd of log(X)"});
                     const int form = pick_form(v, {"mean", "sd"}, {"mu", "sigma"});
                     if (form == 1 && all({&mean, &sd}))
                         build([&] { return core::Distribution::lognormal(*mean, *sd); });
                     if (form == 2 && all({&a, &b})) {
                         const double m = std::exp(*a + *b * *b / 2.0);
                         const double s = m * std::sqrt(std::expm1(*b * *b));
                         build([&] { return core::Distribution::lognormal(m, s); });
                     }
                 }});
            variants.push_back(
                {"gamma", "mean and sd, or shape and scale", [&](ObjectReader& v) {
                     v.number("mean", mean, {.range = positive});
                     v.number("sd", sd, {.range = positive});
                     v.number("shape", a, {.range = positive});
                     v.number("scale", b, {.range = positive});
                     const int form = pick_form(v, {"mean", "sd"}, {"shape", "scale"});
                     if (form == 1 && all({&mean, &sd}))
                         build([&] { return core::Distribution::gamma(*mean, *sd); });
                     if (form == 2 && all({&a, &b})) {
                         // shape k, scale theta: mean k theta, sd sqrt(k) theta.
                         build([&] {
                             return core::Distribution::gamma(*a * *b, std::sqrt(*a) * *b);
                         });
                     }
                 }});
            variants.push_back(
                {"triangular", "min, mode and max, or mean and sd (symmetric)",
                 [&](ObjectReader& v) {
                     v.number("min", a, {.range = location});
                     v.number("mode", b, {.range = location});
                     v.number("max", c, {.range = location});
                     v.number("mean", mean, {.range = location});
                     v.number("sd", sd, {.range = positive});
                     const int form = pick_form(v, {"min", "mode", "max"}, {"mean", "sd"});
                     if (form == 1 && all({&a, &b, &c})) {
                         if (!(*a <= *b && *b <= *c && *a < *c)) {
                             v.error("", "needs min <= mode <= max with min < max (got " +
                                             format_number(*a) + ", " + format_number(*b) + ", " +
                                             format_number(*c) + ")");
                         } else {
                             build([&] { return core::Distribution::triangular(*a, *b, *c); });
                         }
                     }
                     if (form == 2 && all({&mean, &sd}) &&
                         need_non_negative(*mean - kSqrt6 * *sd, "mean - sqrt(6) sd")) {
                         build([&] {
                             return core::Distribution::triangular(*mean - kSqrt6 * *sd, *mean,
                                                                   *mean + kSqrt6 * *sd);
                         });
                     }
                 }});
            variants.push_back(
                {"empirical", "values, with optional weights (equal if absent)",
                 [&](ObjectReader& v) {
                     v.number_array("values", values,
                                    {.required = true, .range = location, .min_items = 1});
                     v.number_array("weights", weights,
                                    {.range = Range::non_negative(), .min_items = 1});
                     if (v.is_schema() || v.has_errors() || values.empty())
                         return;
                     if (!weights.empty() && weights.size() != values.size()) {
                         v.error("weights", "must have as many items as values (" +
                                                std::to_string(values.size()) + ") (got " +
                                                std::to_string(weights.size()) + ")");
                         return;
                     }
                     double total = 0.0;
                     for (double w : weights)
                         total += w;
                     if (!weights.empty() && !(total > 0.0)) {
                         v.error("weights", "must not all be 0");
                         return;
                     }
                     build([&] { return core::Distribution::empirical(values, weights); });
                 }});
            variants.push_back(
                {"bernoulli", "p (or mean): 1 with probability p, else 0", [&](ObjectReader& v) {
                     v.number("p", a, {.range = Range::unit()});
                     v.number("mean", mean, {.range = Range::unit()});
                     const int form = pick_form(v, {"p"}, {"mean"});
                     const auto& x = form == 1 ? a : mean;
                     if (form != 0 && x)
                         build([&] { return core::Distribution::bernoulli(*x); });
                 }});
            if (!non_negative) {
                variants.push_back(
                    {"normal", "mean and sd", [&](ObjectReader& v) {
                         v.number("mean", mean, {.required = true});
                         v.number("sd", sd, {.required = true, .range = positive});
                         if (all({&mean, &sd}))
                             build([&] { return core::Distribution::normal(*mean, *sd); });
                     }});
            }
            std::string kind;
            r.variant("distribution", kind, variants,
                      {.required = true, .doc = "The distribution's family"});
        });
}

}  // namespace cssim::scenario
