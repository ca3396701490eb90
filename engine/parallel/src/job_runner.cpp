#include "cssim/parallel/job_runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <exception>
#include <mutex>

#include "tsan_annotations.hpp"

namespace cssim::parallel {

using detail::g_completion_token;
using detail::g_handoff_token;
using detail::happens_after;
using detail::happens_before;

int hardware_threads() {
    const int n = tbb::info::default_concurrency();
    return n > 0 ? n : 1;
}

RunnerOutcome run_jobs(std::size_t job_count, const std::function<void(std::size_t)>& work,
                       const RunnerOptions& options) {
    RunnerOutcome outcome;
    // std::vector<bool> packs bits, so concurrent writes to neighbours would race: collect
    // completion in bytes and convert at the end.
    std::vector<unsigned char> finished(job_count, 0);
    std::vector<std::exception_ptr> errors(job_count);
    std::atomic<bool> failed{false};
    std::atomic<bool> cancelled{false};
    std::mutex progress_mutex;
    std::size_t done = 0;

    auto should_stop = [&] {
        if (failed.load(std::memory_order_relaxed)) {
            return true;
        }
        if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
            cancelled.store(true, std::memory_order_relaxed);
            return true;
        }
        return false;
    };

    // Marks the end of a job on every path out of it (finished, skipped or failed).
    struct CompletionMark {
        ~CompletionMark() { happens_before(&g_completion_token); }
    };

    auto run_one = [&](std::size_t i) {
        const CompletionMark mark;
        if (should_stop()) {
            return;
        }
        try {
            work(i);
            finished[i] = 1;
        } catch (...) {
            errors[i] = std::current_exception();
            failed.store(true, std::memory_order_relaxed);
            return;
        }
        std::lock_guard<std::mutex> lock(progress_mutex);
        ++done;
        if (options.on_progress) {
            options.on_progress(done, job_count);
        }
    };

    const int threads = options.threads > 0 ? options.threads : hardware_threads();
    if (threads == 1) {
        // No arena at all: the single-threaded path is also the reference for determinism tests.
        for (std::size_t i = 0; i < job_count; ++i) {
            run_one(i);
        }
    } else {
        happens_before(&g_handoff_token);
        tbb::task_arena arena(threads);
        arena.execute([&] {
            // Grain 1 with the simple partitioner: jobs are coarse (a whole replication), so
            // every job is its own task and the cores stay busy until the last one.
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, job_count, 1),
                [&](const tbb::blocked_range<std::size_t>& range) {
                    happens_after(&g_handoff_token);
                    for (std::size_t i = range.begin(); i != range.end(); ++i) {
                        run_one(i);
                    }
                },
                tbb::simple_partitioner());
        });
        happens_after(&g_completion_token);
    }

    for (const std::exception_ptr& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
    outcome.finished.assign(finished.begin(), finished.end());
    for (unsigned char f : finished) {
        outcome.finished_count += f;
    }
    outcome.cancelled = cancelled.load() || outcome.finished_count < job_count;
    return outcome;
}

}  // namespace cssim::parallel
