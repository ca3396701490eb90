#pragma once
/**
 * @file batch.hpp
 * @brief Runs the replications of one or more scenarios as one batch of parallel jobs.
 *
 * Job j of scenario s is replication j under the shared master seed: the same replication index
 * draws the same random numbers for the same purpose in every scenario (common random numbers).
 * Results land in pre-sized slots, so they are identical for any thread count.
 */
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "cssim/record/run_data.hpp"
#include "model_binding.hpp"
#include "progress.hpp"

namespace cssim::cli {

/** @brief What to run. */
struct BatchRequest {
    std::vector<const ModelBinding*> models;  ///< one per scenario
    std::uint64_t master_seed = 1;
    std::size_t replications = 1;
    int threads = 0;                      ///< 0 = every core
    std::size_t detail_replications = 1;  ///< the first k replications keep tracks and events
    bool with_series = true;              ///< false: metrics only (fastest)
    ProgressReporter* progress = nullptr;
    const std::atomic<bool>* cancel = nullptr;
};

/** @brief records[s] holds scenario s's finished replications in replication order. */
struct BatchResult {
    std::vector<std::vector<record::ReplicationRecord>> records;
    bool cancelled = false;
    double wall_seconds = 0.0;
};

/** @brief Runs every (scenario, replication) job. Exceptions from a model propagate. */
BatchResult run_batch(const BatchRequest& request);

}  // namespace cssim::cli
