#include "cssim/record/archive_writer.hpp"

#include <cerrno>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "archive_schema.hpp"
#include "blob_codec.hpp"
#include "cssim/record/errors.hpp"
#include "file_ops.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

struct ArchiveWriter::Impl {
    std::filesystem::path path;
    std::filesystem::path temporary;
    RunInfo info;
    std::uint64_t replications = 0;
    std::map<std::string, std::string> series_labels;  ///< name -> label, first one seen
    // Declared before the statements: members die in reverse order, statements first.
    std::optional<detail::Database> db;
    std::optional<Statement> insert_replication;
    std::optional<Statement> insert_metric;
    std::optional<Statement> insert_series;
    std::optional<Statement> insert_track;
    std::optional<Statement> insert_event;
    std::optional<Statement> insert_episode;

    void close_statements() {
        insert_episode.reset();
        insert_event.reset();
        insert_track.reset();
        insert_series.reset();
        insert_metric.reset();
        insert_replication.reset();
    }

    /** @brief Abandons the archive: rolls back by closing, deletes the temporary. */
    void abandon() noexcept {
        close_statements();
        db.reset();
        if (!temporary.empty()) {
            detail::remove_quietly(temporary);
            temporary.clear();
        }
    }

    [[noreturn]] void fail(const SqliteError& error) const {
        // SQLITE_FULL and SQLITE_IOERR are the disk's fault: carry the errno the CLI maps to
        // exit 74 ("writing failed"), as for the text files.
        int errno_value = 0;
        if (error.primary_code() == SQLITE_FULL) {
            errno_value = ENOSPC;
        } else if (error.primary_code() == SQLITE_IOERR) {
            errno_value = EIO;
        }
        throw OutputError(path, std::string("SQLite: ") + error.what(), errno_value);
    }

    void write_run_info();
};

namespace {

/// From this size on a series BLOB is written by incremental BLOB I/O instead of being bound:
/// glibc's default threshold above which an allocation gets fresh pages from the system.
constexpr std::size_t kIncrementalBlobBytes = std::size_t{128} << 10;

/** @brief Inserts a list of names as (position/code, name) rows. */
void insert_names(detail::Database& db, const char* table, const std::vector<std::string>& names) {
    Statement insert = db.prepare(std::string("INSERT INTO ") + table + " VALUES (?1, ?2)");
    for (std::size_t i = 0; i < names.size(); ++i) {
        insert.bind(1, static_cast<std::int64_t>(i)).bind(2, names[i]).run();
    }
}

}  // namespace

void ArchiveWriter::Impl::write_run_info() {
    detail::Database& d = *db;
    Statement run = d.prepare(
        "INSERT INTO run VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "?15, ?16)");
    run.bind(1, info.scenario_name)
        .bind(2, info.model)
        .bind(3, info.scenario_json)
        .bind(4, info.scenario_sha256)
        .bind_u64(5, info.master_seed)
        .bind_u64(6, info.replications)
        .bind(7, static_cast<std::int64_t>(info.threads))
        .bind(8, info.wall_seconds)
        .bind(9, info.command_line)
        .bind(10, info.version)
        .bind(11, info.git_sha)
        .bind(12, info.created_utc)
        .bind(13, info.status)
        .bind(14, info.layout.start_date)
        .bind(15, info.layout.days)
        .bind(16, info.layout.warmup_days)
        .run();
    insert_names(d, "stream", info.stream_names);
    insert_names(d, "status_name", info.layout.status_names);
    insert_names(d, "contract_name", info.layout.contract_names);
    Statement node = d.prepare("INSERT INTO pathway_node VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < info.layout.nodes.size(); ++i) {
        const GraphNode& n = info.layout.nodes[i];
        node.bind(1, static_cast<std::int64_t>(i)).bind(2, n.id).bind(3, n.label);
        node.bind(4, n.series).run();
    }
    Statement metric = d.prepare("INSERT INTO metric_info VALUES (?1, ?2, ?3, ?4, ?5)");
    for (std::size_t i = 0; i < info.layout.metrics.size(); ++i) {
        const MetricInfo& m = info.layout.metrics[i];
        metric.bind(1, static_cast<std::int64_t>(i)).bind(2, m.name).bind(3, m.unit);
        metric.bind(4, m.description).bind(5, static_cast<std::int64_t>(m.direction)).run();
    }
    Statement label = d.prepare("INSERT OR IGNORE INTO label VALUES (?1, ?2, ?3)");
    for (const MetricInfo& m : info.layout.metrics) {
        if (!m.label.empty()) {
            label.bind(1, std::string_view("metric")).bind(2, m.name).bind(3, m.label).run();
        }
    }
    for (const auto& [name, text] : series_labels) {
        label.bind(1, std::string_view("series")).bind(2, name).bind(3, text).run();
    }
    Statement edge = d.prepare("INSERT INTO pathway_edge VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < info.layout.edges.size(); ++i) {
        const GraphEdge& e = info.layout.edges[i];
        edge.bind(1, static_cast<std::int64_t>(i)).bind(2, e.from).bind(3, e.to);
        edge.bind(4, e.probability).run();
    }
}

