// Issue 15 items 5 and 22: opening damaged run archives. A run.days that the tables cannot
// back (10^12 made the viewer abort with std::bad_alloc) and a stray run.sqlite-journal beside a
// good archive ("attempt to write a readonly database") are both clear errors naming the
// problem and what to do, from the archive reader and from the real `cssim-view` (when built;
// a load error is reported before any window opens, so no display is needed).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_support.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/errors.hpp"
#include "subprocess.hpp"

namespace fs = std::filesystem;
using cssim::testing::fresh_directory;
using cssim::testing::kExe;
using cssim::testing::ProcessResult;
using cssim::testing::read_file;
using cssim::testing::run_process;

namespace {

/** @brief A real `cssim run` of a small queue: the folder holding run.sqlite. */
std::string real_archive(const std::string& dir) {
    const std::string scenario = dir + "/q.json";
    std::ofstream(scenario) << R"({"model": "queue", "name": "q",
        "arrival": {"distribution": "exponential", "mean": 1.25},
        "service": {"distribution": "exponential", "mean": 1.0},
        "servers": 1, "warmup_days": 10, "horizon_days": 300, "replications": 2})";
    const std::string out = dir + "/run";
    const ProcessResult r = run_process({kExe, "run", scenario, "-q", "--out", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
}

void execute(const std::string& archive, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(archive.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string text = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << text;
}

/** @brief The reader's error for `archive`, or "" when it opens. */
std::string open_error(const std::string& archive) {
    try {
        const cssim::record::ArchiveReader reader(archive);
        return "";
    } catch (const cssim::record::ArchiveError& error) {
        return error.what();
    }
}

#ifdef CSSIM_VIEW_EXE
/** @brief cssim-view on `folder` without a display: a load error comes before the window. */
ProcessResult view(const std::string& folder) {
    return run_process({"/usr/bin/env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", CSSIM_VIEW_EXE,
                        folder, "--screenshot", folder + "/never.png"});
}
#endif

}  // namespace

TEST(ArchiveOpen, RunDaysTheTablesCannotBackIsDamagedNotAnAbort) {
    const std::string dir = fresh_directory("archive-open-days");
    const std::string folder = real_archive(dir);
    const std::string archive = folder + "/run.sqlite";
    ASSERT_EQ(open_error(archive), "");
    execute(archive, "UPDATE run SET days = 1000000000000");
    const std::string error = open_error(archive);
    EXPECT_NE(error.find("run.days is 1000000000000"), std::string::npos) << error;
    EXPECT_NE(error.find("cover 300 days"), std::string::npos) << error;
#ifdef CSSIM_VIEW_EXE
    const ProcessResult r = view(folder);
    EXPECT_EQ(r.exit_code, 66) << r.err;  // 134 (SIGABRT) before the fix
    EXPECT_NE(r.err.find("run.days is 1000000000000"), std::string::npos) << r.err;
#endif
    execute(archive, "UPDATE run SET days = 300, warmup_days = -5");
    EXPECT_NE(open_error(archive).find("run.warmup_days is -5"), std::string::npos);
    execute(archive, "UPDATE run SET days = -1, warmup_days = 0");
    EXPECT_NE(open_error(archive).find("run.days is -1"), std::string::npos);
    execute(archive, "UPDATE run SET days = 300, warmup_days = 10");
    EXPECT_EQ(open_error(archive), "");
}

TEST(ArchiveOpen, StrayJournalBesideAGoodArchiveSaysWhatToDo) {
    const std::string dir = fresh_directory("archive-open-journal");
    const std::string folder = real_archive(dir);
    const std::string archive = folder + "/run.sqlite";
    const std::string before = read_file(archive);
    // An empty journal is no journal to SQLite: the archive opens.
    std::ofstream(archive + "-journal").close();
    EXPECT_EQ(open_error(archive), "");
    // A journal with content must be rolled back first, which a read-only reader cannot do.
    std::ofstream(archive + "-journal") << "not a journal at all";
    const std::string error = open_error(archive);
    EXPECT_NE(error.find("run.sqlite-journal"), std::string::npos) << error;
    EXPECT_NE(error.find("move"), std::string::npos) << error;
    EXPECT_EQ(error.find("readonly database"), std::string::npos) << error;
#ifdef CSSIM_VIEW_EXE
    const ProcessResult r = view(folder);
    EXPECT_EQ(r.exit_code, 66) << r.err;
    EXPECT_NE(r.err.find("run.sqlite-journal"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("readonly database"), std::string::npos) << r.err;
#endif
    // Nothing was changed: the archive and the journal are as they were.
    EXPECT_EQ(read_file(archive), before);
    EXPECT_EQ(read_file(archive + "-journal"), "not a journal at all");
    // Doing what the message says makes the archive open.
    fs::rename(archive + "-journal", dir + "/moved-journal");
    EXPECT_EQ(open_error(archive), "");
}
