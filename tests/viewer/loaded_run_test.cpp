#include "app/loaded_run.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <fstream>

#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

using testing::make_synthetic_run;
using testing::SyntheticSpec;

SyntheticSpec small_spec() {
    SyntheticSpec s;
    s.days = 400;
    s.posts = 32;
    s.series = 30;
    s.replications = 4;
    return s;
}

LoadedRun load_memory(const SyntheticSpec& spec, std::optional<std::uint64_t> rep = {}) {
    auto run = make_synthetic_run(spec);
    return LoadedRun(make_memory_run_source("memory", run.info, run.replications), rep);
}

std::filesystem::path temp_dir(const std::string& name) {
    auto d = std::filesystem::temp_directory_path() /
             ("cssim-viewer-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

TEST(LoadedRun, LoadsTheFirstReplicationByDefault) {
    auto run = load_memory(small_spec());
    EXPECT_EQ(run.replication().replication, 0u);
    EXPECT_EQ(run.replication_ids().size(), 4u);
    EXPECT_EQ(run.first_day(), 0);
    EXPECT_EQ(run.last_day(), 399);
    EXPECT_EQ(run.series_names().size(), 30u);
    EXPECT_TRUE(run.start_day_number());
}

TEST(LoadedRun, LooksUpSeriesValuesByNameAndDay) {
    auto spec = small_spec();
    auto data = make_synthetic_run(spec);
    LoadedRun run(make_memory_run_source("memory", data.info, data.replications), 2);
    const auto& expected = data.replications[2].series[0];
    ASSERT_EQ(expected.name, "caseload_mean");
    EXPECT_DOUBLE_EQ(*run.series_value("caseload_mean", 17), expected.values[17]);
    EXPECT_FALSE(run.series_value("caseload_mean", 400));
    EXPECT_FALSE(run.series_value("caseload_mean", -1));
    EXPECT_FALSE(run.series_value("no_such_series", 0));
    EXPECT_EQ(run.find_series("stage/assessment")->unit, "children");
    EXPECT_TRUE(run.metric("direct_time_share"));
}

TEST(LoadedRun, SwitchesReplicationAndRejectsUnknownOnes) {
    auto run = load_memory(small_spec());
    const double before = *run.series_value("caseload_mean", 100);
    run.select_replication(3);
    EXPECT_EQ(run.replication().replication, 3u);
    EXPECT_NE(*run.series_value("caseload_mean", 100), before);
    try {
        run.select_replication(9);
        FAIL() << "expected LoadError";
    } catch (const LoadError& e) {
        EXPECT_NE(std::string(e.what()).find("no replication 9"), std::string::npos);
    }
}

TEST(LoadedRun, BandsCoverTheMeanAcrossReplications) {
    auto spec = small_spec();
    auto data = make_synthetic_run(spec);
    LoadedRun run(make_memory_run_source("memory", data.info, data.replications));
    const SeriesBand* band = run.band("caseload_mean");
    ASSERT_NE(band, nullptr);
    EXPECT_EQ(band->replications, 4u);
    double sum = 0.0;
    for (const auto& r : data.replications)
        sum += r.series[0].values[200];
    EXPECT_NEAR(band->mean[200], sum / 4.0, 1e-12);
    EXPECT_LT(band->low[200], band->mean[200]);
    EXPECT_GT(band->high[200], band->mean[200]);
}

TEST(SeriesBand, HalfWidthIsStudentTTimesStandardError) {
    // Values 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.303, half width 4.303 / sqrt(3).
    std::vector<record::Series> reps;
    for (double v : {1.0, 2.0, 3.0})
        reps.push_back({"x", "", "", 5, {v}, ""});
    const auto band = make_series_band(reps);
    EXPECT_EQ(band.first_day, 5);
    EXPECT_DOUBLE_EQ(band.mean[0], 2.0);
    EXPECT_NEAR(band.high[0] - 2.0, 4.303 / std::sqrt(3.0), 1e-9);
}

TEST(LoadedRun, EventsThroughADayAreSortedAndCut) {
    auto run = load_memory(small_spec());
    const auto all = run.events_through(run.last_day());
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 1; i < all.size(); ++i)
        EXPECT_LE(all[i - 1].tick, all[i].tick);
    const auto some = run.events_through(150);
    for (const auto& e : some)
        EXPECT_LT(e.tick, 151 * kMinutesPerDay);
    EXPECT_LE(some.size(), all.size());
}

TEST(LoadedRun, NamesStatusAndContractCodes) {
    auto run = load_memory(small_spec());
    EXPECT_EQ(run.status_name(1), "sick");
    EXPECT_EQ(run.contract_name(1), "agency");
    EXPECT_EQ(run.status_name(200), "unknown");
    ASSERT_NE(run.find_track(5), nullptr);
    EXPECT_EQ(run.find_track(5)->id, 5u);
    EXPECT_EQ(run.find_track(100000), nullptr);
}

TEST(ArchiveRunSource, RoundTripsThroughTheRecordLibrary) {
    auto spec = small_spec();
    const auto dir = temp_dir("roundtrip");
    testing::write_synthetic_archive(dir, spec);
    LoadedRun run(open_archive_run_source(dir), 1);  // a directory holding run.sqlite
    auto data = make_synthetic_run(spec);
    EXPECT_EQ(run.info().scenario_name, spec.scenario_name);
    EXPECT_EQ(run.replication_ids().size(), 4u);
    EXPECT_DOUBLE_EQ(*run.series_value("unallocated_cases", 123),
                     data.replications[1].series[1].values[123]);
    EXPECT_EQ(run.layout().nodes.size(), 10u);
    EXPECT_EQ(run.replication().tracks.size(), spec.posts);
    EXPECT_NE(run.band("caseload_mean"), nullptr);
    std::filesystem::remove_all(dir);
}

TEST(ArchiveRunSource, OpensAnArchiveWrittenBeforeEpisodeRecords) {
    // Schema 2 (before issue 11's episode table): the viewer opens it as before.
    auto spec = small_spec();
    const auto dir = temp_dir("schema2");
    testing::write_synthetic_archive(dir, spec);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "run.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TABLE episode; "
                           "UPDATE meta SET value = '2' WHERE key = 'schema_version';",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
    LoadedRun run(open_archive_run_source(dir), 1);
    EXPECT_EQ(run.replication_ids().size(), 4u);
    EXPECT_EQ(run.replication().tracks.size(), spec.posts);
    EXPECT_NE(run.band("caseload_mean"), nullptr);
    std::filesystem::remove_all(dir);
}

TEST(ArchiveRunSource, MissingPathsSayWhatIsMissing) {
    const auto dir = temp_dir("missing");
    try {
        open_archive_run_source(dir / "nope.sqlite");
        FAIL();
    } catch (const LoadError& e) {
        EXPECT_NE(std::string(e.what()).find("nope.sqlite"), std::string::npos);
    }
    try {
        open_archive_run_source(dir);  // a directory with no run.sqlite
        FAIL();
    } catch (const LoadError& e) {
        EXPECT_NE(std::string(e.what()).find("holds no run.sqlite"), std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST(ArchiveRunSource, DamagedFilesGiveALoadErrorNotACrash) {
    const auto dir = temp_dir("damaged");
    {
        std::ofstream f(dir / "run.sqlite", std::ios::binary);
        f << "this is not an archive, just some text that is long enough to look like a file";
    }
    EXPECT_THROW(open_archive_run_source(dir / "run.sqlite"), LoadError);
    // A real archive cut in half.
    const auto good = testing::write_synthetic_archive(dir / "good", small_spec());
    const auto size = std::filesystem::file_size(good);
    std::filesystem::resize_file(good, size / 2);
    EXPECT_THROW(
        {
            auto source = open_archive_run_source(good);
            LoadedRun run(source);
            for (auto id : run.replication_ids())
                run.select_replication(id);
        },
        LoadError);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cssim::viewer

namespace cssim::viewer {
namespace {

TEST(MetricSummary, MeansAndIntervalsOverReplications) {
    // x = 1, 2, 3 over three replications: mean 2, half width t(0.975, 2) × 1 / sqrt(3).
    const std::vector<std::vector<record::MetricValue>> reps{
        {{"x", 1.0}, {"y", 5.0}}, {{"x", 2.0}}, {{"x", 3.0}, {"y", 7.0}}};
    const auto s = summarise_metrics(reps);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].name, "x");
    EXPECT_EQ(s[0].n, 3u);
    EXPECT_DOUBLE_EQ(s[0].mean, 2.0);
    EXPECT_NEAR(s[0].high - 2.0, 4.303 / std::sqrt(3.0), 1e-9);
    EXPECT_EQ(s[1].n, 2u);
    EXPECT_DOUBLE_EQ(s[1].mean, 6.0);
}

TEST(LoadedRun, MetricSummariesCoverEveryReplicationOfAnArchive) {
    auto spec = small_spec();
    const auto dir = temp_dir("metrics");
    testing::write_synthetic_archive(dir, spec);
    LoadedRun run(open_archive_run_source(dir));
    auto data = make_synthetic_run(spec);
    double sum = 0.0;
    for (const auto& r : data.replications)
        sum += r.metrics[0].value;
    const auto& s = run.metric_summaries();
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s[0].name, data.replications[0].metrics[0].name);
    EXPECT_EQ(s[0].n, spec.replications);
    EXPECT_NEAR(s[0].mean, sum / static_cast<double>(spec.replications), 1e-12);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cssim::viewer
