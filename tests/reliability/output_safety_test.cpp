// Output safety of `cssim run` and `cssim compare`: read-only and full disks (exit 73/74 with
// the path), existing folders (73 without --force), SIGTERM (exit 130, valid archive, manifest
// "cancelled"), kill -9 at random moments (no archive or a valid one, never a corrupt one),
// leftovers of killed runs, and the runaway-event guard (exit 65, nothing written).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
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

/** @brief A queue scenario whose replications take roughly `horizon_days` / 400,000 s each. */
std::string queue_scenario(const std::string& dir, int horizon_days, int replications = 6) {
    const std::string path = dir + "/q.json";
    std::ofstream(path) << R"({"model": "queue", "name": "q",
        "arrival": {"distribution": "exponential", "mean": 1.25},
        "service": {"distribution": "exponential", "mean": 1.0},
        "servers": 1, "warmup_days": 10, "horizon_days": )"
                        << horizon_days << R"(, "replications": )" << replications << "}";
    return path;
}

/** @brief Mounts a small tmpfs at `dir` (root only; false when mounting is not allowed). */
bool mount_tmpfs(const std::string& dir, const std::string& options, unsigned long flags = 0) {
    return mount("tmpfs", dir.c_str(), "tmpfs", flags, options.c_str()) == 0;
}

/** @brief Whatever a run left at `out` is either absent or a complete, readable run. */
void expect_absent_or_valid(const std::string& out) {
    if (!fs::exists(out)) {
        return;
    }
    for (const char* name : {"summary.json", "replications.csv", "manifest.json", "run.sqlite"}) {
        EXPECT_TRUE(fs::exists(fs::path(out) / name)) << out << " lacks " << name;
    }
    try {
        const cssim::record::ArchiveReader archive(fs::path(out) / "run.sqlite");
        EXPECT_EQ(archive.replications().size(), archive.info().replications);
        for (const std::uint64_t rep : archive.replication_ids()) {
            EXPECT_FALSE(archive.metrics(rep).empty());
        }
    } catch (const cssim::record::ArchiveError& error) {
        ADD_FAILURE() << "corrupt archive left at " << out << ": " << error.what();
    }
}

}  // namespace

