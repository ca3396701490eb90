#pragma once
/**
 * @file chart_zoom.hpp
 * @brief A chart's visible x range, owned by the application and edited by the chart widget.
 */

namespace cssim::viewer {

/** @brief Visible x range in shared days; inactive = the whole run. */
struct ChartZoom {
    bool active = false;
    double x_min = 0.0;
    double x_max = 0.0;
};

}  // namespace cssim::viewer
