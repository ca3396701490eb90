// End-to-end tests of `cssim sweep` and `cssim merge`: byte-identical outputs across thread
// counts, shards and a kill -9 mid-sweep; refusing another sweep's directory; CSV designs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "cli_test_support.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

// The outputs that must not depend on threads, shards or interruptions (the manifest holds
// wall time and the command line, so it is left out).
const char* const kDeterministic[] = {"replications.csv", "points.csv", "summary.json",
                                      "design.csv", "sweep-state.json"};

std::string write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
    return path;
}

// A sweep over a small M/M/c queue: milliseconds per job.
std::string queue_sweep(const std::string& dir, const std::string& design,
                        const std::string& extra = "", int horizon = 2000, int replications = 4) {
    write(
        dir + "/q.json",
        R"({"model": "queue", "name": "q", "arrival": {"distribution": "exponential", "mean": 0.6},
              "service": {"distribution": "exponential", "mean": 1.0}, "servers": 2,
              "horizon_days": )" +
            std::to_string(horizon) + R"(, "warmup_days": 100, "seed": 7})");
    return write(dir + "/sweep.json", R"({"name": "qs", "base": "q.json", )" + extra +
                                          R"("factors": [{"path": "servers", "levels": [2, 3]},
                                   {"path": "arrival.mean", "range": [0.6, 1.0], "steps": 3}],
                     "design": )" + design +
                                          R"(, "replications": )" + std::to_string(replications) +
                                          R"(, "seed": 11})");
}

void expect_same_outputs(const std::string& a, const std::string& b) {
    for (const char* file : kDeterministic) {
        const std::string x = read_file(a + "/" + file);
        EXPECT_FALSE(x.empty()) << a << "/" << file;
        EXPECT_EQ(x, read_file(b + "/" + file)) << file << " differs between " << a << " and " << b;
    }
}

TEST(SweepCli, GridOutputsAreTidyAndIdenticalForOneAndTwoThreads) {
    const std::string dir = fresh_directory("sweep-threads");
    const std::string sweep = queue_sweep(dir, R"({"type": "grid"})");
    const ProcessResult one =
        run_process({kExe, "sweep", sweep, "--out", dir + "/t1", "-t", "1", "-q"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const ProcessResult two =
        run_process({kExe, "sweep", sweep, "--out", dir + "/t2", "-t", "2", "-q"});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    expect_same_outputs(dir + "/t1", dir + "/t2");
    const std::string csv = read_file(dir + "/t1/replications.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "scenario,design_point,replication,seed,period,metric,value,servers,arrival.mean");
    EXPECT_NE(csv.find("\nqs,5,3,11,all,wait_mean,"), std::string::npos);
    EXPECT_NE(read_file(dir + "/t1/points.csv").find(",ci95_low,ci95_high,"), std::string::npos);
    EXPECT_NE(read_file(dir + "/t1/manifest.json").find("\"identity\""), std::string::npos);
    EXPECT_TRUE(fs::exists(dir + "/t1/results.sqlite"));
}

TEST(SweepCli, DepartmentSweepIsIdenticalForOneAndTwoThreads) {
    const std::string dir = fresh_directory("sweep-department");
    const std::string sweep =
        write(dir + "/dept.json",
              R"({"name": "dept", "base": ")" + std::string(CSSIM_SOURCE_DIR) +
                  R"(/scenarios/base.json", "set": {"run.years": 2, "run.warmup_years": 0.5},
            "factors": [{"path": "admin_support.workers_per_pa", "levels": [0, 3]}],
            "design": {"type": "grid"}, "replications": 2, "seed": 5})");
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/t1", "-t", "1", "-q"}).exit_code,
              0);
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/t2", "-t", "2", "-q"}).exit_code,
              0);
    expect_same_outputs(dir + "/t1", dir + "/t2");
}

