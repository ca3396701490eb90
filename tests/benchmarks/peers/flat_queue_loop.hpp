#pragma once
/**
 * @file flat_queue_loop.hpp
 * @brief Benchmark peer: the reference queue as one hand-written loop with its own binary heap.
 *
 * The same model as models/queue (FIFO, c servers, optional capacity, warm-up), the same random
 * streams and distributions, the same (time, sequence) event order — so it produces exactly the
 * same numbers — but with no Simulation object, no virtual event queue and no handler dispatch.
 * It is what a careful programmer would write by hand for this one model: the speed to beat.
 */
#include <cstdint>

#include "cssim/queue/queue_config.hpp"

namespace cssim::bench {

/** @brief Post-warm-up counts and integer sums, comparable with queue::QueueRunStats. */
struct FlatQueueResult {
    std::uint64_t arrivals_total = 0;  ///< whole run, blocked included
    std::uint64_t served = 0;          ///< departures in the window
    std::uint64_t blocked = 0;         ///< blocked arrivals in the window
    std::int64_t wait_sum = 0;         ///< ticks, service starts in the window
    std::int64_t system_sum = 0;       ///< ticks, departures in the window
    std::int64_t queue_area = 0;       ///< waiting customers x ticks over the window
    std::int64_t busy_area = 0;        ///< busy servers x ticks over the window
    std::uint64_t events = 0;
};

/** @brief One replication, streams derived from (master_seed, replication, name) as the model. */
FlatQueueResult run_flat_queue(const queue::QueueConfig& config, std::uint64_t master_seed,
                               std::uint64_t replication);

}  // namespace cssim::bench
