// PHOLD through the real cssim binary: replications.csv byte-identical for --threads 1, 2 and 8;
// an invalid scenario exits 65; SIGINT during a long run stops it at an epoch barrier (exit 130),
// and the progress bar meanwhile shows the share of the replication's epochs done.
#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "subprocess.hpp"

namespace cssim::testing {
namespace {

const std::string kExe = CSSIM_EXE;
const std::string kScenario = std::string(CSSIM_SOURCE_DIR) + "/scenarios/phold/phold152.json";

TEST(PholdProcess, ReplicationsCsvIsIdenticalForAnyThreadCount) {
    const std::string dir = fresh_directory("phold-threads");
    std::string reference;
    for (const char* threads : {"1", "2", "8"}) {
        const std::string out = dir + "/t" + threads;
        // A shorter horizon keeps the test quick; three replications exercise the batch path.
        const ProcessResult r =
            run_process({kExe, "run", kScenario, "--threads", threads, "-q", "--replications", "3",
                         "--set", "horizon=200", "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const std::string csv = read_file(out + "/replications.csv");
        ASSERT_NE(csv.find("phold152,0,2,1,all,epochs,2000"), std::string::npos) << csv;
        if (reference.empty()) {
            reference = csv;
        } else {
            EXPECT_EQ(csv, reference) << "--threads " << threads;
        }
    }
}

TEST(PholdProcess, InvalidScenarioExits65WithThePath) {
    const ProcessResult r = run_process({kExe, "run", kScenario, "-q", "--set", "remote_fraction=2",
                                         "--out", fresh_directory("phold-invalid") + "/out"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("remote_fraction: must be in [0, 1] (got 2)"), std::string::npos) << r.err;
}

TEST(PholdProcess, InterruptStopsALongRunAtABarrierAndExits130) {
    const std::string dir = fresh_directory("phold-interrupt");
    // 10^6 time units is about 2.2 x 10^9 events: minutes of work, so SIGINT at 1.5 s lands
    // mid-replication and the run must stop at the next epoch barrier rather than finish.
    const ProcessResult r =
        run_process({kExe, "run", kScenario, "--threads", "2", "--set", "horizon=1000000", "--out",
                     dir + "/out", "--progress", "bar"},
                    1500, SIGINT);
    ASSERT_EQ(r.exit_code, 130) << r.err;
    const std::string manifest = read_file(dir + "/out/manifest.json");
    EXPECT_NE(manifest.find("\"status\": \"cancelled\""), std::string::npos) << manifest;
    // The bar (redrawn every 0.1 s) shows the share of the replication under way, from the
    // epochs done: "0/1 +0.2%", not a bare "0/1" until the replication ends.
    EXPECT_NE(r.err.find("0/1 +"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cssim::testing
