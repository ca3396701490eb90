// Issue 12 item 1 through the real binary: results by financial year. replications.csv gains a
// tidy `period` column (`all` first, then each financial year), summary.json each period's
// means and CIs (and each metric's unit), `cssim run --by-year` and `cssim compare --by-year`
// print the trajectories, and --metrics refuses an unknown name with a did-you-mean.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

// base.json starts on 2023-04-01: run years are calendar years, so a 2-year warm-up ends on
// 2025-04-01 and a 6-year run on 2029-04-01, and the measured period is exactly the financial
// years 2025-26 to 2028-29 (2027-28 has 29 February 2028). A council of
// 40,000 children (the profile scales the establishment) keeps the test quick.
const std::vector<std::string> kSmallRun = {
    "--set", "run.years=6", "--set", "run.warmup_years=2", "--set", "population.children=40000"};

// The ban tests isolate the ban: without the yearly overdispersion of referrals (a gamma
// multiplier per year, cv 0.08) a busy year cannot swamp the ban's effect on unallocated work
// (with it and 4 replications, 2026-27's paired difference was +23 cases [-15, +62]). The ban's
// first year is the least certain: agency cover leaves as contracts end through the year. With
// steady demand and 8 replications its paired CI is +24 [+9, +39] cases (seed fixed; the later
// years' lower ends are above +40), so a ban that stopped raising unallocated work would fail.
const std::vector<std::string> kSteadyDemand = {"--set", "demand.yearly_rate_cv=0"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

struct Row {
    std::string period, metric;
    std::size_t replication = 0;
    double value = 0.0;
};

/** @brief replications.csv rows (no field of these runs is quoted). */
std::vector<Row> read_rows(const std::string& csv, std::string& header) {
    std::istringstream in(csv);
    std::getline(in, header);
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string x; std::getline(fields, x, ',');) {
            f.push_back(x);
        }
        EXPECT_EQ(f.size(), 7u) << line;
        if (f.size() != 7u) {
            continue;
        }
        rows.push_back(Row{f[4], f[5], std::stoul(f[2]), std::stod(f[6])});
    }
    return rows;
}

class ByYearRun : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // One folder per process: ctest runs each test of the suite in its own process.
        dir_ = new std::string(fresh_directory("by-year-run-" + std::to_string(getpid())));
        result_ = new ProcessResult(
            run_process(with({kExe, "run", kBase, "-r", "4", "-q", "--by-year", "--metrics",
                              "unallocated_cases_mean,referrals_per_year", "--out", *dir_ + "/out"},
                             kSmallRun)));
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete result_;
    }
    static std::string* dir_;
    static ProcessResult* result_;
};
std::string* ByYearRun::dir_ = nullptr;
ProcessResult* ByYearRun::result_ = nullptr;

TEST_F(ByYearRun, ReplicationsCsvHasATidyPeriodColumnWithAllFirst) {
    ASSERT_EQ(result_->exit_code, 0) << result_->err;
    std::string header;
    const std::vector<Row> rows = read_rows(read_file(*dir_ + "/out/replications.csv"), header);
    EXPECT_EQ(header, "scenario,design_point,replication,seed,period,metric,value");
    ASSERT_FALSE(rows.empty());
    // Every `all` row before any financial year's, so readers of the whole run can stop early.
    bool seen_year = false;
    std::set<std::tuple<std::string, std::string, std::size_t>> keys;
    std::vector<std::string> periods;
    std::map<std::string, std::size_t> per_period;
    for (const Row& r : rows) {
        if (r.period == "all") {
            EXPECT_FALSE(seen_year) << "an `all` row after a financial year's";
        } else {
            seen_year = true;
        }
        if (periods.empty() || periods.back() != r.period) {
            periods.push_back(r.period);
        }
        ++per_period[r.period];
        // Tidy: one value per (period, metric, replication).
        EXPECT_TRUE(keys.emplace(r.period, r.metric, r.replication).second)
            << r.period << " " << r.metric << " " << r.replication;
    }
    EXPECT_EQ(periods,
              (std::vector<std::string>{"all", "2025-26", "2026-27", "2027-28", "2028-29"}));
    // Every period has every metric of every replication.
    for (const auto& [period, n] : per_period) {
        EXPECT_EQ(n, per_period.at("all")) << period;
    }
}

