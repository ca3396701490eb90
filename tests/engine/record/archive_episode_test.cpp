// Finished stage episodes (archive schema 3), and version-2 archives, which have no episode table.
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

long long count(const std::filesystem::path& path, const char* query) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, query, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    long long n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

EpisodeRecord episode(std::uint64_t case_id, std::string stage, std::string team, int worker,
                      std::int64_t start, std::int64_t end, std::string next, int workers) {
    EpisodeRecord e;
    e.case_id = case_id;
    e.stage = std::move(stage);
    e.team = std::move(team);
    e.worker = worker;
    e.start_day = start;
    e.end_day = end;
    e.working_days = (end - start) * 5 / 7;
    e.next_stage = std::move(next);
    e.need = 3;
    e.social_workers = workers;
    return e;
}

/** @brief Replication 0 with three episodes (one never allocated), replication 1 with none. */
std::filesystem::path write_with_episodes(const ScratchDir& dir) {
    const auto path = dir / "run.sqlite";
    std::vector<ReplicationRecord> records{sample_record(0, 0), sample_record(0, 1)};
    records[0].episodes = {
        episode(7, "screening", "", -1, 10, 11, "assessment", 0),
        episode(7, "assessment", "Team 2", 4, 11, 40, "looked_after", 2),
        episode(18446744073709551615ULL, "looked_after", "Team 1", 0, 40, 900, "closed", 3),
    };
    write_archive(path, sample_info(), records);
    return path;
}

TEST(ArchiveEpisodes, RoundTripWithNullsForCasesNeverAllocated) {
    ScratchDir dir;
    const auto path = write_with_episodes(dir);
    const ArchiveReader reader(path);
    EXPECT_EQ(reader.schema_version(), 3);
    const std::vector<EpisodeRecord> got = reader.load_episodes(0);
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0].stage, "screening");
    EXPECT_EQ(got[0].team, "");
    EXPECT_EQ(got[0].worker, -1);
    EXPECT_EQ(got[0].social_workers, 0);
    EXPECT_EQ(got[1].case_id, 7u);
    EXPECT_EQ(got[1].team, "Team 2");
    EXPECT_EQ(got[1].worker, 4);
    EXPECT_EQ(got[1].start_day, 11);
    EXPECT_EQ(got[1].end_day, 40);
    EXPECT_EQ(got[1].working_days, 20);
    EXPECT_EQ(got[1].next_stage, "looked_after");
    EXPECT_EQ(got[1].need, 3);
    EXPECT_EQ(got[1].social_workers, 2);
    EXPECT_EQ(got[2].case_id, 18446744073709551615ULL);  // uint64 through int64 storage
    EXPECT_TRUE(reader.load_episodes(1).empty());
    EXPECT_THROW(reader.load_episodes(5), std::out_of_range);
    // SQL sees NULL, not '' or -1, for the episode without a social worker.
    EXPECT_EQ(count(path, "SELECT COUNT(*) FROM episode WHERE team IS NULL AND worker IS NULL"), 1);
    // load_replication leaves them out (the viewer does not need them).
    EXPECT_TRUE(reader.load_replication(0).episodes.empty());
}

TEST(ArchiveEpisodes, VersionTwoArchiveOpensWithNoEpisodes) {
    ScratchDir dir;
    const auto path = write_with_episodes(dir);
    // What a version-2 writer produced: no episode table.
    sql(path, "DROP TABLE episode; UPDATE meta SET value = '2' WHERE key = 'schema_version';");
    const ArchiveReader reader(path);
    EXPECT_EQ(reader.schema_version(), 2);
    EXPECT_TRUE(reader.load_episodes(0).empty());
    const ReplicationRecord rep = reader.load_replication(0);
    EXPECT_FALSE(rep.series.empty());
    EXPECT_EQ(reader.info().layout.metrics.size(), 3u);
}

}  // namespace
}  // namespace cssim::record
