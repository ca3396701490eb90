// End-to-end tests of the `cssim` executable: output contract, exit codes, determinism across
// thread counts and invocations, overrides, interruption. Each runs the real binary.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

std::string write_scenario(const std::string& dir, const std::string& name,
                           const std::string& text) {
    const std::string path = dir + "/" + name;
    std::ofstream(path) << text;
    return path;
}

// A small M/M/2 queue: a few thousand customers per replication, milliseconds to run.
std::string small_queue(const std::string& dir, int horizon_days = 2000) {
    return write_scenario(dir, "small.json",
                          R"({"model": "queue", "name": "small",
                              "arrival": {"distribution": "exponential", "mean": 0.6},
                              "service": {"distribution": "exponential", "mean": 1.0},
                              "servers": 2, "horizon_days": )" +
                              std::to_string(horizon_days) +
                              R"(, "warmup_days": 100, "replications": 6, "seed": 7})");
}

TEST(Cli, VersionPrintsVersionAndSha) {
    const ProcessResult r = run_process({kExe, "--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("cssim "), std::string::npos);
    EXPECT_NE(r.out.find("git "), std::string::npos);
}

TEST(Cli, UnknownOptionExits64) {
    EXPECT_EQ(run_process({kExe, "run", "--no-such-option", "x.json"}).exit_code, 64);
    EXPECT_EQ(run_process({kExe, "frobnicate"}).exit_code, 64);
}

TEST(Cli, MissingScenarioExits66) {
    const ProcessResult r = run_process({kExe, "run", "/nonexistent/scenario.json"});
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_NE(r.err.find("/nonexistent/scenario.json"), std::string::npos);
}

TEST(Cli, InvalidScenarioListsEveryProblemWithItsPathAndExits65) {
    const std::string dir = fresh_directory("cli-invalid");
    const std::string path =
        write_scenario(dir, "bad.json",
                       R"({"model": "queue", "arrival": {"distribution": "exponential", "mean": -1},
            "service": {"distribution": "exponential", "mean": 1.0},
            "servers": 0, "horizon_days": 100, "warmup_days": 10, "sevrers": 2})");
    const std::string out = dir + "/out";
    const ProcessResult r = run_process({kExe, "run", path, "--out", out});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("arrival.mean"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("servers"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("sevrers"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << "no partial outputs for an invalid scenario";
    EXPECT_EQ(run_process({kExe, "validate", path}).exit_code, 65);
}

TEST(Cli, MalformedJsonGivesLineAndColumn) {
    const std::string dir = fresh_directory("cli-malformed");
    const std::string path =
        write_scenario(dir, "broken.json", "{\n  \"model\": \"queue\",\n  x\n}");
    const ProcessResult r = run_process({kExe, "validate", path});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find(":3:"), std::string::npos) << r.err;
}

TEST(Cli, RunWritesTheFourOutputsAndATableOnStdout) {
    const std::string dir = fresh_directory("cli-run");
    const std::string out = dir + "/out";
    const ProcessResult r = run_process({kExe, "run", small_queue(dir), "--out", out, "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* file : {"summary.json", "replications.csv", "manifest.json", "run.sqlite"}) {
        EXPECT_TRUE(fs::exists(out + "/" + file)) << file;
    }
    const std::string csv = read_file(out + "/replications.csv");
    EXPECT_EQ(csv.rfind("scenario,design_point,replication,seed,period,metric,value\n", 0), 0u);
    EXPECT_NE(csv.find("small,0,5,7,all,wait_mean,"), std::string::npos)
        << "6 replications, seed 7";
    const std::string summary = read_file(out + "/summary.json");
    for (const char* key : {"\"wait_mean\"", "\"ci95_low\"", "\"ci95_high\"", "\"sd\"", "\"n\""}) {
        EXPECT_NE(summary.find(key), std::string::npos) << key;
    }
    const std::string manifest = read_file(out + "/manifest.json");
    for (const char* key :
         {"\"git_sha\"", "\"scenario_sha256\"", "\"master_seed\"", "\"stream_names\"",
          "\"threads\"", "\"wall_seconds\"", "\"command_line\"", "\"status\": \"complete\""}) {
        EXPECT_NE(manifest.find(key), std::string::npos) << key;
    }
    EXPECT_NE(r.out.find("utilisation"), std::string::npos) << "metrics table on stdout";
    EXPECT_EQ(r.err.find("utilisation"), std::string::npos) << "data never on stderr";
}

TEST(Cli, OutputsAreByteIdenticalForOneAndTwoThreadsAndAcrossInvocations) {
    const std::string dir = fresh_directory("cli-determinism");
    const std::string scenario = small_queue(dir);
    std::string csv[3], summary[3];
    const char* threads[3] = {"1", "2", "2"};
    for (int i = 0; i < 3; ++i) {
        const std::string out = dir + "/out" + std::to_string(i);
        const ProcessResult r =
            run_process({kExe, "run", scenario, "--out", out, "--threads", threads[i], "-q"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        csv[i] = read_file(out + "/replications.csv");
        summary[i] = read_file(out + "/summary.json");
    }
    EXPECT_FALSE(csv[0].empty());
    EXPECT_EQ(csv[0], csv[1]) << "--threads 1 vs --threads 2";
    EXPECT_EQ(csv[1], csv[2]) << "two invocations";
    EXPECT_EQ(summary[0], summary[1]);
    EXPECT_EQ(summary[1], summary[2]);
}

TEST(Cli, CommandLineSeedAndReplicationsOverrideTheScenario) {
    const std::string dir = fresh_directory("cli-override");
    const std::string out = dir + "/out";
    const ProcessResult r = run_process(
        {kExe, "run", small_queue(dir), "--out", out, "-q", "--replications", "3", "--seed", "99"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string csv = read_file(out + "/replications.csv");
    EXPECT_NE(csv.find("small,0,2,99,all,served,"), std::string::npos);
    EXPECT_EQ(csv.find("small,0,3,"), std::string::npos) << "only 3 replications";
}

TEST(Cli, SetChangesAScenarioValueAndUnknownPathsAreRefused) {
    const std::string dir = fresh_directory("cli-set");
    const std::string scenario = small_queue(dir);
    const ProcessResult two = run_process({kExe, "run", scenario, "--out", dir + "/a", "-q"});
    const ProcessResult three =
        run_process({kExe, "run", scenario, "--out", dir + "/b", "-q", "--set", "servers=3"});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    ASSERT_EQ(three.exit_code, 0) << three.err;
    EXPECT_NE(read_file(dir + "/a/replications.csv"), read_file(dir + "/b/replications.csv"));
    EXPECT_NE(read_file(dir + "/b/manifest.json").find("\"servers\": 3"), std::string::npos);
    const ProcessResult bad =
        run_process({kExe, "run", scenario, "--out", dir + "/c", "--set", "severs=3"});
    EXPECT_EQ(bad.exit_code, 65) << bad.err;
    EXPECT_NE(bad.err.find("servers"), std::string::npos) << "did-you-mean: " << bad.err;
}

TEST(Cli, ExistingOutputDirectoryIsRefusedWithoutForce) {
    const std::string dir = fresh_directory("cli-exists");
    const std::string scenario = small_queue(dir);
    const std::string out = dir + "/out";
    ASSERT_EQ(run_process({kExe, "run", scenario, "--out", out, "-q"}).exit_code, 0);
    const std::string before = read_file(out + "/manifest.json");
    const ProcessResult again = run_process({kExe, "run", scenario, "--out", out, "-q"});
    EXPECT_EQ(again.exit_code, 73);
    EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
    EXPECT_EQ(read_file(out + "/manifest.json"), before) << "nothing overwritten";
    EXPECT_EQ(run_process({kExe, "run", scenario, "--out", out, "-q", "--force"}).exit_code, 0);
}

TEST(Cli, InterruptKeepsFinishedReplicationsAndExits130) {
    const std::string dir = fresh_directory("cli-interrupt");
    // Long enough that SIGINT at 2.5 s lands mid-run on any machine: ~0.1 s a replication on
    // the development machine, 500 of them.
    const std::string scenario = small_queue(dir, 400000);
    const std::string out = dir + "/out";
    const ProcessResult r = run_process({kExe, "run", scenario, "--out", out, "--threads", "1",
                                         "--replications", "500", "--progress", "plain"},
                                        2500, SIGINT);
    ASSERT_EQ(r.exit_code, 130) << r.err;
    const std::string manifest = read_file(out + "/manifest.json");
    EXPECT_NE(manifest.find("\"status\": \"cancelled\""), std::string::npos) << manifest;
    EXPECT_TRUE(fs::exists(out + "/run.sqlite"));
}

TEST(Cli, CompareRunsWithCommonRandomNumbersAndPrintsPairedDifferences) {
    const std::string dir = fresh_directory("cli-compare");
    const std::string a = small_queue(dir);
    const std::string b = write_scenario(dir, "faster.json",
                                         R"({"extends": "small.json", "name": "faster",
                                             "service": {"mean": 0.8}})");
    const ProcessResult r = run_process({kExe, "compare", a, b, "-q", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"baseline\": \"small\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"scenario\": \"faster\""), std::string::npos);
    EXPECT_NE(r.out.find("\"wait_mean\""), std::string::npos);
    const ProcessResult table = run_process({kExe, "compare", a, b, "-q", "--colour", "never"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("wait_mean"), std::string::npos);
    EXPECT_NE(table.out.find("B - A"), std::string::npos);
}

TEST(Cli, CompareMetricsOptionPrintsOnlyTheNamedMetricsInOrder) {
    const std::string dir = fresh_directory("cli-compare-metrics");
    const std::string a = small_queue(dir);
    const std::string b = write_scenario(dir, "faster.json",
                                         R"({"extends": "small.json", "name": "faster",
                                             "service": {"mean": 0.8}})");
    const ProcessResult r = run_process(
        {kExe, "compare", a, b, "-q", "--colour", "never", "--metrics", "utilisation,wait_mean"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto utilisation = r.out.find("utilisation");
    const auto wait = r.out.find("wait_mean");
    ASSERT_NE(utilisation, std::string::npos) << r.out;
    ASSERT_NE(wait, std::string::npos) << r.out;
    EXPECT_LT(utilisation, wait);
    EXPECT_EQ(r.out.find("queue_length_mean"), std::string::npos) << r.out;
    const ProcessResult bad = run_process({kExe, "compare", a, b, "-q", "--metrics", "wait_maen"});
    EXPECT_EQ(bad.exit_code, 64);
    EXPECT_NE(bad.err.find("did you mean \"wait_mean\""), std::string::npos) << bad.err;
}

TEST(Cli, SchemaPrintsAJsonSchema) {
    const ProcessResult r = run_process({kExe, "schema"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("\"$schema\""), std::string::npos);
}

}  // namespace
}  // namespace cssim::testing
