#pragma once
/**
 * @file sweep_writer.hpp
 * @brief The single writer of a sweep's results store: workers hand finished jobs over and go
 * on computing while one thread commits them durably (an fsync per job costs milliseconds on
 * a disk and more on a cluster filesystem; workers must not queue behind it).
 *
 * Invariant: every job pushed before close() returns is committed, in push order (the jobs
 * queued while a commit runs go together in the next transaction), unless committing failed; the
 * first failure is rethrown by the next push() and by close().
 */
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "cssim/record/results_store.hpp"

namespace cssim::cli {

/** @brief Commits jobs to a ResultsStore from one background thread. */
class StoreWriter {
public:
    /** @brief `store` must outlive the writer. */
    explicit StoreWriter(record::ResultsStore& store);
    /** @brief Commits what is queued, then stops (errors are dropped here; call close()). */
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    /** @brief Queues one finished job. Thread-safe. Rethrows an earlier commit failure. */
    void push(record::ReplicationRecord job);
    /** @brief Waits until every queued job is committed; rethrows a commit failure. */
    void close();

private:
    void loop();

    record::ResultsStore& store_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<record::ReplicationRecord> queue_;
    bool closing_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace cssim::cli
