#pragma once
/**
 * @file run_records.hpp
 * @brief Private: replication records in (design point, replication) order with the union of
 * their metric names, and the per-design-point summaries built from them (run_records.cpp);
 * shared by the output writers (run_outputs.cpp).
 */
#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cssim/record/run_outputs.hpp"

namespace cssim::record::detail {

/** @brief Records ordered by (design_point, replication), with the union of metric names. */
struct OrderedRecords {
    std::vector<const ReplicationRecord*> records;
    std::vector<std::string> metric_names;
    std::unordered_map<std::string, std::size_t> metric_index;
    /** @brief [first, last) ranges of `records` per design point, ascending. */
    std::vector<std::pair<std::size_t, std::size_t>> points;
};

/** @brief The records ordered by (design_point, replication); throws std::invalid_argument
 * on a duplicate. */
OrderedRecords order_records(std::span<const ReplicationRecord> input);

/** @brief values[metric][k] for the records [first, last) in order; NaN where absent. */
std::vector<std::vector<double>> metric_columns(const OrderedRecords& ordered, std::size_t first,
                                                std::size_t last);

/** @brief Each design point's metrics as mean, 95% CI, sd and n (NaN values left out). */
std::vector<PointSummary> summarize_ordered(const OrderedRecords& ordered);

}  // namespace cssim::record::detail