// A count per year over full financial years: the whole run's rate is the days-weighted mean of
// the years' rates (count / (days / 365.25) in each), and so is a daily mean such as
// unallocated_cases_mean. The years' sums are differences of accumulator snapshots, so the
// relation holds to rounding: relative tolerance 1e-9 (sums of ~1e5 terms in doubles agree to
// ~1e-12 relative; a wrong boundary moves them by a day's worth, ~1e-3 relative).
TEST_F(ByYearRun, TheYearsAddUpToTheWholeRun) {
    ASSERT_EQ(result_->exit_code, 0) << result_->err;
    const auto summary = nlohmann::json::parse(read_file(*dir_ + "/out/summary.json"));
    std::map<std::string, double> days;
    for (const auto& p : summary.at("periods")) {
        days[p.at("period").get<std::string>()] = p.at("days").get<double>();
        EXPECT_FALSE(p.at("partial").get<bool>());
    }
    EXPECT_EQ(days.at("2025-26"), 365.0);
    EXPECT_EQ(days.at("2027-28"), 366.0);  // 29 February 2028
    std::string header;
    const std::vector<Row> rows = read_rows(read_file(*dir_ + "/out/replications.csv"), header);
    for (const char* metric : {"referrals_per_year", "unallocated_cases_mean", "spend_total",
                               "entries_per_year/assessment", "harm_events_per_10k_children"}) {
        for (std::size_t rep = 0; rep < 4; ++rep) {
            double all = std::nan(""), weighted = 0.0, total_days = 0.0;
            for (const Row& r : rows) {
                if (r.metric != metric || r.replication != rep) {
                    continue;
                }
                if (r.period == "all") {
                    all = r.value;
                } else {
                    weighted += r.value * days.at(r.period);
                    total_days += days.at(r.period);
                }
            }
            ASSERT_EQ(total_days, 365.0 + 365.0 + 366.0 + 365.0) << metric;
            EXPECT_NEAR(weighted / total_days, all, 1e-9 * std::max(1.0, std::fabs(all)))
                << metric << " replication " << rep;
        }
    }
}

TEST_F(ByYearRun, SummaryJsonCarriesEachPeriodsMeansCisAndEachMetricsUnit) {
    ASSERT_EQ(result_->exit_code, 0) << result_->err;
    const auto summary = nlohmann::json::parse(read_file(*dir_ + "/out/summary.json"));
    EXPECT_EQ(summary.at("metrics").at("caseload_mean").at("unit"), "cases");
    EXPECT_EQ(summary.at("metrics").at("spend_total").at("unit"), "GBP per year");
    const auto& periods = summary.at("periods");
    ASSERT_EQ(periods.size(), 4u);
    EXPECT_EQ(periods[0].at("period"), "2025-26");
    EXPECT_EQ(periods[0].at("from"), "2025-04-01");
    EXPECT_EQ(periods[0].at("to"), "2026-03-31");
    for (const auto& p : periods) {
        const auto& m = p.at("metrics").at("unallocated_cases_mean");
        EXPECT_EQ(m.at("n"), 4);
        ASSERT_TRUE(m.at("ci95_low").is_number()) << p.dump();
        EXPECT_LE(m.at("ci95_low").get<double>(), m.at("mean").get<double>());
        EXPECT_GE(m.at("ci95_high").get<double>(), m.at("mean").get<double>());
        EXPECT_EQ(m.at("unit"), "cases");
    }
}

