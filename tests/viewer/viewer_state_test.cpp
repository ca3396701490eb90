#include "app/viewer_state.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "app/civil_date.hpp"
#include "app/metric_direction.hpp"
#include "app/recent_runs.hpp"
#include "app/viewer_options.hpp"
#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

LoadedRun synthetic(const std::string& start, std::int64_t days, bool admin_support,
                    std::uint64_t reps = 2) {
    testing::SyntheticSpec spec;
    spec.start_date = start;
    spec.days = days;
    spec.posts = 16;
    spec.series = 25;
    spec.replications = reps;
    spec.admin_support = admin_support;
    auto run = testing::make_synthetic_run(spec);
    return LoadedRun(make_memory_run_source(start, run.info, run.replications));
}

TEST(ViewerState, SettingRunsAlignsTheClockAndPicksDefaultSeries) {
    ViewerState s;
    set_run(s, kSideA, synthetic("2016-04-01", 730, false));
    EXPECT_EQ(s.clock.first_day(), *day_number_from_iso_date("2016-04-01"));
    EXPECT_EQ(s.clock.whole_day(), s.clock.first_day());
    ASSERT_EQ(s.charts.size(), 4u);
    EXPECT_EQ(s.charts[0].series, "caseload_mean");
    EXPECT_EQ(s.kpi_series.front(), "unallocated_cases");
    set_run(s, kSideB, synthetic("2017-04-01", 365, true));
    EXPECT_EQ(s.clock.last_day(), *day_number_from_iso_date("2016-04-01") + 729);
    const std::int64_t april_2017 = *day_number_from_iso_date("2017-04-01");
    EXPECT_TRUE(series_value_at(s, kSideB, "caseload_mean", april_2017));
    EXPECT_FALSE(series_value_at(s, kSideB, "caseload_mean", april_2017 - 1));
}

TEST(ViewerState, ChoosesArchiveSeriesWhenPreferredOnesAreAbsent) {
    ViewerState s;
    record::RunInfo info;
    info.layout.days = 3;
    record::ReplicationRecord rec;
    rec.series = {{"wait_mean", "min", "", 0, {1, 2, 3}, ""}, {"served", "", "", 0, {4, 5, 6}, ""}};
    set_run(s, kSideA, LoadedRun(make_memory_run_source("queue", info, {rec})));
    ASSERT_EQ(s.charts.size(), 2u);
    EXPECT_EQ(s.charts[0].series, "wait_mean");
    EXPECT_EQ(s.alignment.mode(), AlignMode::calendar);  // 1970-01-01 default parses
}

TEST(ViewerState, UpdateStopsAtAPauseConditionAndSaysWhy) {
    ViewerState s;
    set_run(s, kSideA, synthetic("2016-04-01", 3650, false));
    const std::int64_t start = s.clock.first_day();
    // Find the day unallocated_cases first exceeds a threshold reached somewhere in the run.
    const auto* series = s.sides[0].run->find_series("unallocated_cases");
    const double threshold = 100.0;
    std::int64_t expected = -1;
    for (std::size_t i = 1; i < series->values.size(); ++i) {
        if (series->values[i] > threshold && !(series->values[i - 1] > threshold)) {
            expected = static_cast<std::int64_t>(i);
            break;
        }
    }
    ASSERT_GT(expected, 0) << "synthetic data should cross the threshold";
    s.pause_conditions.push_back(*parse_pause_condition("unallocated_cases > 100", nullptr));
    s.clock.set_speed_index(kClockSpeeds.size() - 1);
    s.clock.play();
    for (int frame = 0; frame < 1000 && s.clock.is_playing(); ++frame)
        update(s, 1.0 / 60.0);
    EXPECT_EQ(s.clock.whole_day(), start + expected);
    EXPECT_NE(s.status_message.find("unallocated_cases > 100"), std::string::npos);
}

