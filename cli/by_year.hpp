#pragma once
/**
 * @file by_year.hpp
 * @brief `cssim run --by-year` and `cssim compare --by-year`: each metric's trajectory over the
 * financial years of the measured period (ReplicationRecord::periods), and the `--metrics`
 * check both commands share.
 */
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/record/comparison_output.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::cli {

/**
 * @brief Empty when every name in `wanted` is a metric of `known`; else the message for the
 * first unknown one, with a did-you-mean ("--metrics: no metric ...").
 */
std::string unknown_metric(const std::vector<std::string>& wanted,
                           const std::vector<record::MetricInfo>& known);

/** @brief The comparison with only the `wanted` metrics, in that order (all when empty). */
record::Comparison select_metrics(record::Comparison comparison,
                                  const std::vector<std::string>& wanted);

/**
 * @brief `compare --by-year --json`: `{"format": "cssim-comparison-by-year", "periods":
 * [{"period", "from", "to", "days", "partial", "comparison": {as comparison.json}}]}`, the
 * first period "all" (from/to/days null), then each financial year. Ends in a newline.
 */
std::string comparison_by_year_json(const std::vector<std::string>& names,
                                    const std::vector<std::vector<record::ReplicationRecord>>& runs,
                                    const std::vector<record::MetricInfo>& info,
                                    const std::vector<std::string>& wanted, std::uint64_t seed);

/**
 * @brief Prints, for each metric (those of `wanted` in that order, or all), its mean and 95% CI
 * for the whole measured period ("all") and each financial year, one row per period.
 */
void print_run_by_year(const std::vector<record::ReplicationRecord>& records,
                       const std::vector<record::MetricInfo>& info,
                       const std::vector<std::string>& wanted);

/**
 * @brief Prints, for each scenario against the first and each metric, A and B (means with 95%
 * CIs) and B - A (paired by replication: common random numbers) per period, with a verdict.
 * With more than two scenarios the B - A intervals are Bonferroni-adjusted as compare's are.
 */
void print_compare_by_year(const std::vector<std::string>& names,
                           const std::vector<std::vector<record::ReplicationRecord>>& runs,
                           const std::vector<record::MetricInfo>& info,
                           const std::vector<std::string>& wanted, std::uint64_t seed);

}  // namespace cssim::cli
