// Issue 15 through the real `cssim`: --force replaces only what cssim wrote and never an input;
// an output folder that appears during a run never costs the finished results; names given to
// reps and warmup are checked before anything runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_test_support.hpp"
#include "store_helpers.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

std::string queue(const std::string& dir, int horizon = 500) {
    return write_text(dir + "/q.json",
                      R"({"model": "queue", "name": "q", "arrival": {"distribution":
                          "exponential", "mean": 0.6}, "service": {"distribution":
                          "exponential", "mean": 1.0}, "servers": 2, "horizon_days": )" +
                          std::to_string(horizon) + R"(, "warmup_days": 10, "seed": 7,
                          "replications": 3})");
}

// ---- item 1: --force replaces only a folder cssim wrote, never one holding an input --------

TEST(FolderSafety, RunForceRefusesAFolderOfTheUsersAndKeepsItIntact) {
    const std::string dir = fresh_directory("folder-user");
    const std::string scenario = queue(dir);
    const std::string out = dir + "/mine";
    fs::create_directory(out);
    write_text(out + "/notes.txt", "my notes");
    const ProcessResult r = run_process({kExe, "run", scenario, "--out", out, "--force", "-q"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "was not written by cssim")) << r.err;
    EXPECT_EQ(read_file(out + "/notes.txt"), "my notes");
}

TEST(FolderSafety, RunForceReplacesItsOwnFolderButNotWithAUserFileAdded) {
    const std::string dir = fresh_directory("folder-own");
    const std::string scenario = queue(dir);
    const std::string out = dir + "/out";
    ASSERT_EQ(run_process({kExe, "run", scenario, "--out", out, "-q"}).exit_code, 0);
    ProcessResult r = run_process({kExe, "run", scenario, "--out", out, "--force", "-q"});
    EXPECT_EQ(r.exit_code, 0) << r.err;  // cssim's own run folder: replaced
    write_text(out + "/analysis.R", "x <- 1");
    r = run_process({kExe, "run", scenario, "--out", out, "--force", "-q"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "analysis.R")) << r.err;
    EXPECT_EQ(read_file(out + "/analysis.R"), "x <- 1");
}

TEST(FolderSafety, RunForceNeverReplacesTheFolderHoldingTheScenario) {
    const std::string dir = fresh_directory("folder-input");
    const std::string scenario = queue(dir);
    const ProcessResult r = run_process({kExe, "run", scenario, "--out", dir, "--force", "-q"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "holds an input of this command")) << r.err;
    EXPECT_TRUE(fs::exists(scenario));
}

