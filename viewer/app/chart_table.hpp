#pragma once
/**
 * @file chart_table.hpp
 * @brief What a chart shows, as a table, and its CSV export.
 */
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cssim::viewer {

/** @brief A column of a chart table: one line of the chart. */
struct ChartColumn {
    std::string name;  ///< e.g. "A caseload_mean", "B caseload_mean ci95_low"
    std::vector<std::optional<double>> rows;  ///< one per table row; nullopt = no data that day
};

/** @brief Rows are shared days in the chart's visible range; labels are their dates. */
struct ChartTable {
    std::vector<std::int64_t> days;
    std::vector<std::string> day_labels;
    std::vector<ChartColumn> columns;
};

/** @brief CSV text: header "day,date,<columns>", values in shortest round-trip form. */
std::string chart_table_csv(const ChartTable& table);

/** @brief Writes chart_table_csv to a file. @throws std::runtime_error naming the path. */
void write_chart_csv(const std::filesystem::path& path, const ChartTable& table);

}  // namespace cssim::viewer
