#pragma once
/**
 * @file time_use.hpp
 * @brief The day's time use for the stacked bars. Nobody works at weekends or on bank holidays,
 * so those days have no time use (zeros or NaN); the bar then shows the nearest working day
 * before (or, at the very start of a run, after) the clock's day, and says which.
 */
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/viewer_state.hpp"

namespace cssim::viewer {

/** @brief The time_use/ series of either run, in archive order. */
std::vector<std::string> time_use_series(const ViewerState& state);

/** @brief Shares of each time_use/ series (same order) on `shared_day`, and that day. */
struct TimeUseDay {
    std::int64_t shared_day = 0;
    std::vector<double> values;  ///< >= 0, total > 0
    double total = 0.0;
};

/**
 * @brief The time use of `side` on `shared_day`, or on the nearest earlier day with any (at
 * most 14 days back), else the nearest later one (14 days on); nullopt when none.
 */
std::optional<TimeUseDay> time_use_on(const ViewerState& state, int side,
                                      const std::vector<std::string>& series,
                                      std::int64_t shared_day);

}  // namespace cssim::viewer