TEST(FolderSafety, MergeForceNeverReplacesItsInputShards) {
    const std::string dir = fresh_directory("folder-merge");
    const std::string sweep = small_sweep(dir);
    for (const char* index : {"0", "1"}) {
        ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/A", "--task-index", index,
                               "--task-count", "2", "-q"})
                      .exit_code,
                  0);
    }
    const std::string before = read_file(dir + "/A/shard-0-of-2/sweep-state.json");
    ProcessResult r = run_process({kExe, "merge", dir + "/A", "--out", dir + "/A", "--force"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "holds an input of this command")) << r.err;
    EXPECT_EQ(read_file(dir + "/A/shard-0-of-2/sweep-state.json"), before);
    EXPECT_TRUE(fs::exists(dir + "/A/shard-1-of-2/results.sqlite"));
    // Its own earlier output is replaced.
    ASSERT_EQ(run_process({kExe, "merge", dir + "/A", "--out", dir + "/M"}).exit_code, 0);
    r = run_process({kExe, "merge", dir + "/A", "--out", dir + "/M", "--force"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(FolderSafety, SweepForceNeverClearsAFolderWithTheUsersFilesOrTheSweepFile) {
    const std::string dir = fresh_directory("folder-sweep");
    const std::string sweep = small_sweep(dir);
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/S", "-q"}).exit_code, 0);
    write_text(dir + "/S/keep.txt", "mine");
    // Another sweep (a changed replication count) asks for --force; keep.txt forbids it.
    const std::string other = small_sweep(dir, 5);
    const ProcessResult r = run_process({kExe, "sweep", other, "--out", dir + "/S", "--force"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_TRUE(contains(r.err, "keep.txt")) << r.err;
    EXPECT_EQ(read_file(dir + "/S/keep.txt"), "mine");
}

// ---- item 2: an output folder that appears during the run ----------------------------------

TEST(FolderSafety, OutputFolderAppearingDuringARunKeepsTheResultsWhereTheMessageSays) {
    const std::string dir = fresh_directory("folder-appears");
    const std::string scenario = queue(dir, 400000);  // ~0.1 s a replication
    const std::string out = dir + "/out";
    const Background run = start_process(
        {kExe, "run", scenario, "--out", out, "-t", "1", "--replications", "20", "-q"}, "appears");
    const std::string staging = dir + "/.out.tmp-" + std::to_string(run.pid);
    ASSERT_TRUE(wait_for_file(staging, 30.0));
    fs::create_directory(out);
    write_text(out + "/theirs.txt", "another run's");
    const ProcessResult r = wait_process(run);
    EXPECT_EQ(r.exit_code, 73) << r.err;
    const std::string kept = dir + "/out.kept-" + std::to_string(run.pid);
    EXPECT_TRUE(contains(r.err, "The finished results are in '" + kept + "'")) << r.err;
    EXPECT_TRUE(fs::exists(kept + "/manifest.json"));
    EXPECT_TRUE(fs::exists(kept + "/run.sqlite"));
    EXPECT_EQ(read_file(out + "/theirs.txt"), "another run's");
    // A later run in the same parent (which cleans dead runs' staging) keeps them too.
    ASSERT_EQ(run_process({kExe, "run", queue(dir), "--out", dir + "/later", "-q"}).exit_code, 0);
    EXPECT_TRUE(fs::exists(kept + "/manifest.json"));
}

// ---- item 23: names checked before the pilot, with a suggestion ----------------------------

TEST(FolderSafety, RepsAndWarmupCheckNamesBeforeRunningWithADidYouMean) {
    const std::string dir = fresh_directory("folder-names");
    const std::string scenario = queue(dir, 400000);  // a pilot would take seconds
    ProcessResult r = run_process(
        {kExe, "reps", scenario, "--target-half-width", "wait_maen=1", "--progress", "plain"});
    EXPECT_EQ(r.exit_code, 64) << r.err;
    EXPECT_TRUE(contains(r.err, "did you mean 'wait_mean'?")) << r.err;
    EXPECT_TRUE(contains(r.err, "nothing was run")) << r.err;
    EXPECT_FALSE(contains(r.err, "pilot")) << "the pilot ran: " << r.err;
    r = run_process({kExe, "warmup", scenario, "--metric", "queue_lenght", "--progress", "plain"});
    EXPECT_EQ(r.exit_code, 64) << r.err;
    EXPECT_TRUE(contains(r.err, "did you mean 'queue_length'?")) << r.err;
    EXPECT_FALSE(contains(r.err, "warm-up:")) << "replications ran: " << r.err;
}

TEST(FolderSafety, DepartmentSeriesNamesAreKnownBeforeRunning) {
    const std::string dir = fresh_directory("folder-dept-names");
    const std::string scenario = std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json";
    if (!fs::exists(scenario)) {
        GTEST_SKIP() << "no baseline scenario";
    }
    const ProcessResult r = run_process({kExe, "warmup", scenario, "--metric", "caseload_maen"});
    EXPECT_EQ(r.exit_code, 64) << r.err;
    EXPECT_TRUE(contains(r.err, "did you mean 'caseload_mean'?")) << r.err;
}

}  // namespace
}  // namespace cssim::testing
