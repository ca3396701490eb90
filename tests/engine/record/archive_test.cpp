#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "archive_sql.hpp"
#include "cssim/core/statistics.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/errors.hpp"
#include "record_test_support.hpp"

namespace cssim::record {
namespace {

using testing::sample_info;
using testing::sample_record;
using testing::ScratchDir;
using testing::sql;

void expect_same(const ReplicationRecord& a, const ReplicationRecord& b) {
    EXPECT_EQ(a.design_point, b.design_point);
    EXPECT_EQ(a.replication, b.replication);
    EXPECT_EQ(a.seed, b.seed);
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t i = 0; i < a.metrics.size(); ++i) {
        EXPECT_EQ(a.metrics[i].name, b.metrics[i].name);
        if (std::isnan(a.metrics[i].value)) {
            EXPECT_TRUE(std::isnan(b.metrics[i].value));
        } else {
            EXPECT_EQ(a.metrics[i].value, b.metrics[i].value);
        }
    }
    ASSERT_EQ(a.series.size(), b.series.size());
    for (std::size_t i = 0; i < a.series.size(); ++i) {
        EXPECT_EQ(a.series[i].name, b.series[i].name);
        EXPECT_EQ(a.series[i].unit, b.series[i].unit);
        EXPECT_EQ(a.series[i].description, b.series[i].description);
        EXPECT_EQ(a.series[i].first_day, b.series[i].first_day);
        EXPECT_EQ(a.series[i].values, b.series[i].values);
    }
    ASSERT_EQ(a.tracks.size(), b.tracks.size());
    for (std::size_t i = 0; i < a.tracks.size(); ++i) {
        const auto& x = a.tracks[i];
        const auto& y = b.tracks[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.label, y.label);
        EXPECT_EQ(x.role, y.role);
        EXPECT_EQ(x.team, y.team);
        EXPECT_EQ(x.first_day, y.first_day);
        EXPECT_EQ(x.status, y.status);
        EXPECT_EQ(x.contract, y.contract);
        EXPECT_EQ(x.caseload, y.caseload);
        EXPECT_EQ(x.stress, y.stress);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].tick, b.events[i].tick);
        EXPECT_EQ(a.events[i].kind, b.events[i].kind);
        EXPECT_EQ(a.events[i].entity, b.events[i].entity);
        EXPECT_EQ(a.events[i].text, b.events[i].text);
    }
}

/** @brief Three replications added out of order; the middle one without tracks or events. */
std::vector<ReplicationRecord> sample_records() {
    std::vector<ReplicationRecord> records{sample_record(0, 2), sample_record(0, 0),
                                           sample_record(0, 1, 10, 3, 0)};
    records[2].events.clear();
    records[1].metrics.push_back({"undefined", std::numeric_limits<double>::quiet_NaN()});
    records[1].metrics.push_back({"infinite", std::numeric_limits<double>::infinity()});
    records[1].series[1].values.clear();  // an empty series is still a series
    records[1].series.push_back(
        {"odd 'name', \"quoted\"; DROP TABLE series;--", "", "", -5, {1.5, -2.25}, ""});
    return records;
}

/** @brief The ArchiveError message from opening `path` ("" if it opened). */
std::string open_error(const std::filesystem::path& path) {
    try {
        ArchiveReader reader(path);
    } catch (const ArchiveError& error) {
        EXPECT_EQ(error.path(), path);
        return error.what();
    }
    return "";
}

