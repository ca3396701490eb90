#pragma once
/**
 * @file model_binding.hpp
 * @brief Binds a loaded scenario to its model's three entry points (run one replication, stream
 * names, layout), so the commands treat the queue and the department alike.
 */
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cssim/record/run_data.hpp"
#include "cssim/scenario/scenario.hpp"

namespace cssim::cli {

/**
 * @brief A model ready to run. `run` is thread-safe: each call builds its own Simulation.
 * `with_detail` asks for per-day series (and tracks and events); `with_episodes` also for the
 * department's episode records, which `cssim run` keeps for its --detail replications only.
 */
struct ModelBinding {
    std::function<record::ReplicationRecord(std::uint64_t master_seed, std::uint64_t replication,
                                            bool with_detail, bool with_episodes)>
        run;
    /**
     * @brief Set for models that are parallel inside one replication (PHOLD's logical processes):
     * the batch then runs replications one at a time, each on `threads` threads, and a
     * replication interrupted by `cancel` returns nothing. `progress` (may be empty) is told the
     * share of the replication done, in [0, 1], as it goes. Null for the other models.
     */
    std::function<std::optional<record::ReplicationRecord>(
        std::uint64_t master_seed, std::uint64_t replication, int threads,
        const std::atomic<bool>* cancel, const std::function<void(double)>& progress)>
        run_parallel;
    std::vector<std::string> stream_names;
    std::vector<std::string> series_names;  ///< per-day series, known before running
    record::RunLayout layout;
};

/**
 * @brief The binding for the scenario's model. The scenario must outlive the binding. With
 * `cancel`, a department replication polls it once per simulated day and throws
 * core::RunCancelled once it is set (run_batch drops such a replication).
 */
ModelBinding bind_model(const scenario::Scenario& scenario,
                        const std::atomic<bool>* cancel = nullptr);

}  // namespace cssim::cli
