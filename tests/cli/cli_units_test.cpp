// Unit tests of the CLI's own pieces: number formatting, paired comparison arithmetic, staged
// output folders and progress lines.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "comparison.hpp"
#include "number_format.hpp"
#include "output_directory.hpp"
#include "progress.hpp"
#include "subprocess.hpp"

namespace cssim::cli {
namespace {

namespace fs = std::filesystem;

TEST(NumberFormat, ReadsLikeATable) {
    EXPECT_EQ(format_human(66500.4), "66,500");
    EXPECT_EQ(format_human(-1234567.0), "-1,234,567");
    EXPECT_EQ(format_human(16.04), "16.04");
    EXPECT_EQ(format_human(0.34126), "0.3413");
    EXPECT_EQ(format_human(0.25, true), "+0.2500");
    EXPECT_EQ(format_human(NAN), "undefined");
}

record::ReplicationRecord rec(std::uint64_t rep, double x) {
    record::ReplicationRecord r;
    r.replication = rep;
    r.metrics = {{"x", x}};
    return r;
}

TEST(ComparePaired, DifferenceAndVerdictFollowTheMetricsDirection) {
    // B = A + 1 + small noise: the paired interval must exclude 0 and sit near 1.
    std::vector<record::ReplicationRecord> a, b;
    const double noise[5] = {0.01, -0.02, 0.0, 0.02, -0.01};
    for (std::uint64_t i = 0; i < 5; ++i) {
        const double base = 10.0 * static_cast<double>(i);  // large between-replication spread
        a.push_back(rec(i, base));
        b.push_back(rec(i, base + 1.0 + noise[i]));
    }
    const std::vector<record::MetricInfo> lower_is_better = {{"x", "cases", "", -1, ""}};
    const record::Comparison c = compare_paired({"A", "B"}, {a, b}, lower_is_better, 1, 0.95);
    ASSERT_EQ(c.pairs.size(), 1u);
    const record::MetricComparison& m = c.pairs[0].metrics[0];
    EXPECT_NEAR(m.difference, 1.0, 1e-12);
    EXPECT_GT(m.ci_low, 0.9);
    EXPECT_LT(m.ci_high, 1.1);
    EXPECT_EQ(m.verdict, "worse");
    // The unpaired interval ignores the pairing and straddles 0 here: what CRN buys.
    EXPECT_LT(m.unpaired_low, 0.0);
    EXPECT_EQ(m.unit, "cases");
}

TEST(ComparePaired, BonferroniWidensIntervalsForMoreThanTwoScenarios) {
    std::vector<record::ReplicationRecord> a, b;
    for (std::uint64_t i = 0; i < 8; ++i) {
        a.push_back(rec(i, 0.0));
        b.push_back(rec(i, static_cast<double>(i % 3)));
    }
    const auto two = compare_paired({"A", "B"}, {a, b}, {}, 1, 0.95);
    const auto three = compare_paired({"A", "B", "C"}, {a, b, b}, {}, 1, 0.95);
    EXPECT_DOUBLE_EQ(three.confidence, 0.975);
    EXPECT_GT(three.pairs[0].metrics[0].ci_high, two.pairs[0].metrics[0].ci_high);
    EXPECT_EQ(three.pairs.size(), 2u);
}

TEST(ComparePaired, NoDifferenceWhenIdentical) {
    std::vector<record::ReplicationRecord> a;
    for (std::uint64_t i = 0; i < 4; ++i) {
        a.push_back(rec(i, static_cast<double>(i)));
    }
    const auto c = compare_paired({"A", "B"}, {a, a}, {}, 1, 0.95);
    EXPECT_EQ(c.pairs[0].metrics[0].verdict, "no clear difference");
}

TEST(ComparePaired, AMetricDefinedOnOneSideOnlyKeepsThatSidesMean) {
    // A teams-only metric against a one-pool department: no pair is defined on both sides, so
    // no difference; each side still shows its own mean and the verdict says which defines it.
    std::vector<record::ReplicationRecord> a, b;
    for (std::uint64_t i = 0; i < 4; ++i) {
        a.push_back(rec(i, std::nan("")));
        b.push_back(rec(i, 2.0 + static_cast<double>(i)));
    }
    const auto c = compare_paired({"one_pool", "teams"}, {a, b}, {}, 1, 0.95);
    const record::MetricComparison& m = c.pairs[0].metrics[0];
    EXPECT_EQ(m.n, 0u);
    EXPECT_TRUE(std::isnan(m.baseline_mean));
    EXPECT_DOUBLE_EQ(m.scenario_mean, 3.5);
    EXPECT_TRUE(std::isnan(m.difference));
    EXPECT_EQ(m.verdict, "defined in teams only");
}

TEST(StagedDirectory, PublishesAtomicallyAndCleansUpWhenAbandoned) {
    const fs::path base = testing::fresh_directory("staged");
    {
        StagedDirectory staged(base / "abandoned", false);
        std::ofstream(staged.staging() / "x.txt") << "x";
    }
    EXPECT_FALSE(fs::exists(base / "abandoned"));
    EXPECT_EQ(std::distance(fs::directory_iterator(base), fs::directory_iterator()), 0)
        << "no staging folder left behind";
    // A run folder as cssim writes it: --force may replace it (and only such a folder).
    const std::string manifest = R"({"format": "cssim-manifest"})";
    {
        StagedDirectory staged(base / "done", false);
        std::ofstream(staged.staging() / "manifest.json") << manifest;
        std::ofstream(staged.staging() / "summary.json") << "{}";
        staged.publish();
    }
    EXPECT_TRUE(fs::exists(base / "done" / "summary.json"));
    EXPECT_THROW(StagedDirectory(base / "done", false), OutputExistsError);
    {
        StagedDirectory staged(base / "done", true);
        std::ofstream(staged.staging() / "manifest.json") << manifest;
        staged.publish();
    }
    EXPECT_TRUE(fs::exists(base / "done" / "manifest.json"));
    EXPECT_FALSE(fs::exists(base / "done" / "summary.json")) << "forced replacement is whole";
}

TEST(StagedDirectory, ForceReplacesOnlyWhatCssimWroteAndNoInput) {
    const fs::path base = testing::fresh_directory("staged-force");
    fs::create_directories(base / "run");
    std::ofstream(base / "run" / "manifest.json") << R"({"format": "cssim-manifest"})";
    std::ofstream(base / "run" / "run.sqlite") << "";
    EXPECT_EQ(why_not_replaceable(base / "run", {}), "");
    EXPECT_NE(why_not_replaceable(base / "run", {base / "run" / "run.sqlite"}).find("an input"),
              std::string::npos);
    std::ofstream(base / "run" / "notes.txt") << "mine";
    EXPECT_NE(why_not_replaceable(base / "run", {}).find("notes.txt"), std::string::npos);
    fs::create_directories(base / "user");
    std::ofstream(base / "user" / "summary.json") << "{}";
    EXPECT_NE(why_not_replaceable(base / "user", {}).find("not written by cssim"),
              std::string::npos);
    EXPECT_THROW(StagedDirectory(base / "user", true), OutputExistsError);
    EXPECT_TRUE(fs::exists(base / "user" / "summary.json"));
}

TEST(OutputNames, AreSafeAndUnique) {
    EXPECT_EQ(safe_file_name("PA 1:3/test"), "PA_1_3_test");
    EXPECT_EQ(safe_file_name(".."), "run");
    const fs::path base = testing::fresh_directory("names");
    const fs::path first = default_output_directory(base, "x");
    fs::create_directories(first);
    EXPECT_NE(default_output_directory(base, "x"), first);
}

TEST(ProgressReporter, PlainAndJsonLinesEndWithAFinalLine) {
    const fs::path base = testing::fresh_directory("progress");
    for (const ProgressMode mode : {ProgressMode::Plain, ProgressMode::Jsonl}) {
        const fs::path file = base / "p.txt";
        std::FILE* out = std::fopen(file.c_str(), "w");
        {
            ProgressReporter progress(mode, "label \"q\"", 3, out);
            progress.update(1);
            progress.update(3);
            progress.finish();
        }
        std::fclose(out);
        const std::string text = testing::read_file(file.string());
        if (mode == ProgressMode::Plain) {
            EXPECT_NE(text.find("3/3 done"), std::string::npos) << text;
        } else {
            EXPECT_NE(text.find("\"done\":3,\"total\":3"), std::string::npos) << text;
            EXPECT_NE(text.find("\"event\":\"done\""), std::string::npos) << text;
            EXPECT_NE(text.find("label \\\"q\\\""), std::string::npos) << "escaped: " << text;
        }
    }
}

TEST(ProgressReporter, ShowsTheShareOfTheJobUnderWay) {
    const fs::path file = fs::path(testing::fresh_directory("progress-partial")) / "p.txt";
    std::FILE* out = std::fopen(file.c_str(), "w");
    {
        ProgressReporter progress(ProgressMode::Bar, "phold", 2, out);
        // A bar redraws at most every 0.1 s: wait past that so this update is drawn.
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        progress.update(1, 0.425);
        progress.update(2);
        progress.finish();
    }
    std::fclose(out);
    const std::string text = testing::read_file(file.string());
    EXPECT_NE(text.find("1/2 +42.5%"), std::string::npos) << text;
    EXPECT_NE(text.find("2/2  "), std::string::npos) << "no share on the final line: " << text;
}

}  // namespace
}  // namespace cssim::cli
