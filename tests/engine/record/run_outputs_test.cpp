#include "cssim/record/run_outputs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "cssim/core/statistics.hpp"
#include "record_test_support.hpp"

namespace cssim::record {
namespace {

using testing::sample_record;

std::vector<ReplicationRecord> sample_run(std::uint64_t points, std::uint64_t replications) {
    std::vector<ReplicationRecord> records;
    for (std::uint64_t p = 0; p < points; ++p) {
        for (std::uint64_t r = 0; r < replications; ++r) {
            records.push_back(sample_record(p, r, 2, 0, 0));
        }
    }
    return records;
}

TEST(SummaryJson, NumbersEqualCoreMeanCi) {
    const auto records = sample_run(1, 7);
    const auto json = nlohmann::json::parse(summary_json("mm5", records));
    EXPECT_EQ(json["scenario"], "mm5");
    EXPECT_EQ(json["replications"], 7);
    ASSERT_EQ(json["metrics"].size(), 4U);
    for (const auto& metric : records.front().metrics) {
        std::vector<double> values;
        for (const auto& r : records) {
            for (const auto& m : r.metrics) {
                if (m.name == metric.name) {
                    values.push_back(m.value);
                }
            }
        }
        const auto ci = core::mean_ci(values, 0.95);
        const auto& out = json["metrics"][metric.name];
        // Exact equality: the JSON prints the shortest form that reads back to the same double.
        EXPECT_EQ(out["mean"].get<double>(), ci.mean) << metric.name;
        EXPECT_EQ(out["ci95_low"].get<double>(), ci.low) << metric.name;
        EXPECT_EQ(out["ci95_high"].get<double>(), ci.high) << metric.name;
        EXPECT_EQ(out["sd"].get<double>(), ci.sd) << metric.name;
        EXPECT_EQ(out["n"].get<std::size_t>(), 7U);
    }
}

TEST(SummaryJson, KeepsTheModelsMetricOrder) {
    const std::string text = summary_json("x", sample_run(1, 3));
    const auto wait = text.find("\"wait_mean\"");
    const auto util = text.find("\"utilisation\"");
    const auto served = text.find("\"served\"");
    ASSERT_NE(wait, std::string::npos);
    EXPECT_LT(wait, util);
    EXPECT_LT(util, served);
}

TEST(SummaryJson, WritesNonFiniteNumbersAsNullAndSkipsNaNValues) {
    auto records = sample_run(1, 3);
    records[1].metrics[0].value = std::numeric_limits<double>::quiet_NaN();
    const auto one = std::vector<ReplicationRecord>{records[0]};
    const auto json = nlohmann::json::parse(summary_json("x", records));
    EXPECT_EQ(json["metrics"]["wait_mean"]["n"], 2);  // the NaN replication is left out
    EXPECT_TRUE(json["metrics"]["wait_mean"]["mean"].is_number());
    // One replication: the CI is (-inf, +inf), which JSON cannot hold.
    const auto single = nlohmann::json::parse(summary_json("x", one));
    EXPECT_TRUE(single["metrics"]["wait_mean"]["ci95_low"].is_null());
    EXPECT_TRUE(single["metrics"]["wait_mean"]["ci95_high"].is_null());
    EXPECT_TRUE(single["metrics"]["wait_mean"]["sd"].is_null());
    EXPECT_EQ(single["metrics"]["wait_mean"]["n"], 1);
}

TEST(SummaryJson, HasOneEntryPerDesignPointForSweeps) {
    const auto records = sample_run(3, 4);
    const auto json = nlohmann::json::parse(summary_json("sweep", records));
    EXPECT_EQ(json["design_points"], 3);
    EXPECT_EQ(json["replications"], 12);
    ASSERT_EQ(json["points"].size(), 3U);
    const auto points = summarize(records);
    for (std::size_t p = 0; p < 3; ++p) {
        EXPECT_EQ(json["points"][p]["design_point"], p);
        EXPECT_EQ(json["points"][p]["replications"], 4);
        EXPECT_EQ(json["points"][p]["metrics"]["wait_mean"]["mean"].get<double>(),
                  points[p].metrics[0].mean);
    }
    // The design points really differ (wait_mean is shifted by 10 per point).
    EXPECT_GT(points[2].metrics[0].mean, points[0].metrics[0].mean + 15.0);
}

TEST(RunOutputs, BytesDoNotDependOnRecordOrder) {
    auto records = sample_run(3, 5);
    const std::string summary = summary_json("s", records);
    const std::string csv = replications_csv("s", records);
    const std::string points = points_csv("s", records);
    EXPECT_EQ(summary, summary_json("s", records));  // and two writes agree
    std::mt19937 gen(42);
    for (int trial = 0; trial < 5; ++trial) {
        std::shuffle(records.begin(), records.end(), gen);
        EXPECT_EQ(summary_json("s", records), summary);
        EXPECT_EQ(replications_csv("s", records), csv);
        EXPECT_EQ(points_csv("s", records), points);
    }
}

TEST(RunOutputs, RefusesDuplicateReplications) {
    auto records = sample_run(1, 2);
    records.push_back(records.front());
    EXPECT_THROW(summary_json("s", records), std::invalid_argument);
    EXPECT_THROW(replications_csv("s", records), std::invalid_argument);
}

TEST(ReplicationsCsv, IsTidyAndSortedByPointReplicationAndMetric) {
    auto records = sample_run(2, 2);
    std::reverse(records.begin(), records.end());
    const std::string csv = replications_csv("mm5", records);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = csv.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(csv.substr(start, end - start));
    }
    ASSERT_EQ(lines.size(), 1U + 2 * 2 * 4);
    EXPECT_EQ(lines[0], "scenario,design_point,replication,seed,period,metric,value");
    EXPECT_EQ(lines[1].rfind("mm5,0,0,1000,all,wait_mean,", 0), 0U) << lines[1];
    EXPECT_EQ(lines[4].rfind("mm5,0,0,1000,all,0.1-ish,0.1", 0), 0U) << lines[4];
    EXPECT_EQ(lines[5].rfind("mm5,0,1,1007,all,wait_mean,", 0), 0U) << lines[5];
    EXPECT_EQ(lines[9].rfind("mm5,1,0,101000,all,wait_mean,", 0), 0U) << lines[9];
}

TEST(ReplicationsCsv, PrintsDoublesRoundTripExact) {
    auto records = sample_run(1, 1);
    records[0].metrics = {{"a", 0.1}, {"b", 1.0 / 3.0}, {"c", 1e300}, {"d", -0.0}};
    const std::string csv = replications_csv("s", records);
    EXPECT_NE(csv.find(",a,0.1\n"), std::string::npos);
    EXPECT_NE(csv.find(",c,1e+300\n"), std::string::npos);
    const auto at = csv.find(",b,") + 3;
    EXPECT_EQ(std::stod(csv.substr(at, csv.find('\n', at) - at)), 1.0 / 3.0);
    EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Inf");
    EXPECT_EQ(format_number(3.0), "3");
}

TEST(ReplicationsCsv, QuotesSpecialCharactersPerRfc4180) {
    auto records = sample_run(1, 1);
    records[0].metrics = {{"has,comma", 1.0}, {"has \"quote\"", 2.0}, {"line\nbreak", 3.0}};
    const std::string csv = replications_csv("name, with \"all\"", records);
    EXPECT_NE(csv.find("\"name, with \"\"all\"\"\",0,0,1000,all,\"has,comma\",1\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",\"has \"\"quote\"\"\",2\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"line\nbreak\",3\n"), std::string::npos) << csv;
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
}

TEST(ReplicationsCsv, AppendsFactorColumnsPerDesignPoint) {
    const auto records = sample_run(2, 1);
    FactorColumns factors{{"workers_per_pa", "note"}, {{"3", "a,b"}, {"6", "c"}}};
    const std::string csv = replications_csv("s", records, factors);
    EXPECT_EQ(
        csv.rfind(
            "scenario,design_point,replication,seed,period,metric,value,workers_per_pa,note\n", 0),
        0U);
    EXPECT_NE(csv.find(",3,\"a,b\"\n"), std::string::npos);
    EXPECT_NE(csv.find(",6,c\n"), std::string::npos);
    const std::string points = points_csv("s", records, factors);
    EXPECT_EQ(points.rfind("scenario,design_point,metric,mean,ci95_low,ci95_high,sd,n,"
                           "workers_per_pa,note\n",
                           0),
              0U);
    FactorColumns short_factors{{"x"}, {{"1"}}};
    EXPECT_THROW(replications_csv("s", records, short_factors), std::invalid_argument);
}

/** @brief sample_run with two financial years per record: "2025-26" and "2026-27 (partial)". */
std::vector<ReplicationRecord> with_periods(std::vector<ReplicationRecord> records) {
    for (ReplicationRecord& r : records) {
        PeriodRecord full{"2025-26", "2025-04-01", "2026-03-31", 365, false, {}};
        PeriodRecord part{"2026-27 (partial)", "2026-04-01", "2026-09-30", 183, true, {}};
        for (const MetricValue& m : r.metrics) {
            full.metrics.push_back({m.name, m.value + 1.0});
            part.metrics.push_back({m.name, m.value + 2.0});
        }
        r.periods = {full, part};
    }
    return records;
}

TEST(ReplicationsCsv, WholeRunRowsComeFirstThenEachPeriodsRows) {
    const auto records = with_periods(sample_run(1, 2));
    const std::string csv = replications_csv("s", records);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = csv.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(csv.substr(start, end - start));
    }
    // 2 replications x 4 metrics x (all + 2 periods), after the header.
    ASSERT_EQ(lines.size(), 1U + 2 * 4 * 3);
    // The first block is exactly the file without periods.
    const std::string plain = replications_csv("s", sample_run(1, 2));
    EXPECT_EQ(csv.substr(0, plain.size()), plain);
    EXPECT_EQ(lines[9].rfind("s,0,0,1000,2025-26,wait_mean,", 0), 0U) << lines[9];
    EXPECT_EQ(lines[13].rfind("s,0,1,1007,2025-26,wait_mean,", 0), 0U) << lines[13];
    EXPECT_EQ(lines[17].rfind("s,0,0,1000,2026-27 (partial),wait_mean,", 0), 0U) << lines[17];
}

