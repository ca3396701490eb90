#pragma once
/**
 * @file metric_direction.hpp
 * @brief Which direction is better for a metric, and the A/B comparison rows built from it.
 */
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::viewer {

enum class BetterWhen { higher, lower, neutral };

/**
 * @brief Direction of a metric or series. The run's own catalogue (RunLayout::metrics, written
 * by the model) decides when it names the metric; otherwise a built-in table of known names
 * (DESIGN §3 and §4 names, "_mean" variants and "time_use/<kind>") answers, and anything
 * unknown is neutral, so new metrics are shown uncoloured.
 */
BetterWhen better_when(std::string_view name,
                       const std::vector<record::MetricInfo>* catalogue = nullptr);

/** @brief How B compares with A for one row. */
enum class Verdict { better, worse, same, not_comparable };

/** @brief Verdict of moving from `a` to `b` for a metric with direction `direction`. */
Verdict judge(BetterWhen direction, double a, double b);

/** @brief One row of the comparison table: difference is B − A. */
struct ComparisonRow {
    std::string name;
    std::optional<double> a;
    std::optional<double> b;
    std::optional<double> difference;  ///< b − a when both exist
    Verdict verdict = Verdict::not_comparable;
};

/**
 * @brief Rows for every metric of A, in A's order, then metrics only B has. Each row is judged
 * by better_when(name, catalogue).
 */
std::vector<ComparisonRow> compare_metrics(
    const std::vector<record::MetricValue>& a, const std::vector<record::MetricValue>& b,
    const std::vector<record::MetricInfo>* catalogue = nullptr);

}  // namespace cssim::viewer
