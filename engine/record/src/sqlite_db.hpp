#pragma once
/**
 * @file sqlite_db.hpp
 * @brief Private RAII wrappers over the SQLite C API (never in a public header).
 *
 * Failures throw SqliteError carrying SQLite's result code and message; the public classes turn
 * them into OutputError or ArchiveError with the path the user knows.
 */
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cssim::record::detail {

/** @brief An SQLite call failed; code() is the extended result code. */
class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }
    /** @brief The primary code (SQLITE_CORRUPT, SQLITE_NOTADB, ...). */
    int primary_code() const { return code_ & 0xff; }

private:
    int code_;
};

/** @brief A prepared statement. Bind indices start at 1, column indices at 0. */
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
        other.stmt_ = nullptr;
    }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    Statement& bind(int index, std::int64_t value);
    Statement& bind_u64(int index, std::uint64_t value) {
        return bind(index, static_cast<std::int64_t>(value));
    }
    /** @brief NaN is stored as NULL by SQLite; column_double() reads NULL back as NaN. */
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    /** @brief Binds SQL NULL (e.g. a column with no value for this row). */
    Statement& bind_null(int index);
    /**
     * @brief Binds `bytes` without copying them (SQLITE_STATIC): they must stay valid until the
     * statement has run (run(), or step() to the end or to an error) or is reset. A zero-length
     * BLOB, not NULL, when `bytes` is empty.
     */
    Statement& bind_blob(int index, std::span<const unsigned char> bytes);
    /**
     * @brief Binds a BLOB of `size` zero bytes that SQLite does not build in memory: the row is
     * inserted with its pages zeroed, for Database::write_blob to fill in place.
     */
    Statement& bind_zeroblob(int index, std::uint64_t size);

    /** @brief Runs one step: true when a row is ready, false when done. */
    bool step();
    /** @brief Steps to completion (for statements that return no rows) and resets. */
    void run();
    void reset();

    std::int64_t column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::uint64_t column_u64(int column) const {
        return static_cast<std::uint64_t>(column_int64(column));
    }
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::span<const unsigned char> column_blob(int column) const;
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/** @brief An open connection. */
class Database {
public:
    /** @brief sqlite3_open_v2 with `flags` (SQLITE_OPEN_*); extended result codes on. */
    Database(const std::filesystem::path& path, int flags);
    Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database() { sqlite3_close_v2(db_); }

    /** @brief Runs one or more statements without results. */
    void exec(const char* sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    /**
     * @brief Writes `bytes` into the BLOB in `column` of row `rowid` of `table` (incremental BLOB
     * I/O), from offset 0; the BLOB must already be at least that long (bind_zeroblob). SQLite
     * copies the bytes straight into its pages, with no record-sized buffer in between. Every
     * failure (opening, writing or closing the handle) throws SqliteError.
     */
    void write_blob(const char* table, const char* column, std::int64_t rowid,
                    std::span<const unsigned char> bytes);
    /**
     * @brief As write_blob, for `size` bytes made on the fly: `fill(offset, chunk)` writes the
     * bytes from `offset` into `chunk` (at most 64 KiB, one reused buffer), which then go into
     * the BLOB, so a long BLOB never exists whole in memory.
     */
    void write_blob_chunks(const char* table, const char* column, std::int64_t rowid,
                           std::size_t size,
                           const std::function<void(std::size_t, std::span<unsigned char>)>& fill);
    /** @brief Closes now, reporting failure (the destructor cannot). */
    void close();
    sqlite3* handle() { return db_; }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace cssim::record::detail
