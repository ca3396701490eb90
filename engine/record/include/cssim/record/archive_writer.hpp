#pragma once
/**
 * @file archive_writer.hpp
 * @brief Writes run.sqlite, the archive the viewer replays (schema in docs/record.md).
 */
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "cssim/record/atomic_file.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::record {

/** @brief Value of meta.format in every run archive. */
inline constexpr std::string_view kArchiveFormat = "cssim-run-archive";
/** @brief Schema version this build writes; readers accept 1..kArchiveSchemaVersion. */
inline constexpr int kArchiveSchemaVersion = 3;

/**
 * @brief Builds a run archive in a temporary file beside `path` (`.<name>.tmp-<random>`),
 * inside one SQLite transaction, and renames it into place in finish(). Until finish()
 * returns nothing exists at `path` (or the previous file stays untouched); a writer destroyed
 * without finish() deletes its temporary file, and a killed process leaves only the temporary,
 * never a partial archive at `path`.
 *
 * Replications may be added in any order (readers sort by design point and replication); a
 * duplicate (design_point, replication) is std::invalid_argument. Not thread-safe: the CLI adds
 * from one thread. Move-only. Errors are OutputError naming `path`.
 */
class ArchiveWriter {
public:
    /** @brief Creates the temporary archive and its tables. The directory must exist. */
    ArchiveWriter(std::filesystem::path path, RunInfo info);
    ArchiveWriter(ArchiveWriter&&) noexcept;
    ArchiveWriter& operator=(ArchiveWriter&&) noexcept;
    ArchiveWriter(const ArchiveWriter&) = delete;
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;
    /** @brief Without finish(): abandons the archive and deletes the temporary file. */
    ~ArchiveWriter();

    /** @brief Replaces the run info written at finish() (wall time and status are known late). */
    void set_info(RunInfo info);
    /** @brief Adds one replication: metrics, series, tracks and events. */
    void add(const ReplicationRecord& record);
    /**
     * @brief Commits, syncs and renames into place (and syncs the directory unless `sync` says
     * the caller does, see DirectorySync). The writer is then spent.
     */
    void finish(DirectorySync sync = DirectorySync::Now);

    const std::filesystem::path& path() const;
    /** @brief The temporary file being written (empty once finished or abandoned). */
    std::filesystem::path temporary_path() const;
    std::uint64_t replication_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** @brief Convenience: ArchiveWriter, add every record, finish(sync). */
void write_archive(const std::filesystem::path& path, const RunInfo& info,
                   std::span<const ReplicationRecord> records,
                   DirectorySync sync = DirectorySync::Now);

}  // namespace cssim::record
