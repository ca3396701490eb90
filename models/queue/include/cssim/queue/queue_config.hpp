#pragma once
/**
 * @file queue_config.hpp
 * @brief The plain configuration of the reference M/M/c/K-style queue (DESIGN §4).
 *
 * Built by models/scenario from a `"model": "queue"` scenario; the model never sees JSON.
 */
#include <optional>

#include "cssim/core/distribution.hpp"

namespace cssim::queue {

/**
 * @brief One FIFO queue with `servers` identical servers.
 *
 * Units: every time is in days (the engine runs in minutes; draws are converted with rounding).
 * Invariants (checked by the scenario reader, assumed by the model): servers >= 1;
 * capacity, when set, >= servers; 0 <= warmup_days < horizon_days.
 */
struct QueueConfig {
    core::Distribution arrival;  ///< time between arrivals, days
    core::Distribution service;  ///< service time, days
    int servers = 1;
    /** @brief Maximum customers in the system (waiting + in service); none = unlimited.
     * An arrival that finds `capacity` customers present is blocked and lost. */
    std::optional<int> capacity;
    double horizon_days = 10000.0;  ///< simulated days, warm-up included
    double warmup_days = 1000.0;    ///< statistics are reset at this time
};

}  // namespace cssim::queue