TEST(SummaryJson, CarriesEachPeriodsSummariesAndUnits) {
    const auto records = with_periods(sample_run(1, 3));
    const std::vector<MetricInfo> info = {{"wait_mean", "minutes", "", -1, ""}};
    const auto json = nlohmann::json::parse(summary_json("s", records, info));
    EXPECT_EQ(json["metrics"]["wait_mean"]["unit"], "minutes");
    EXPECT_FALSE(json["metrics"]["served"].contains("unit")) << "no unit given for it";
    ASSERT_EQ(json["periods"].size(), 2U);
    const auto& part = json["periods"][1];
    EXPECT_EQ(part["period"], "2026-27 (partial)");
    EXPECT_EQ(part["from"], "2026-04-01");
    EXPECT_EQ(part["to"], "2026-09-30");
    EXPECT_EQ(part["days"], 183);
    EXPECT_EQ(part["partial"], true);
    const double all = json["metrics"]["wait_mean"]["mean"].get<double>();
    EXPECT_DOUBLE_EQ(part["metrics"]["wait_mean"]["mean"].get<double>(), all + 2.0);
    EXPECT_EQ(part["metrics"]["wait_mean"]["n"], 3);
    EXPECT_EQ(part["metrics"]["wait_mean"]["unit"], "minutes");
    EXPECT_FALSE(nlohmann::json::parse(summary_json("s", sample_run(1, 3))).contains("periods"));
    EXPECT_EQ(period_labels(records), (std::vector<std::string>{"2025-26", "2026-27 (partial)"}));
    EXPECT_EQ(records_of_period(records, "2025-26").size(), 3U);
    EXPECT_TRUE(records_of_period(records, "2030-31").empty());
}