TEST(ArchiveReader, RoundTripsEveryField) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    const RunInfo info = sample_info();
    const auto records = sample_records();
    write_archive(path, info, records);

    const ArchiveReader reader(path);
    EXPECT_EQ(reader.schema_version(), kArchiveSchemaVersion);
    const RunInfo& got = reader.info();
    EXPECT_EQ(got.scenario_name, info.scenario_name);
    EXPECT_EQ(got.model, info.model);
    EXPECT_EQ(got.scenario_json, info.scenario_json);
    EXPECT_EQ(got.scenario_sha256, info.scenario_sha256);
    EXPECT_EQ(got.master_seed, info.master_seed);
    EXPECT_EQ(got.replications, info.replications);
    EXPECT_EQ(got.threads, info.threads);
    EXPECT_EQ(got.wall_seconds, info.wall_seconds);
    EXPECT_EQ(got.command_line, info.command_line);
    EXPECT_EQ(got.version, info.version);
    EXPECT_EQ(got.git_sha, info.git_sha);
    EXPECT_EQ(got.created_utc, info.created_utc);
    EXPECT_EQ(got.status, info.status);
    EXPECT_EQ(got.stream_names, info.stream_names);
    EXPECT_EQ(got.layout.start_date, info.layout.start_date);
    EXPECT_EQ(got.layout.days, info.layout.days);
    EXPECT_EQ(got.layout.warmup_days, info.layout.warmup_days);
    EXPECT_EQ(got.layout.status_names, info.layout.status_names);
    EXPECT_EQ(got.layout.contract_names, info.layout.contract_names);
    ASSERT_EQ(got.layout.nodes.size(), info.layout.nodes.size());
    for (std::size_t i = 0; i < info.layout.nodes.size(); ++i) {
        EXPECT_EQ(got.layout.nodes[i].id, info.layout.nodes[i].id);
        EXPECT_EQ(got.layout.nodes[i].label, info.layout.nodes[i].label);
        EXPECT_EQ(got.layout.nodes[i].series, info.layout.nodes[i].series);
    }
    ASSERT_EQ(got.layout.edges.size(), info.layout.edges.size());
    for (std::size_t i = 0; i < info.layout.edges.size(); ++i) {
        EXPECT_EQ(got.layout.edges[i].from, info.layout.edges[i].from);
        EXPECT_EQ(got.layout.edges[i].to, info.layout.edges[i].to);
        EXPECT_EQ(got.layout.edges[i].probability, info.layout.edges[i].probability);
    }

    ASSERT_EQ(got.layout.metrics.size(), info.layout.metrics.size());
    for (std::size_t i = 0; i < info.layout.metrics.size(); ++i) {
        EXPECT_EQ(got.layout.metrics[i].name, info.layout.metrics[i].name);
        EXPECT_EQ(got.layout.metrics[i].unit, info.layout.metrics[i].unit);
        EXPECT_EQ(got.layout.metrics[i].description, info.layout.metrics[i].description);
        EXPECT_EQ(got.layout.metrics[i].direction, info.layout.metrics[i].direction);
    }

    EXPECT_EQ(reader.replication_ids(), (std::vector<std::uint64_t>{0, 1, 2}));
    for (const auto& record : records) {
        SCOPED_TRACE(record.replication);
        expect_same(record, reader.load_replication(record.replication));
        const auto metrics = reader.metrics(record.replication);
        ASSERT_EQ(metrics.size(), record.metrics.size());
        EXPECT_EQ(metrics[0].value, record.metrics[0].value);
    }
    EXPECT_EQ(reader.replications_with_tracks(), (std::vector<std::uint64_t>{0, 2}));
    EXPECT_EQ(reader.replications_with_events(), (std::vector<std::uint64_t>{0, 2}));
    EXPECT_EQ(reader.replications()[1].series_count, 3U);
    EXPECT_TRUE(reader.has_replication(2));
    EXPECT_FALSE(reader.has_replication(3));
    EXPECT_THROW(reader.load_replication(3), std::out_of_range);
    EXPECT_THROW(reader.metrics(0, 1), std::out_of_range);
}

TEST(ArchiveReader, OpensTheOutputDirectoryToo) {
    ScratchDir dir;
    write_archive(dir / "run.sqlite", sample_info(), sample_records());
    EXPECT_EQ(ArchiveReader::open(dir.path()).path(), dir / "run.sqlite");
}