TEST_F(ByYearRun, RunByYearPrintsEachChosenMetricPerPeriod) {
    ASSERT_EQ(result_->exit_code, 0) << result_->err;
    const std::string& out = result_->out;
    const auto unallocated = out.find("unallocated_cases_mean (cases; lower is better)");
    const auto referrals = out.find("referrals_per_year");
    ASSERT_NE(unallocated, std::string::npos) << out;
    ASSERT_NE(referrals, std::string::npos) << out;
    EXPECT_LT(unallocated, referrals) << "in the order --metrics gave";
    EXPECT_EQ(out.find("caseload_mean"), std::string::npos) << "only the chosen metrics";
    for (const char* period : {"  all ", "  2025-26 ", "  2026-27 ", "  2027-28 ", "  2028-29 "}) {
        EXPECT_NE(out.find(period, unallocated), std::string::npos) << period << "\n" << out;
    }
}

TEST(ByYear, APartialFinancialYearIsLabelledPartial) {
    const std::string dir = fresh_directory("by-year-partial");
    // A warm-up of 2.5 years from 2023-04-01 ends in early October 2025: 2025-26 is partial.
    const ProcessResult r =
        run_process({kExe, "run", kBase, "-r", "2", "-q", "--out", dir + "/out", "--set",
                     "run.years=4", "--set", "run.warmup_years=2.5", "--set",
                     "population.children=20000", "--by-year", "--metrics", "caseload_mean"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto summary = nlohmann::json::parse(read_file(dir + "/out/summary.json"));
    const auto& periods = summary.at("periods");
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods[0].at("period"), "2025-26 (partial)");
    EXPECT_TRUE(periods[0].at("partial").get<bool>());
    EXPECT_LT(periods[0].at("days").get<int>(), 365);
    EXPECT_EQ(periods[0].at("to"), "2026-03-31");
    EXPECT_EQ(periods[1].at("period"), "2026-27");
    EXPECT_NE(r.out.find("2025-26 (partial)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(partial): the measured period covers only part"), std::string::npos)
        << r.out;
    EXPECT_NE(read_file(dir + "/out/replications.csv").find(",2025-26 (partial),caseload_mean,"),
              std::string::npos);
}

TEST(ByYear, ModelsWithoutFinancialYearsHaveOnlyAll) {
    const std::string dir = fresh_directory("by-year-queue");
    const ProcessResult r =
        run_process({kExe, "run", std::string(CSSIM_SOURCE_DIR) + "/scenarios/queue/mm1.json", "-r",
                     "2", "-q", "--out", dir + "/out", "--by-year"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string header;
    for (const Row& row : read_rows(read_file(dir + "/out/replications.csv"), header)) {
        EXPECT_EQ(row.period, "all");
    }
    const auto summary = nlohmann::json::parse(read_file(dir + "/out/summary.json"));
    EXPECT_FALSE(summary.contains("periods"));
    EXPECT_NE(r.out.find("reports the whole measured period only"), std::string::npos) << r.out;
}

// The agency ban from 1 April 2026 changes nothing before that date: with common random numbers
// A and B draw the same numbers, so 2025-26 is identical (B - A exactly 0); from 2026-27 the
// department loses its agency cover and unallocated work rises. 20 replications: in teams the
// rise varies much more between replications (one team can fall behind), and with 8 the
// intervals of 2026-27 and 2027-28 still reached below 0 (+14 [-1.1, +29], +22 [-3.3, +48]).
TEST(ByYear, CompareByYearShowsTheBanDivergingAfterItsDate) {
    const std::string dir = fresh_directory("by-year-compare");
    const std::string ban = dir + "/ban.json";
    std::ofstream(ban) << R"({"extends": ")" << kBase << R"(", "name": "agency_ban",
        "money": {"funding_changes": [{"date": "2026-04-01", "agency_ban": true}]}})";
    const ProcessResult json =
        run_process(with({kExe, "compare", kBase, ban, "-r", "20", "-q", "--by-year", "--json",
                          "--metrics", "unallocated_cases_mean,agency_share"},
                         with(kSmallRun, kSteadyDemand)));
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto by_year = nlohmann::json::parse(json.out);
    const auto& periods = by_year.at("periods");
    ASSERT_EQ(periods.size(), 5u);
    std::map<std::string, nlohmann::json> unallocated, agency;
    for (const auto& p : periods) {
        const auto& metrics = p.at("comparison").at("comparisons").at(0).at("metrics");
        ASSERT_EQ(metrics.size(), 2u) << "only the --metrics";
        unallocated[p.at("period").get<std::string>()] = metrics.at("unallocated_cases_mean");
        agency[p.at("period").get<std::string>()] = metrics.at("agency_share");
    }
    EXPECT_EQ(unallocated.at("2025-26").at("difference").get<double>(), 0.0);
    EXPECT_EQ(unallocated.at("2025-26").at("baseline_mean"),
              unallocated.at("2025-26").at("scenario_mean"));
    EXPECT_EQ(agency.at("2025-26").at("difference").get<double>(), 0.0);
    for (const char* year : {"2026-27", "2027-28", "2028-29"}) {
        EXPECT_GT(unallocated.at(year).at("ci_low").get<double>(), 0.0)
            << year << ": " << unallocated.at(year).dump();
        EXPECT_EQ(unallocated.at(year).at("verdict"), "worse") << year;
        EXPECT_LT(agency.at(year).at("difference").get<double>(), 0.0) << year;
    }
    // The text table says the same, one row per period.
    const ProcessResult text =
        run_process(with({kExe, "compare", kBase, ban, "-r", "20", "-q", "--by-year", "--metrics",
                          "unallocated_cases_mean"},
                         with(kSmallRun, kSteadyDemand)));
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("A = base   B = agency_ban"), std::string::npos) << text.out;
    std::istringstream lines(text.out);
    std::map<std::string, std::string> row;
    for (std::string line; std::getline(lines, line);) {
        for (const char* period : {"all", "2025-26", "2026-27", "2027-28", "2028-29"}) {
            if (line.rfind(std::string("  ") + period + " ", 0) == 0) {
                row[period] = line;
            }
        }
    }
    ASSERT_EQ(row.size(), 5u) << text.out;
    EXPECT_NE(row["2025-26"].find("no clear difference"), std::string::npos) << row["2025-26"];
    EXPECT_NE(row["2026-27"].find("worse"), std::string::npos) << row["2026-27"];
    EXPECT_NE(row["2027-28"].find("worse"), std::string::npos) << row["2027-28"];
}

