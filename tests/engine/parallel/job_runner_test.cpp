#include "cssim/parallel/job_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

namespace cssim::parallel {
namespace {

// A job whose result depends only on its index: a few thousand rounds of a 64-bit mix.
std::uint64_t slow_hash(std::size_t i) {
    std::uint64_t x = i + 0x9e3779b97f4a7c15ULL;
    for (int k = 0; k < 20000; ++k) {
        x ^= x >> 31;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 29;
    }
    return x;
}

std::vector<std::uint64_t> run_with_threads(int threads, std::size_t n) {
    std::vector<std::uint64_t> slots(n, 0);
    RunnerOptions options;
    options.threads = threads;
    const RunnerOutcome outcome = run_jobs(
        n, [&](std::size_t i) { slots[i] = slow_hash(i); }, options);
    EXPECT_EQ(outcome.finished_count, n);
    EXPECT_FALSE(outcome.cancelled);
    return slots;
}

TEST(JobRunner, ResultsAreIdenticalForAnyThreadCount) {
    const auto one = run_with_threads(1, 257);
    EXPECT_EQ(one, run_with_threads(2, 257));
    EXPECT_EQ(one, run_with_threads(4, 257));
    EXPECT_EQ(one, run_with_threads(0, 257));
}

TEST(JobRunner, RunsEveryJobExactlyOnce) {
    std::vector<std::atomic<int>> counts(1000);
    RunnerOptions options;
    options.threads = 2;
    run_jobs(
        counts.size(), [&](std::size_t i) { counts[i].fetch_add(1); }, options);
    for (const auto& c : counts) {
        EXPECT_EQ(c.load(), 1);
    }
}

TEST(JobRunner, ProgressCountsUpToTotalInOrder) {
    std::vector<std::size_t> seen;
    RunnerOptions options;
    options.threads = 2;
    options.on_progress = [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 50u);
        seen.push_back(done);
    };
    run_jobs(
        50, [](std::size_t) {}, options);
    ASSERT_EQ(seen.size(), 50u);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i], i + 1);
    }
}

TEST(JobRunner, CancellationStopsNewJobsAndReportsWhichFinished) {
    std::atomic<bool> cancel{false};
    RunnerOptions options;
    options.threads = 2;
    options.cancel = &cancel;
    const RunnerOutcome outcome = run_jobs(
        100,
        [&](std::size_t i) {
            if (i == 10) {
                cancel.store(true);
            }
        },
        options);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_LT(outcome.finished_count, 100u);
    EXPECT_TRUE(outcome.finished[10]);
}

TEST(JobRunner, RethrowsTheLowestFailedJobsException) {
    RunnerOptions options;
    options.threads = 1;
    EXPECT_THROW(run_jobs(
                     20,
                     [](std::size_t i) {
                         if (i == 7) {
                             throw std::runtime_error("job 7 failed");
                         }
                     },
                     options),
                 std::runtime_error);
}

TEST(JobRunner, EmptyBatchIsFine) {
    const RunnerOutcome outcome = run_jobs(0, [](std::size_t) {});
    EXPECT_EQ(outcome.finished_count, 0u);
    EXPECT_FALSE(outcome.cancelled);
}

}  // namespace
}  // namespace cssim::parallel
