#include "batch.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

#include "cssim/core/simulation.hpp"
#include "cssim/parallel/job_runner.hpp"

namespace cssim::cli {

BatchResult run_batch(const BatchRequest& request) {
    const std::size_t scenarios = request.models.size();
    const std::size_t reps = request.replications;
    // Replication-major job order: with two scenarios the pair (A_r, B_r) runs close together,
    // so an interrupted compare still has complete pairs.
    const std::size_t jobs = scenarios * reps;
    std::vector<std::optional<record::ReplicationRecord>> slots(jobs);

    // Models parallel inside a replication (logical processes) get the threads themselves;
    // their replications then run one after another.
    bool parallel_inside = false;
    for (const ModelBinding* model : request.models) {
        parallel_inside = parallel_inside || static_cast<bool>(model->run_parallel);
    }
    parallel::RunnerOptions options;
    options.threads = parallel_inside ? 1 : request.threads;
    options.cancel = request.cancel;
    // Jobs finished so far, for the progress of a replication under way (logical processes
    // report the share of their epochs done, from whichever thread finishes an epoch).
    std::atomic<std::size_t> finished_jobs{0};
    std::function<void(double)> partial;
    if (request.progress != nullptr) {
        options.on_progress = [progress = request.progress, &finished_jobs](std::size_t done,
                                                                            std::size_t) {
            finished_jobs.store(done, std::memory_order_relaxed);
            progress->update(done);
        };
        partial = [progress = request.progress, &finished_jobs](double share) {
            progress->update(finished_jobs.load(std::memory_order_relaxed), share);
        };
    }

    const auto start = std::chrono::steady_clock::now();
    const parallel::RunnerOutcome outcome = parallel::run_jobs(
        jobs,
        [&](std::size_t job) {
            const std::size_t rep = job / scenarios;
            const std::size_t s = job % scenarios;
            const bool detail = request.with_series;
            const ModelBinding& model = *request.models[s];
            std::optional<record::ReplicationRecord> finished;
            try {
                finished =
                    model.run_parallel
                        ? model.run_parallel(request.master_seed, rep, request.threads,
                                             request.cancel, partial)
                        : std::optional<record::ReplicationRecord>(model.run(
                              request.master_seed, rep, detail, rep < request.detail_replications));
            } catch (const core::RunCancelled&) {
                return;  // abandoned mid-run on an interrupt: no result, its slot stays empty
            }
            if (!finished) {
                return;  // interrupted mid-replication: its slot stays empty
            }
            record::ReplicationRecord record = std::move(*finished);
            record.replication = rep;
            record.seed = request.master_seed;
            if (rep >= request.detail_replications) {
                // Series stay for every replication (the viewer draws CI bands from them);
                // post tracks, events and episode records are large, so only the first few
                // keep them.
                record.tracks.clear();
                record.tracks.shrink_to_fit();
                record.events.clear();
                record.events.shrink_to_fit();
                record.episodes.clear();
                record.episodes.shrink_to_fit();
            }
            slots[job] = std::move(record);
        },
        options);

    BatchResult result;
    result.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.cancelled = outcome.cancelled || (request.cancel != nullptr &&
                                             request.cancel->load(std::memory_order_relaxed));
    for (const auto& slot : slots) {
        result.cancelled = result.cancelled || !slot.has_value();
    }
    result.records.resize(scenarios);
    for (std::size_t rep = 0; rep < reps; ++rep) {
        // For comparisons only complete pairs are useful: keep replication r only if every
        // scenario finished it.
        bool complete = true;
        for (std::size_t s = 0; s < scenarios; ++s) {
            complete = complete && slots[rep * scenarios + s].has_value();
        }
        if (!complete) {
            continue;
        }
        for (std::size_t s = 0; s < scenarios; ++s) {
            result.records[s].push_back(std::move(*slots[rep * scenarios + s]));
        }
    }
    return result;
}

}  // namespace cssim::cli
