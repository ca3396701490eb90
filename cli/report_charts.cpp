// The "Over time" section of `cssim report`: one chart per key metric, each scenario a colour.
#include <algorithm>
#include <string>
#include <vector>

#include "cssim/department/run_calendar.hpp"
#include "report_parts.hpp"
#include "report_svg.hpp"

namespace cssim::cli::report_parts {
namespace {

constexpr const char* kChartColours[] = {"#1f5f99", "#c2571a", "#3b8a3e", "#7b4ea3", "#8c6d1f"};

const char* chart_colour(std::size_t i) {
    return kChartColours[i % (sizeof kChartColours / sizeof *kChartColours)];
}

}  // namespace

std::string charts_section(const ReportInput& input) {
    std::string out = "<h2 id=\"charts\">Over time</h2>";
    const ReportRun& base = input.runs.front();
    TimeAxis axis;
    axis.start_date = base.start_date.empty() ? "2000-01-01" : base.start_date;
    axis.days = static_cast<double>(department::days_in_years(axis.start_date, base.years));
    axis.warmup_days =
        static_cast<double>(department::days_in_years(axis.start_date, base.warmup_years));
    std::size_t fewest = 0;
    bool any = false;
    for (const KeyMetric& k : kKeyMetrics) {
        const std::string title = k.label;
        std::string svg;
        std::string caption;
        const bool by_year =
            k.year_unit != nullptr &&
            std::all_of(input.runs.begin(), input.runs.end(), [&](const ReportRun& r) {
                return !period_line(r, k.metric, k.scale).points.empty();
            });
        if (by_year) {
            std::vector<SvgSeries> series;
            for (std::size_t i = 0; i < input.runs.size(); ++i) {
                const ChartLine line = period_line(input.runs[i], k.metric, k.scale);
                fewest = !any ? line.replications : std::min(fewest, line.replications);
                any = true;
                series.push_back({input.runs[i].name, chart_colour(i), line.points, true});
            }
            svg = time_chart_svg(title, k.year_unit, series, axis);
            caption =
                "One point per full financial year of the measured period (April to March; "
                "summary.json's periods), with a 95% interval. Ticks on the time axis mark "
                "1 April.";
        } else if (std::string(k.series).empty()) {
            std::vector<SvgInterval> items;
            for (std::size_t i = 0; i < input.runs.size(); ++i) {
                const ReportMetric* m = metric_of(input.runs[i], k.metric);
                if (m == nullptr)
                    continue;
                items.push_back({input.runs[i].name, chart_colour(i), m->mean * k.scale,
                                 m->low * k.scale, m->high * k.scale});
            }
            if (items.empty())
                continue;
            svg = interval_chart_svg(title, k.chart_unit, items);
            caption =
                "Whole measured period: mean and 95% interval over replications (the "
                "model archives no daily series of leavers).";
        } else {
            std::vector<SvgSeries> series;
            for (std::size_t i = 0; i < input.runs.size(); ++i) {
                const ChartLine line = chart_line(input.runs[i].archive, k.series, k.aggregation,
                                                  k.scale, axis.start_date);
                if (line.points.empty())
                    continue;
                fewest = !any ? line.replications : std::min(fewest, line.replications);
                any = true;
                series.push_back({input.runs[i].name, chart_colour(i), line.points,
                                  k.aggregation != Aggregation::MonthlyMean});
            }
            if (series.empty())
                continue;
            svg = time_chart_svg(title, k.chart_unit, series, axis);
            caption = k.aggregation == Aggregation::MonthlyMean
                          ? "Monthly means over the archived replications, with a 95% band."
                          : "One point per full financial year (April to March), with a 95% "
                            "interval.";
            caption += " Ticks on the time axis mark 1 April, the start of a financial year.";
        }
        out += "<figure><h3>" + html_escape(title) + "</h3>" + svg + "<figcaption>" +
               html_escape(caption) + "</figcaption></figure>";
    }
    if (any && fewest < 2) {
        out +=
            "<p class=\"note\">Only one replication was run, so the charts show one possible "
            "history without a band: run more replications (<code>-r</code>) for bands.</p>";
    }
    return out;
}

}  // namespace cssim::cli::report_parts