TEST(ArchiveReader, ListsSeriesInModelOrderAndLoadsThemAcrossReplications) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    const auto records = sample_records();
    write_archive(path, sample_info(), records);
    const ArchiveReader reader(path);
    EXPECT_EQ(reader.series_names(),
              (std::vector<std::string>{"caseload_mean", "stage/1", "stage/2",
                                        "odd 'name', \"quoted\"; DROP TABLE series;--"}));
    EXPECT_EQ(reader.series_catalogue()[0].description, "Series 0, end-of-day snapshot");
    const auto all = reader.load_series("caseload_mean");
    ASSERT_EQ(all.size(), 3U);
    for (std::uint64_t r = 0; r < 3; ++r) {
        EXPECT_EQ(all[r].replication, r);
        EXPECT_EQ(all[r].series.unit, "cases");
    }
    EXPECT_EQ(all[0].series.values, records[1].series[0].values);  // records[1] is rep 0
    EXPECT_EQ(all[1].series.values, records[2].series[0].values);
    EXPECT_EQ(reader.load_series("odd 'name', \"quoted\"; DROP TABLE series;--").size(), 1U);
    EXPECT_TRUE(reader.load_series("no such series").empty());
}

TEST(ArchiveReader, LongSeriesWrittenInPlaceRoundTripBitForBit) {
    // Series from 128 KiB on are inserted as zero BLOBs and filled by incremental BLOB I/O;
    // 300,000 values (2.4 MB) also outgrow SQLite's page cache, so pages are spilled to the
    // file between the insert and the write. Shorter series beside them take the bound path.
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    std::vector<ReplicationRecord> records{sample_record(0, 0), sample_record(0, 1)};
    for (std::size_t r = 0; r < records.size(); ++r) {
        std::vector<double> values(300000 + r * 16384);  // 2.4 MB, and 128 KiB more
        for (std::size_t i = 0; i < values.size(); ++i) {
            values[i] = static_cast<double>(i) * 0.5 - static_cast<double>(r);
        }
        values[7] = std::numeric_limits<double>::quiet_NaN();
        values.back() = -std::numeric_limits<double>::infinity();
        records[r].series.insert(records[r].series.begin() + 1,
                                 Series{"long", "units", "a long series", 3, values, ""});
    }
    const std::vector<double> boundary(16384, 2.0);  // exactly 128 KiB: the in-place path
    records[1].series.push_back(Series{"boundary", "", "", 0, boundary, ""});
    write_archive(path, sample_info(), records);

    const ArchiveReader reader(path);
    const auto all = reader.load_series("long");
    ASSERT_EQ(all.size(), 2U);
    for (std::size_t r = 0; r < 2; ++r) {
        const std::vector<double>& want = records[r].series[1].values;
        const std::vector<double>& got = all[r].series.values;
        ASSERT_EQ(got.size(), want.size());
        EXPECT_EQ(std::memcmp(got.data(), want.data(), want.size() * sizeof(double)), 0);
        EXPECT_EQ(all[r].series.first_day, 3);
    }
    EXPECT_EQ(reader.load_series("boundary").at(0).series.values, boundary);
    // The series after the long one in the same replication are intact too.
    EXPECT_EQ(reader.load_series("stage/1").at(1).series.values, records[1].series[2].values);
}

TEST(ArchiveReader, CompactCountSeriesAreArchivedAsTheirDoubles) {
    // A series kept as 16-bit counts (Series::small_counts) must give the archive the same
    // float64 BLOB as the same values kept as doubles: short (bound), exactly 128 KiB, and long
    // (widened in 64 KiB chunks into the archive's pages, the last chunk partial). The two
    // archives are compared by what the reader returns and byte for byte.
    ScratchDir dir;
    const std::size_t lengths[] = {100, 16384, 300003};
    std::vector<ReplicationRecord> compact{sample_record(0, 0)};
    std::vector<ReplicationRecord> wide{sample_record(0, 0)};
    for (const std::size_t n : lengths) {
        Series c{"counts/" + std::to_string(n), "customers", "", 2, {}, ""};
        for (std::size_t i = 0; i < n; ++i) {
            c.small_counts.push_back(static_cast<std::uint16_t>((i * 7919) % 65536));
        }
        Series w = c;
        w.values = series_values(c);
        w.small_counts.clear();
        ASSERT_EQ(series_length(c), n);
        ASSERT_EQ(w.values.size(), n);
        EXPECT_EQ(w.values.back(), static_cast<double>(c.small_counts.back()));
        compact[0].series.push_back(std::move(c));
        wide[0].series.push_back(std::move(w));
    }
    write_archive(dir / "compact.sqlite", sample_info(), compact);
    write_archive(dir / "wide.sqlite", sample_info(), wide);
    const ArchiveReader from_compact(dir / "compact.sqlite");
    for (std::size_t k = 0; k < std::size(lengths); ++k) {
        const auto got = from_compact.load_series("counts/" + std::to_string(lengths[k]));
        ASSERT_EQ(got.size(), 1U);
        // sample_record's own three series come first.
        EXPECT_EQ(got[0].series.values, wide[0].series[3 + k].values) << lengths[k];
        EXPECT_TRUE(got[0].series.small_counts.empty());
        EXPECT_EQ(got[0].series.first_day, 2);
    }
    EXPECT_EQ(testing::read_file(dir / "compact.sqlite"), testing::read_file(dir / "wide.sqlite"));
}

