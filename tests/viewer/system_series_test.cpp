// The System effects panel's logic and the event ticker without a window: grouping series by
// prefix, the judgement badge, event colours and the filter by kind, clicking a small chart.
#include "app/system_series.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>

#include "app/event_ticker.hpp"
#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

LoadedRun system_run(bool admin_support, std::int64_t days = 1600) {
    testing::SyntheticSpec spec;
    spec.days = days;
    spec.posts = 48;
    spec.series = 25;
    spec.replications = 2;
    spec.admin_support = admin_support;
    spec.system_effects = true;
    auto run = testing::make_synthetic_run(spec);
    return LoadedRun(make_memory_run_source(admin_support ? "b" : "a", run.info, run.replications));
}

TEST(SystemSeries, GroupsByPrefixInFirstSeenOrderLeavingOutOwnPanels) {
    const std::vector<std::string> names{"caseload_mean",
                                         "stage/assessment",
                                         "time_use/direct",
                                         "culture/blame_active",
                                         "inspection/judgement",
                                         "culture/harm_hazard_multiplier",
                                         "whatever/new_thing",
                                         "inspection/kpi_points",
                                         "culture/blame_active",
                                         "trailing/",
                                         "/leading"};
    const auto groups = group_system_series(names);
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].prefix, "culture");
    EXPECT_EQ(groups[0].series,
              (std::vector<std::string>{"culture/blame_active", "culture/harm_hazard_multiplier"}));
    EXPECT_EQ(groups[1].prefix, "inspection");
    EXPECT_EQ(groups[1].series.size(), 2u);
    EXPECT_EQ(groups[2].prefix, "whatever");
    EXPECT_FALSE(is_system_series("caseload_mean"));
    EXPECT_FALSE(is_system_series("stage/referral"));
    EXPECT_FALSE(is_system_series("time_use/admin"));
    EXPECT_EQ(series_leaf("prevention/capacity"), "capacity");
    EXPECT_EQ(series_prefix("prevention/capacity"), "prevention");
}

TEST(SystemSeries, SyntheticArchiveHasFiveGroupsAndPlainRunsNone) {
    ViewerState s;
    set_run(s, kSideA, system_run(false));
    const auto groups = group_system_series(all_series_names(s));
    std::vector<std::string> prefixes;
    for (const auto& g : groups)
        prefixes.push_back(g.prefix);
    EXPECT_EQ(prefixes, (std::vector<std::string>{"prevention", "inspection", "culture",
                                                  "management", "churn"}));
    testing::SyntheticSpec plain;
    plain.days = 100;
    plain.posts = 16;
    plain.replications = 1;
    const auto plain_run = testing::make_synthetic_run(plain);
    std::vector<std::string> plain_names;
    for (const auto& x : plain_run.replications[0].series)
        plain_names.push_back(x.name);
    EXPECT_TRUE(group_system_series(plain_names).empty());
}

TEST(Judgement, CodesMapToGradesAndOtherValuesToNothing) {
    EXPECT_EQ(judgement_from_value(0.0), Judgement::not_inspected);
    EXPECT_EQ(judgement_from_value(1.0), Judgement::outstanding);
    EXPECT_EQ(judgement_from_value(4.0), Judgement::inadequate);
    EXPECT_FALSE(judgement_from_value(2.5));
    EXPECT_FALSE(judgement_from_value(5.0));
    EXPECT_FALSE(judgement_from_value(-1.0));
    EXPECT_FALSE(judgement_from_value(std::nan("")));
    EXPECT_EQ(judgement_label(Judgement::requires_improvement), "Requires improvement");
    EXPECT_EQ(judgement_label(Judgement::not_inspected), "Not inspected");
    // Every grade has its own colour.
    std::set<std::tuple<int, int, int>> colours;
    for (int v = 0; v <= 4; ++v) {
        const Rgb c = judgement_colour(*judgement_from_value(v));
        colours.insert({c.r, c.g, c.b});
    }
    EXPECT_EQ(colours.size(), 5u);
}

TEST(Judgement, SideValuesFollowTheClock) {
    ViewerState s;
    set_run(s, kSideA, system_run(false));
    set_run(s, kSideB, system_run(true));
    const std::int64_t first = s.clock.first_day();
    auto judged = [&](int side, std::int64_t day) {
        return judgement_from_value(*series_value_at(s, side, kJudgementSeries, first + day));
    };
    EXPECT_EQ(judged(kSideA, 10), Judgement::not_inspected);
    EXPECT_EQ(judged(kSideA, 800), Judgement::requires_improvement);
    EXPECT_EQ(judged(kSideA, 1500), Judgement::inadequate);
    EXPECT_EQ(judged(kSideB, 1500), Judgement::good);
}

