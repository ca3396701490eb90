#pragma once
/**
 * @file results_store.hpp
 * @brief A durable, append-only store of finished sweep jobs, for resumable sweeps.
 */
#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::record {

/** @brief Identifies one job of a sweep. Ordered by design point, then replication. */
struct JobKey {
    std::uint64_t design_point = 0;
    std::uint64_t replication = 0;
    auto operator<=>(const JobKey&) const = default;
};

/** @brief Value of meta.format in a results store. */
inline constexpr std::string_view kResultsStoreFormat = "cssim-results-store";
/** @brief Schema version this build writes; older ones stay readable. */
inline constexpr int kResultsStoreSchemaVersion = 1;

/**
 * @brief One SQLite file holding the metrics of finished (design_point, replication) jobs.
 * Each append() is its own transaction with synchronous=FULL and a rollback journal: when it
 * returns the job is on disk, and a `kill -9` at any moment loses at most the job being
 * appended (SQLite rolls the half-written transaction back at the next open). A rollback
 * journal rather than WAL because it also works on the network filesystems of clusters and
 * leaves a single file to copy.
 *
 * Only the metrics and seed are stored (series, tracks and events of thousands of jobs do not
 * belong in a sweep's results). `identity` names the study (e.g. the SHA-256 of the resolved
 * sweep): reopening a store made for another identity is refused, so a changed sweep never
 * mixes with old results. Appending a job already present replaces it. Not thread-safe:
 * append from one thread (the collector). Move-only.
 */
/** @brief How a ResultsStore is opened. */
enum class StoreMode {
    CreateOrOpen,  ///< create the file when missing (a sweep's own store)
    OpenExisting,  ///< the file must exist and be a store (an input, e.g. merge's shards)
};

class ResultsStore {
public:
    /**
     * @brief Opens `path`, creating it if missing (CreateOrOpen). ArchiveError if it is missing
     * (OpenExisting), not a store of ours, newer, has another identity, or was made for other
     * metric names; OutputError if it cannot be created. `metric_names` (the model's metrics,
     * in order) are recorded in a new store and checked against an existing one that has them.
     */
    ResultsStore(const std::filesystem::path& path, std::string_view identity,
                 StoreMode mode = StoreMode::CreateOrOpen,
                 std::vector<std::string> metric_names = {});
    ResultsStore(ResultsStore&&) noexcept;
    ResultsStore& operator=(ResultsStore&&) noexcept;
    ResultsStore(const ResultsStore&) = delete;
    ResultsStore& operator=(const ResultsStore&) = delete;
    ~ResultsStore();

    /** @brief Commits one finished job durably (metrics and seed). OutputError on failure:
     *  errno ENOSPC for a full disk, EIO for an I/O error. */
    void append(const ReplicationRecord& job);
    /** @brief Commits several jobs in one transaction (one sync), all or none. */
    void append_batch(std::span<const ReplicationRecord> jobs);
    bool has_job(JobKey job) const;
    /** @brief Finished jobs, ascending. */
    std::vector<JobKey> done_jobs() const;
    std::size_t job_count() const;
    /**
     * @brief Every finished job with its metrics, ascending; series etc. are empty. Every job is
     * checked first: it must have exactly the store's metric names (or, in a store that does
     * not record them, the first job's), in order, each value a number or NULL (NaN).
     * ArchiveError naming the job otherwise (a damaged store must not merge into wrong results).
     */
    std::vector<ReplicationRecord> load_jobs() const;
    /** @brief The metric names recorded in the store (empty in stores of older versions). */
    const std::vector<std::string>& metric_names() const;

    const std::filesystem::path& path() const;
    const std::string& identity() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cssim::record
