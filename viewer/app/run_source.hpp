#pragma once
/**
 * @file run_source.hpp
 * @brief Where a loaded run's data comes from: a run archive on disk, or memory (tests).
 *
 * The viewer reads archives only through cssim::record; this interface keeps the rest of the
 * viewer independent of how the record library spells its reader, and lets the logic tests
 * build runs in memory.
 */
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::viewer {

/** @brief A run could not be opened or read; what() is a sentence for the user. */
class LoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief Read access to one run (all replications). Implementations throw LoadError. */
class RunSource {
public:
    virtual ~RunSource() = default;
    /** @brief Where the run came from, e.g. the archive path; shown in the UI. */
    [[nodiscard]] virtual const std::string& description() const = 0;
    [[nodiscard]] virtual const record::RunInfo& info() const = 0;
    /** @brief Replication indices present, ascending. */
    [[nodiscard]] virtual std::vector<std::uint64_t> replication_ids() const = 0;
    [[nodiscard]] virtual record::ReplicationRecord load_replication(std::uint64_t id) const = 0;
    /** @brief The named series of every replication (for confidence bands). */
    [[nodiscard]] virtual std::vector<record::Series> load_series_across_replications(
        const std::string& name) const = 0;
    /** @brief The summary metrics of every replication, in replication_ids() order. */
    [[nodiscard]] virtual std::vector<std::vector<record::MetricValue>>
    load_metrics_across_replications() const = 0;
};

/** @brief A run held in memory (for tests and generated examples). */
std::shared_ptr<const RunSource> make_memory_run_source(
    std::string description, record::RunInfo info,
    std::vector<record::ReplicationRecord> replications);

/**
 * @brief Opens a run archive: a run.sqlite file, or a directory holding one.
 * @throws LoadError with a message naming the path when it is missing or damaged.
 */
std::shared_ptr<const RunSource> open_archive_run_source(const std::filesystem::path& path);

/** @brief The run.sqlite a path means: the file itself, or DIR/run.sqlite. */
std::filesystem::path resolve_archive_path(const std::filesystem::path& path);

}  // namespace cssim::viewer