TEST(SummaryJson, EscapesSpecialCharactersInNames) {
    auto records = sample_run(1, 2);
    for (auto& r : records) {
        r.metrics = {{"quote\" back\\slash \t tab é", 1.0}, {std::string("bad \xff utf8"), 2.0}};
    }
    const auto json = nlohmann::json::parse(summary_json("sc\"en\nario", records));
    EXPECT_EQ(json["scenario"], "sc\"en\nario");
    EXPECT_TRUE(json["metrics"].contains("quote\" back\\slash \t tab é"));
    EXPECT_EQ(json["metrics"].size(), 2U);  // invalid UTF-8 replaced, not a crash
}

TEST(ManifestJson, CarriesEveryProvenanceField) {
    const RunInfo info = testing::sample_info();
    const std::string text = manifest_json(info);
    EXPECT_EQ(text, manifest_json(info));
    const auto json = nlohmann::json::parse(text);
    EXPECT_EQ(json["scenario_name"], info.scenario_name);
    EXPECT_EQ(json["model"], info.model);
    EXPECT_EQ(json["version"], info.version);
    EXPECT_EQ(json["git_sha"], info.git_sha);
    EXPECT_EQ(json["scenario_sha256"], info.scenario_sha256);
    EXPECT_EQ(json["master_seed"].get<std::uint64_t>(), info.master_seed);
    EXPECT_EQ(json["replications"], info.replications);
    EXPECT_EQ(json["threads"], info.threads);
    EXPECT_EQ(json["wall_seconds"].get<double>(), info.wall_seconds);
    EXPECT_EQ(json["command_line"], info.command_line);
    EXPECT_EQ(json["created_utc"], info.created_utc);
    EXPECT_EQ(json["status"], info.status);
    EXPECT_EQ(json["stream_names"], nlohmann::json(info.stream_names));
    EXPECT_EQ(json["scenario"]["nested"]["a"][1], 2.5);
    RunInfo broken = info;
    broken.scenario_json = "{not json";
    EXPECT_EQ(nlohmann::json::parse(manifest_json(broken))["scenario"], "{not json");
}

}  // namespace
}  // namespace cssim::record
