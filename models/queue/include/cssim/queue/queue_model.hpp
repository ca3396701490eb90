#pragma once
/**
 * @file queue_model.hpp
 * @brief The reference queue: one replication in, one ReplicationRecord out (DESIGN §4).
 *
 * The department model exposes the same three functions (run_replication, stream_names,
 * layout), so the CLI dispatches on the scenario's model uniformly.
 *
 * Metrics (all over the post-warm-up window [warmup, horizon)):
 * | name                  | meaning                                                        |
 * |-----------------------|----------------------------------------------------------------|
 * | wait_mean             | mean wait before service, days, customers starting service    |
 * | time_in_system_mean   | mean wait + service, days, customers departing                 |
 * | queue_length_mean     | time-average of customers waiting (not in service)            |
 * | system_length_mean    | time-average of customers in the system                        |
 * | utilisation           | time-average of busy servers / servers                         |
 * | blocking_probability  | blocked arrivals / arrivals                                    |
 * | served                | customers departing                                            |
 * | arrivals              | customers arriving (blocked ones included)                     |
 */
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/core/time.hpp"
#include "cssim/queue/queue_config.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::queue {

/**
 * @brief Raw accumulators of one run, in ticks, for tests that check identities exactly
 * (Little's law over the window) and for common-random-number checks.
 */
struct QueueRunStats {
    core::Tick warmup_tick = 0;
    core::Tick horizon_tick = 0;
    std::uint64_t arrivals = 0;             ///< in the window, blocked included
    std::uint64_t blocked = 0;              ///< in the window
    std::uint64_t served = 0;               ///< departures in the window
    std::uint64_t started = 0;              ///< service starts in the window
    double wait_ticks_sum = 0.0;            ///< over service starts in the window
    double system_ticks_sum = 0.0;          ///< sojourn over departures in the window
    double system_area = 0.0;               ///< integral of customers in system, customer x ticks
    double queue_area = 0.0;                ///< integral of customers waiting
    double busy_area = 0.0;                 ///< integral of busy servers
    std::uint64_t in_system_at_warmup = 0;  ///< customers present at the warm-up instant
    std::uint64_t in_system_at_end = 0;     ///< customers present at the horizon
    /** @brief Sum over customers present at warm-up of (warmup - arrival), ticks. */
    double age_sum_at_warmup = 0.0;
    /** @brief Sum over customers departing in the window who arrived before warm-up of
     * (warmup - arrival), ticks: the part of their sojourn outside the window. */
    double pre_window_ticks_of_served = 0.0;
    /** @brief Sum over customers present at the horizon of (horizon - max(arrival, warmup)).
     * Little's law over the window is then the exact identity
     * system_area - system_ticks_sum == age_sum_at_end - pre_window_ticks_of_served. */
    double age_sum_at_end = 0.0;
    std::uint64_t arrivals_total = 0;  ///< over the whole run, blocked included
    /** @brief Sum of every arrival tick of the run (a fingerprint of the arrival stream). */
    std::uint64_t arrival_tick_sum = 0;
    std::uint64_t events = 0;  ///< events dispatched
};

/** @brief Runs one replication and returns its raw accumulators (and daily series if asked). */
QueueRunStats simulate(const QueueConfig& config, std::uint64_t master_seed,
                       std::uint64_t replication, std::vector<record::Series>* daily_series);

/**
 * @brief Runs one replication: streams derived from (master_seed, replication, name).
 * With `with_detail`, adds daily end-of-day series `queue_length` and `busy_servers` from day 0
 * (warm-up included, so MSER-5 can be applied to them).
 */
record::ReplicationRecord run_replication(const QueueConfig& config, std::uint64_t master_seed,
                                          std::uint64_t replication, bool with_detail);

/** @brief The named random streams the model draws from: "arrivals", "service". */
std::vector<std::string> stream_names();

/** @brief Days and warm-up for the archive; the queue has no posts, statuses or graph. */
record::RunLayout layout(const QueueConfig& config);

/** @brief Names of the per-day series: "queue_length", "busy_servers". */
std::vector<std::string> series_names();

/** @brief Unit, meaning and good direction of each metric, in record order. */
std::vector<record::MetricInfo> metric_info();

/** @brief The metric names of run_replication's record, in record order. */
std::vector<std::string> metric_names();

}  // namespace cssim::queue