TEST(ArchiveReader, SeriesBandIsCoreMeanCiPerDay) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    const auto records = sample_records();
    write_archive(path, sample_info(), records);
    const SeriesBand band = ArchiveReader(path).series_band("caseload_mean");
    ASSERT_EQ(band.mean.size(), 10U);
    EXPECT_EQ(band.first_day, 0);
    for (std::size_t d = 0; d < 10; ++d) {
        // sample_records() is ordered 2, 0, 1: the band is over replications 0, 1, 2.
        const std::vector<double> values{records[1].series[0].values[d],
                                         records[2].series[0].values[d],
                                         records[0].series[0].values[d]};
        const auto ci = core::mean_ci(values, 0.95);
        EXPECT_EQ(band.mean[d], ci.mean);
        EXPECT_EQ(band.low[d], ci.low);
        EXPECT_EQ(band.high[d], ci.high);
        EXPECT_EQ(band.n[d], 3U);
    }
}

TEST(ArchiveReader, RefusesAMissingFile) {
    ScratchDir dir;
    const std::string message = open_error(dir / "nothing.sqlite");
    EXPECT_NE(message.find("nothing.sqlite"), std::string::npos) << message;
    EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

TEST(ArchiveReader, RefusesRandomBytes) {
    ScratchDir dir;
    std::mt19937 gen(1);
    std::string bytes(65536, '\0');
    for (auto& c : bytes) {
        c = static_cast<char>(gen());
    }
    testing::write_file(dir / "random.sqlite", bytes);
    const std::string message = open_error(dir / "random.sqlite");
    EXPECT_NE(message.find("random.sqlite"), std::string::npos) << message;
    EXPECT_NE(message.find("not an SQLite database"), std::string::npos) << message;
    testing::write_file(dir / "empty.sqlite", "");
    EXPECT_NE(open_error(dir / "empty.sqlite").find("empty"), std::string::npos);
}

TEST(ArchiveReader, RefusesATruncatedFile) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    std::vector<ReplicationRecord> records;
    for (std::uint64_t r = 0; r < 4; ++r) {
        records.push_back(sample_record(0, r, 2000, 5, 4));  // a few hundred KiB
    }
    write_archive(path, sample_info(), records);
    const std::string whole = testing::read_file(path);
    for (const std::size_t keep : {whole.size() / 2, whole.size() - 1, std::size_t{50}}) {
        testing::write_file(path, whole.substr(0, keep));
        const std::string message = open_error(path);
        EXPECT_NE(message.find("run.sqlite"), std::string::npos) << message;
        EXPECT_NE(message.find("truncated"), std::string::npos) << keep << ": " << message;
    }
}

TEST(ArchiveReader, RefusesSQLiteFilesThatAreNotArchives) {
    ScratchDir dir;
    const auto path = dir / "other.sqlite";
    sql(path, "CREATE TABLE something (x INTEGER);");
    EXPECT_NE(open_error(path).find("not a cssim run archive"), std::string::npos);
    sql(path, "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('format', 'x');");
    EXPECT_NE(open_error(path).find("not a cssim run archive (meta.format is 'x')"),
              std::string::npos)
        << open_error(path);
}