TEST(OutputSafety, ReadOnlyDirectoryGivesExit73WithThePath) {
    const std::string dir = fresh_directory("reliability-readonly");
    const std::string scenario = queue_scenario(dir, 200, 2);
    const std::string locked = dir + "/locked";
    fs::create_directory(locked);
    bool mounted = false;
    if (geteuid() == 0) {
        // Root ignores permission bits: a read-only tmpfs is the only way to refuse it.
        mounted = mount_tmpfs(locked, "size=64k", MS_RDONLY);
        if (!mounted) {
            GTEST_SKIP() << "running as root without permission to mount";
        }
    } else {
        fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    }
    const ProcessResult r = run_process({kExe, "run", scenario, "--out", locked + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_NE(r.err.find(locked), std::string::npos) << "the path is named: " << r.err;
    if (mounted) {
        umount(locked.c_str());
    } else {
        fs::permissions(locked, fs::perms::owner_all);
    }
}

TEST(OutputSafety, FullDiskGivesExit74WithThePathAndLeavesNothing) {
    if (geteuid() != 0) {
        GTEST_SKIP() << "needs root to mount a small tmpfs";
    }
    const std::string dir = fresh_directory("reliability-full");
    const std::string scenario = queue_scenario(dir, 20000, 4);
    const std::string small = dir + "/small";
    fs::create_directory(small);
    if (!mount_tmpfs(small, "size=96k")) {
        GTEST_SKIP() << "mount not permitted here";
    }
    const ProcessResult r = run_process({kExe, "run", scenario, "--out", small + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 74) << r.err;
    EXPECT_NE(r.err.find(small), std::string::npos) << "the path is named: " << r.err;
    EXPECT_FALSE(fs::exists(small + "/out"));
    EXPECT_TRUE(fs::is_empty(small)) << "the staging folder is removed";
    umount(small.c_str());
}

TEST(OutputSafety, FileSizeLimitGivesExit74WithThePathAndLeavesNothing) {
    // Works without root: RLIMIT_FSIZE makes every write past 32 KiB fail with EFBIG (SIGXFSZ
    // ignored, which survives exec), as a nearly full disk would.
    const std::string dir = fresh_directory("reliability-fsize");
    const std::string scenario = queue_scenario(dir, 20000, 4);
    const std::string out = dir + "/out";
    const std::string err_path = dir + "/stderr.txt";
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        const rlimit limit{32 * 1024, 32 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        std::signal(SIGXFSZ, SIG_IGN);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(err, 2);
        execl(kExe.c_str(), kExe.c_str(), "run", scenario.c_str(), "--out", out.c_str(), "-q",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string err = read_file(err_path);
    ASSERT_TRUE(WIFEXITED(status)) << err;
    EXPECT_EQ(WEXITSTATUS(status), 74) << err;
    EXPECT_NE(err.find(dir), std::string::npos) << "the path is named: " << err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2)
        << "only the scenario and stderr.txt: no staging folder left";
}

TEST(OutputSafety, CompareRefusesAnExistingOutputDirectoryWithoutForce) {
    const std::string dir = fresh_directory("reliability-compare-exists");
    const std::string a = queue_scenario(dir, 200, 2);
    const std::string out = dir + "/out";
    fs::create_directories(out);
    std::ofstream(out + "/keep.txt") << "precious";
    const ProcessResult r = run_process({kExe, "compare", a, a, "--out", out, "-q"});
    EXPECT_EQ(r.exit_code, 73) << r.err;
    EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(out + "/keep.txt"), "precious");
}

TEST(OutputSafety, SigtermLeavesAValidArchiveMarkedCancelledAndExits130) {
    const std::string dir = fresh_directory("reliability-sigterm");
    // ~0.06 s a replication on the development machine: 1,000 take about a minute, so the
    // SIGTERM at 2.5 s always lands mid-run however quiet the machine (50 once finished first).
    const std::string scenario = queue_scenario(dir, 400000, 1000);
    const std::string out = dir + "/out";
    const ProcessResult r =
        run_process({kExe, "run", scenario, "--out", out, "--threads", "1", "-q"}, 2500, SIGTERM);
    ASSERT_EQ(r.exit_code, 130) << r.err;
    EXPECT_NE(read_file(out + "/manifest.json").find("\"status\": \"cancelled\""),
              std::string::npos);
    const cssim::record::ArchiveReader archive(fs::path(out) / "run.sqlite");
    EXPECT_EQ(archive.info().status, "cancelled");
    EXPECT_LT(archive.info().replications, 1000u);
    expect_absent_or_valid(out);
}

TEST(OutputSafety, KillNineAtAnyMomentLeavesNoArchiveOrAValidOne) {
    const std::string dir = fresh_directory("reliability-kill9");
    // About 0.2 s of simulation: the kills land before, during and after the writing.
    const std::string scenario = queue_scenario(dir, 20000, 8);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> delay_ms(1, 600);
    for (int attempt = 0; attempt < 12; ++attempt) {
        const std::string out = dir + "/out" + std::to_string(attempt);
        const int delay = delay_ms(rng);
        SCOPED_TRACE("kill -9 after " + std::to_string(delay) + " ms");
        const ProcessResult r = run_process(
            {kExe, "run", scenario, "--out", out, "--threads", "2", "-q"}, delay, SIGKILL);
        EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 128 + SIGKILL) << r.err;
        expect_absent_or_valid(out);
    }
}

TEST(OutputSafety, LeftoversOfAKilledRunDoNotConfuseTheNextOneAndAreCleaned) {
    const std::string dir = fresh_directory("reliability-leftovers");
    const std::string scenario = queue_scenario(dir, 200, 2);
    // What a run killed by kill -9 leaves: a staging folder (with a half-written archive) and
    // a moved-aside old folder, both named after a process that no longer exists.
    const pid_t dead = fork();
    if (dead == 0) {
        _exit(0);
    }
    waitpid(dead, nullptr, 0);
    const std::string suffix = std::to_string(dead);
    const fs::path staging = fs::path(dir) / (".out.tmp-" + suffix);
    const fs::path old = fs::path(dir) / (".out.old-" + suffix);
    fs::create_directories(staging);
    fs::create_directories(old);
    std::ofstream(staging / (".run.sqlite.tmp-" + suffix)) << "half an archive";
    // A live process's staging folder (ours) must be left alone.
    const fs::path live = fs::path(dir) / (".out.tmp-" + std::to_string(getpid()));
    fs::create_directories(live);

    const ProcessResult r = run_process({kExe, "run", scenario, "--out", dir + "/out", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_absent_or_valid(dir + "/out");
    EXPECT_FALSE(fs::exists(staging)) << "stale staging folder of a dead process is removed";
    EXPECT_FALSE(fs::exists(old)) << "stale moved-aside folder of a dead process is removed";
    EXPECT_TRUE(fs::exists(live)) << "a live process's staging folder is kept";
}

TEST(OutputSafety, RunawayEventsStopWithAClearErrorAndWriteNothing) {
    const std::string dir = fresh_directory("reliability-runaway");
    // Gaps of 0 minutes with probability 1 - 1e-8, else 10^8 days: the mean gap is 1 day, so
    // the reader expects ~100 arrivals, but in practice ~10^8 arrive at time 0.
    const std::string path = dir + "/runaway.json";
    std::ofstream(path) << R"({"model": "queue", "name": "runaway",
        "arrival": {"distribution": "empirical", "values": [0, 100000000],
                    "weights": [0.99999999, 0.00000001]},
        "service": {"distribution": "exponential", "mean": 1.0},
        "servers": 1, "warmup_days": 10, "horizon_days": 100, "replications": 2})";
    const ProcessResult r = run_process({kExe, "run", path, "--out", dir + "/out", "-q"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("event limit"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/out"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1)
        << "no staging folder left";
}
