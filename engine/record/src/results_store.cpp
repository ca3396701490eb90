#include "cssim/record/results_store.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "cssim/record/archive_writer.hpp"
#include "cssim/record/errors.hpp"
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

}  // namespace

struct ResultsStore::Impl {
    std::filesystem::path path;
    std::string identity;
    std::optional<detail::Database> db;

    [[noreturn]] void read_failure(const SqliteError& error) const {
        throw ArchiveError(path,
                           std::string("results store damaged or unreadable: ") + error.what());
    }
    void initialise();
};

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
        d.exec("COMMIT;");
        return;
    }
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
}

ResultsStore::ResultsStore(const std::filesystem::path& path, std::string_view identity)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->identity = std::string(identity);
    try {
        impl_->db.emplace(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    } catch (const SqliteError& error) {
        throw OutputError(path, std::string("SQLite: ") + error.what());
    }
    try {
        impl_->initialise();
    } catch (const SqliteError& error) {
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

void ResultsStore::append(const ReplicationRecord& job) {
    detail::Database& d = *impl_->db;
    try {
        d.exec("BEGIN IMMEDIATE;");
        try {
            Statement remove =
                d.prepare("DELETE FROM job_metric WHERE design_point = ?1 AND replication = ?2");
            remove.bind_u64(1, job.design_point).bind_u64(2, job.replication).run();
            Statement insert = d.prepare("INSERT OR REPLACE INTO job VALUES (?1, ?2, ?3)");
            insert.bind_u64(1, job.design_point).bind_u64(2, job.replication);
            insert.bind_u64(3, job.seed).run();
            Statement metric = d.prepare("INSERT INTO job_metric VALUES (?1, ?2, ?3, ?4, ?5)");
            for (std::size_t i = 0; i < job.metrics.size(); ++i) {
                metric.bind_u64(1, job.design_point)
                    .bind_u64(2, job.replication)
                    .bind(3, static_cast<std::int64_t>(i))
                    .bind(4, job.metrics[i].name)
                    .bind(5, job.metrics[i].value)
                    .run();
            }
        } catch (...) {
            d.exec("ROLLBACK;");
            throw;
        }
        d.exec("COMMIT;");
    } catch (const SqliteError& error) {
        throw OutputError(impl_->path, std::string("SQLite: ") + error.what());
    }
}

bool ResultsStore::has_job(JobKey job) const {
    try {
        Statement select =
            impl_->db->prepare("SELECT 1 FROM job WHERE design_point = ?1 AND replication = ?2");
        select.bind_u64(1, job.design_point).bind_u64(2, job.replication);
        return select.step();
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
}

std::vector<JobKey> ResultsStore::done_jobs() const {
    std::vector<JobKey> out;
    try {
        Statement select = impl_->db->prepare("SELECT design_point, replication FROM job");
        while (select.step()) {
            out.push_back(JobKey{select.column_u64(0), select.column_u64(1)});
        }
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
    std::sort(out.begin(), out.end());  // unsigned order (stored as int64 bits)
    return out;
}

std::size_t ResultsStore::job_count() const {
    return done_jobs().size();
}

std::vector<ReplicationRecord> ResultsStore::load_jobs() const {
    std::vector<ReplicationRecord> out;
    try {
        Statement jobs = impl_->db->prepare("SELECT design_point, replication, seed FROM job");
        while (jobs.step()) {
            ReplicationRecord r;
            r.design_point = jobs.column_u64(0);
            r.replication = jobs.column_u64(1);
            r.seed = jobs.column_u64(2);
            out.push_back(std::move(r));
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return JobKey{a.design_point, a.replication} < JobKey{b.design_point, b.replication};
        });
        Statement metrics = impl_->db->prepare(
            "SELECT name, value FROM job_metric WHERE design_point = ?1 AND replication = ?2 "
            "ORDER BY position");
        for (auto& r : out) {
            metrics.bind_u64(1, r.design_point).bind_u64(2, r.replication);
            while (metrics.step()) {
                r.metrics.push_back(MetricValue{metrics.column_text(0), metrics.column_double(1)});
            }
            metrics.reset();
        }
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
    return out;
}

}  // namespace cssim::record