TEST(ViewerState, UpdateStopsAtBookmarksWhenAsked) {
    ViewerState s;
    set_run(s, kSideA, synthetic("2016-04-01", 400, false));
    const std::int64_t start = s.clock.first_day();
    s.bookmarks.add(start + 45, "look at the queue");
    s.clock.set_speed_index(kClockSpeeds.size() - 1);
    s.clock.play();
    for (int frame = 0; frame < 100 && s.clock.is_playing(); ++frame)
        update(s, 1.0 / 60.0);
    EXPECT_EQ(s.clock.whole_day(), start + 45);
    EXPECT_NE(s.status_message.find("look at the queue"), std::string::npos);
    s.pause_at_bookmarks = false;
    s.clock.play();
    for (int frame = 0; frame < 100 && s.clock.is_playing(); ++frame)
        update(s, 1.0 / 60.0);
    EXPECT_EQ(s.clock.whole_day(), s.clock.last_day());
}

TEST(ViewerState, ChartTableFollowsZoomAndBothSides) {
    ViewerState s;
    set_run(s, kSideA, synthetic("2016-04-01", 100, false, 3));
    set_run(s, kSideB, synthetic("2016-04-01", 100, true, 1));
    const auto first = static_cast<double>(s.clock.first_day());
    ChartSlot slot{"caseload_mean", {true, first + 10.0, first + 19.0}};
    const ChartTable t = make_chart_table(s, slot);
    ASSERT_EQ(t.days.size(), 10u);
    EXPECT_EQ(t.day_labels.front(), "2016-04-11");
    // A's replayed replication with the range of its 3 replications, B without (1 replication).
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[0].name, "A caseload_mean");
    EXPECT_EQ(t.columns[1].name, "A caseload_mean min");
    EXPECT_EQ(t.columns[3].name, "B caseload_mean");
    const std::string csv = chart_table_csv(t);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "day,date,A caseload_mean,A caseload_mean min,A caseload_mean max,B caseload_mean");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
    // The mean with its interval: the line is the mean.
    s.band_mode = BandMode::mean;
    const std::string mean_csv = chart_table_csv(make_chart_table(s, slot));
    EXPECT_EQ(mean_csv.substr(0, mean_csv.find('\n')),
              "day,date,A caseload_mean mean,A caseload_mean ci95_low,A caseload_mean ci95_high,"
              "B caseload_mean");
}

TEST(MetricDirection, KnowsCommonMetricsAndDefaultsToNeutral) {
    EXPECT_EQ(better_when("direct_time_share"), BetterWhen::higher);
    EXPECT_EQ(better_when("unallocated_cases_mean"), BetterWhen::lower);
    EXPECT_EQ(better_when("stress_mean"), BetterWhen::lower);
    EXPECT_EQ(better_when("cin_per_10k"), BetterWhen::neutral);
    EXPECT_EQ(better_when("something_new"), BetterWhen::neutral);
    EXPECT_EQ(judge(BetterWhen::lower, 20.0, 18.0), Verdict::better);
    EXPECT_EQ(judge(BetterWhen::higher, 0.58, 0.34), Verdict::worse);
    EXPECT_EQ(judge(BetterWhen::neutral, 1.0, 2.0), Verdict::not_comparable);
    EXPECT_EQ(judge(BetterWhen::lower, 3.0, 3.0), Verdict::same);
}

TEST(MetricDirection, TheRunsOwnCatalogueOverridesTheBuiltInTable) {
    // The archive's catalogue is the model's word: it decides even for a name the built-in
    // table knows, and a name it does not list falls back to the table.
    const std::vector<record::MetricInfo> catalogue = {{"served", "customers", "", -1, ""},
                                                       {"caseload_mean", "cases", "", +1, ""}};
    EXPECT_EQ(better_when("served", &catalogue), BetterWhen::lower);
    EXPECT_EQ(better_when("caseload_mean", &catalogue), BetterWhen::higher);
    EXPECT_EQ(better_when("caseload_mean"), BetterWhen::lower);
    EXPECT_EQ(better_when("direct_time_share", &catalogue), BetterWhen::higher);
    const auto rows = compare_metrics({{"served", 10.0}}, {{"served", 12.0}}, &catalogue);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].verdict, Verdict::worse);
}

