#pragma once
/**
 * @file report_svg.hpp
 * @brief The report's charts as inline SVG, drawn by our own code: a time chart (lines with
 * confidence bands, or yearly points with error bars) and an interval chart (one mean and CI per
 * scenario). Every text is escaped; numbers use the C locale.
 */
#include <string>
#include <vector>

#include "report_data.hpp"

namespace cssim::cli {

/** @brief One scenario's points on a time chart. */
struct SvgSeries {
    std::string label;
    std::string colour;  ///< CSS colour, e.g. "#1f5f99"
    std::vector<ChartPoint> points;
    bool markers = false;  ///< yearly points: circles with error bars instead of a line
};

/** @brief The x axis of a time chart: the run's calendar and the warm-up to shade. */
struct TimeAxis {
    std::string start_date;  ///< ISO date of day 0
    double days = 0.0;       ///< length of the run
    double warmup_days = 0.0;
};

/** @brief A time chart (aria-labelled by `title`); y axis in `unit`. */
std::string time_chart_svg(const std::string& title, const std::string& unit,
                           const std::vector<SvgSeries>& series, const TimeAxis& axis);

/** @brief One scenario's whole-run mean and interval. */
struct SvgInterval {
    std::string label;
    std::string colour;
    double mean = 0.0;
    double low = 0.0;  ///< NaN: no interval
    double high = 0.0;
};

/** @brief Horizontal intervals, one row per scenario. */
std::string interval_chart_svg(const std::string& title, const std::string& unit,
                               const std::vector<SvgInterval>& intervals);

/** @brief Escapes & < > " ' for HTML text and attributes. */
std::string html_escape(const std::string& text);

/** @brief "Nice" tick values covering [low, high] (about `count` of them). */
std::vector<double> nice_ticks(double low, double high, int count);

}  // namespace cssim::cli
