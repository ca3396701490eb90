#pragma once
/** @file comparison.hpp @brief Paired differences of replicated runs (the arithmetic of compare).
 */
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/record/comparison_output.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::cli {

/**
 * @brief Compares scenario s >= 1 against scenario 0, metric by metric, over replications
 * present in both (paired by replication index). With k > 2 scenarios each interval is at
 * 1 - (1 - confidence) / (k - 1) (Bonferroni), so all k - 1 comparisons of a metric hold
 * together at `confidence`. Metrics are those of scenario 0, in its order; `metric_info`
 * supplies units and directions.
 */
record::Comparison compare_paired(const std::vector<std::string>& names,
                                  const std::vector<std::vector<record::ReplicationRecord>>& runs,
                                  const std::vector<record::MetricInfo>& metric_info,
                                  std::uint64_t seed, double confidence);

}  // namespace cssim::cli
