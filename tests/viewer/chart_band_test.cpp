// Bands stay inside their series' bounds, the line belongs to its band, titles are labels.
#include <gtest/gtest.h>

#include <cmath>

#include "app/viewer_state.hpp"
#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

record::Series rep(std::string unit, std::vector<double> values) {
    record::Series s;
    s.name = "x";
    s.unit = std::move(unit);
    s.values = std::move(values);
    return s;
}

TEST(SeriesBand, ACountsIntervalNeverGoesBelowZero) {
    // Unallocated cases 0, 0 and 30 on a day: mean 10, t interval 10 +- 4.303 * 17.3 / sqrt(3),
    // whose lower end (-33) is the "-40 cases" of the issue. Clamped at zero.
    const SeriesBand band =
        make_series_band({rep("cases", {0.0}), rep("cases", {0.0}), rep("cases", {30.0})});
    EXPECT_DOUBLE_EQ(band.mean[0], 10.0);
    EXPECT_DOUBLE_EQ(band.low[0], 0.0);
    EXPECT_GT(band.high[0], 30.0);
    EXPECT_DOUBLE_EQ(band.min[0], 0.0);
    EXPECT_DOUBLE_EQ(band.max[0], 30.0);
}

TEST(SeriesBand, AShareStaysInsideZeroToOne) {
    const SeriesBand band = make_series_band(
        {rep("share", {0.02, 0.98}), rep("share", {0.0, 1.0}), rep("share", {0.1, 0.9})});
    EXPECT_DOUBLE_EQ(band.low[0], 0.0);
    EXPECT_DOUBLE_EQ(band.high[1], 1.0);
    const SeriesBand index =
        make_series_band({rep("0-1", {0.9}), rep("0-1", {1.0}), rep("0-1", {0.6})});
    EXPECT_LE(index.high[0], 1.0);
}

TEST(SeriesBand, AShareOfAStartingLevelAboveOneIsNotClampedAtOne) {
    const SeriesBand band =
        make_series_band({rep("share", {1.0}), rep("share", {1.2}), rep("share", {1.1})});
    EXPECT_GT(band.high[0], 1.2);
}

TEST(SeriesBand, ASeriesThatGoesNegativeIsNotClamped) {
    // Overspend can be negative: any replication below zero says zero is not a bound.
    const SeriesBand band =
        make_series_band({rep("GBP", {-5.0}), rep("GBP", {0.0}), rep("GBP", {20.0})});
    EXPECT_LT(band.low[0], -5.0);
}

ViewerState synthetic_state() {
    testing::SyntheticSpec spec;
    spec.days = 200;
    spec.posts = 8;
    spec.series = 25;
    spec.replications = 4;
    auto run = testing::make_synthetic_run(spec);
    ViewerState s;
    set_run(s, kSideA, LoadedRun(make_memory_run_source("a", run.info, run.replications), 2));
    return s;
}

TEST(ChartSideData, TheReplayedLineLiesInsideTheReplicationsRange) {
    ViewerState s = synthetic_state();
    const auto d = chart_side_data(s, kSideA, "unallocated_cases");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->legend, "A: replication 2");
    EXPECT_EQ(d->band_note, "band: range of 4 replications");
    ASSERT_FALSE(d->low.empty());
    for (std::size_t i = 0; i < d->values.size(); ++i) {
        const std::int64_t k = d->first_day + static_cast<std::int64_t>(i) - d->band_first_day;
        ASSERT_GE(k, 0);
        const auto j = static_cast<std::size_t>(k);
        EXPECT_GE(d->values[i], d->low[j]) << i;
        EXPECT_LE(d->values[i], d->high[j]) << i;
        EXPECT_GE(d->low[j], 0.0);
    }
}

TEST(ChartSideData, TheMeanLineLiesInsideItsInterval) {
    ViewerState s = synthetic_state();
    s.band_mode = BandMode::mean;
    const auto d = chart_side_data(s, kSideA, "caseload_mean");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->legend, "A: mean of 4 replications");
    EXPECT_EQ(d->band_note, "band: 95% CI of the mean");
    ASSERT_EQ(d->values.size(), d->low.size());
    for (std::size_t i = 0; i < d->values.size(); ++i) {
        EXPECT_GE(d->values[i], d->low[i]);
        EXPECT_LE(d->values[i], d->high[i]);
    }
    s.show_bands = false;
    const auto plain = chart_side_data(s, kSideA, "caseload_mean");
    ASSERT_TRUE(plain);
    EXPECT_TRUE(plain->low.empty());
    EXPECT_EQ(plain->legend, "A: replication 2");
}

TEST(Titles, ALabelFromTheArchiveElseTheName) {
    record::RunInfo info;
    info.layout.days = 2;
    info.layout.metrics = {{"stress_mean", "0-1", "", -1, "Stress index"},
                           {"served", "", "", 0, ""}};
    record::ReplicationRecord r;
    r.series = {{"time_use/direct", "share", "", 0, {0.3, 0.4}, "Direct work"},
                {"odd", "", "", 0, {1, 2}, ""}};
    ViewerState s;
    set_run(s, kSideA, LoadedRun(make_memory_run_source("a", info, {r})));
    EXPECT_EQ(series_title(s, "time_use/direct"), "Direct work");
    EXPECT_EQ(series_title(s, "odd"), "odd");
    EXPECT_EQ(series_title(s, "absent"), "absent");
    EXPECT_EQ(metric_title(&info.layout.metrics, "stress_mean"), "Stress index");
    EXPECT_EQ(metric_title(&info.layout.metrics, "served"), "served");
    EXPECT_EQ(metric_title(nullptr, "served"), "served");
}

}  // namespace
}  // namespace cssim::viewer