TEST(ArchiveReader, RefusesANewerSchemaAndReadsTheCurrentOne) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    write_archive(path, sample_info(), sample_records());
    sql(path, "UPDATE meta SET value = '4' WHERE key = 'schema_version';");
    std::string message = open_error(path);
    EXPECT_NE(message.find("schema version 4, newer than this cssim reads (1 to 3)"),
              std::string::npos)
        << message;
    sql(path, "UPDATE meta SET value = 'banana' WHERE key = 'schema_version';");
    message = open_error(path);
    EXPECT_NE(message.find("damaged: meta.schema_version is 'banana'"), std::string::npos)
        << message;
    sql(path, "UPDATE meta SET value = '3' WHERE key = 'schema_version';");
    EXPECT_EQ(open_error(path), "");
}

TEST(ArchiveReader, ReportsADamagedBlobWhenLoading) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    write_archive(path, sample_info(), sample_records());
    sql(path, "UPDATE series SET data = x'0102030405' WHERE position = 0;");
    const ArchiveReader reader(path);
    try {
        reader.load_replication(0);
        FAIL() << "a 5-byte float64 series was accepted";
    } catch (const ArchiveError& error) {
        EXPECT_NE(std::string(error.what()).find("damaged: series 'caseload_mean' holds 5 bytes"),
                  std::string::npos)
            << error.what();
    }
}

TEST(ArchiveWriter, LeavesNothingAtTheFinalPathWhenNotFinished) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    {
        ArchiveWriter writer(path, sample_info());
        writer.add(sample_record(0, 0));
        EXPECT_TRUE(std::filesystem::exists(writer.temporary_path()));
        EXPECT_FALSE(std::filesystem::exists(path));
    }
    EXPECT_TRUE(dir.entries().empty());  // temporary removed too
}

TEST(ArchiveWriter, LeavesNothingAtTheFinalPathWhenTheProcessIsKilled) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ArchiveWriter writer(path, sample_info());
        writer.add(sample_record(0, 0, 5000, 10, 10));
        ::kill(::getpid(), SIGKILL);  // dies mid-write: no destructor, no finish
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_FALSE(std::filesystem::exists(path));
    for (const auto& name : dir.entries()) {
        EXPECT_EQ(name.rfind(".run.sqlite.tmp-", 0), 0U) << name;  // only a hidden temporary
    }
}

TEST(ArchiveWriter, ReplacesAnExistingArchiveOnlyWhenFinished) {
    ScratchDir dir;
    const auto path = dir / "run.sqlite";
    write_archive(path, sample_info(), std::vector<ReplicationRecord>{sample_record(0, 0)});
    {
        ArchiveWriter writer(path, sample_info());
        writer.add(sample_record(0, 5));
        EXPECT_EQ(ArchiveReader(path).replication_ids(), std::vector<std::uint64_t>{0});
        RunInfo late = sample_info();
        late.wall_seconds = 99.5;
        late.status = "complete";
        writer.set_info(late);
        writer.finish();
        EXPECT_THROW(writer.finish(), std::logic_error);
    }
    const ArchiveReader reader(path);
    EXPECT_EQ(reader.replication_ids(), std::vector<std::uint64_t>{5});
    EXPECT_EQ(reader.info().wall_seconds, 99.5);
    EXPECT_EQ(reader.info().status, "complete");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.sqlite"});
}

TEST(ArchiveWriter, RefusesDuplicateReplicationsAndMissingDirectories) {
    ScratchDir dir;
    ArchiveWriter writer(dir / "run.sqlite", sample_info());
    writer.add(sample_record(0, 1));
    EXPECT_THROW(writer.add(sample_record(0, 1)), std::invalid_argument);
    writer.add(sample_record(1, 1));  // same replication, other design point: fine
    try {
        ArchiveWriter nowhere(dir / "no" / "such" / "run.sqlite", sample_info());
        FAIL() << "created an archive in a missing directory";
    } catch (const OutputError& error) {
        EXPECT_EQ(error.path(), dir / "no" / "such" / "run.sqlite");
        EXPECT_EQ(error.errno_value(), ENOENT);
        EXPECT_NE(std::string(error.what()).find("No such file or directory"), std::string::npos)
            << error.what();
    }
}

}  // namespace
}  // namespace cssim::record
