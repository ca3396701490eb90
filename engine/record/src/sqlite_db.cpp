#include "sqlite_db.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace cssim::record::detail {

namespace {

std::string message_of(sqlite3* db, int rc) {
    const char* text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return text != nullptr ? text : sqlite3_errstr(rc);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
}

void Statement::fail(int rc) const {
    throw SqliteError(sqlite3_extended_errcode(db_) != 0 ? sqlite3_extended_errcode(db_) : rc,
                      message_of(db_, rc));
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // An empty view may have a null data(); SQLite would then store NULL instead of ''.
    const char* data = value.data() != nullptr ? value.data() : "";
    const int rc =
        sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
    const int rc = bytes.empty() ? sqlite3_bind_zeroblob(stmt_, index, 0)
                                 : sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(),
                                                       SQLITE_STATIC);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

Statement& Statement::bind_zeroblob(int index, std::uint64_t size) {
    const int rc = sqlite3_bind_zeroblob64(stmt_, index, size);
    if (rc != SQLITE_OK) {
        fail(rc);
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    const int code = sqlite3_extended_errcode(db_);
    const std::string text = message_of(db_, rc);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);  // no BLOB bound without a copy may outlive its bytes
    throw SqliteError(code, text);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

double Statement::column_double(int column) const {
    if (is_null(column)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::column_text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (text == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::span<const unsigned char> Statement::column_blob(int column) const {
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return {data, static_cast<std::size_t>(size)};
}

Database::Database(const std::filesystem::path& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string text = message_of(db_, rc);
        const int code = db_ != nullptr ? sqlite3_extended_errcode(db_) : rc;
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw SqliteError(code, text);
    }
    sqlite3_extended_result_codes(db_, 1);
}

void Database::exec(const char* sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string text = error != nullptr ? error : message_of(db_, rc);
        sqlite3_free(error);
        throw SqliteError(sqlite3_extended_errcode(db_), text);
    }
}

namespace {

/** @brief Owns an open incremental BLOB handle; close() reports failure, the destructor cannot. */
class SqliteBlobHandle {
public:
    SqliteBlobHandle(sqlite3* db, const char* table, const char* column, std::int64_t rowid)
        : db_(db) {
        const int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 1, &blob_);
        if (rc != SQLITE_OK) {
            const int code = sqlite3_extended_errcode(db_);
            const std::string text = message_of(db_, rc);
            sqlite3_blob_close(blob_);  // a no-op on null; SQLite may hand back a handle on failure
            blob_ = nullptr;
            throw SqliteError(code, text);
        }
    }
    SqliteBlobHandle(const SqliteBlobHandle&) = delete;
    SqliteBlobHandle& operator=(const SqliteBlobHandle&) = delete;
    ~SqliteBlobHandle() { sqlite3_blob_close(blob_); }

    void write(std::span<const unsigned char> bytes, std::size_t offset) {
        // An int length and offset: SQLite's own BLOB limit (SQLITE_MAX_LENGTH, at most
        // 2^31 - 1) is below it, so a longer BLOB never got this far (bind_zeroblob64 refuses it
        // with SQLITE_TOOBIG).
        constexpr auto kIntMax = static_cast<std::size_t>(std::numeric_limits<int>::max());
        if (bytes.size() > kIntMax || offset > kIntMax - bytes.size()) {
            throw SqliteError(SQLITE_TOOBIG, "BLOB too large for incremental I/O");
        }
        const int rc = sqlite3_blob_write(blob_, bytes.data(), static_cast<int>(bytes.size()),
                                          static_cast<int>(offset));
        if (rc != SQLITE_OK) {
            throw SqliteError(sqlite3_extended_errcode(db_), message_of(db_, rc));
        }
    }
    void close() {
        const int rc = sqlite3_blob_close(blob_);
        blob_ = nullptr;
        if (rc != SQLITE_OK) {
            throw SqliteError(sqlite3_extended_errcode(db_), message_of(db_, rc));
        }
    }

private:
    sqlite3* db_;
    sqlite3_blob* blob_ = nullptr;
};

}  // namespace

void Database::write_blob(const char* table, const char* column, std::int64_t rowid,
                          std::span<const unsigned char> bytes) {
    SqliteBlobHandle blob(db_, table, column, rowid);
    blob.write(bytes, 0);
    blob.close();
}

void Database::write_blob_chunks(
    const char* table, const char* column, std::int64_t rowid, std::size_t size,
    const std::function<void(std::size_t, std::span<unsigned char>)>& fill) {
    SqliteBlobHandle blob(db_, table, column, rowid);
    std::vector<unsigned char> buffer(std::min<std::size_t>(size, std::size_t{64} << 10));
    for (std::size_t offset = 0; offset < size; offset += buffer.size()) {
        const std::span<unsigned char> chunk(buffer.data(), std::min(buffer.size(), size - offset));
        fill(offset, chunk);
        blob.write(chunk, offset);
    }
    blob.close();
}

void Database::close() {
    if (db_ == nullptr) {
        return;
    }
    const int rc = sqlite3_close(db_);
    if (rc != SQLITE_OK) {
        throw SqliteError(rc, message_of(db_, rc));
    }
    db_ = nullptr;
}

}  // namespace cssim::record::detail
