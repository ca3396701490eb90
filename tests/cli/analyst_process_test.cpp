// Issue 12 through the real binary: the council profile scales the whole council, validate
// prints the council and the warnings (never changing the exit code unless --strict), and one
// replication prints n/a rather than infinite intervals.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

/** @brief The "mean" of `metric` in a summary.json (NaN when absent). */
double summary_mean(const std::string& summary, const std::string& metric) {
    const std::size_t at = summary.find("\"" + metric + "\": {");
    if (at == std::string::npos)
        return std::nan("");
    const std::size_t mean = summary.find("\"mean\": ", at);
    return mean == std::string::npos ? std::nan("") : std::stod(summary.substr(mean + 8));
}

TEST(AnalystCli, ValidatePrintsTheCouncilItWillSimulate) {
    const ProcessResult r =
        run_process({kExe, "validate", kBase, "--set", "population.children=120000"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("120,000 children (population.children; the council profile says 80,000"),
              std::string::npos)
        << r.out;
    EXPECT_NE(
        r.out.find("252 social worker posts (derived from 120,000 children at 21 per 10,000)"),
        std::string::npos)
        << r.out;
    const ProcessResult stated =
        run_process({kExe, "validate", kBase, "--set", "workforce.social_worker_posts=170"});
    EXPECT_NE(stated.out.find("170 social worker posts (stated: workforce.social_worker_posts)"),
              std::string::npos)
        << stated.out;
}

TEST(AnalystCli, WarningsGoToStderrAndKeepExitZeroUnlessStrict) {
    const std::vector<std::string> args = {
        kExe,
        "validate",
        kBase,
        "--set",
        R"(money.funding_changes=[{"date": "2040-04-01", "agency_ban": true}])",
        "--set",
        "money.budget_headroom=5"};
    const ProcessResult r = run_process(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: money.funding_changes[0].date: the funding change on 2040-04-01 "
                         "is outside the run"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("warning: money.budget_headroom:"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("2 warnings"), std::string::npos) << r.out;

    std::vector<std::string> strict = args;
    strict.push_back("--strict");
    const ProcessResult s = run_process(strict);
    EXPECT_EQ(s.exit_code, 65);
    EXPECT_NE(s.err.find("2 warnings, errors under --strict"), std::string::npos) << s.err;
    EXPECT_EQ(run_process({kExe, "validate", kBase, "--strict"}).exit_code, 0);

    // Every command that runs prints them too, and still runs.
    const std::string out = fresh_directory("analyst_warning_run");
    const ProcessResult run =
        run_process({kExe, "run", kBase, "-r", "1", "-q", "--force", "-o", out, "--set",
                     "run.years=2", "--set", "run.warmup_years=0.5"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("warning: run.warmup_years:"), std::string::npos) << run.err;
}

TEST(AnalystCli, OneReplicationPrintsNaNotInfinityAndCompareShowsUnits) {
    const std::string out = fresh_directory("analyst_one_replication");
    const std::vector<std::string> shorter = {"--set", "run.years=2", "--set",
                                              "run.warmup_years=1"};
    std::vector<std::string> run = {kExe, "run", kBase, "-r", "1", "-q", "--force", "-o", out};
    run.insert(run.end(), shorter.begin(), shorter.end());
    const ProcessResult r = run_process(run);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("inf"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("n/a: no confidence interval"), std::string::npos) << r.out;
    const std::string summary = read_file(out + "/summary.json");
    EXPECT_NE(summary.find("\"ci95_low\": null"), std::string::npos);
    EXPECT_EQ(summary.find("inf"), std::string::npos);

    std::vector<std::string> compare = {
        kExe,
        "compare",
        kBase,
        std::string(CSSIM_SOURCE_DIR) + "/scenarios/funding_cut.json",
        "-r",
        "1",
        "-q",
        "--metrics",
        "caseload_mean,spend_total,cin_per_10k"};
    compare.insert(compare.end(), shorter.begin(), shorter.end());
    const ProcessResult c = run_process(compare);
    EXPECT_EQ(c.exit_code, 0) << c.err;
    EXPECT_EQ(c.out.find("inf"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find("n/a: no confidence interval"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find(" unit "), std::string::npos) << c.out;
    for (const char* unit : {"cases", "£/year", "per 10k"}) {
        EXPECT_NE(c.out.find(unit), std::string::npos) << unit << "\n" << c.out;
    }
}

// Doubling the children of a council described through the profile doubles its establishment,
// so rates per 10,000 children, caseloads and turnover stay within 10% (issue 12). Tolerance:
// 10% is the issue's own bound. With 10 replications of 5 measured years the noise in each
// ratio is far below it: from a pilot (8 replications, 4 measured years) the per-replication sd
// is at most ~7% of the mean (turnover: 0.011 of 0.156), so the sd of a difference of two
// 10-replication means is about 7% x sqrt(2/10) = 3.1% and 10% is over 3 such sds. A model
// whose establishment did not scale fails by far: caseload and unallocated work nearly double
// (the control at the end).
TEST(AnalystCli, DoublingChildrenScalesTheWholeCouncil) {
    const std::vector<std::string> common = {"-q",          "--force", "--set",
                                             "run.years=7", "--set",   "run.warmup_years=2"};
    const auto run_with = [&](const std::string& name, const std::vector<std::string>& sets,
                              const std::string& replications = "10") {
        const std::string out = fresh_directory(name);
        std::vector<std::string> args = {kExe, "run", kBase, "-o", out, "-r", replications};
        args.insert(args.end(), common.begin(), common.end());
        args.insert(args.end(), sets.begin(), sets.end());
        const ProcessResult r = run_process(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return read_file(out + "/summary.json");
    };
    const std::string one = run_with("analyst_scale_1x", {});
    const std::string two = run_with("analyst_scale_2x", {"--set", "population.children=160000"});
    for (const char* metric : {"cin_per_10k", "cp_plans_per_10k", "looked_after_per_10k",
                               "caseload_mean", "turnover_rate", "direct_time_share"}) {
        const double a = summary_mean(one, metric);
        const double b = summary_mean(two, metric);
        EXPECT_NEAR(b / a, 1.0, 0.10)
            << metric << ": " << a << " at 80,000 children, " << b << " at 160,000";
    }
    // Absolute volumes double with the council.
    for (const char* metric : {"referrals_per_year", "budget", "social_workers_in_post_mean"}) {
        EXPECT_NEAR(summary_mean(two, metric) / summary_mean(one, metric), 2.0, 0.2) << metric;
    }
    // Control: the same doubling with the posts stated (nothing scales) breaks the caseload.
    const std::string fixed = run_with(
        "analyst_scale_fixed",
        {"--set", "population.children=160000", "--set", "workforce.social_worker_posts=168"}, "3");
    EXPECT_GT(summary_mean(fixed, "caseload_mean") / summary_mean(one, "caseload_mean"), 1.1);
}

}  // namespace
}  // namespace cssim::testing
