/**
 * @file changes_test.cpp
 * @brief Dated changes of levers (scenario `changes`): everything recorded before the date is the
 * same, byte for byte, with and without the change; the change takes effect on its day; every bad
 * path or value is reported with its JSON path.
 */
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>

#include "cssim/core/time.hpp"
#include "cssim/department/department.hpp"
#include "cssim/scenario/scenario.hpp"

namespace cssim {
namespace {

std::string base_path() {
    return std::string(CSSIM_SOURCE_DIR) + "/scenarios/base.json";
}

/** @brief base.json over three years, with `changes` (a JSON array, or "" for none). */
department::DepartmentConfig load(const std::string& changes) {
    const std::string text = R"({"extends": ")" + base_path() + R"(", "run": {"years": 3,
        "warmup_years": 1})" +
                             (changes.empty() ? "" : R"(, "changes": )" + changes) + "}";
    const scenario::LoadResult r = scenario::load_scenario_text(text, "changes_test.json");
    for (const auto& d : r.diagnostics) {
        ADD_FAILURE() << scenario::format_diagnostic(d);
    }
    return r.scenario ? *r.scenario->department : department::DepartmentConfig{};
}

bool same_bytes(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(DepartmentChanges, EverythingBeforeTheDateIsByteIdentical) {
    const department::DepartmentConfig plain = load("");
    // Two levers at once: PAs (base has none) and an agency ban.
    const department::DepartmentConfig changed =
        load(R"([{"date": "2024-10-01", "set": {"admin_support.workers_per_pa": 3,
                 "recruitment.agency_allowed": false}}])");
    ASSERT_EQ(changed.changes.size(), 1u);
    core::Date start, date;
    ASSERT_TRUE(core::Date::parse(plain.run.start_date, start));
    ASSERT_TRUE(core::Date::parse("2024-10-01", date));
    const auto day = static_cast<std::size_t>(date.days_since_epoch() - start.days_since_epoch());

    for (std::uint64_t rep = 0; rep < 2; ++rep) {
        const record::ReplicationRecord a = department::run_replication(plain, 7, rep, true);
        const record::ReplicationRecord b = department::run_replication(changed, 7, rep, true);
        ASSERT_EQ(a.series.size(), b.series.size());
        bool pa_series_moved = false;
        for (std::size_t s = 0; s < a.series.size(); ++s) {
            ASSERT_EQ(a.series[s].name, b.series[s].name);
            ASSERT_GT(a.series[s].values.size(), day);
            for (std::size_t d = 0; d < day; ++d) {
                ASSERT_TRUE(same_bytes(a.series[s].values[d], b.series[s].values[d]))
                    << a.series[s].name << " differs on day " << d << ", before the change";
            }
            if (a.series[s].name == "pa_count") {
                EXPECT_EQ(a.series[s].values[day], 0.0);
                EXPECT_GT(b.series[s].values[day], 0.0) << "the PAs arrive on the day";
                pa_series_moved = true;
            }
        }
        EXPECT_TRUE(pa_series_moved);
        // Tracks by label (the changed run also has PA tracks, empty before the date).
        std::map<std::string, const record::EntityTrack*> tracks_a;
        for (const auto& t : a.tracks) {
            tracks_a[t.label] = &t;
        }
        std::size_t compared = 0;
        for (const auto& t : b.tracks) {
            const auto it = tracks_a.find(t.label);
            if (it == tracks_a.end()) {
                EXPECT_EQ(t.role, "pa");
                EXPECT_EQ(t.status[0], t.status[day - 1]) << "a PA post before any PA exists";
                continue;
            }
            const record::EntityTrack& u = *it->second;
            for (std::size_t d = 0; d < day; ++d) {
                ASSERT_EQ(u.status[d], t.status[d]) << t.label << " day " << d;
                ASSERT_EQ(u.contract[d], t.contract[d]) << t.label << " day " << d;
                ASSERT_EQ(u.caseload[d], t.caseload[d]) << t.label << " day " << d;
                ASSERT_EQ(std::memcmp(&u.stress[d], &t.stress[d], sizeof(float)), 0);
            }
            ++compared;
        }
        EXPECT_EQ(compared, a.tracks.size());
        // Events before the date, in order.
        const std::int64_t cut = core::start_of_day(static_cast<core::DayIndex>(day));
        std::size_t ea = 0, eb = 0;
        while (ea < a.events.size() && a.events[ea].tick < cut) {
            ASSERT_LT(eb, b.events.size());
            EXPECT_EQ(a.events[ea].text, b.events[eb].text);
            EXPECT_EQ(a.events[ea].tick, b.events[eb].tick);
            ++ea;
            ++eb;
        }
        ASSERT_LT(eb, b.events.size());
        EXPECT_EQ(b.events[eb].kind, "config_change");
        EXPECT_EQ(b.events[eb].tick, cut) << "applied at the start of the day";
    }
}