TEST(SweepCli, ThreeShardsMergedEqualOneProcess) {
    const std::string dir = fresh_directory("sweep-shards");
    const std::string sweep = queue_sweep(dir, R"({"type": "lhs", "points": 7, "seed": 3})");
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/single", "-q"}).exit_code, 0);
    for (int i = 0; i < 3; ++i) {
        const ProcessResult r =
            run_process({kExe, "sweep", sweep, "--out", dir + "/shards", "--task-index",
                         std::to_string(i), "--task-count", "3", "-q"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const ProcessResult merged =
        run_process({kExe, "merge", dir + "/shards", "--out", dir + "/merged"});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    expect_same_outputs(dir + "/single", dir + "/merged");
}

TEST(SweepCli, SlurmArrayVariablesPickTheShard) {
    const std::string dir = fresh_directory("sweep-slurm-env");
    const std::string sweep = queue_sweep(dir, R"({"type": "grid"})");
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/single", "-q"}).exit_code, 0);
    // An array --array=1-3: ids 1..3, shard = id - min.
    for (int id = 1; id <= 3; ++id) {
        const ProcessResult r = run_process(
            {"/usr/bin/env", "SLURM_ARRAY_TASK_ID=" + std::to_string(id), "SLURM_ARRAY_TASK_MIN=1",
             "SLURM_ARRAY_TASK_COUNT=3", kExe, "sweep", sweep, "--out", dir + "/shards", "-q"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(fs::exists(dir + "/shards/shard-" + std::to_string(id - 1) + "-of-3"));
    }
    ASSERT_EQ(run_process({kExe, "merge", dir + "/shards", "--out", dir + "/merged"}).exit_code, 0);
    expect_same_outputs(dir + "/single", dir + "/merged");
}

TEST(SweepCli, MergeRefusesMissingDuplicateAndForeignShards) {
    const std::string dir = fresh_directory("sweep-merge-refusals");
    const std::string sweep = queue_sweep(dir, R"({"type": "grid"})");
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/s", "--task-index",
                               std::to_string(i), "--task-count", "3", "-q"})
                      .exit_code,
                  0);
    }
    ProcessResult r = run_process({kExe, "merge", dir + "/s", "--out", dir + "/m"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("shard 2 of 3 is missing"), std::string::npos) << r.err;
    r = run_process(
        {kExe, "merge", dir + "/s/shard-0-of-3", dir + "/s/shard-0-of-3", "--out", dir + "/m"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("given twice"), std::string::npos) << r.err;
    const std::string other = queue_sweep(dir, R"({"type": "lhs", "points": 3})");
    ASSERT_EQ(run_process({kExe, "sweep", other, "--out", dir + "/o", "--task-index", "2",
                           "--task-count", "3", "-q"})
                  .exit_code,
              0);
    r = run_process({kExe, "merge", dir + "/s", dir + "/o", "--out", dir + "/m"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("another sweep"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/m"));
}

TEST(SweepCli, DirectoryOfAnotherSweepIsRefusedWith73) {
    const std::string dir = fresh_directory("sweep-refuse");
    const std::string grid = queue_sweep(dir, R"({"type": "grid"})");
    ASSERT_EQ(run_process({kExe, "sweep", grid, "--out", dir + "/out", "-q"}).exit_code, 0);
    const std::string before = read_file(dir + "/out/replications.csv");
    const std::string lhs = queue_sweep(dir, R"({"type": "lhs", "points": 3})");
    const ProcessResult r = run_process({kExe, "sweep", lhs, "--out", dir + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 73);
    EXPECT_NE(r.err.find("holds another sweep"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(dir + "/out/replications.csv"), before);
    // A folder that is not a sweep directory is never taken, even with --force.
    fs::create_directories(dir + "/plain");
    write(dir + "/plain/notes.txt", "mine");
    EXPECT_EQ(run_process({kExe, "sweep", lhs, "--out", dir + "/plain", "--force", "-q"}).exit_code,
              73);
    EXPECT_EQ(read_file(dir + "/plain/notes.txt"), "mine");
}

// Jobs committed so far, read while the sweep runs (the store allows concurrent readers).
std::size_t committed_jobs(const std::string& dir) {
    const std::string state = read_file(dir + "/sweep-state.json");
    const auto at = state.find("\"identity\": \"");
    if (at == std::string::npos || !fs::exists(dir + "/results.sqlite")) {
        return 0;
    }
    const std::string identity = state.substr(at + 13, 64);
    try {
        return record::ResultsStore(dir + "/results.sqlite", identity).job_count();
    } catch (const std::exception&) {
        return 0;
    }
}

TEST(SweepCli, KilledMidSweepThenResumedEqualsUninterrupted) {
    const std::string dir = fresh_directory("sweep-kill");
    // 6 points x 8 replications of a 600,000-day queue: 48 jobs of ~0.12 s each (2-core EPYC,
    // Release), ~6 s on one thread. The kill lands after 3 committed jobs (~0.4 s), so even a
    // loaded CI machine that polls slowly has seconds of margin. (With 150 jobs of 10 ms the
    // whole sweep once finished inside the polling loop on a busy machine.)
    const std::string sweep = queue_sweep(dir, R"({"type": "grid"})", "", 600000, 8);
    ASSERT_EQ(
        run_process({kExe, "sweep", sweep, "--out", dir + "/whole", "-t", "2", "-q"}).exit_code, 0);

    const std::string out = dir + "/killed";
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(kExe.c_str(), kExe.c_str(), "sweep", sweep.c_str(), "--out", out.c_str(), "-t", "1",
              "-q", static_cast<char*>(nullptr));
        _exit(127);
    }
    // Kill as soon as a few jobs are durable, so that the kill lands mid-sweep.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::size_t at_kill = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        at_kill = committed_jobs(out);
        if (at_kill >= 3) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep finished before it could be killed";
    const std::size_t after_kill = committed_jobs(out);
    ASSERT_GE(after_kill, 3u);
    ASSERT_LT(after_kill, 48u) << "the kill did not land mid-sweep";
    EXPECT_FALSE(fs::exists(out + "/replications.csv"));

    const ProcessResult resumed = run_process({kExe, "sweep", sweep, "--out", out, "-t", "2"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_NE(resumed.err.find("resuming"), std::string::npos) << resumed.err;
    expect_same_outputs(dir + "/whole", out);
}

TEST(SweepCli, InterruptExits130AndResumes) {
    const std::string dir = fresh_directory("sweep-sigint");
    // The same 48 jobs of ~0.12 s as above: SIGINT at 300 ms lands mid-sweep.
    const std::string sweep = queue_sweep(dir, R"({"type": "grid"})", "", 600000, 8);
    ASSERT_EQ(
        run_process({kExe, "sweep", sweep, "--out", dir + "/whole", "-t", "2", "-q"}).exit_code, 0);
    const ProcessResult r =
        run_process({kExe, "sweep", sweep, "--out", dir + "/int", "-t", "1", "-q"}, 300, SIGINT);
    if (r.exit_code == 0) {
        GTEST_SKIP() << "the sweep finished within 300 ms; nothing was interrupted";
    }
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_NE(r.err.find("Re-run the same command to resume"), std::string::npos) << r.err;
    ASSERT_EQ(run_process({kExe, "sweep", sweep, "--out", dir + "/int", "-q"}).exit_code, 0);
    expect_same_outputs(dir + "/whole", dir + "/int");
}

TEST(SweepCli, CsvDesignKeepsItsRowOrder) {
    const std::string dir = fresh_directory("sweep-csv");
    write(dir + "/design.csv", "servers,arrival.mean\n3,0.9\n2,0.7\n3,0.6\n");
    queue_sweep(dir, R"({"type": "grid"})");  // writes q.json
    const std::string sweep =
        write(dir + "/csv.json",
              R"({"name": "qs", "base": "q.json", "design_csv": "design.csv", "replications": 2,
            "factors": [{"path": "servers"}, {"path": "arrival.mean"}]})");
    const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/out", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(dir + "/out/design.csv"),
              "design_point,servers,arrival.mean\n0,3,0.9\n1,2,0.7\n2,3,0.6\n");
    const std::string points = read_file(dir + "/out/points.csv");
    EXPECT_LT(points.find("\nqs,0,wait_mean,"), points.find("\nqs,1,wait_mean,"));
    EXPECT_NE(points.find(",3,0.9\n"), std::string::npos);
}

TEST(SweepCli, InvalidPointNamesTheFactorPath) {
    const std::string dir = fresh_directory("sweep-invalid-point");
    write(dir + "/q.json",
          R"({"model": "queue", "arrival": {"distribution": "exponential", "mean": 0.6},
              "service": {"distribution": "exponential", "mean": 1.0}, "servers": 2,
              "horizon_days": 100, "warmup_days": 10, "seed": 7})");
    write(dir + "/s.json",
          R"({"base": "q.json", "factors": [{"path": "servers", "levels": [2, -1]}],
                               "design": {"type": "grid"}, "replications": 2})");
    const ProcessResult r = run_process({kExe, "sweep", dir + "/s.json", "--out", dir + "/o"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("design point 1 (servers=-1)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("servers: must be"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/o"));
}

TEST(SweepCli, MorrisWritesTheEffectsSummary) {
    const std::string dir = fresh_directory("sweep-morris");
    const std::string sweep = write(dir + "/m.json",
                                    R"({"name": "m", "base": "q.json", "factors": [
              {"path": "servers", "range": [2, 5], "integer": true},
              {"path": "service.mean", "range": [0.5, 1.0]}],
            "design": {"type": "morris", "trajectories": 3, "seed": 2}, "replications": 2})");
    queue_sweep(dir, R"({"type": "grid"})");  // writes q.json
    const ProcessResult r = run_process({kExe, "sweep", sweep, "--out", dir + "/o", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string effects = read_file(dir + "/o/morris.csv");
    EXPECT_EQ(effects.substr(0, effects.find('\n')), "factor,metric,mu,mu_star,sigma,r");
    EXPECT_NE(effects.find("\nservers,wait_mean,"), std::string::npos);
    EXPECT_NE(effects.find("\nservice.mean,wait_mean,"), std::string::npos);
}

TEST(RepsCli, ReportsReplicationsNeededForATarget) {
    const std::string dir = fresh_directory("reps");
    queue_sweep(dir, R"({"type": "grid"})");  // writes q.json
    const ProcessResult r = run_process({kExe, "reps", dir + "/q.json", "--pilot", "5",
                                         "--target-half-width", "wait_mean=0.01", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("wait_mean"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Recommendation: "), std::string::npos) << r.out;
    EXPECT_EQ(run_process({kExe, "reps", dir + "/q.json", "--target-half-width", "nope=1", "-q"})
                  .exit_code,
              64);
}

TEST(WarmupCli, WritesTheWelchCsvAndARecommendation) {
    const std::string dir = fresh_directory("warmup");
    queue_sweep(dir, R"({"type": "grid"})");
    const ProcessResult r = run_process({kExe, "warmup", dir + "/q.json", "-r", "3", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "day,mean,moving_average");
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2001);  // header + 2000 days
    EXPECT_NE(r.err.find("MSER-5 truncation"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Recommendation: warmup_days >= "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cssim::testing
