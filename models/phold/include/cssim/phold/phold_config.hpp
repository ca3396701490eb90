#pragma once
/**
 * @file phold_config.hpp
 * @brief The plain configuration of PHOLD (Fujimoto 1990), built by models/scenario from a
 * `"model": "phold"` scenario; the model never sees JSON.
 */
#include <cstdint>

#include "cssim/core/time.hpp"

namespace cssim::phold {

/** @brief Engine ticks per PHOLD time unit: times are rounded to a millionth of a unit. */
inline constexpr core::Tick kTicksPerUnit = 1'000'000;

/**
 * @brief `lps` logical processes, each starting with `events_per_lp` events. Each event, when
 * processed, schedules one new event after `lookahead` + Exp(`mean_delay`): at a uniformly chosen
 * other LP with probability `remote_fraction`, else at its own LP.
 *
 * Units: times in PHOLD time units (dimensionless; kTicksPerUnit ticks each). Invariants (checked
 * by the scenario reader, assumed by the model): lps >= 1; events_per_lp >= 1; 0 <=
 * remote_fraction <= 1, and 0 when lps == 1; mean_delay > 0; lookahead >= one tick;
 * horizon > 0.
 */
struct PholdConfig {
    int lps = 152;
    int events_per_lp = 16;
    double remote_fraction = 0.1;
    double mean_delay = 1.0;
    double lookahead = 0.1;  ///< the minimum delay of every event, and the epoch length
    double horizon = 2000.0;
};

/** @brief `units` PHOLD time units in ticks, rounded to the nearest tick. */
core::Tick ticks_from_units(double units);

}  // namespace cssim::phold
