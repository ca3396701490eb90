/**
 * @file archive_reader_queries.cpp
 * @brief What an open run archive holds: its run information, replications and their keys, and
 * each replication's metrics, periods and episodes loaded back as a ReplicationRecord
 * (archive_reader.hpp; opening and checking the file is in archive_reader.cpp).
 */
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "archive_reader_impl.hpp"
#include "cssim/record/archive_reader.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

namespace {

/** @brief The replication numbers of the entries `keep` accepts, in the entries' order. */
template <class Keep>
std::vector<std::uint64_t> archive_replications_where(const std::vector<ReplicationEntry>& entries,
                                                      Keep keep) {
    std::vector<std::uint64_t> out;
    for (const ReplicationEntry& e : entries) {
        if (keep(e)) {
            out.push_back(e.replication);
        }
    }
    return out;
}

}  // namespace

std::int64_t ArchiveReader::Impl::row_of(std::uint64_t replication,
                                         std::uint64_t design_point) const {
    const auto it = std::lower_bound(
        entries.begin(), entries.end(), std::pair(design_point, replication),
        [](const ReplicationEntry& e, const std::pair<std::uint64_t, std::uint64_t>& key) {
            return std::pair(e.design_point, e.replication) < key;
        });
    if (it == entries.end() || it->design_point != design_point || it->replication != replication) {
        throw std::out_of_range(path.string() + " has no replication " +
                                std::to_string(replication) + " at design point " +
                                std::to_string(design_point));
    }
    return row_ids[static_cast<std::size_t>(it - entries.begin())];
}

std::vector<MetricValue> ArchiveReader::Impl::load_metrics(std::int64_t row) const {
    std::vector<MetricValue> out;
    Statement select =
        db->prepare("SELECT name, value FROM metric WHERE replication_id = ?1 ORDER BY position");
    select.bind(1, row);
    while (select.step()) {
        out.push_back(MetricValue{select.column_text(0), select.column_double(1)});
    }
    return out;
}

const std::filesystem::path& ArchiveReader::path() const {
    return impl_->path;
}
int ArchiveReader::schema_version() const {
    return impl_->schema_version;
}
const RunInfo& ArchiveReader::info() const {
    return impl_->info;
}
const std::vector<ReplicationEntry>& ArchiveReader::replications() const {
    return impl_->entries;
}

std::vector<std::uint64_t> ArchiveReader::replication_ids() const {
    return archive_replications_where(impl_->entries, [](const ReplicationEntry&) { return true; });
}

bool ArchiveReader::has_replication(std::uint64_t replication, std::uint64_t design_point) const {
    return std::any_of(impl_->entries.begin(), impl_->entries.end(), [&](const auto& e) {
        return e.replication == replication && e.design_point == design_point;
    });
}

std::vector<std::uint64_t> ArchiveReader::replications_with_tracks() const {
    return archive_replications_where(impl_->entries,
                                      [](const ReplicationEntry& e) { return e.has_tracks(); });
}

std::vector<std::uint64_t> ArchiveReader::replications_with_events() const {
    return archive_replications_where(impl_->entries,
                                      [](const ReplicationEntry& e) { return e.has_events(); });
}

std::vector<MetricValue> ArchiveReader::metrics(std::uint64_t replication,
                                                std::uint64_t design_point) const {
    const std::int64_t row = impl_->row_of(replication, design_point);
    try {
        return impl_->load_metrics(row);
    } catch (const SqliteError& error) {
        impl_->damaged(error);
    }
}

ReplicationRecord ArchiveReader::load_replication(std::uint64_t replication,
                                                  std::uint64_t design_point) const {
    const std::int64_t row = impl_->row_of(replication, design_point);
    const ReplicationEntry& entry = impl_->entries[impl_->entry_of_row.at(row)];
    ReplicationRecord out;
    out.design_point = entry.design_point;
    out.replication = entry.replication;
    out.seed = entry.seed;
    try {
        out.metrics = impl_->load_metrics(row);
        Statement series = impl_->db->prepare(
            "SELECT name, unit, description, first_day, data FROM series "
            "WHERE replication_id = ?1 ORDER BY position");
        series.bind(1, row);
        out.series.reserve(entry.series_count);
        while (series.step()) {
            Series s{series.column_text(0),
                     series.column_text(1),
                     series.column_text(2),
                     series.column_int64(3),
                     {},
                     {}};
            s.label = impl_->series_label(s.name);
            s.values = impl_->decode<double>(series.column_blob(4), "series '" + s.name + "'");
            out.series.push_back(std::move(s));
        }
        Statement tracks = impl_->db->prepare(
            "SELECT id, label, role, team, first_day, status, contract, caseload, stress "
            "FROM track WHERE replication_id = ?1 ORDER BY position");
        tracks.bind(1, row);
        out.tracks.reserve(entry.track_count);
        while (tracks.step()) {
            EntityTrack t;
            t.id = static_cast<std::uint32_t>(tracks.column_int64(0));
            t.label = tracks.column_text(1);
            t.role = tracks.column_text(2);
            t.team = tracks.column_text(3);
            t.first_day = tracks.column_int64(4);
            const std::string what = "track '" + t.label + "'";
            t.status = impl_->decode<std::uint8_t>(tracks.column_blob(5), what);
            t.contract = impl_->decode<std::uint8_t>(tracks.column_blob(6), what);
            t.caseload = impl_->decode<float>(tracks.column_blob(7), what);
            t.stress = impl_->decode<float>(tracks.column_blob(8), what);
            out.tracks.push_back(std::move(t));
        }
        Statement events = impl_->db->prepare(
            "SELECT tick, kind, entity, text FROM event WHERE replication_id = ?1 "
            "ORDER BY position");
        events.bind(1, row);
        out.events.reserve(entry.event_count);
        while (events.step()) {
            out.events.push_back(RecordedEvent{events.column_int64(0), events.column_text(1),
                                               events.column_int64(2), events.column_text(3)});
        }
    } catch (const SqliteError& error) {
        impl_->damaged(error);
    }
    return out;
}

}  // namespace cssim::record
