// Labels of metrics and series (archive schema 2) and version-1 archives, which have none.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "archive_sql.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/archive_writer.hpp"
#include "record_test_support.hpp"

namespace cssim::record {
namespace {

using testing::sample_info;
using testing::sample_record;
using testing::ScratchDir;
using testing::sql;

/** @brief Two replications; caseload_mean is labelled, the stage series are not. */
std::filesystem::path write_labelled(const ScratchDir& dir) {
    const auto path = dir / "run.sqlite";
    std::vector<ReplicationRecord> records{sample_record(0, 0), sample_record(0, 1)};
    for (auto& r : records) {
        r.series[0].label = "Caseload per social worker";
    }
    write_archive(path, sample_info(), records);
    return path;
}

TEST(ArchiveLabels, MetricAndSeriesLabelsRoundTrip) {
    ScratchDir dir;
    const ArchiveReader reader(write_labelled(dir));
    EXPECT_EQ(reader.schema_version(), kArchiveSchemaVersion);
    const auto& metrics = reader.info().layout.metrics;
    ASSERT_EQ(metrics.size(), 3u);
    EXPECT_EQ(metrics[0].label, "Wait (mean)");
    EXPECT_EQ(metrics[1].label, "");  // written without a label: tools show the name
    EXPECT_EQ(metrics[2].label, "Utilisation");

    const ReplicationRecord rep = reader.load_replication(1);
    EXPECT_EQ(rep.series[0].label, "Caseload per social worker");
    EXPECT_EQ(rep.series[1].label, "");
    const auto catalogue = reader.series_catalogue();
    ASSERT_FALSE(catalogue.empty());
    EXPECT_EQ(catalogue[0].name, "caseload_mean");
    EXPECT_EQ(catalogue[0].label, "Caseload per social worker");
    const auto across = reader.load_series("caseload_mean");
    ASSERT_EQ(across.size(), 2u);
    EXPECT_EQ(across[1].series.label, "Caseload per social worker");
}

TEST(ArchiveLabels, VersionOneArchiveOpensWithEmptyLabels) {
    ScratchDir dir;
    const auto path = write_labelled(dir);
    // What a version-1 writer produced: no label table (and no episode table, from version 3).
    sql(path,
        "DROP TABLE label; DROP TABLE episode; "
        "UPDATE meta SET value = '1' WHERE key = 'schema_version';");
    const ArchiveReader reader(path);
    EXPECT_EQ(reader.schema_version(), 1);
    for (const auto& m : reader.info().layout.metrics) {
        EXPECT_EQ(m.label, "") << m.name;
    }
    const ReplicationRecord rep = reader.load_replication(0);
    ASSERT_FALSE(rep.series.empty());
    EXPECT_EQ(rep.series[0].name, "caseload_mean");
    EXPECT_EQ(rep.series[0].label, "");
    EXPECT_FALSE(rep.series[0].values.empty());
    EXPECT_EQ(reader.series_catalogue()[0].label, "");
}

}  // namespace
}  // namespace cssim::record
