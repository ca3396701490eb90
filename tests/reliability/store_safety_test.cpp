// Issue 15 through the real `cssim`: damaged results stores refused by merge and resume (and
// cleared by --force), one process per sweep directory, interrupts while committing, full
// disks, a sweep folder replaced under a running sweep, and merge never writing into its
// inputs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "cli_test_support.hpp"
#include "store_helpers.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

// Two finished shards of the small sweep in dir/shards; returns the sweep file.
std::string two_shards(const std::string& dir) {
    const std::string sweep = small_sweep(dir);
    for (const char* index : {"0", "1"}) {
        const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/shards",
                                             "--task-index", index, "--task-count", "2", "-q"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    return sweep;
}

// ---- item 7, 16, 23: damaged stores -------------------------------------------------------

TEST(StoreSafety, DamagedStoresAreRefusedByMergeAndResumeAndClearedByForce) {
    const struct {
        const char* name;
        const char* sql;
        const char* expected;
    } damages[] = {
        {"garbage-name",
         "UPDATE job_metric SET name = 'wait' || char(1) || 'mean' WHERE "
         "design_point = 1 AND replication = 0 AND position = 0",
         "wait\\x01mean"},
        {"deleted-row",
         "DELETE FROM job_metric WHERE design_point = 2 AND replication = 0 AND "
         "position = 3",
         "lacks metric number 3"},
        {"text-value",
         "UPDATE job_metric SET value = 'abc' WHERE design_point = 0 AND "
         "replication = 2 AND position = 1",
         "has a text value"},
        {"orphan-metrics", "DELETE FROM job WHERE design_point = 4 AND replication = 0",
         "have no job row"},
    };
    for (const auto& d : damages) {
        SCOPED_TRACE(d.name);
        const std::string dir = fresh_directory(std::string("store-damage-") + d.name);
        const std::string sweep = two_shards(dir);
        const std::string shard = dir + "/shards/shard-0-of-2";
        ASSERT_TRUE(run_sql(shard + "/results.sqlite", d.sql));

        ProcessResult r = run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"});
        EXPECT_EQ(r.exit_code, 65) << r.err;
        EXPECT_TRUE(contains(r.err, "results store damaged")) << r.err;
        EXPECT_TRUE(contains(r.err, d.expected)) << r.err;
        EXPECT_FALSE(fs::exists(dir + "/m"));

        // Resume refuses the same store with the same exit code (one mapping for all commands)
        r = run_process({kExe, "sweep", sweep, "--out", dir + "/shards", "--task-index", "0",
                         "--task-count", "2", "-q"});
        EXPECT_EQ(r.exit_code, 65) << r.err;
        EXPECT_TRUE(contains(r.err, d.expected)) << r.err;
        EXPECT_TRUE(contains(r.err, "--force")) << r.err;

        // --force: the store is cssim's own, so it is discarded and the shard re-run.
        r = run_process({kExe, "sweep", sweep, "--out", dir + "/shards", "--task-index", "0",
                         "--task-count", "2", "--force", "-q"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(contains(r.err, "the damaged store was discarded (--force)")) << r.err;
        r = run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        r = run_process({kExe, "sweep", sweep, "--out", dir + "/single", "-q"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(read_file(dir + "/m/replications.csv") ==
                    read_file(dir + "/single/replications.csv"));
    }
}

TEST(StoreSafety, AByteFlippedInTheStoreFileIsRefusedNotMerged) {
    const std::string dir = fresh_directory("store-byte-flip");
    const std::string sweep = two_shards(dir);
    // Flip one bit in a stored metric name, in the file itself (as a bad disk or copy would).
    const std::string path = dir + "/shards/shard-0-of-2/results.sqlite";
    std::string bytes = read_file(path);
    const std::size_t at = bytes.rfind("utilisation");
    ASSERT_NE(at, std::string::npos);
    bytes[at + 3] = static_cast<char>(bytes[at + 3] ^ 0x01);
    write_text(path, bytes);
    ProcessResult r = run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "damaged")) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/m"));
    r = run_process({kExe, "sweep", sweep, "--out", dir + "/shards", "--task-index", "0",
                     "--task-count", "2", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "damaged")) << r.err;
}

TEST(StoreSafety, DamagedSweepStateIsExit65AndForceStartsAgain) {
    const std::string dir = fresh_directory("store-damaged-state");
    const std::string sweep = small_sweep(dir, 2, 200);
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/S", "-q"}).exit_code, 0);
    write_text(dir + "/S/sweep-state.json", "{\"format\": \"cssim-sweep-st");
    ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/S", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;  // a damaged input, as a damaged store
    EXPECT_TRUE(contains(r.err, "--force discards it")) << r.err;
    r = run_process({kExe, "sweep", sweep, "--out", dir + "/S", "-q", "--force"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

// ---- item 15: merge reads its inputs, never writes into them -------------------------------

TEST(StoreSafety, MergeDoesNotCreateAStoreInAShardWithoutOne) {
    const std::string dir = fresh_directory("store-missing");
    two_shards(dir);
    const std::string store = dir + "/shards/shard-1-of-2/results.sqlite";
    fs::remove(store);
    const ProcessResult r = run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"});
    EXPECT_EQ(r.exit_code, 66) << r.err;
    EXPECT_TRUE(contains(r.err, "has no results.sqlite")) << r.err;
    EXPECT_FALSE(fs::exists(store));
    EXPECT_FALSE(fs::exists(dir + "/m"));
}

// ---- item 13: one process per sweep directory ---------------------------------------------

TEST(StoreSafety, SecondSweepOnTheSameOutIsRefusedNamingTheHolder) {
    const std::string dir = fresh_directory("store-lock");
    const std::string sweep = small_sweep(dir, 3000, 2000);
    const Background first =
        start_process({kExe, "sweep", sweep, "--out", dir + "/out", "-t", "1", "-q"}, "lock");
    ASSERT_TRUE(wait_for_file(dir + "/out/results.sqlite", 30.0));
    const ProcessResult second = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
    kill(first.pid, SIGINT);
    const ProcessResult r = wait_process(first);
    EXPECT_EQ(second.exit_code, 73) << second.err;
    EXPECT_TRUE(contains(
        second.err, "in use by another cssim sweep (process " + std::to_string(first.pid) + ","))
        << second.err;
    EXPECT_EQ(r.exit_code, 130) << r.err;
}

// ---- item 9: Ctrl-C while the commit queue drains -----------------------------------------

TEST(StoreSafety, InterruptedSweepStopsPromptlyAndResumesToTheSameResults) {
    const std::string dir = fresh_directory("store-interrupt");
    // 6 points x 500 replications of 3000 days: seconds of work, so the signal lands mid-run.
    const std::string sweep = small_sweep(dir, 500, 3000);
    const Background run =
        start_process({kExe, "sweep", sweep, "--out", dir + "/out", "-t", "2", "-q"}, "int");
    ASSERT_TRUE(wait_for_file(dir + "/out/results.sqlite", 30.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto signalled = std::chrono::steady_clock::now();
    kill(run.pid, SIGINT);
    const ProcessResult r = wait_process(run);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
    ASSERT_EQ(r.exit_code, 130) << "the sweep was not interrupted: " << r.err;
    EXPECT_TRUE(contains(r.err, "Re-run the same command to resume")) << r.err;
    // Draining used to commit one job per sync for 10-19 s; now one transaction. The bound is
    // loose for a loaded 2-core machine; the point is "seconds, not tens of seconds".
    EXPECT_LT(seconds, 5.0);
    ProcessResult resumed = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    resumed = run_process({kExe, "sweep", sweep, "--out", dir + "/fresh", "-q"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_EQ(read_file(dir + "/out/replications.csv"), read_file(dir + "/fresh/replications.csv"));
}

TEST(StoreSafety, InterruptWhileALargeDesignIsValidatedExits130AndRunsNothing) {
    const std::string dir = fresh_directory("store-validate-interrupt");
    const std::string sweep =
        small_sweep(dir, 1, 200, R"([{"path": "arrival.mean", "range": [0.6, 2.0]}])",
                    R"({"type": "lhs", "points": 100000})");
    const Background run = start_process({kExe, "sweep", sweep, "--out", dir + "/out"}, "val");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto signalled = std::chrono::steady_clock::now();
    kill(run.pid, SIGTERM);
    const ProcessResult r = wait_process(run);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_TRUE(contains(r.err, "interrupted while validating design point")) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/out"));
    EXPECT_LT(seconds, 5.0);  // validating all 100,000 points takes 5-15 s here
}

TEST(StoreSafety, InterruptedMergeExits130LeavesNothingAndCanBeRunAgain) {
    const std::string dir = fresh_directory("store-merge-interrupt");
    // 20,000 one-replication jobs of a 20-day queue: merging them takes a second or more
    // (loading, checking and writing every job, syncing each output).
    const std::string sweep =
        small_sweep(dir, 1, 20, R"([{"path": "arrival.mean", "range": [0.6, 2.0]}])",
                    R"({"type": "lhs", "points": 20000})");
    for (const char* index : {"0", "1"}) {
        ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/shards", "--task-index",
                               index, "--task-count", "2", "-q"})
                      .exit_code,
                  0);
    }
    const std::string before = read_file(dir + "/shards/shard-0-of-2/results.sqlite");
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult r =
        run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"}, 150, SIGINT);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(r.exit_code, 130) << r.err;
    // Our handler, not the default action of a signal that came too early.
    EXPECT_TRUE(contains(r.err, "interrupted; nothing was merged")) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/m"));
    for (const auto& entry : fs::directory_iterator(dir)) {
        EXPECT_FALSE(contains(entry.path().filename().string(), ".m.tmp-")) << entry.path();
    }
    EXPECT_TRUE(read_file(dir + "/shards/shard-0-of-2/results.sqlite") == before);
    EXPECT_LT(seconds, 5.0);  // loose for a loaded machine
    const ProcessResult again = run_process({kExe, "merge", dir + "/shards", "--out", dir + "/m"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
}

// ---- item 23: the sweep folder replaced by another process -------------------------------

TEST(StoreSafety, SweepFolderReplacedUnderARunningSweepGivesAClearMessage) {
    const std::string dir = fresh_directory("store-replaced");
    const std::string sweep = small_sweep(dir, 3000, 2000);
    const Background run =
        start_process({kExe, "sweep", sweep, "--out", dir + "/out", "-t", "1", "-q"}, "moved");
    ASSERT_TRUE(wait_for_file(dir + "/out/results.sqlite", 30.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    fs::rename(dir + "/out", dir + "/moved");
    fs::create_directory(dir + "/out");
    const ProcessResult r = wait_process(run);
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "moved, deleted or replaced by another process")) << r.err;
    EXPECT_FALSE(contains(r.err, "readonly database")) << r.err;
}

// ---- item 14: full disk ---------------------------------------------------------------------

TEST(StoreSafety, FullDiskGivesExit74ForSweepAndMergeAndLeavesNoState) {
    if (geteuid() != 0) {
        GTEST_SKIP() << "needs root to mount a small tmpfs";
    }
    const std::string dir = fresh_directory("store-full");
    two_shards(dir);
    // A design of many points makes sweep-state.json large; the 64 KiB disk cannot hold it.
    std::string levels;
    for (int i = 1; i <= 3000; ++i) {
        levels += (levels.empty() ? "" : ", ") + std::to_string(i) + ".5";
    }
    const std::string sweep =
        write_text(dir + "/big.json", R"({"base": "q.json", "factors": [{"path":
            "arrival.mean", "levels": [)" +
                                          levels + R"(]}], "design": {"type": "grid"},
            "replications": 1})");
    const std::string small = dir + "/small";
    fs::create_directory(small);
    if (mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") != 0) {
        GTEST_SKIP() << "mount not permitted here";
    }
    ProcessResult r = run_process({kExe, "sweep", sweep, "--out", small + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 74) << r.err;
    EXPECT_FALSE(fs::exists(small + "/out")) << "a failed sweep left its state on a full disk";
    // Fill what is left, then merge: its store and outputs cannot be written.
    {
        std::ofstream filler(small + "/filler", std::ios::binary);
        const std::string block(4096, 'x');
        for (int i = 0; i < 64 && filler.write(block.data(), block.size()); ++i) {
            filler.flush();
        }
    }
    r = run_process({kExe, "merge", dir + "/shards", "--out", small + "/m"});
    EXPECT_EQ(r.exit_code, 74) << r.err;
    EXPECT_FALSE(fs::exists(small + "/m"));
    umount(small.c_str());
}

}  // namespace
}  // namespace cssim::testing
