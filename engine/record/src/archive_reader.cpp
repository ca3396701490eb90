#include "cssim/record/archive_reader.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "archive_reader_impl.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

namespace {

constexpr std::size_t kHeaderSize = 100;
// The longest run an archive may claim beyond the days its series and tracks cover: the scenario
// reader's 200-year limit (a model may record series over part of the run only).
constexpr std::int64_t kMaxRunDays = 200 * 366;

/**
 * @brief The error for an archive SQLite cannot read because of a leftover rollback journal
 * (or write-ahead log) beside it: a read-only reader cannot roll it back, and SQLite's own
 * words ("attempt to write a readonly database") say nothing of the cause.
 */
std::optional<std::string> journal_problem(const std::filesystem::path& archive) {
    std::error_code ec;
    for (const char* suffix : {"-journal", "-wal"}) {
        std::filesystem::path side = archive;
        side += suffix;
        if (std::filesystem::exists(side, ec)) {
            const std::string name = side.filename().string();
            return "a leftover '" + name +
                   "' lies beside it: SQLite takes it for an unfinished change that must be "
                   "rolled back (a write) before the archive can be read, and cssim only reads. "
                   "cssim never leaves one beside a finished run, so it comes from another "
                   "program or an interrupted copy: if nothing is changing the archive, move '" +
                   name + "' away and open the archive again";
        }
    }
    return std::nullopt;
}

std::uint32_t big_endian(const std::array<unsigned char, kHeaderSize>& h, std::size_t at,
                         std::size_t bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        value = (value << 8) | h[at + i];
    }
    return value;
}

/**
 * @brief Checks the file before SQLite sees it, so that the common problems get a precise
 * message: missing, empty, not SQLite, or shorter than its own header says (truncated copy or
 * download). Returns the path of the archive file (a directory holding run.sqlite is accepted).
 */
std::filesystem::path check_file(const std::filesystem::path& requested) {
    std::error_code ec;
    std::filesystem::path path = requested;
    if (std::filesystem::is_directory(path, ec)) {
        path /= "run.sqlite";
    }
    if (!std::filesystem::exists(path, ec)) {
        throw ArchiveError(path, "no such file");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw ArchiveError(path, ec.message());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ArchiveError(path, "cannot open the file for reading");
    }
    if (size == 0) {
        throw ArchiveError(path, "the file is empty (not a cssim run archive)");
    }
    std::array<unsigned char, kHeaderSize> header{};
    in.read(reinterpret_cast<char*>(header.data()), kHeaderSize);
    static constexpr char kMagic[] = "SQLite format 3";  // followed by a NUL
    if (in.gcount() < 16 || !std::equal(kMagic, kMagic + 16, header.begin())) {
        throw ArchiveError(path, "not an SQLite database, so not a cssim run archive");
    }
    if (in.gcount() < static_cast<std::streamsize>(kHeaderSize)) {
        throw ArchiveError(path, "damaged: truncated inside the SQLite header");
    }
    std::uint64_t page_size = big_endian(header, 16, 2);
    if (page_size == 1) {
        page_size = 65536;
    }
    const std::uint64_t page_count = big_endian(header, 28, 4);
    // The in-header page count is valid only when the change counter matches (SQLite docs,
    // "Database File Format" §1.3.7).
    const bool count_valid =
        page_count != 0 && big_endian(header, 24, 4) == big_endian(header, 92, 4);
    if (count_valid && size < page_count * page_size) {
        throw ArchiveError(path, "damaged: truncated (" + std::to_string(size) +
                                     " bytes, the header says " +
                                     std::to_string(page_count * page_size) + ")");
    }
    return path;
}

}  // namespace

