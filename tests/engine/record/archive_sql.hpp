#pragma once
// Test support: SQL run on an archive behind the reader's back (to damage it, or to make an
// archive of an older schema on purpose). Shared by the archive tests of cssim_record_tests.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

namespace cssim::record::testing {

/** @brief Runs `statement` on the SQLite file at `path`; a failure fails the test. */
inline void sql(const std::filesystem::path& path, const char* statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, statement, nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
}

}  // namespace cssim::record::testing
