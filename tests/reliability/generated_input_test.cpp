// Absurd inputs too big or too binary to commit: generated here, run through `cssim validate`
// (and `cssim run` for one), each must end with a clear message and exit 65, never a crash,
// a hang or an out-of-memory kill.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace fs = std::filesystem;
using cssim::testing::fresh_directory;
using cssim::testing::kExe;
using cssim::testing::ProcessResult;
using cssim::testing::run_process;

namespace {

std::string write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const std::string kQueueBody =
    R"("model": "queue", "service": {"distribution": "exponential", "mean": 1}, "servers": 1)";

void expect_refused(const ProcessResult& r, const std::string& part, int code = 65) {
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_NE(r.err.find(part), std::string::npos) << "stderr lacks '" << part << "':\n" << r.err;
}

}  // namespace

TEST(GeneratedInput, FileAboveSixteenMebibytesIsRefusedWithTheLimit) {
    const std::string dir = fresh_directory("reliability-huge");
    const std::string file = write(dir + "/huge.json", "{" + kQueueBody + R"(, "description": ")" +
                                                           std::string(17u << 20, 'x') + "\"}");
    expect_refused(run_process({kExe, "validate", file}), "larger than the limit of 16 MiB");
    const ProcessResult run = run_process({kExe, "run", file, "--out", dir + "/out", "-q"});
    expect_refused(run, "larger than the limit of 16 MiB");
    EXPECT_FALSE(fs::exists(dir + "/out"));
}

TEST(GeneratedInput, EndlessDeviceIsReadOnlyUpToTheLimit) {
    // /dev/zero reports size 0: the reader must stop at the limit rather than read forever.
    expect_refused(run_process({kExe, "validate", "/dev/zero"}), "larger than the limit");
    const std::string dir = fresh_directory("reliability-device");
    const std::string file = write(dir + "/child.json", R"({"extends": "/dev/zero"})");
    expect_refused(run_process({kExe, "validate", file}), "extends: ");
}

TEST(GeneratedInput, BinaryGarbageGivesASyntaxErrorWithLineAndColumn) {
    const std::string dir = fresh_directory("reliability-garbage");
    std::mt19937_64 rng(20260101);
    for (int i = 0; i < 8; ++i) {
        std::string bytes(4096u << i % 4, '\0');
        for (char& c : bytes) {
            c = static_cast<char>(rng() & 0xFF);
        }
        if (i % 2 == 1) {
            bytes[0] = '{';  // get past the first byte into the parser's deeper states
        }
        const std::string file = write(dir + "/garbage" + std::to_string(i) + ".json", bytes);
        const ProcessResult r = run_process({kExe, "validate", file});
        SCOPED_TRACE(file);
        expect_refused(r, "syntax error");
        EXPECT_NE(r.err.find("garbage" + std::to_string(i) + ".json:1:"), std::string::npos)
            << r.err;
    }
}

TEST(GeneratedInput, HundredThousandLevelsOfNestingAreRefusedWithTheLimit) {
    const std::string dir = fresh_directory("reliability-deep");
    const std::string file =
        write(dir + "/deep.json", "{" + kQueueBody + R"(, "x": )" + std::string(100000, '[') +
                                      std::string(100000, ']') + "}");
    expect_refused(run_process({kExe, "validate", file}), "limit of 64 levels");
}

TEST(GeneratedInput, ArrayAboveTheItemLimitIsRefusedWithTheLimit) {
    const std::string dir = fresh_directory("reliability-array");
    std::string values;
    for (int i = 0; i < 100001; ++i) {
        values += (i ? ",1" : "1");
    }
    const std::string file =
        write(dir + "/array.json", "{" + kQueueBody +
                                       R"(, "arrival": {"distribution": "empirical", "values": [)" +
                                       values + "]}}");
    expect_refused(run_process({kExe, "validate", file}), "at most 100000 items");
}

TEST(GeneratedInput, ManyUnknownKeysAreListedWithoutBlowingUp) {
    // 20,000 unknown keys: every one is a problem; the run must still finish promptly.
    const std::string dir = fresh_directory("reliability-keys");
    std::string keys;
    for (int i = 0; i < 20000; ++i) {
        keys += R"(, "unknown_key_)" + std::to_string(i) + R"(": )" + std::to_string(i);
    }
    const std::string file =
        write(dir + "/keys.json", "{" + kQueueBody +
                                      R"(, "arrival": {"distribution": "exponential", "mean": 1})" +
                                      keys + "}");
    expect_refused(run_process({kExe, "validate", file}), "unknown_key_19999: unknown key");
}

TEST(GeneratedInput, SetWithAHugeArrayIndexIsRefusedNotAllocated) {
    const std::string dir = fresh_directory("reliability-set-index");
    const std::string file =
        write(dir + "/ok.json",
              "{" + kQueueBody + R"(, "arrival": {"distribution": "exponential", "mean": 1}})");
    const ProcessResult r =
        run_process({kExe, "validate", file, "--set", "arrival.values[999999999999]=1"});
    EXPECT_TRUE(r.exit_code == 65 || r.exit_code == 64) << r.err;
    EXPECT_NE(r.err.find("arrival"), std::string::npos) << r.err;
    const ProcessResult created =
        run_process({kExe, "validate", file, "--set", "fresh[999999999999]=1"});
    EXPECT_TRUE(created.exit_code == 65 || created.exit_code == 64) << created.err;
    EXPECT_NE(created.err.find("fresh"), std::string::npos) << created.err;
}

TEST(GeneratedInput, SetValueNestedTooDeepIsRefusedWithTheLimit) {
    const std::string dir = fresh_directory("reliability-set-deep");
    const std::string file =
        write(dir + "/ok.json",
              "{" + kQueueBody + R"(, "arrival": {"distribution": "exponential", "mean": 1}})");
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    expect_refused(run_process({kExe, "validate", file, "--set", "arrival=" + deep}),
                   "arrival: --set: the value is nested deeper than the limit of 64 levels");
}
