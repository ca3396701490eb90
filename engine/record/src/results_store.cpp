#include "cssim/record/results_store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "cssim/record/archive_writer.hpp"
#include "cssim/record/errors.hpp"
#include "results_store_impl.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

namespace {

constexpr const char* kStoreSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS job (design_point INTEGER NOT NULL, replication INTEGER NOT NULL,
    seed INTEGER NOT NULL, PRIMARY KEY (design_point, replication)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS job_metric (design_point INTEGER NOT NULL,
    replication INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, value REAL,
    PRIMARY KEY (design_point, replication, position)) WITHOUT ROWID;
)sql";

/** @brief The metric names as one meta value (names cannot hold a newline). */
std::string join_names(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& n : names) {
        text += (text.empty() ? "" : "\n") + n;
    }
    return text;
}

std::vector<std::string> split_names(const std::string& text) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        names.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

/** @brief Device and inode of a file (0, 0 if it does not exist). */
std::pair<dev_t, ino_t> file_identity(const std::filesystem::path& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        return {0, 0};
    }
    return {st.st_dev, st.st_ino};
}

/**
 * @brief An OutputError for a failed write: a full disk or I/O error keeps its errno; a store
 * whose path no longer names the file that was opened (the folder moved, deleted or replaced)
 * says so, rather than SQLite's "disk I/O error" or "attempt to write a readonly database".
 */
OutputError write_failure(const std::filesystem::path& path, const SqliteError& error,
                          std::pair<dev_t, ino_t> opened) {
    int errno_value = 0;
    std::string reason = std::string("SQLite: ") + error.what();
    const bool moved = error.code() == SQLITE_READONLY_DBMOVED ||
                       (opened.second != 0 && file_identity(path) != opened);
    if (!moved && error.primary_code() == SQLITE_FULL) {
        errno_value = ENOSPC;
    } else if (!moved && error.primary_code() == SQLITE_IOERR) {
        errno_value = EIO;
    } else if (moved) {
        reason =
            "the results store was moved, deleted or replaced by another process while this "
            "sweep was writing it (the folder is no longer the one this sweep opened); the jobs "
            "committed before that are in the store that was moved away";
    }
    return OutputError(path, reason, errno_value);
}

}  // namespace