TEST(MetricDirection, ComparisonRowsAreBMinusA) {
    const std::vector<record::MetricValue> a{{"admin_time_share", 0.36}, {"only_a", 1.0}};
    const std::vector<record::MetricValue> b{{"admin_time_share", 0.14}, {"only_b", 2.0}};
    const auto rows = compare_metrics(a, b);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_NEAR(*rows[0].difference, -0.22, 1e-12);
    EXPECT_EQ(rows[0].verdict, Verdict::better);
    EXPECT_FALSE(rows[1].b);
    EXPECT_EQ(rows[2].name, "only_b");
    EXPECT_FALSE(rows[2].a);
}

TEST(ViewerOptions, ParsesTheScreenshotCommandLine) {
    const auto p = parse_viewer_options({"cssim-view", "--screenshot", "out.png", "--compare",
                                         "runs/b", "--day", "2019-04-01", "--presenter", "--size",
                                         "1024x768", "runs/a"});
    ASSERT_TRUE(p.error.empty()) << p.error;
    EXPECT_EQ(*p.options.screenshot, "out.png");
    EXPECT_EQ(*p.options.run_a, "runs/a");
    EXPECT_EQ(*p.options.run_b, "runs/b");
    EXPECT_EQ(*p.options.day, "2019-04-01");
    EXPECT_TRUE(p.options.presenter);
    EXPECT_EQ(p.options.width, 1024);
    EXPECT_EQ(p.options.height, 768);
    const auto q = parse_viewer_options({"v", "--bookmark", "2025-04-01=end of warm-up",
                                         "--pause-when", "unallocated_cases > 50", "a"});
    ASSERT_TRUE(q.error.empty()) << q.error;
    EXPECT_EQ(q.options.bookmarks.front(), "2025-04-01=end of warm-up");
    EXPECT_EQ(q.options.pause_conditions.front(), "unallocated_cases > 50");
}

TEST(ViewerOptions, ExplainsBadCommandLines) {
    EXPECT_NE(parse_viewer_options({"v", "--size", "big", "a"}).error.find("--size"),
              std::string::npos);
    EXPECT_NE(parse_viewer_options({"v", "--screenshot", "x.png"}).error.find("needs a run"),
              std::string::npos);
    EXPECT_NE(parse_viewer_options({"v", "a", "b"}).error.find("--compare"), std::string::npos);
    EXPECT_NE(parse_viewer_options({"v", "--frobnicate"}).error.find("unknown option"),
              std::string::npos);
    EXPECT_NE(parse_viewer_options({"v", "--replication", "x", "a"}).error.find("replication"),
              std::string::npos);
}

TEST(RecentRuns, FindsArchivesUnderResultsNewestFirst) {
    const auto root = std::filesystem::temp_directory_path() /
                      ("cssim-viewer-recent-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    for (const char* d : {"old", "new", "sweep/point-3", "empty"}) {
        std::filesystem::create_directories(root / d);
    }
    for (const char* d : {"old", "new", "sweep/point-3"}) {
        std::ofstream(root / d / "run.sqlite") << "x";
    }
    const auto now = std::filesystem::file_time_type::clock::now();
    std::filesystem::last_write_time(root / "old" / "run.sqlite", now - std::chrono::hours(5));
    std::filesystem::last_write_time(root / "sweep/point-3" / "run.sqlite",
                                     now - std::chrono::hours(1));
    std::filesystem::last_write_time(root / "new" / "run.sqlite", now);
    const auto runs = find_recent_runs(root);
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].label, "new");
    EXPECT_EQ(runs[1].label, "sweep/point-3");
    EXPECT_EQ(runs[2].label, "old");
    EXPECT_TRUE(find_recent_runs(root / "absent").empty());
    std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace cssim::viewer