TEST(ByYear, AnUnknownMetricIsAUsageErrorWithADidYouMean) {
    const ProcessResult compare = run_process(
        {kExe, "compare", kBase, kBase, "--by-year", "--metrics", "unallocated_case_mean"});
    EXPECT_EQ(compare.exit_code, 64);
    EXPECT_NE(compare.err.find("did you mean \"unallocated_cases_mean\"?"), std::string::npos)
        << compare.err;
    const ProcessResult run =
        run_process({kExe, "run", kBase, "--by-year", "--metrics", "caseload_maen"});
    EXPECT_EQ(run.exit_code, 64);
    EXPECT_NE(run.err.find("did you mean \"caseload_mean\"?"), std::string::npos) << run.err;
}

TEST(ByYear, OutputsAreIdenticalForOneAndTwoThreads) {
    const std::string dir = fresh_directory("by-year-threads");
    for (const char* threads : {"1", "2"}) {
        const ProcessResult r = run_process(with(
            {kExe, "run", kBase, "-r", "3", "-q", "-t", threads, "--out", dir + "/t" + threads},
            kSmallRun));
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    EXPECT_NE(read_file(dir + "/t1/replications.csv").find(",2026-27,"), std::string::npos);
    EXPECT_NE(read_file(dir + "/t1/summary.json").find("\"2026-27\""), std::string::npos);
    for (const char* file : {"/replications.csv", "/summary.json"}) {
        EXPECT_EQ(read_file(dir + "/t1" + file), read_file(dir + "/t2" + file)) << file;
    }
}

}  // namespace
}  // namespace cssim::testing
