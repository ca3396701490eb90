#pragma once
/**
 * @file phold_model.hpp
 * @brief PHOLD on the logical-process facility: one replication in, one ReplicationRecord out.
 *
 * Every LP is a parallel::LogicalProcess with its own Simulation and its own random streams
 * ("phold.delay", "phold.routing", keyed by its stable id), so the record is byte-identical for
 * any thread count and any LP-to-thread partition (docs/logical-processes.md).
 *
 * Metrics:
 * | name               | meaning                                                    |
 * |--------------------|------------------------------------------------------------|
 * | events_processed   | events dispatched before the horizon, all LPs              |
 * | remote_messages    | events sent to another LP (delivered or past the horizon)  |
 * | events_per_lp_min  | fewest events dispatched by one LP                         |
 * | events_per_lp_max  | most events dispatched by one LP                           |
 * | epochs             | lookahead epochs run                                       |
 */
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cssim/parallel/logical_process.hpp"
#include "cssim/phold/phold_config.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::phold {

/** @brief How to run one replication: threads, LP-to-thread partition, cancellation. */
struct PholdRunOptions {
    int threads = 1;  ///< 0 = every hardware thread
    /** @brief partition[i] = group of LP i (see parallel::LpRunOptions); empty = blocks. */
    std::vector<std::uint32_t> partition;
    const std::atomic<bool>* cancel = nullptr;
    /** @brief Optional: the share of the replication's epochs done, in [0, 1], every
     * kProgressEpochs epochs and after the last (from whichever thread finished the epoch). */
    std::function<void(double)> on_progress;
    /** @brief Optional: where each thread's time went (parallel::LpRunOptions::times). */
    std::vector<parallel::LpThreadTimes>* times = nullptr;
};

/** @brief Epochs between two on_progress calls (a few milliseconds of PHOLD152's work). */
inline constexpr std::uint64_t kProgressEpochs = 256;

/** @brief Raw counts of one run. */
struct PholdRunStats {
    std::vector<std::uint64_t> events_per_lp;
    std::uint64_t events_processed = 0;
    std::uint64_t remote_messages = 0;
    std::uint64_t epochs = 0;
    bool cancelled = false;
};

/** @brief Runs one replication: LP i's streams derived from (master_seed, replication, name, i). */
PholdRunStats simulate(const PholdConfig& config, std::uint64_t master_seed,
                       std::uint64_t replication, const PholdRunOptions& options = {});

/** @brief One replication as a record; empty when cancelled before the horizon. */
std::optional<record::ReplicationRecord> run_replication(const PholdConfig& config,
                                                         std::uint64_t master_seed,
                                                         std::uint64_t replication,
                                                         const PholdRunOptions& options = {});

/** @brief The named random streams of each LP: "phold.delay", "phold.routing". */
std::vector<std::string> stream_names();

/** @brief The metrics; PHOLD has no days, posts or graph. */
record::RunLayout layout(const PholdConfig& config);

/** @brief Unit, meaning and good direction of each metric, in record order. */
std::vector<record::MetricInfo> metric_info();

}  // namespace cssim::phold
