#pragma once
/**
 * @file job_runner.hpp
 * @brief Runs independent jobs (design point x replication) on a pool of threads.
 *
 * The runner never decides where a result goes: each job writes into a slot the caller sized
 * beforehand (slot i for job i), so the output is the same bytes for any thread count. Jobs run
 * on a TBB task arena of the requested size; TBB appears nowhere else in cssim.
 *
 * @code
 *   std::vector<record::ReplicationRecord> slots(n);
 *   parallel::RunnerOptions options; options.threads = 2;
 *   auto outcome = parallel::run_jobs(n, [&](std::size_t i) { slots[i] = run_one(i); }, options);
 * @endcode
 */
#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

namespace cssim::parallel {

/** @brief Called after each finished job with (jobs finished so far, total). Serialised. */
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

/** @brief How to run a batch of jobs. */
struct RunnerOptions {
    /** @brief Worker threads; 0 means every hardware thread. */
    int threads = 0;
    /** @brief When it becomes true no new job starts; running jobs finish. May be null. */
    const std::atomic<bool>* cancel = nullptr;
    /** @brief Optional progress hook, called under a lock after each finished job. */
    ProgressCallback on_progress;
};

/** @brief What happened to a batch. `finished[i]` is true when job i ran to completion. */
struct RunnerOutcome {
    std::vector<bool> finished;
    std::size_t finished_count = 0;
    bool cancelled = false;
};

/** @brief Number of hardware threads (at least 1). */
int hardware_threads();

/**
 * @brief Runs work(i) for every i in [0, job_count), at most `options.threads` at a time.
 *
 * If a job throws, no further job starts and, once the running ones end, the exception of the
 * lowest-numbered failed job is rethrown. Cancellation is not an error: the outcome says which
 * jobs finished.
 */
RunnerOutcome run_jobs(std::size_t job_count, const std::function<void(std::size_t)>& work,
                       const RunnerOptions& options = {});

}  // namespace cssim::parallel
