// PiecewisePoissonProcess, declared in cssim/core/distribution.hpp.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "cssim/core/distribution.hpp"

namespace cssim::core {

PiecewisePoissonProcess::PiecewisePoissonProcess(std::vector<Tick> starts,
                                                 std::vector<double> rates_per_day)
    : starts_(std::move(starts)), rates_(std::move(rates_per_day)) {
    if (starts_.empty()) {
        throw std::invalid_argument("poisson process: starts must not be empty");
    }
    if (starts_.size() != rates_.size()) {
        throw std::invalid_argument(
            "poisson process: starts and rates_per_day must have the same length (" +
            std::to_string(starts_.size()) + " vs " + std::to_string(rates_.size()) + ")");
    }
    for (std::size_t i = 0; i < rates_.size(); ++i) {
        if (!std::isfinite(rates_[i]) || rates_[i] < 0.0) {
            throw std::invalid_argument("poisson process: rates_per_day[" + std::to_string(i) +
                                        "] must be a finite number >= 0");
        }
        if (i > 0 && starts_[i] <= starts_[i - 1]) {
            throw std::invalid_argument("poisson process: starts[" + std::to_string(i) +
                                        "] must be greater than starts[" + std::to_string(i - 1) +
                                        "]");
        }
    }
}

namespace {

// Index of the segment containing t, or -1 when t precedes the first segment.
std::ptrdiff_t segment_of(const std::vector<Tick>& starts, Tick t) {
    const auto it = std::upper_bound(starts.begin(), starts.end(), t);
    return (it - starts.begin()) - 1;
}

}  // namespace

double PiecewisePoissonProcess::rate_per_day_at(Tick t) const {
    const std::ptrdiff_t i = segment_of(starts_, t);
    return i < 0 ? 0.0 : rates_[static_cast<std::size_t>(i)];
}

double PiecewisePoissonProcess::expected_count(Tick from, Tick to) const {
    if (to <= from) {
        return 0.0;
    }
    double total = 0.0;
    for (std::size_t i = 0; i < starts_.size(); ++i) {
        const Tick lo = std::max(from, starts_[i]);
        const Tick hi = i + 1 < starts_.size() ? std::min(to, starts_[i + 1]) : to;
        if (hi > lo) {
            total += rates_[i] * days_from_ticks(hi - lo);
        }
    }
    return total;
}

Tick PiecewisePoissonProcess::next_arrival(Tick now, RandomStream& rng) const {
    // Inversion of the cumulative intensity: walk forward through the segments spending one
    // Exp(1) amount of intensity. Exactly one draw per arrival, whatever the segments.
    double remaining = rng.exponential(1.0);
    std::ptrdiff_t i = segment_of(starts_, now);
    double t = static_cast<double>(now);
    if (i < 0) {
        i = 0;
        t = static_cast<double>(starts_[0]);
    }
    const auto n = static_cast<std::ptrdiff_t>(starts_.size());
    for (; i < n; ++i) {
        const double rate_per_tick = rates_[static_cast<std::size_t>(i)] / kTicksPerDay;
        const bool is_last = i + 1 == n;
        const double end =
            is_last ? HUGE_VAL : static_cast<double>(starts_[static_cast<std::size_t>(i) + 1]);
        if (rate_per_tick > 0.0) {
            const double capacity = (end - t) * rate_per_tick;
            if (capacity >= remaining) {
                const double arrival = std::round(t + remaining / rate_per_tick);
                if (arrival >= 9.2e18) {
                    return kTickMax;
                }
                Tick tick = std::max(now, static_cast<Tick>(arrival));
                // Rounding must not carry an arrival into the next segment (which may have rate
                // 0): counts per segment then match expected_count exactly in distribution.
                if (!is_last) {
                    tick = std::min(tick, starts_[static_cast<std::size_t>(i) + 1] - 1);
                }
                return tick;
            }
            remaining -= capacity;
        }
        t = end;
    }
    return kTickMax;  // the rate is zero from some point on for ever
}

}  // namespace cssim::core
