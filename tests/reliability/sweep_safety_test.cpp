// Issue 15 through the real `cssim`: sweep files and designs refused at validation, damaged
// results stores refused by merge and resume (and cleared by --force), one process per sweep
// directory, interrupts while committing, full disks, and merge never writing into its inputs.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
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

// ---- item 4, 8, 17, 18: refused when the sweep is read -----------------------------------

TEST(SweepSafety, HugeGridIsRefusedAtValidationNamingTheLimit) {
    const std::string dir = fresh_directory("safety-grid");
    // 1000^3 = 10^9 points: refused from the counts, before anything is generated.
    const std::string sweep =
        small_sweep(dir, 2, 200,
                    R"([{"path": "servers", "range": [1, 1000], "steps": 1000},
            {"path": "arrival.mean", "range": [1, 2], "steps": 1000},
            {"path": "service.mean", "range": [1, 2], "steps": 1000}])");
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "factors: the grid has more than")) << r.err;
    EXPECT_TRUE(contains(r.err, "above the limit of 100000 design points")) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/out"));
    // Not a timing test of speed: generating 10^9 points took minutes and 24 GB; a refusal
    // from the counts takes milliseconds. 10 s leaves room for a loaded machine.
    EXPECT_LT(seconds, 10.0);
}

TEST(SweepSafety, LhsMorrisAndJobCountsAboveTheLimitAreRefused) {
    const std::string dir = fresh_directory("safety-lhs");
    const std::string factors = R"([{"path": "servers", "range": [2, 9]}])";
    ProcessResult r = run_process(
        {kExe, "sweep", small_sweep(dir, 2, 200, factors, R"({"type": "lhs", "points": 1000000})"),
         "--out", dir + "/a", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "design.points:") && contains(r.err, "limit of 100000")) << r.err;
    r = run_process(
        {kExe, "sweep",
         small_sweep(dir, 2, 200, factors, R"({"type": "morris", "trajectories": 60000})"), "--out",
         dir + "/b", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "design.trajectories:")) << r.err;
    r = run_process({kExe, "sweep",
                     small_sweep(dir, 1000000, 200, factors, R"({"type": "lhs", "points": 100})"),
                     "--out", dir + "/c", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "replications:") && contains(r.err, "limit of 1000000 jobs"))
        << r.err;
}

TEST(SweepSafety, CsvDesignOverTheRowLimitIsRefused) {
    const std::string dir = fresh_directory("safety-csv-rows");
    std::string csv = "servers\n";
    for (int i = 0; i < 100001; ++i) {
        csv += "2\n";
    }
    write_text(dir + "/d.csv", csv);
    small_sweep(dir);  // writes the base scenario q.json
    const std::string sweep = write_text(
        dir + "/s.json",
        R"({"base": "q.json", "factors": [{"path": "servers"}], "design_csv": "d.csv"})");
    const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_TRUE(contains(r.err, "above the limit of 100000 rows")) << r.err;
}

TEST(SweepSafety, FactorsOnSeedOrReplicationsAndMalformedPathsAreRefusedWithTheirPath) {
    const std::string dir = fresh_directory("safety-factor-paths");
    const struct {
        const char* factors;
        const char* expected;
    } cases[] = {
        {R"([{"path": "seed", "levels": [1, 2]}])", "factors[0].path: 'seed' cannot be varied"},
        {R"([{"path": "servers", "levels": [2]}, {"path": "replications", "levels": [2, 3]}])",
         "factors[1].path: 'replications' cannot be varied"},
        {R"([{"path": "a..b", "levels": [1, 2]}])", "factors[0].path: 'a..b' is not a scenario"},
    };
    for (const auto& c : cases) {
        const ProcessResult r = run_process(
            {kExe, "sweep", small_sweep(dir, 2, 200, c.factors), "--out", dir + "/out", "-q"});
        EXPECT_EQ(r.exit_code, 65) << c.factors << "\n" << r.err;
        EXPECT_TRUE(contains(r.err, c.expected)) << r.err;
        EXPECT_FALSE(contains(r.err, "--set")) << r.err;
        EXPECT_FALSE(fs::exists(dir + "/out"));
    }
}

TEST(SweepSafety, DesignCsvMissingDirectoryOrDeviceIsRefusedAtOnce) {
    const std::string dir = fresh_directory("safety-csv-kind");
    small_sweep(dir);
    fs::create_directory(dir + "/folder.csv");
    const struct {
        const char* csv;
        int exit_code;
        const char* expected;
    } cases[] = {{"nosuch.csv", 66, "does not exist"},
                 {"folder.csv", 65, "is a directory"},
                 {"/dev/zero", 65, "not a regular file"}};
    for (const auto& c : cases) {
        const std::string sweep =
            write_text(dir + "/s.json", std::string(R"({"base": "q.json", "factors": [{"path":
                "servers"}], "design_csv": ")") +
                                            c.csv + "\"}");
        const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
        EXPECT_EQ(r.exit_code, c.exit_code) << c.csv << "\n" << r.err;
        EXPECT_TRUE(contains(r.err, c.expected)) << r.err;
        EXPECT_FALSE(contains(r.err, "empty")) << r.err;
    }
}

// ---- item 12: a garbage SLURM_ARRAY_TASK_ID ------------------------------------------------

TEST(SweepSafety, GarbageSlurmTaskIdIsRefusedNotRunUnsharded) {
    const std::string dir = fresh_directory("safety-slurm");
    const std::string sweep = small_sweep(dir, 2, 200);
    for (const char* id : {"abc", "-1", "3x", "99999999999999999999999"}) {
        setenv("SLURM_ARRAY_TASK_ID", id, 1);
        setenv("SLURM_ARRAY_TASK_COUNT", "2", 1);
        const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
        unsetenv("SLURM_ARRAY_TASK_ID");
        unsetenv("SLURM_ARRAY_TASK_COUNT");
        EXPECT_EQ(r.exit_code, 64) << id << "\n" << r.err;
        EXPECT_TRUE(contains(r.err, "SLURM_ARRAY_TASK_ID is '")) << r.err;
        EXPECT_TRUE(contains(r.err, "not a non-negative integer")) << r.err;
        EXPECT_FALSE(fs::exists(dir + "/out"));
    }
}

}  // namespace
}  // namespace cssim::testing
