#pragma once
/**
 * @file archive_reader.hpp
 * @brief Reads run.sqlite: the only way the viewer (or anything else) gets a run back.
 */
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::record {

/** @brief What one archived replication holds, without loading it. */
struct ReplicationEntry {
    std::uint64_t design_point = 0;
    std::uint64_t replication = 0;
    std::uint64_t seed = 0;
    std::size_t metric_count = 0;
    std::size_t series_count = 0;
    std::size_t track_count = 0;
    std::size_t event_count = 0;
    bool has_tracks() const { return track_count > 0; }
    bool has_events() const { return event_count > 0; }
};

/** @brief Name, unit, description and label of a series, without its values. */
struct SeriesInfo {
    std::string name;
    std::string unit;
    std::string description;
    std::string label;  ///< empty in archives older than schema 2: show `name`
};

/** @brief One replication's copy of a series (from load_series). */
struct ReplicationSeries {
    std::uint64_t design_point = 0;
    std::uint64_t replication = 0;
    Series series;
};

/**
 * @brief Per-day mean and Student-t confidence band of a series across replications.
 * Day first_day + i has mean[i], low[i], high[i] over n[i] replications (those covering that
 * day with a non-NaN value); with n[i] == 1 the band is infinite, with 0 everything is NaN.
 */
struct SeriesBand {
    std::string name;
    std::string unit;
    std::int64_t first_day = 0;
    std::vector<double> mean;
    std::vector<double> low;
    std::vector<double> high;
    std::vector<std::uint32_t> n;
};

/**
 * @brief An open run archive. Opening reads the run info, layout and the list of replications
 * (a few milliseconds); everything else is loaded on request. Accepts every schema version from
 * 1 to kArchiveSchemaVersion; refuses newer ones.
 *
 * Errors: opening throws ArchiveError naming the file and the problem (missing, not SQLite,
 * not a cssim archive, damaged/truncated, newer schema); later loads throw ArchiveError if the
 * file turns out damaged, and std::out_of_range for a replication the archive does not have.
 * Replications are addressed by (replication, design_point); a `cssim run` archive has design
 * point 0 only, hence the default. Read-only; not thread-safe (open one reader per thread, it
 * is cheap). Move-only.
 */
class ArchiveReader {
public:
    explicit ArchiveReader(const std::filesystem::path& path);
    ArchiveReader(ArchiveReader&&) noexcept;
    ArchiveReader& operator=(ArchiveReader&&) noexcept;
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;
    ~ArchiveReader();

    /** @brief Same as the constructor, for `auto a = ArchiveReader::open(p);`. */
    static ArchiveReader open(const std::filesystem::path& path) { return ArchiveReader(path); }

    const std::filesystem::path& path() const;
    /** @brief The schema version of this file (<= kArchiveSchemaVersion). */
    int schema_version() const;
    /** @brief Provenance and layout (status/contract names, pathway graph, dates). */
    const RunInfo& info() const;

    /** @brief Every archived replication, by (design_point, replication). */
    const std::vector<ReplicationEntry>& replications() const;
    /** @brief Replication numbers, ascending (by design point first). */
    std::vector<std::uint64_t> replication_ids() const;
    bool has_replication(std::uint64_t replication, std::uint64_t design_point = 0) const;
    /** @brief Replication numbers whose office-floor tracks were archived. */
    std::vector<std::uint64_t> replications_with_tracks() const;
    /** @brief Replication numbers with at least one event. */
    std::vector<std::uint64_t> replications_with_events() const;

    /** @brief The metrics of one replication, in the model's order. */
    std::vector<MetricValue> metrics(std::uint64_t replication,
                                     std::uint64_t design_point = 0) const;
    /** @brief Everything one replication recorded. */
    ReplicationRecord load_replication(std::uint64_t replication,
                                       std::uint64_t design_point = 0) const;

    /** @brief Series names in the model's order (first replication first). */
    std::vector<std::string> series_names() const;
    /** @brief Name, unit and description of every series, in the same order. */
    std::vector<SeriesInfo> series_catalogue() const;
    /** @brief One series from every replication that has it, by (design_point, replication). */
    std::vector<ReplicationSeries> load_series(std::string_view name) const;
    /** @brief load_series() reduced to a per-day mean and CI band (design point 0 by default). */
    SeriesBand series_band(std::string_view name, double level = 0.95,
                           std::uint64_t design_point = 0) const;

    /**
     * @brief The finished stage episodes of one replication, in the order they ended (empty for
     * a replication archived without detail, and for archives older than schema 3, which have
     * no episode table). Not part of load_replication(): the viewer does not need them.
     */
    std::vector<EpisodeRecord> load_episodes(std::uint64_t replication,
                                             std::uint64_t design_point = 0) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cssim::record