void ArchiveReader::Impl::check_format() {
    Statement meta = db->prepare("SELECT key, value FROM meta");
    std::map<std::string, std::string> values;
    while (meta.step()) {
        values[meta.column_text(0)] = meta.column_text(1);
    }
    const std::string format = values["format"];
    if (format == kResultsStoreFormat) {
        throw ArchiveError(path, "this is a sweep results store, not a run archive");
    }
    if (format != kArchiveFormat) {
        throw ArchiveError(path, "not a cssim run archive (meta.format is '" + format + "')");
    }
    const std::string version = values["schema_version"];
    char* end = nullptr;
    const long parsed = std::strtol(version.c_str(), &end, 10);
    if (version.empty() || *end != '\0' || parsed < 1) {
        damaged("meta.schema_version is '" + version + "'");
    }
    if (parsed > kArchiveSchemaVersion) {
        throw ArchiveError(path, "written with archive schema version " + version +
                                     ", newer than this cssim reads (1 to " +
                                     std::to_string(kArchiveSchemaVersion) +
                                     "); open it with a newer cssim");
    }
    schema_version = static_cast<int>(parsed);
}

void ArchiveReader::Impl::load_info() {
    // Schema 2 adds the label table; version 1 files have none, and their labels stay empty.
    Statement run = db->prepare(
        "SELECT scenario_name, model, scenario_json, scenario_sha256, master_seed, replications, "
        "threads, wall_seconds, command_line, version, git_sha, created_utc, status, start_date, "
        "days, warmup_days FROM run");
    if (!run.step()) {
        damaged("the run table is empty");
    }
    info.scenario_name = run.column_text(0);
    info.model = run.column_text(1);
    info.scenario_json = run.column_text(2);
    info.scenario_sha256 = run.column_text(3);
    info.master_seed = run.column_u64(4);
    info.replications = run.column_u64(5);
    info.threads = static_cast<int>(run.column_int64(6));
    info.wall_seconds = run.column_double(7);
    info.command_line = run.column_text(8);
    info.version = run.column_text(9);
    info.git_sha = run.column_text(10);
    info.created_utc = run.column_text(11);
    info.status = run.column_text(12);
    info.layout.start_date = run.column_text(13);
    info.layout.days = run.column_int64(14);
    info.layout.warmup_days = run.column_int64(15);

    const auto names = [this](const char* sql) {
        std::vector<std::string> out;
        Statement select = db->prepare(sql);
        while (select.step()) {
            out.push_back(select.column_text(0));
        }
        return out;
    };
    info.stream_names = names("SELECT name FROM stream ORDER BY position");
    info.layout.status_names = names("SELECT name FROM status_name ORDER BY code");
    info.layout.contract_names = names("SELECT name FROM contract_name ORDER BY code");
    Statement nodes = db->prepare("SELECT id, label, series FROM pathway_node ORDER BY position");
    while (nodes.step()) {
        info.layout.nodes.push_back(
            GraphNode{nodes.column_text(0), nodes.column_text(1), nodes.column_text(2)});
    }
    Statement metrics =
        db->prepare("SELECT name, unit, description, direction FROM metric_info ORDER BY position");
    while (metrics.step()) {
        info.layout.metrics.push_back(MetricInfo{metrics.column_text(0),
                                                 metrics.column_text(1),
                                                 metrics.column_text(2),
                                                 static_cast<int>(metrics.column_int64(3)),
                                                 {}});
    }
    if (schema_version >= 2) {
        std::unordered_map<std::string, std::string> metric_labels;
        Statement labels = db->prepare("SELECT kind, name, label FROM label");
        while (labels.step()) {
            auto& target = labels.column_text(0) == "metric" ? metric_labels : series_labels;
            target[labels.column_text(1)] = labels.column_text(2);
        }
        for (MetricInfo& m : info.layout.metrics) {
            if (const auto it = metric_labels.find(m.name); it != metric_labels.end()) {
                m.label = it->second;
            }
        }
    }
    Statement edges =
        db->prepare("SELECT from_id, to_id, probability FROM pathway_edge ORDER BY position");
    while (edges.step()) {
        info.layout.edges.push_back(
            GraphEdge{edges.column_text(0), edges.column_text(1), edges.column_double(2)});
    }
}

