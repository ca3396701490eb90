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
class ResultsStore {
public:
    /** @brief Opens `path`, creating it if missing. ArchiveError if it is not a store of ours,
     *  is newer, or has another identity; OutputError if it cannot be created. */
    ResultsStore(const std::filesystem::path& path, std::string_view identity);
    ResultsStore(ResultsStore&&) noexcept;
    ResultsStore& operator=(ResultsStore&&) noexcept;
    ResultsStore(const ResultsStore&) = delete;
    ResultsStore& operator=(const ResultsStore&) = delete;
    ~ResultsStore();

    /** @brief Commits one finished job durably (metrics and seed). OutputError on failure. */
    void append(const ReplicationRecord& job);
    bool has_job(JobKey job) const;
    /** @brief Finished jobs, ascending. */
    std::vector<JobKey> done_jobs() const;
    std::size_t job_count() const;
    /** @brief Every finished job with its metrics, ascending; series etc. are empty. */
    std::vector<ReplicationRecord> load_jobs() const;

    const std::filesystem::path& path() const;
    const std::string& identity() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cssim::record
