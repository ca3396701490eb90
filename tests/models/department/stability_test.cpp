/**
 * @file stability_test.cpp
 * @brief Unit tests of the social worker history of a case on hand-built states: different
 * workers in a stage episode and in the care year, counted as the DfE counts them (a return to
 * an earlier worker is not a new worker), and the 31 March census through the Outputs
 * accumulators.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "cssim/department/department.hpp"
#include "department_outputs.hpp"
#include "department_stability.hpp"

namespace cssim::department::detail {
namespace {

constexpr HolderId kAnna = 11, kBen = 12, kCara = 13, kDev = 14, kEd = 15, kFay = 16;

TEST(DepartmentStability, WorkerSetCountsEachPersonOnceAtAnySize) {
    WorkerSet set;
    EXPECT_EQ(set.size(), 0);
    set.add(kNoHolder);  // unallocated: nobody
    EXPECT_EQ(set.size(), 0);
    for (HolderId h : {kAnna, kBen, kAnna, kCara, kDev, kEd, kFay, kEd, kBen}) {
        set.add(h);
    }
    EXPECT_EQ(set.size(), 6);  // beyond the four held inline too
    EXPECT_TRUE(set.contains(kFay));
    EXPECT_FALSE(set.contains(kNoHolder));
    set.clear();
    EXPECT_EQ(set.size(), 0);
    EXPECT_FALSE(set.contains(kFay));
}

TEST(DepartmentStability, AChildWhoChangesWorkerTwiceInAYearHadThree) {
    WorkerHistory h;
    h.start_episode(40, 2, kAnna, true);  // comes into care with Anna (post 2)
    h.worker_takes_over(5, kBen);         // Anna leaves: Ben
    h.worker_takes_over(5, kCara);        // a new starter in Ben's post: Cara
    EXPECT_EQ(h.episode_start, 40);
    EXPECT_EQ(h.episode_post, 5);
    EXPECT_EQ(h.episode.size(), 3);
    EXPECT_EQ(h.care_year.size(), 3);
}

TEST(DepartmentStability, GoingBackToAnEarlierWorkerIsNotANewOne) {
    WorkerHistory h;
    h.start_episode(0, 1, kAnna, true);
    h.worker_takes_over(4, kBen);
    h.worker_takes_over(1, kAnna);  // A, B, then A again: 2 social workers (DfE footnote)
    EXPECT_EQ(h.care_year.size(), 2);
    EXPECT_EQ(h.episode.size(), 2);
}

TEST(DepartmentStability, OnlyWorkersWhileLookedAfterCountForTheCareYear) {
    WorkerHistory h;
    h.start_episode(0, 1, kAnna, false);  // child protection plan with Anna, then Ben
    h.worker_takes_over(2, kBen);
    EXPECT_EQ(h.care_year.size(), 0);
    h.start_episode(90, 2, kBen, true);  // comes into care with Ben, who stays on
    EXPECT_EQ(h.episode.size(), 1);
    EXPECT_EQ(h.care_year.size(), 1);  // Anna was before care
    h.worker_takes_over(3, kCara);
    EXPECT_EQ(h.care_year.size(), 2);
}

TEST(DepartmentStability, TheNewYearStartsWithTheCurrentWorkerOnly) {
    WorkerHistory h;
    h.start_episode(0, 1, kAnna, true);
    h.worker_takes_over(2, kBen);
    h.worker_takes_over(3, kCara);
    h.start_care_year(kCara);  // the census of 31 March has counted Anna, Ben and Cara
    EXPECT_EQ(h.care_year.size(), 1);
    EXPECT_EQ(h.episode.size(), 3);  // the episode goes on
    h.worker_takes_over(4, kDev);
    EXPECT_EQ(h.care_year.size(), 2);
    h.start_care_year(kNoHolder);  // unallocated on 31 March: the year starts with nobody
    EXPECT_EQ(h.care_year.size(), 0);
}

TEST(DepartmentStability, AnEpisodeStartedUnallocatedHasNoWorkerUntilOneIsAssigned) {
    WorkerHistory h;
    h.start_episode(7, -1, kNoHolder, false);
    EXPECT_EQ(h.episode_post, -1);
    EXPECT_EQ(h.episode.size(), 0);
    h.worker_takes_over(9, kEd);
    EXPECT_EQ(h.episode_post, 9);
    EXPECT_EQ(h.episode.size(), 1);
    h.start_episode(30, 9, kEd, false);  // next stage, same worker: a fresh count of one
    EXPECT_EQ(h.episode.size(), 1);
    EXPECT_EQ(h.episode_start, 30);
}

TEST(DepartmentStability, TheCensusCountsChildrenWithThreeOrMoreWorkers) {
    Outputs out(false);  // accumulators work in every replication, detailed or not
    for (int workers : {1, 2, 3, 5, 0}) {
        out.count_care_census(workers);
    }
    EXPECT_EQ(out.acc.care_census_children, 5.0);
    EXPECT_EQ(out.acc.care_census_three_plus, 2.0);
}

TEST(DepartmentStability, EpisodesAreKeptOnlyWithDetail) {
    record::EpisodeRecord e;
    e.stage = "assessment";
    Outputs plain(false);
    plain.add_episode(e);
    record::ReplicationRecord r;
    plain.move_into(r);
    EXPECT_TRUE(r.episodes.empty());
    Outputs detailed(true);
    detailed.add_episode(e);
    detailed.move_into(r);
    ASSERT_EQ(r.episodes.size(), 1u);
    EXPECT_EQ(r.episodes[0].stage, "assessment");
}

double metric(const record::ReplicationRecord& r, const std::string& name) {
    for (const auto& m : r.metrics) {
        if (m.name == name) {
            return m.value;
        }
    }
    return std::nan("");
}

TEST(DepartmentStability, EveryReplicationMeasuresTheShareAndOnlyDetailKeepsEpisodes) {
    DepartmentConfig config;  // base.json's defaults, over 3 years (1 of warm-up): 2 censuses
    config.run.years = 3.0;
    config.run.warmup_years = 1.0;
    const record::ReplicationRecord plain = run_replication(config, 5, 0, false);
    const record::ReplicationRecord detailed = run_replication(config, 5, 0, true);
    const record::ReplicationRecord no_episodes =
        run_replication(config, 5, 0, true, nullptr, false);
    const double a = metric(plain, "looked_after_three_plus_workers_share");
    const double b = metric(detailed, "looked_after_three_plus_workers_share");
    ASSERT_TRUE(std::isfinite(a));
    EXPECT_GT(a, 0.0);  // some children lose a worker to turnover even without teams
    EXPECT_LT(a, 0.5);
    EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << "detail must not change what is measured";
    EXPECT_TRUE(plain.episodes.empty());
    EXPECT_TRUE(no_episodes.episodes.empty());
    EXPECT_GT(detailed.episodes.size(), 10000u);
    EXPECT_FALSE(no_episodes.tracks.empty());  // the rest of the detail is still there
}

}  // namespace
}  // namespace cssim::department::detail
