#pragma once
/**
 * @file value_format.hpp
 * @brief Numbers as people read them, chosen by the series' unit from the archive.
 */
#include <string>
#include <string_view>
#include <vector>

namespace cssim::viewer {

/**
 * @brief "36.1%" for shares, "£1.2M" for GBP, "17.5" otherwise; large numbers with k/M.
 * NaN or infinite gives "–".
 */
std::string format_value(double value, std::string_view unit);

/** @brief Signed difference in the same style: "+4.2%", "−£0.3M", "+12". */
std::string format_difference(double value, std::string_view unit);

/** @brief Short axis tick label (fewer decimals). */
std::string format_axis_value(double value, std::string_view unit);

/**
 * @brief Labels for a row of axis ticks: the short form of format_axis_value, unless two
 * neighbours would read the same (a narrow range such as 1.00 to 1.03); then every label gets
 * the decimals the step between ticks needs.
 */
std::vector<std::string> format_axis_ticks(const std::vector<double>& ticks, std::string_view unit);

/** @brief Whether a unit means a fraction in [0, 1] shown as a percentage. */
bool is_share_unit(std::string_view unit);

}  // namespace cssim::viewer
