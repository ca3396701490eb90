#pragma once
/**
 * @file time_series_chart.hpp
 * @brief A daily time-series chart drawn with ImDrawList: axes, ticks, legend, hover crosshair,
 * several lines (A and B) overlaid, confidence bands, a day cursor, and zoom to a time range.
 *
 * The chart keeps no state of its own: the visible range lives in the caller's ChartZoom.
 * Mouse: wheel zooms around the pointer, a left drag selects a range to zoom to, a left click
 * reports the day under the pointer (the caller moves the clock), a double-click resets.
 */
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/chart_zoom.hpp"

namespace cssim::viewer {

/** @brief One line: values[i] is at x = x0 + i. NaN values break the line. */
struct ChartLine {
    std::string label;
    std::span<const double> values;
    double x0 = 0.0;
    ImU32 colour = IM_COL32_WHITE;
};

/** @brief A shaded band between low[i] and high[i] at x = x0 + i. */
struct ChartBand {
    std::span<const double> low;
    std::span<const double> high;
    double x0 = 0.0;
    ImU32 colour = IM_COL32(255, 255, 255, 40);
};

/** @brief Everything one chart draws this frame. */
struct ChartSpec {
    std::string title;
    std::string unit;         ///< from the archive; picks the number format
    std::string description;  ///< from the archive; first line of the hover tooltip
    std::string band_note;    ///< what the bands are, e.g. "band: range of 10 replications"
    std::vector<ChartLine> lines;
    std::vector<ChartBand> bands;
    double x_first = 0.0;  ///< the full x range (shared days)
    double x_last = 1.0;
    std::optional<double> cursor_x;                    ///< the clock's day
    std::vector<double> marks;                         ///< bookmark days
    std::function<std::string(double)> x_tick_label;   ///< e.g. "Apr 2019"
    std::function<std::string(double)> x_hover_label;  ///< e.g. "2019-04-01"
    float line_thickness = 1.5f;
    bool high_contrast = false;
    bool low_detail = false;  ///< coarser envelopes and bands (software renderers)
};

/** @brief What the user did with the chart this frame. */
struct ChartInteraction {
    bool hovered = false;
    bool clicked = false;
    double clicked_x = 0.0;
};

/** @brief Draws the chart in a size×size box at the cursor and handles its mouse input. */
ChartInteraction draw_time_series_chart(const char* id, const ChartSpec& spec, ChartZoom& zoom,
                                        ImVec2 size);

/** @brief "Nice" tick positions (1, 2, 5 × 10^k steps) covering [lo, hi], about `target`. */
std::vector<double> nice_ticks(double lo, double hi, int target);

}  // namespace cssim::viewer
