#include "app/time_use.hpp"

#include <algorithm>
#include <cmath>

namespace cssim::viewer {

std::vector<std::string> time_use_series(const ViewerState& state) {
    std::vector<std::string> out;
    for (const auto& name : all_series_names(state)) {
        if (name.rfind("time_use/", 0) == 0)
            out.push_back(name);
    }
    return out;
}

namespace {

std::optional<TimeUseDay> exactly_on(const ViewerState& state, int side,
                                     const std::vector<std::string>& series, std::int64_t day) {
    TimeUseDay out;
    out.shared_day = day;
    for (const auto& s : series) {
        const double v = series_value_at(state, side, s, day).value_or(0.0);
        out.values.push_back(std::isfinite(v) ? std::max(0.0, v) : 0.0);
        out.total += out.values.back();
    }
    if (!(out.total > 0.0))
        return std::nullopt;
    return out;
}

}  // namespace

std::optional<TimeUseDay> time_use_on(const ViewerState& state, int side,
                                      const std::vector<std::string>& series,
                                      std::int64_t shared_day) {
    constexpr std::int64_t kReach = 14;  // longer than Christmas and a weekend together
    for (std::int64_t back = 0; back <= kReach; ++back) {
        if (auto d = exactly_on(state, side, series, shared_day - back))
            return d;
    }
    for (std::int64_t on = 1; on <= kReach; ++on) {
        if (auto d = exactly_on(state, side, series, shared_day + on))
            return d;
    }
    return std::nullopt;
}

}  // namespace cssim::viewer
