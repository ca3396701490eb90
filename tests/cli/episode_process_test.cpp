// Issue 11 item 6 through the real binary: `cssim run` archives one row per finished stage
// episode of the detailed replications (and none for the others), the rows are consistent with
// each other, with the pathway and with the post tracks, and every replication reports
// looked_after_three_plus_workers_share.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli_test_support.hpp"
#include "cssim/record/archive_reader.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

double metric(const std::vector<record::MetricValue>& metrics, const std::string& name) {
    for (const auto& m : metrics) {
        if (m.name == name) {
            return m.value;
        }
    }
    return -1.0;  // absent
}

TEST(EpisodeCli, DetailedReplicationsArchiveConsistentFinishedEpisodes) {
    const std::string out = fresh_directory("episode_run");
    // A small council for 3 years (1 of warm-up): 3 replications, the first 2 detailed.
    const ProcessResult run =
        run_process({kExe, "run", kBase, "-r", "3", "--detail", "2", "-t", "2", "-q", "--force",
                     "-o", out, "--set", "population.children=20000", "--set", "run.years=3",
                     "--set", "run.warmup_years=1"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const record::ArchiveReader reader(out);
    const record::RunInfo& info = reader.info();
    std::set<std::string> stages;
    for (const auto& node : info.layout.nodes) {
        stages.insert(node.id);
    }

    for (std::uint64_t rep : {0u, 1u}) {
        const std::vector<record::EpisodeRecord> episodes = reader.load_episodes(rep);
        ASSERT_GT(episodes.size(), 1000u) << "replication " << rep;
        const record::ReplicationRecord detail = reader.load_replication(rep);
        // Posts redeployed between teams (docs/system-effects.md section 6; a small council's
        // thin teams can be pressed enough): the track shows the post's first team, an episode
        // the team the post was in when it ended, one named by a redeployment event.
        std::map<std::int64_t, std::vector<std::string>> moves;
        for (const record::RecordedEvent& ev : detail.events) {
            if (ev.kind == "redeployment") {
                moves[ev.entity].push_back(ev.text);
            }
        }
        const auto moved_to = [&moves](std::int64_t post, const std::string& team) {
            const auto it = moves.find(post);
            return it != moves.end() &&
                   std::any_of(it->second.begin(), it->second.end(), [&team](const auto& text) {
                       return text.find(" to " + team + " (") != std::string::npos;
                   });
        };
        std::map<std::uint64_t, const record::EpisodeRecord*> last_of_case;
        std::map<std::string, int> rows_by_stage;
        for (const record::EpisodeRecord& e : episodes) {
            const std::string where = "case " + std::to_string(e.case_id) + " " + e.stage;
            ++rows_by_stage[e.stage];
            // Finished episodes of real stages, inside the run.
            EXPECT_TRUE(stages.count(e.stage)) << where;
            EXPECT_TRUE(stages.count(e.next_stage)) << where;
            EXPECT_NE(e.stage, "referral") << where;  // instant: no episode
            EXPECT_NE(e.stage, "closed") << where;    // terminal: never left
            EXPECT_GE(e.start_day, 0) << where;
            EXPECT_GE(e.end_day, e.start_day) << where;
            EXPECT_LT(e.end_day, info.layout.days) << where;
            EXPECT_GE(e.working_days, 0) << where;
            EXPECT_LE(e.working_days, e.end_day - e.start_day) << where;
            EXPECT_GE(e.need, 0) << where;
            EXPECT_LE(e.need, 4) << where;
            // Workers: none at the front door and in early help; at least one wherever the
            // stage needs visits before it can end (assessment, section 47).
            if (e.stage == "screening" || e.stage == "early_help") {
                EXPECT_EQ(e.social_workers, 0) << where;
            }
            if (e.stage == "assessment" || e.stage == "section_47") {
                EXPECT_GE(e.social_workers, 1) << where;
            }
            EXPECT_GE(e.social_workers, 0) << where;
            // A worker's post and team exactly when there was a worker, and the team is the one
            // the post's track shows.
            EXPECT_EQ(e.worker >= 0, e.social_workers >= 1) << where;
            EXPECT_EQ(!e.team.empty(), e.social_workers >= 1) << where;
            if (e.worker >= 0) {
                ASSERT_LT(static_cast<std::size_t>(e.worker), detail.tracks.size()) << where;
                EXPECT_EQ(detail.tracks[e.worker].role, "social_worker") << where;
                if (!moved_to(e.worker, e.team)) {
                    EXPECT_EQ(detail.tracks[e.worker].team, e.team) << where;
                }
            }
            // A case's episodes follow each other: each starts the day the previous one ended,
            // in the stage it said it was going to, and nothing follows a closure.
            const auto it = last_of_case.find(e.case_id);
            if (it != last_of_case.end()) {
                EXPECT_EQ(e.stage, it->second->next_stage) << where;
                EXPECT_EQ(e.start_day, it->second->end_day) << where;
            }
            last_of_case[e.case_id] = &e;
        }
        for (const char* stage : {"screening", "assessment", "child_in_need", "section_47",
                                  "child_protection_plan", "looked_after", "early_help"}) {
            EXPECT_GT(rows_by_stage[stage], 0) << stage << " in replication " << rep;
        }
    }
    // Not detailed: no episodes, but the stability metric like every replication.
    EXPECT_TRUE(reader.load_episodes(2).empty());
    for (std::uint64_t rep : {0u, 1u, 2u}) {
        const double share = metric(reader.metrics(rep), "looked_after_three_plus_workers_share");
        EXPECT_GE(share, 0.0) << rep;
        EXPECT_LE(share, 1.0) << rep;
    }
}

}  // namespace
}  // namespace cssim::testing