TEST(EventKindColour, KnownKindsFixedUnknownKindsStableDistinctAndNotGrey) {
    EXPECT_EQ(event_kind_colour("harm"), (Rgb{240, 60, 60}));
    const std::vector<std::string> kinds{"inspection",      "resignation_wave", "blame",
                                         "learning_review", "manager_sick",     "manager_leaves",
                                         "manager_starts",  "prevention_change"};
    std::set<std::tuple<int, int, int>> seen;
    for (const auto& k : kinds) {
        const Rgb c = event_kind_colour(k);
        EXPECT_EQ(c, event_kind_colour(std::string(k)));  // same every call
        const int spread = std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b});
        EXPECT_GT(spread, 80) << k << " is nearly grey";
        seen.insert({c.r, c.g, c.b});
    }
    EXPECT_EQ(seen.size(), kinds.size());
}

TEST(EventTicker, ListsNewestFirstAndFiltersByKind) {
    ViewerState s;
    set_run(s, kSideA, system_run(false));
    set_run(s, kSideB, system_run(true));
    s.clock.scrub_to(static_cast<double>(s.clock.first_day() + 1450));
    const auto rows = ticker_rows(s, 60);
    ASSERT_FALSE(rows.empty());
    EXPECT_LE(rows.size(), 60u);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_GE(rows[i - 1].shared_day, rows[i].shared_day);
    EXPECT_LE(rows.front().shared_day, current_day(s));

    const auto kinds = event_kinds(s);
    std::set<std::string> names;
    for (const auto& k : kinds)
        names.insert(k.kind);
    for (const char* k : {"inspection", "blame", "manager_sick", "prevention_change"})
        EXPECT_TRUE(names.count(k)) << k;

    // Only inspections: hide every other kind.
    for (const auto& k : kinds) {
        if (k.kind != "inspection")
            set_event_kind_shown(s, k.kind, false);
    }
    const auto only = ticker_rows(s, 60);
    ASSERT_EQ(only.size(), 4u);  // day 700 and day 1400, in A and in B
    for (const auto& r : only)
        EXPECT_EQ(r.event->kind, "inspection");
    EXPECT_EQ(only.front().event->text, "Inspection: inadequate");  // A first on a day
    set_event_kind_shown(s, "harm", true);
    set_event_kind_shown(s, "harm", true);  // idempotent
    EXPECT_TRUE(is_event_kind_shown(s, "harm"));
    EXPECT_FALSE(is_event_kind_shown(s, "blame"));
}

TEST(EventTicker, FilteringReachesFurtherBackThanTheRowLimit) {
    ViewerState s;
    set_run(s, kSideA, system_run(false));
    s.clock.scrub_to(static_cast<double>(s.clock.last_day()));
    for (const auto& k : event_kinds(s)) {
        if (k.kind != "prevention_change")
            set_event_kind_shown(s, k.kind, false);
    }
    // Hundreds of newer events are hidden; the one prevention change is still found.
    const auto rows = ticker_rows(s, 5);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].shared_day, s.clock.first_day() + 900);
}

TEST(ShowInMainChart, ReplacesTheLastChartOnceAndFollowsPresenterMode) {
    ViewerState s;
    set_run(s, kSideA, system_run(false));
    ASSERT_EQ(s.charts.size(), 4u);
    const std::string first = s.charts[0].series;
    s.charts.back().zoom = ChartZoom{true, 10.0, 20.0};
    EXPECT_EQ(show_in_main_chart(s, "culture/blame_active"), 3u);
    EXPECT_EQ(s.charts[3].series, "culture/blame_active");
    EXPECT_FALSE(s.charts[3].zoom.active);
    EXPECT_EQ(show_in_main_chart(s, first), 0u);  // already shown: nothing moves
    EXPECT_EQ(s.charts[3].series, "culture/blame_active");
    s.presenter = true;
    const auto i = show_in_main_chart(s, "inspection/judgement");
    ASSERT_TRUE(i);
    EXPECT_EQ(s.presenter_charts[*i].series, "inspection/judgement");
    EXPECT_EQ(s.charts[3].series, "culture/blame_active");
    ViewerState empty;
    EXPECT_FALSE(show_in_main_chart(empty, "x/y"));
}

}  // namespace
}  // namespace cssim::viewer
