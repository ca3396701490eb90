// The department model's contract: metric names, bounds, determinism, thread safety, and what a
// detailed record carries for the viewer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <thread>

#include "department_test_support.hpp"

namespace cssim::department {
namespace {

DepartmentConfig short_config() {
    DepartmentConfig c;
    c.run.years = 3.0;
    c.run.warmup_years = 1.0;
    return c;
}

const char* const kRequiredMetrics[] = {"direct_time_share",
                                        "admin_time_share",
                                        "caseload_mean",
                                        "caseload_p90",
                                        "unallocated_cases_mean",
                                        "assessments_within_45wd_share",
                                        "assessment_duration_median_wd",
                                        "re_referral_share",
                                        "turnover_rate",
                                        "agency_share",
                                        "vacancy_rate",
                                        "sickness_absence_rate",
                                        "short_term_sickness_spells_per_fte",
                                        "visits_on_time_share",
                                        "harm_events_per_10k_children",
                                        "cin_per_10k",
                                        "cp_plans_per_10k",
                                        "looked_after_per_10k",
                                        "spend_total",
                                        "overspend",
                                        "admin_time_value_per_worker"};

double metric(const record::ReplicationRecord& r, const std::string& name) {
    for (const auto& m : r.metrics) {
        if (m.name == name)
            return m.value;
    }
    ADD_FAILURE() << "missing metric " << name;
    return std::nan("");
}

TEST(DepartmentModel, ReportsEveryRequiredMetricFirstAndInOrder) {
    const auto rec = run_replication(short_config(), 1, 0, false);
    ASSERT_GE(rec.metrics.size(), std::size(kRequiredMetrics));
    for (std::size_t i = 0; i < std::size(kRequiredMetrics); ++i) {
        EXPECT_EQ(rec.metrics[i].name, kRequiredMetrics[i]);
    }
    const auto names = metric_names();
    ASSERT_EQ(names.size(), rec.metrics.size());
    for (std::size_t i = 0; i < names.size(); ++i)
        EXPECT_EQ(names[i], rec.metrics[i].name);
    // The layout's catalogue (units, directions for compare and the viewer) matches too.
    const auto info = layout(short_config()).metrics;
    ASSERT_EQ(info.size(), rec.metrics.size());
    for (std::size_t i = 0; i < info.size(); ++i) {
        EXPECT_EQ(info[i].name, rec.metrics[i].name);
        EXPECT_FALSE(info[i].unit.empty()) << info[i].name;
    }
}

TEST(DepartmentModel, SharesAreFractionsAndEverythingIsFinite) {
    const auto rec = run_replication(short_config(), 7, 3, false);
    for (const auto& m : rec.metrics) {
        EXPECT_TRUE(std::isfinite(m.value)) << m.name;
        if (m.name.find("share") != std::string::npos || m.name.find("rate") != std::string::npos) {
            if (m.name == "turnover_rate" || m.name == "sickness_absence_rate" ||
                m.name.find("share") != std::string::npos || m.name == "vacancy_rate") {
                EXPECT_GE(m.value, 0.0) << m.name;
                EXPECT_LE(m.value, 1.0) << m.name;
            }
        }
    }
    const double total = metric(rec, "direct_time_share") + metric(rec, "admin_time_share") +
                         metric(rec, "travel_time_share") + metric(rec, "other_time_share");
    EXPECT_NEAR(total, 1.0, 1e-9);  // the four time-use shares partition the hours worked
}

TEST(DepartmentModel, SameSeedAndReplicationGiveIdenticalResults) {
    const auto a = run_replication(short_config(), 11, 2, false);
    const auto b = run_replication(short_config(), 11, 2, false);
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t i = 0; i < a.metrics.size(); ++i) {
        EXPECT_EQ(a.metrics[i].value, b.metrics[i].value) << a.metrics[i].name;  // bitwise
    }
    const auto c = run_replication(short_config(), 11, 3, false);
    EXPECT_NE(metric(a, "referrals_per_year"), metric(c, "referrals_per_year"));
}

TEST(DepartmentModel, DetailDoesNotChangeTheMetrics) {
    const auto plain = run_replication(short_config(), 5, 1, false);
    const auto detailed = run_replication(short_config(), 5, 1, true);
    ASSERT_EQ(plain.metrics.size(), detailed.metrics.size());
    for (std::size_t i = 0; i < plain.metrics.size(); ++i) {
        EXPECT_EQ(plain.metrics[i].value, detailed.metrics[i].value) << plain.metrics[i].name;
    }
    EXPECT_TRUE(plain.series.empty());
    EXPECT_TRUE(plain.tracks.empty());
    EXPECT_TRUE(plain.events.empty());
}

TEST(DepartmentModel, ReplicationsOnManyThreadsMatchSequentialOnes) {
    const DepartmentConfig config = short_config();
    std::vector<record::ReplicationRecord> parallel(4);
    std::vector<std::thread> threads;
    for (std::size_t r = 0; r < parallel.size(); ++r) {
        threads.emplace_back([&, r] { parallel[r] = run_replication(config, 9, r, r % 2 == 0); });
    }
    for (auto& t : threads)
        t.join();
    for (std::size_t r = 0; r < parallel.size(); ++r) {
        const auto sequential = run_replication(config, 9, r, false);
        for (std::size_t i = 0; i < sequential.metrics.size(); ++i) {
            EXPECT_EQ(parallel[r].metrics[i].value, sequential.metrics[i].value);
        }
    }
}

TEST(DepartmentModel, DetailedRecordCarriesSeriesTracksAndEventsForTheViewer) {
    DepartmentConfig config = short_config();
    config.admin_support.workers_per_pa = 3.0;
    const auto rec = run_replication(config, 3, 0, true);
    const auto lay = layout(config);
    std::set<std::string> names;
    for (const auto& s : rec.series) {
        names.insert(s.name);
        EXPECT_EQ(static_cast<std::int64_t>(s.values.size()), lay.days) << s.name;
        EXPECT_FALSE(s.unit.empty()) << s.name;
    }
    for (const char* n : {"caseload_mean", "unallocated_cases", "stress_mean", "time_use/direct",
                          "time_use/admin", "time_use/travel", "time_use/other", "spend_to_date"}) {
        EXPECT_TRUE(names.count(n)) << n;
    }
    for (const auto& node : lay.nodes)
        EXPECT_TRUE(names.count(node.series)) << node.series;
    EXPECT_EQ(lay.nodes.size(), config.pathway.stages.size());
    EXPECT_EQ(lay.edges.size(), config.pathway.transitions.size());

    // One track per social worker post, PA and team manager, each with a value every day.
    // base's teams: one manager per 6 posts in each team, rounded up (8 + 12 + 5 + 5).
    const std::size_t posts = 168, pas = 56, managers = 30;
    ASSERT_EQ(rec.tracks.size(), posts + pas + managers);
    std::set<std::string> roles;
    for (const auto& t : rec.tracks) {
        roles.insert(t.role);
        ASSERT_EQ(static_cast<std::int64_t>(t.status.size()), lay.days);
        for (std::uint8_t s : t.status)
            ASSERT_LT(s, lay.status_names.size());
        for (std::uint8_t c : t.contract)
            ASSERT_LT(c, lay.contract_names.size());
    }
    EXPECT_EQ(roles, (std::set<std::string>{"social_worker", "pa", "team_manager"}));
    std::set<std::string> kinds;
    for (const auto& e : rec.events) {
        kinds.insert(e.kind);
        EXPECT_FALSE(e.text.empty());
    }
    for (const char* k : {"resignation", "leaver", "hire", "agency_start"}) {
        EXPECT_TRUE(kinds.count(k)) << k;
    }
}

TEST(DepartmentModel, FundingChangesAndSurgesAppearAsEvents) {
    DepartmentConfig config = short_config();
    FundingChange cut;
    cut.date = "2024-04-01";
    cut.hiring_freeze = true;
    config.money.funding_changes.push_back(cut);
    DemandShock surge;
    surge.start_date = "2024-06-03";
    config.demand.shocks.push_back(surge);
    const auto rec = run_replication(config, 3, 0, true);
    std::set<std::string> kinds;
    for (const auto& e : rec.events)
        kinds.insert(e.kind);
    EXPECT_TRUE(kinds.count("funding_change"));
    EXPECT_TRUE(kinds.count("referral_surge"));
    EXPECT_TRUE(kinds.count("freeze_end"));
}

TEST(DepartmentModel, NamesItsRandomStreamsUniquely) {
    const auto names = stream_names();
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
    EXPECT_GE(names.size(), 10u);
}

TEST(DepartmentModel, AdminSupportSetsThePaCount) {
    DepartmentConfig config = short_config();
    config.run.years = 1.5;
    config.admin_support.workers_per_pa = 0.0;
    EXPECT_EQ(metric(run_replication(config, 1, 0, false), "pa_count"), 0.0);
    config.admin_support.workers_per_pa = 3.0;
    EXPECT_EQ(metric(run_replication(config, 1, 0, false), "pa_count"), 56.0);  // ceil(168 / 3)
}

}  // namespace
}  // namespace cssim::department
