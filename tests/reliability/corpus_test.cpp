// The hostile-scenario corpus (tests/reliability/corpus): every file goes through the real
// `cssim validate` and `cssim run`. Each `<name>.json` has a sidecar `<name>.expected`:
//
//   exit: 65                      the exit code both commands must return
//   stderr: <substring>           (one or more) text that must appear in stderr
//
// A file must never crash (exit >= 128 or 70), hang (the test's timeout), or let `run` write an
// output folder or leave its hidden staging folder behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace fs = std::filesystem;
using cssim::testing::fresh_directory;
using cssim::testing::kExe;
using cssim::testing::ProcessResult;
using cssim::testing::run_process;

namespace {

const fs::path kCorpus = fs::path(CSSIM_SOURCE_DIR) / "tests" / "reliability" / "corpus";

struct Expectation {
    int exit_code = -1;
    std::vector<std::string> stderr_parts;
};

Expectation read_expectation(const fs::path& file) {
    Expectation e;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("exit: ", 0) == 0) {
            e.exit_code = std::stoi(line.substr(6));
        } else if (line.rfind("stderr: ", 0) == 0) {
            e.stderr_parts.push_back(line.substr(8));
        }
    }
    return e;
}

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

void expect_matches(const ProcessResult& r, const Expectation& e, const std::string& what) {
    EXPECT_EQ(r.exit_code, e.exit_code) << what << " stderr:\n" << r.err;
    for (const std::string& part : e.stderr_parts) {
        EXPECT_NE(r.err.find(part), std::string::npos)
            << what << ": stderr lacks '" << part << "':\n"
            << r.err;
    }
    EXPECT_TRUE(r.out.empty() || e.exit_code == 0) << what << " wrote to stdout: " << r.out;
}

}  // namespace

TEST(ReliabilityCorpus, HasAtLeastFortyFilesEachWithAnExpectation) {
    const std::vector<fs::path> files = corpus_files();
    EXPECT_GE(files.size(), 40u);
    for (const fs::path& file : files) {
        fs::path expected = file;
        expected.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expected)) << "no sidecar for " << file;
        const Expectation e = read_expectation(expected);
        EXPECT_TRUE(e.exit_code == 65 || e.exit_code == 66) << expected;
        EXPECT_FALSE(e.stderr_parts.empty()) << expected;
    }
}

TEST(ReliabilityCorpus, ValidateGivesTheExpectedErrorForEveryFile) {
    for (const fs::path& file : corpus_files()) {
        fs::path expected = file;
        expected.replace_extension(".expected");
        // Relative names, run from the corpus folder, so messages match the .expected files.
        const ProcessResult r =
            run_process({kExe, "validate", file.filename().string()}, 0, 0, kCorpus.string());
        expect_matches(r, read_expectation(expected), "validate " + file.filename().string());
    }
}

TEST(ReliabilityCorpus, RunGivesTheSameErrorAndWritesNothing) {
    const std::string dir = fresh_directory("reliability-corpus-run");
    for (const fs::path& file : corpus_files()) {
        fs::path expected = file;
        expected.replace_extension(".expected");
        const std::string out = dir + "/out-" + file.stem().string();
        const ProcessResult r = run_process(
            {kExe, "run", file.filename().string(), "--out", out, "-q"}, 0, 0, kCorpus.string());
        expect_matches(r, read_expectation(expected), "run " + file.filename().string());
        EXPECT_FALSE(fs::exists(out)) << "run wrote an output folder for " << file;
    }
    // Nothing at all in the parent: no output folder and no hidden staging folder left behind.
    EXPECT_TRUE(fs::is_empty(dir)) << "leftovers in " << dir;
}
