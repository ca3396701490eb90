// Unit tests of `cssim report`'s parts: escaping, ticks, number formats, the scenario diff and
// the calendar arithmetic behind the charts' months and financial years.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "report_data.hpp"
#include "report_html.hpp"
#include "report_svg.hpp"

namespace cssim::cli {
namespace {

TEST(ReportParts, HtmlEscapeCoversTextAndAttributes) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & 'Jerry'</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escape("plain"), "plain");
}

TEST(ReportParts, NiceTicksAreRoundAndCoverTheRange) {
    EXPECT_EQ(nice_ticks(0.0, 330.0, 5), (std::vector<double>{0, 100, 200, 300}));
    EXPECT_EQ(nice_ticks(13.2, 24.1, 5), (std::vector<double>{15, 17.5, 20, 22.5}));
    const auto small = nice_ticks(0.0, 0.0042, 5);
    ASSERT_FALSE(small.empty());
    EXPECT_NEAR(small[1] - small[0], 0.001, 1e-12);
    EXPECT_TRUE(nice_ticks(1.0, 1.0, 5).empty());
}

TEST(ReportParts, YearlyChartPointsComeFromSummaryPeriodsFullYearsOnly) {
    ReportRun run;
    run.start_date = "2023-04-01";
    run.replications = 4;
    const double nan = std::nan("");
    run.periods = {
        {"2025-26", "2025-04-01", 365, false, {{"turnover_rate", "", "", 0, 0.15, 0.12, 0.18, 4}}},
        {"2026-27 (partial)",
         "2026-04-01",
         100,
         true,
         {{"turnover_rate", "", "", 0, 0.2, 0.1, 0.3, 4}}},
        {"2027-28", "2027-04-01", 366, false, {{"turnover_rate", "", "", 0, 0.25, nan, nan, 1}}}};
    const ChartLine line = period_line(run, "turnover_rate", 100.0);
    ASSERT_EQ(line.points.size(), 2u) << "the partial year is left out";
    EXPECT_DOUBLE_EQ(line.points[0].day, 731.0 + 182.5);  // 2025-04-01 is day 731
    EXPECT_DOUBLE_EQ(line.points[0].mean, 15.0);
    EXPECT_DOUBLE_EQ(line.points[0].low, 12.0);
    EXPECT_TRUE(std::isnan(line.points[1].low)) << "no interval: no band";
    EXPECT_EQ(line.replications, 4u);
    EXPECT_TRUE(period_line(run, "caseload_mean", 1.0).points.empty());
    EXPECT_TRUE(period_line(ReportRun{}, "turnover_rate", 1.0).points.empty());
}

TEST(ReportParts, ValuesAreFormattedByUnit) {
    EXPECT_EQ(format_value(0.355, "share"), "35.5%");
    EXPECT_EQ(format_value(-0.079, "share", true), "-7.9 pts");
    EXPECT_EQ(format_value(52110000.0, "GBP per year"), "£52.11m");
    EXPECT_EQ(format_value(-3780000.0, "GBP per year", true), "-£3.78m");
    EXPECT_EQ(format_value(10636.0, "GBP per year"), "£10,636");
    EXPECT_EQ(format_value(0.0, "GBP per year"), "£0");
    EXPECT_EQ(format_value(std::nan(""), "cases"), "n/a");
}

TEST(ReportParts, ScenarioChangesListWhatDiffersButNotNames) {
    const auto changes = scenario_changes(
        R"({"name": "base", "description": "a", "recruitment": {"agency_allowed": true, "x": 1},
            "demand": {"shocks": []}})",
        R"({"name": "ban", "description": "b", "recruitment": {"agency_allowed": false, "x": 1},
            "demand": {"shocks": [{"date": "2025-04-01"}]}, "extra": 2})");
    ASSERT_EQ(changes.size(), 3u);  // in key order, as the manifest stores the scenario
    EXPECT_EQ(changes[0].path, "demand.shocks");
    EXPECT_EQ(changes[1].path, "recruitment.agency_allowed");
    EXPECT_EQ(changes[1].before, "true");
    EXPECT_EQ(changes[1].after, "false");
    EXPECT_EQ(changes[2].path, "extra");
    EXPECT_EQ(changes[2].before, "");
    EXPECT_TRUE(scenario_changes(R"({"name": "a"})", R"({"name": "b"})").empty());
}

TEST(ReportParts, CalendarRoundTripsAndKnowsLeapYears) {
    EXPECT_EQ(days_from_iso("1970-01-01"), 0);
    EXPECT_EQ(iso_from_days(days_from_iso("2023-04-01")), "2023-04-01");
    EXPECT_EQ(days_from_iso("2024-03-01") - days_from_iso("2024-02-28"), 2);  // 29 February
    EXPECT_EQ(days_from_iso("2024-04-01") - days_from_iso("2023-04-01"), 366);
    EXPECT_EQ(iso_from_days(days_from_iso("2099-12-31") + 1), "2100-01-01");
}

TEST(ReportParts, ChartsEscapeTheirTextAndDrawBands) {
    TimeAxis axis{"2023-04-01", 730.0, 365.0};
    const std::string svg =
        time_chart_svg("A <b>title</b>", "cases",
                       {{"x&y", "#123456", {{10, 1, 0.5, 1.5}, {40, 2, 1.5, 2.5}}}}, axis);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_NE(svg.find("A &lt;b&gt;title&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(svg.find("x&amp;y"), std::string::npos);
    EXPECT_NE(svg.find("class=\"band\""), std::string::npos);
    EXPECT_NE(svg.find("class=\"line\""), std::string::npos);
    EXPECT_NE(svg.find("Apr 2024"), std::string::npos);
    // Without a band (one replication), no band path.
    const std::string no_band = time_chart_svg(
        "t", "u",
        {{"a", "#000", {{10, 1, std::nan(""), std::nan("")}, {20, 2, std::nan(""), std::nan("")}}}},
        axis);
    EXPECT_EQ(no_band.find("class=\"band\""), std::string::npos);
    EXPECT_NE(no_band.find("class=\"line\""), std::string::npos);
}

}  // namespace
}  // namespace cssim::cli