TEST(DepartmentChanges, DemandAndPathwayChangesLeaveTheDaysBeforeAlone) {
    // Demand rebuilds the referral process and pathway changes re-derive the workloads: the
    // paths with the most state to re-derive.
    const department::DepartmentConfig plain = load("");
    const department::DepartmentConfig changed = load(R"([
        {"date": "2024-06-03", "set": {"demand.referrals_per_10k_children_per_year": 600}},
        {"date": "2024-09-02", "set": {"pathway.stages[3].admin_hours_per_week": 2.5,
                                       "culture.mode": "learning"}}])");
    ASSERT_EQ(changed.changes.size(), 2u);
    ASSERT_EQ(changed.changes[1].config->demand.referrals_per_10k_children_per_year, 600.0)
        << "each change builds on the earlier ones";
    core::Date start, date;
    ASSERT_TRUE(core::Date::parse(plain.run.start_date, start));
    ASSERT_TRUE(core::Date::parse("2024-06-03", date));
    const auto day = static_cast<std::size_t>(date.days_since_epoch() - start.days_since_epoch());
    const record::ReplicationRecord a = department::run_replication(plain, 11, 0, true);
    const record::ReplicationRecord b = department::run_replication(changed, 11, 0, true);
    double referrals_after_a = 0.0, referrals_after_b = 0.0;
    for (std::size_t s = 0; s < a.series.size(); ++s) {
        for (std::size_t d = 0; d < day; ++d) {
            ASSERT_TRUE(same_bytes(a.series[s].values[d], b.series[s].values[d]))
                << a.series[s].name << " differs on day " << d << ", before the change";
        }
        if (a.series[s].name == "referrals") {
            for (std::size_t d = day; d < a.series[s].values.size(); ++d) {
                referrals_after_a += a.series[s].values[d];
                referrals_after_b += b.series[s].values[d];
            }
        }
    }
    // Base has 370 referrals per 10k a year (plus re-referrals): 600 is 1.6x. Over ~1.8 years
    // (~1,500 referrals) a Poisson count's sd is ~3%, so 1.3x is many sd below the expected ~1.6x.
    EXPECT_GT(referrals_after_b, 1.3 * referrals_after_a);
}

TEST(DepartmentChanges, NoChangesMeansNoTrace) {
    // A scenario without changes runs exactly as before: same metrics, bit for bit, as the
    // same scenario with an empty change list.
    const department::DepartmentConfig plain = load("");
    const department::DepartmentConfig empty = load("[]");
    const record::ReplicationRecord a = department::run_replication(plain, 3, 0, false);
    const record::ReplicationRecord b = department::run_replication(empty, 3, 0, false);
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t i = 0; i < a.metrics.size(); ++i) {
        EXPECT_TRUE(same_bytes(a.metrics[i].value, b.metrics[i].value)) << a.metrics[i].name;
    }
}

TEST(DepartmentChanges, EveryBadPathAndValueIsReportedWithItsJsonPath) {
    const std::string text = R"({"extends": ")" + base_path() + R"(",
        "changes": [{"date": "2026-13-01", "set": {"admin_support.workers_per_paa": 3}},
                    {"date": "2026-04-01", "set": {"admin_support.workers_per_pa": -3,
                                                   "run.years": 2}, "lable": "x"},
                    {"date": "2025-04-01", "set": {"culture.mode": "fear"}},
                    {"date": "2026-05-01"}]})";
    const scenario::LoadResult r = scenario::load_scenario_text(text, "bad.json");
    ASSERT_FALSE(r.scenario);
    std::map<std::string, std::string> by_path;
    for (const auto& d : r.diagnostics) {
        by_path[d.path] = d.message;
    }
    EXPECT_TRUE(by_path.count("changes[0].date"));
    EXPECT_TRUE(by_path.count("changes[0].set.admin_support.workers_per_paa"));
    EXPECT_TRUE(by_path.count("changes[1].lable"));
    EXPECT_TRUE(by_path.count("changes[1].set.run.years"));
    EXPECT_TRUE(by_path.count("changes[1].set.admin_support.workers_per_pa"));
    EXPECT_TRUE(by_path.count("changes[2].date")) << "out of date order";
    EXPECT_TRUE(by_path.count("changes[2].set.culture.mode"));
    EXPECT_TRUE(by_path.count("changes[3].set")) << "a change sets something";
    EXPECT_EQ(r.diagnostics.size(), 8u);
}

}  // namespace
}  // namespace cssim