void ArchiveReader::Impl::check_days() const {
    // Readers size per-day arrays by run.days (the viewer's timeline), so a damaged value such
    // as 10^12 must stop here rather than in an allocation.
    Statement covered = db->prepare(
        "SELECT MAX(end) FROM (SELECT first_day + length(data) / 8 AS end FROM series "
        "UNION ALL SELECT first_day + length(status) AS end FROM track)");
    const std::int64_t data_days = covered.step() && !covered.is_null(0)
                                       ? std::max<std::int64_t>(covered.column_int64(0), 0)
                                       : 0;
    const std::int64_t days = info.layout.days;
    if (days < 0 || days > std::max(data_days, kMaxRunDays)) {
        damaged("run.days is " + std::to_string(days) + ", but the series and tracks cover " +
                std::to_string(data_days) + " days and no run is longer than " +
                std::to_string(kMaxRunDays) + " days (200 years)");
    }
    if (info.layout.warmup_days < 0 || info.layout.warmup_days > days) {
        damaged("run.warmup_days is " + std::to_string(info.layout.warmup_days) +
                ", outside the run's " + std::to_string(days) + " days");
    }
}

void ArchiveReader::Impl::load_entries() {
    Statement select = db->prepare(
        "SELECT r.id, r.design_point, r.replication, r.seed, "
        "(SELECT COUNT(*) FROM metric WHERE replication_id = r.id), "
        "(SELECT COUNT(*) FROM series WHERE replication_id = r.id), "
        "(SELECT COUNT(*) FROM track WHERE replication_id = r.id), "
        "(SELECT COUNT(*) FROM event WHERE replication_id = r.id) FROM replication r");
    std::vector<std::pair<ReplicationEntry, std::int64_t>> rows;
    while (select.step()) {
        ReplicationEntry e;
        e.design_point = select.column_u64(1);
        e.replication = select.column_u64(2);
        e.seed = select.column_u64(3);
        e.metric_count = static_cast<std::size_t>(select.column_int64(4));
        e.series_count = static_cast<std::size_t>(select.column_int64(5));
        e.track_count = static_cast<std::size_t>(select.column_int64(6));
        e.event_count = static_cast<std::size_t>(select.column_int64(7));
        rows.emplace_back(e, select.column_int64(0));
    }
    // Sorted here rather than in SQL: the ids are unsigned, stored with the bits of an int64.
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::pair(a.first.design_point, a.first.replication) <
               std::pair(b.first.design_point, b.first.replication);
    });
    for (const auto& [entry, row] : rows) {
        entry_of_row[row] = entries.size();
        entries.push_back(entry);
        row_ids.push_back(row);
    }
}

ArchiveReader::ArchiveReader(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = check_file(path);
    try {
        impl_->db.emplace(impl_->path, SQLITE_OPEN_READONLY);
        impl_->check_format();
        impl_->load_info();
        impl_->load_entries();
        impl_->check_days();
    } catch (const SqliteError& error) {
        if (const std::optional<std::string> journal = journal_problem(impl_->path)) {
            throw ArchiveError(impl_->path, *journal);
        }
        if (error.primary_code() == SQLITE_ERROR &&
            std::string_view(error.what()).starts_with("no such table")) {
            throw ArchiveError(impl_->path,
                               std::string("not a cssim run archive (") + error.what() + ")");
        }
        if (error.primary_code() == SQLITE_NOTADB) {
            throw ArchiveError(impl_->path, "not an SQLite database, so not a cssim run archive");
        }
        impl_->damaged(error);
    }
}

ArchiveReader::ArchiveReader(ArchiveReader&&) noexcept = default;
ArchiveReader& ArchiveReader::operator=(ArchiveReader&&) noexcept = default;
ArchiveReader::~ArchiveReader() = default;

}  // namespace cssim::record