ArchiveWriter::ArchiveWriter(std::filesystem::path path, RunInfo info)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = std::move(path);
    impl_->info = std::move(info);
    detail::TemporaryFile file = detail::create_temporary_beside(impl_->path);
    impl_->temporary = file.path;
    try {
        file.close(impl_->path);
        impl_->db.emplace(impl_->temporary, SQLITE_OPEN_READWRITE);
        detail::Database& d = *impl_->db;
        // The file is private until the rename, so no journal on disk and no syncs while
        // writing: durability comes from one fsync before the rename (see finish()).
        d.exec(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = MEMORY; "
            "PRAGMA synchronous = OFF; PRAGMA cache_size = -256; BEGIN;");
        d.exec(detail::kArchiveSchemaV1);
        d.exec(detail::kArchiveSchemaV2Labels);
        d.exec(detail::kArchiveSchemaV3Episodes);
        Statement meta = d.prepare("INSERT INTO meta VALUES (?1, ?2)");
        meta.bind(1, std::string_view("format")).bind(2, kArchiveFormat).run();
        meta.bind(1, std::string_view("schema_version"))
            .bind(2, std::to_string(kArchiveSchemaVersion))
            .run();
        impl_->insert_replication.emplace(d.prepare(
            "INSERT INTO replication (design_point, replication, seed) VALUES (?1, ?2, ?3)"));
        impl_->insert_metric.emplace(d.prepare("INSERT INTO metric VALUES (?1, ?2, ?3, ?4)"));
        impl_->insert_series.emplace(
            d.prepare("INSERT INTO series VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        impl_->insert_track.emplace(
            d.prepare("INSERT INTO track VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
        impl_->insert_event.emplace(d.prepare("INSERT INTO event VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        impl_->insert_episode.emplace(d.prepare(
            "INSERT INTO episode VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    } catch (const SqliteError& error) {
        impl_->abandon();
        impl_->fail(error);
    } catch (...) {
        impl_->abandon();
        throw;
    }
}

ArchiveWriter::ArchiveWriter(ArchiveWriter&&) noexcept = default;
ArchiveWriter& ArchiveWriter::operator=(ArchiveWriter&& other) noexcept {
    if (this != &other) {
        if (impl_) {
            impl_->abandon();
        }
        impl_ = std::move(other.impl_);
    }
    return *this;
}

ArchiveWriter::~ArchiveWriter() {
    if (impl_) {
        impl_->abandon();
    }
}

void ArchiveWriter::set_info(RunInfo info) {
    impl_->info = std::move(info);
}

const std::filesystem::path& ArchiveWriter::path() const {
    return impl_->path;
}
std::filesystem::path ArchiveWriter::temporary_path() const {
    return impl_->temporary;
}
std::uint64_t ArchiveWriter::replication_count() const {
    return impl_->replications;
}

void ArchiveWriter::add(const ReplicationRecord& record) {
    if (!impl_->db) {
        throw std::logic_error("ArchiveWriter::add after finish()");
    }
    try {
        Statement& rep = *impl_->insert_replication;
        rep.bind_u64(1, record.design_point).bind_u64(2, record.replication);
        try {
            rep.bind_u64(3, record.seed).run();
        } catch (const SqliteError& error) {
            if (error.primary_code() == SQLITE_CONSTRAINT) {
                throw std::invalid_argument("archive already holds design point " +
                                            std::to_string(record.design_point) + ", replication " +
                                            std::to_string(record.replication));
            }
            throw;
        }
        const std::int64_t id = sqlite3_last_insert_rowid(impl_->db->handle());
        for (std::size_t i = 0; i < record.metrics.size(); ++i) {
            impl_->insert_metric->bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, record.metrics[i].name)
                .bind(4, record.metrics[i].value)
                .run();
        }
        for (std::size_t i = 0; i < record.series.size(); ++i) {
            const Series& s = record.series[i];
            if (!s.label.empty()) {
                impl_->series_labels.emplace(s.name, s.label);
            }
            Statement& insert = *impl_->insert_series;
            insert.bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, s.name)
                .bind(4, s.unit)
                .bind(5, s.description)
                .bind(6, s.first_day);
            const std::size_t size = series_length(s) * sizeof(double);
            std::vector<unsigned char> storage;
            if (!s.small_counts.empty() && size < kIncrementalBlobBytes) {
                storage.resize(size);
                detail::widen_le_into<double>(std::span<const std::uint16_t>(s.small_counts),
                                              storage);
                insert.bind_blob(7, storage).run();
            } else if (!s.small_counts.empty()) {
                // Widened to float64 a chunk at a time, straight into the archive's pages.
                insert.bind_zeroblob(7, size).run();
                impl_->db->write_blob_chunks(
                    "series", "data", sqlite3_last_insert_rowid(impl_->db->handle()), size,
                    [&s](std::size_t offset, std::span<unsigned char> chunk) {
                        detail::widen_le_into<double>(
                            std::span<const std::uint16_t>(s.small_counts)
                                .subspan(offset / sizeof(double), chunk.size() / sizeof(double)),
                            chunk);
                    });
            } else if (size < kIncrementalBlobBytes) {
                insert.bind_blob(7, detail::le_bytes<double>(s.values, storage)).run();
            } else {
                // A long series goes straight into the archive's pages: bound as a BLOB, SQLite
                // would first copy it into a record of its own size (for 10^6 customers' 222,222
                // days, 1.8 MB, fresh pages from the system each time).
                insert.bind_zeroblob(7, size).run();
                impl_->db->write_blob("series", "data",
                                      sqlite3_last_insert_rowid(impl_->db->handle()),
                                      detail::le_bytes<double>(s.values, storage));
            }
        }
        for (std::size_t i = 0; i < record.tracks.size(); ++i) {
            const EntityTrack& t = record.tracks[i];
            std::vector<unsigned char> storage[4];
            const auto status = detail::le_bytes<std::uint8_t>(t.status, storage[0]);
            const auto contract = detail::le_bytes<std::uint8_t>(t.contract, storage[1]);
            const auto caseload = detail::le_bytes<float>(t.caseload, storage[2]);
            const auto stress = detail::le_bytes<float>(t.stress, storage[3]);
            impl_->insert_track->bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, static_cast<std::int64_t>(t.id))
                .bind(4, t.label)
                .bind(5, t.role)
                .bind(6, t.team)
                .bind(7, t.first_day)
                .bind_blob(8, status)
                .bind_blob(9, contract)
                .bind_blob(10, caseload)
                .bind_blob(11, stress)
                .run();
        }
        for (std::size_t i = 0; i < record.events.size(); ++i) {
            const RecordedEvent& e = record.events[i];
            impl_->insert_event->bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, e.tick)
                .bind(4, e.kind)
                .bind(5, e.entity)
                .bind(6, e.text)
                .run();
        }
        for (std::size_t i = 0; i < record.episodes.size(); ++i) {
            const EpisodeRecord& e = record.episodes[i];
            Statement& insert = *impl_->insert_episode;
            insert.bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind_u64(3, e.case_id)
                .bind(4, e.stage);
            if (e.team.empty()) {
                insert.bind_null(5);
            } else {
                insert.bind(5, e.team);
            }
            if (e.worker < 0) {
                insert.bind_null(6);
            } else {
                insert.bind(6, e.worker);
            }
            insert.bind(7, e.start_day)
                .bind(8, e.end_day)
                .bind(9, e.working_days)
                .bind(10, e.next_stage)
                .bind(11, static_cast<std::int64_t>(e.need))
                .bind(12, static_cast<std::int64_t>(e.social_workers))
                .run();
        }
        ++impl_->replications;
    } catch (const SqliteError& error) {
        impl_->fail(error);
    }
}

void ArchiveWriter::finish(DirectorySync sync) {
    if (!impl_->db) {
        throw std::logic_error("ArchiveWriter::finish called twice");
    }
    try {
        impl_->write_run_info();
        impl_->close_statements();
        impl_->db->exec("COMMIT;");
        impl_->db->close();
        impl_->db.reset();
    } catch (const SqliteError& error) {
        impl_->fail(error);
    }
    detail::sync_file(impl_->temporary, impl_->path);
    detail::rename_into_place(impl_->temporary, impl_->path, sync);
    impl_->temporary.clear();
}

void write_archive(const std::filesystem::path& path, const RunInfo& info,
                   std::span<const ReplicationRecord> records, DirectorySync sync) {
    ArchiveWriter writer(path, info);
    for (const auto& record : records) {
        writer.add(record);
    }
    writer.finish(sync);
}

}  // namespace cssim::record
