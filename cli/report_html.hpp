#pragma once
/**
 * @file report_html.hpp
 * @brief The one-file HTML report of `cssim report`: the question in plain words, the headline
 * table, charts, costs and provenance. Self-contained: inline CSS and SVG, no network.
 */
#include <string>
#include <vector>

#include "report_data.hpp"

namespace cssim::cli {

/** @brief One change between two resolved scenarios: path, old and new value (JSON text). */
struct ScenarioChange {
    std::string path;
    std::string before;  ///< "" if the key is new
    std::string after;   ///< "" if the key is gone
};

/** @brief What differs between two resolved scenarios (name and description ignored). */
std::vector<ScenarioChange> scenario_changes(const std::string& before_json,
                                             const std::string& after_json);

/** @brief A value in a table: shares as %, GBP as £ (m for millions), else ~4 figures. */
std::string format_value(double value, const std::string& unit, bool with_sign = false);

/** @brief The page's CSS, print styles included (report_style.cpp). */
const char* report_css();

/**
 * @brief The page's only script, a self-check for tests: on load it writes on <body> how many
 * chart paths the browser drew (`data-drawn-paths`) and any script error (`data-errors`).
 */
const char* report_self_check_js();

/** @brief The whole report. */
std::string report_html(const ReportInput& input, const std::string& generated_utc);

}  // namespace cssim::cli