/** @brief A name as shown in a message: control and non-ASCII bytes as \xNN. */
std::string detail::store_shown(const std::string& name) {
    std::string out;
    for (const unsigned char c : name) {
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void ResultsStore::Impl::initialise() {
    detail::Database& d = *db;
    // Rollback journal + FULL sync: a commit is on disk when COMMIT returns; a crash mid-append
    // leaves a hot journal that SQLite rolls back at the next open. busy_timeout lets a second
    // process (e.g. `cssim merge` reading) wait instead of failing at once.
    d.exec(
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = DELETE; "
        "PRAGMA synchronous = FULL;");
    d.exec("BEGIN IMMEDIATE;");
    bool fresh = false;
    {
        Statement has_meta =
            d.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
        has_meta.step();
        fresh = has_meta.column_int64(0) == 0;
        if (fresh) {
            Statement any = d.prepare("SELECT COUNT(*) FROM sqlite_master");
            any.step();
            if (any.column_int64(0) != 0) {
                d.exec("ROLLBACK;");
                throw ArchiveError(path,
                                   "not a cssim results store (an SQLite file without a "
                                   "meta table)");
            }
            if (mode == StoreMode::OpenExisting) {
                d.exec("ROLLBACK;");
                throw ArchiveError(path, "empty file, not a cssim results store");
            }
        }
    }
    if (fresh) {
        d.exec(kStoreSchemaV1);
        Statement meta = d.prepare("INSERT INTO meta VALUES (?1, ?2)");
        meta.bind(1, std::string_view("format")).bind(2, kResultsStoreFormat).run();
        meta.bind(1, std::string_view("schema_version"))
            .bind(2, std::to_string(kResultsStoreSchemaVersion))
            .run();
        meta.bind(1, std::string_view("identity")).bind(2, identity).run();
        if (!metric_names.empty()) {
            meta.bind(1, std::string_view("metrics")).bind(2, join_names(metric_names)).run();
        }
        d.exec("COMMIT;");
        return;
    }
    std::string stored_metrics;
    std::string format;
    std::string version;
    std::string stored_identity;
    {
        Statement meta = d.prepare("SELECT key, value FROM meta");
        while (meta.step()) {
            const std::string key = meta.column_text(0);
            if (key == "format") {
                format = meta.column_text(1);
            } else if (key == "schema_version") {
                version = meta.column_text(1);
            } else if (key == "identity") {
                stored_identity = meta.column_text(1);
            } else if (key == "metrics") {
                stored_metrics = meta.column_text(1);
            }
        }
    }
    d.exec("ROLLBACK;");
    if (format == kArchiveFormat) {
        throw ArchiveError(path, "this is a run archive, not a sweep results store");
    }
    if (format != kResultsStoreFormat) {
        throw ArchiveError(path, "not a cssim results store (meta.format is '" + format + "')");
    }
    if (version.empty() || version.find_first_not_of("0123456789") != std::string::npos) {
        throw ArchiveError(path, "results store damaged: schema_version is '" + version + "'");
    }
    if (std::stol(version) > kResultsStoreSchemaVersion) {
        throw ArchiveError(path, "written with results store schema version " + version +
                                     ", newer than this cssim reads (1 to " +
                                     std::to_string(kResultsStoreSchemaVersion) + ")");
    }
    if (stored_identity != identity) {
        throw ArchiveError(path, "holds results of another study (identity '" + stored_identity +
                                     "', expected '" + identity +
                                     "'); use a new output directory or delete the store");
    }
    const std::vector<std::string> stored = split_names(stored_metrics);
    if (!stored.empty() && !metric_names.empty() && stored != metric_names) {
        throw ArchiveError(path, "results store damaged: its metric names (" +
                                     detail::store_shown(join_names(stored)) +
                                     ") are not the model's; it cannot be resumed");
    }
    if (!stored.empty()) {
        metric_names = stored;
    }
}

ResultsStore::ResultsStore(const std::filesystem::path& path, std::string_view identity,
                           StoreMode mode, std::vector<std::string> metric_names)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->identity = std::string(identity);
    impl_->mode = mode;
    impl_->metric_names = std::move(metric_names);
    if (mode == StoreMode::OpenExisting) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            throw ArchiveError(path, "missing: this sweep directory has no results store");
        }
        if (!std::filesystem::is_regular_file(path, ec)) {
            throw ArchiveError(path, "not a file, so not a cssim results store");
        }
    }
    try {
        impl_->db.emplace(path, mode == StoreMode::OpenExisting
                                    ? SQLITE_OPEN_READWRITE
                                    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    } catch (const SqliteError& error) {
        if (mode == StoreMode::OpenExisting) {
            throw ArchiveError(path, std::string("cannot open the results store: ") + error.what());
        }
        throw OutputError(path, std::string("SQLite: ") + error.what());
    }
    try {
        impl_->initialise();
        impl_->opened = file_identity(path);
    } catch (const SqliteError& error) {
        if (mode == StoreMode::CreateOrOpen &&
            (error.primary_code() == SQLITE_FULL || error.primary_code() == SQLITE_IOERR)) {
            throw write_failure(path, error, {0, 0});  // creating the store failed
        }
        if (error.primary_code() == SQLITE_NOTADB) {
            throw ArchiveError(path, "not an SQLite database, so not a cssim results store");
        }
        impl_->read_failure(error);
    }
}

ResultsStore::ResultsStore(ResultsStore&&) noexcept = default;
ResultsStore& ResultsStore::operator=(ResultsStore&&) noexcept = default;
ResultsStore::~ResultsStore() = default;

const std::filesystem::path& ResultsStore::path() const {
    return impl_->path;
}
const std::string& ResultsStore::identity() const {
    return impl_->identity;
}
const std::vector<std::string>& ResultsStore::metric_names() const {
    return impl_->metric_names;
}

void ResultsStore::append(const ReplicationRecord& job) {
    append_batch(std::span<const ReplicationRecord>(&job, 1));
}

void ResultsStore::append_batch(std::span<const ReplicationRecord> jobs) {
    detail::Database& d = *impl_->db;
    try {
        d.exec("BEGIN IMMEDIATE;");
        try {
            Statement remove =
                d.prepare("DELETE FROM job_metric WHERE design_point = ?1 AND replication = ?2");
            Statement insert = d.prepare("INSERT OR REPLACE INTO job VALUES (?1, ?2, ?3)");
            Statement metric = d.prepare("INSERT INTO job_metric VALUES (?1, ?2, ?3, ?4, ?5)");
            for (const ReplicationRecord& job : jobs) {
                remove.bind_u64(1, job.design_point).bind_u64(2, job.replication).run();
                insert.bind_u64(1, job.design_point).bind_u64(2, job.replication);
                insert.bind_u64(3, job.seed).run();
                for (std::size_t i = 0; i < job.metrics.size(); ++i) {
                    metric.bind_u64(1, job.design_point)
                        .bind_u64(2, job.replication)
                        .bind(3, static_cast<std::int64_t>(i))
                        .bind(4, job.metrics[i].name)
                        .bind(5, job.metrics[i].value)
                        .run();
                }
            }
        } catch (...) {
            try {
                d.exec("ROLLBACK;");
            } catch (const SqliteError&) {
                // A failed COMMIT-less transaction may already be rolled back (SQLITE_FULL).
            }
            throw;
        }
        d.exec("COMMIT;");
    } catch (const SqliteError& error) {
        throw write_failure(impl_->path, error, impl_->opened);
    }
}

}  // namespace cssim::record
