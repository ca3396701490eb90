#pragma once
/**
 * @file archive_reader_impl.hpp
 * @brief Private: ArchiveReader's state, shared by archive_reader.cpp (opening, replications)
 * and archive_series.cpp (series, bands).
 */
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "blob_codec.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/errors.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

/** @brief Invariant: entries sorted by (design_point, replication); row_ids[i] is entries[i]'s
 *  row in the replication table and entry_of_row its inverse. */
struct ArchiveReader::Impl {
    std::filesystem::path path;
    int schema_version = 0;
    RunInfo info;
    std::vector<ReplicationEntry> entries;
    std::vector<std::int64_t> row_ids;  ///< row id of entries[i] in the replication table
    std::unordered_map<std::int64_t, std::size_t> entry_of_row;
    mutable std::optional<detail::Database> db;
    std::unordered_map<std::string, std::string> series_labels;  ///< schema 2 on; name -> label

    /** @brief The series' label, or empty (older archive, or a series written without one). */
    std::string series_label(const std::string& name) const {
        const auto it = series_labels.find(name);
        return it == series_labels.end() ? std::string() : it->second;
    }

    [[noreturn]] void damaged(const detail::SqliteError& error) const {
        throw ArchiveError(path, std::string("damaged or unreadable: ") + error.what());
    }
    [[noreturn]] void damaged(const std::string& what) const {
        throw ArchiveError(path, "damaged: " + what);
    }

    void check_format();
    void load_info();
    void load_entries();
    /** @brief run.days and run.warmup_days against what the series and tracks hold. */
    void check_days() const;
    std::int64_t row_of(std::uint64_t replication, std::uint64_t design_point) const;
    std::vector<MetricValue> load_metrics(std::int64_t row) const;

    template <typename T>
    std::vector<T> decode(std::span<const unsigned char> bytes, const std::string& what) const {
        auto values = detail::decode_le<T>(bytes);
        if (!values) {
            damaged(what + " holds " + std::to_string(bytes.size()) + " bytes, not a multiple of " +
                    std::to_string(sizeof(T)));
        }
        return std::move(*values);
    }
};

}  // namespace cssim::record
