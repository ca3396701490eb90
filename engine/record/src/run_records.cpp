/**
 * @file run_records.cpp
 * @brief Replication records in order, their summaries per design point, and the records of one
 * period (run_records.hpp, run_outputs.hpp).
 */
#include "run_records.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "cssim/core/statistics.hpp"

namespace cssim::record {

namespace detail {

OrderedRecords order_records(std::span<const ReplicationRecord> input) {
    OrderedRecords out;
    out.records.reserve(input.size());
    for (const auto& record : input) {
        out.records.push_back(&record);
    }
    std::sort(out.records.begin(), out.records.end(), [](const auto* a, const auto* b) {
        return std::pair(a->design_point, a->replication) <
               std::pair(b->design_point, b->replication);
    });
    for (std::size_t i = 0; i < out.records.size(); ++i) {
        const auto& record = *out.records[i];
        if (i > 0 && out.records[i - 1]->design_point == record.design_point &&
            out.records[i - 1]->replication == record.replication) {
            throw std::invalid_argument("duplicate record for design point " +
                                        std::to_string(record.design_point) + ", replication " +
                                        std::to_string(record.replication));
        }
        if (i == 0 || out.records[i - 1]->design_point != record.design_point) {
            out.points.emplace_back(i, i);
        }
        out.points.back().second = i + 1;
        for (const auto& metric : record.metrics) {
            if (out.metric_index.emplace(metric.name, out.metric_names.size()).second) {
                out.metric_names.push_back(metric.name);
            }
        }
    }
    return out;
}

std::vector<std::vector<double>> metric_columns(const OrderedRecords& ordered, std::size_t first,
                                                std::size_t last) {
    std::vector<std::vector<double>> columns(
        ordered.metric_names.size(),
        std::vector<double>(last - first, std::numeric_limits<double>::quiet_NaN()));
    for (std::size_t k = first; k < last; ++k) {
        for (const auto& metric : ordered.records[k]->metrics) {
            columns[ordered.metric_index.at(metric.name)][k - first] = metric.value;
        }
    }
    return columns;
}

std::vector<PointSummary> summarize_ordered(const OrderedRecords& ordered) {
    std::vector<PointSummary> points;
    for (const auto& [first, last] : ordered.points) {
        PointSummary point;
        point.design_point = ordered.records[first]->design_point;
        point.replications = last - first;
        const auto columns = metric_columns(ordered, first, last);
        for (std::size_t m = 0; m < columns.size(); ++m) {
            std::vector<double> defined;
            defined.reserve(columns[m].size());
            for (double v : columns[m]) {
                if (!std::isnan(v)) {  // NaN = undefined in that replication: left out
                    defined.push_back(v);
                }
            }
            const core::ConfidenceInterval ci = core::mean_ci(defined, 0.95);
            point.metrics.push_back(
                MetricSummary{ordered.metric_names[m], ci.mean, ci.low, ci.high, ci.sd, ci.n});
        }
        points.push_back(std::move(point));
    }
    return points;
}

}  // namespace detail

std::vector<std::string> period_labels(std::span<const ReplicationRecord> records) {
    const detail::OrderedRecords ordered = detail::order_records(records);
    std::vector<std::string> labels;
    for (const ReplicationRecord* record : ordered.records) {
        for (const PeriodRecord& p : record->periods) {
            if (std::find(labels.begin(), labels.end(), p.label) == labels.end()) {
                labels.push_back(p.label);
            }
        }
    }
    return labels;
}

std::vector<ReplicationRecord> records_of_period(std::span<const ReplicationRecord> records,
                                                 std::string_view period) {
    std::vector<ReplicationRecord> out;
    for (const ReplicationRecord& record : records) {
        ReplicationRecord view;
        view.design_point = record.design_point;
        view.replication = record.replication;
        view.seed = record.seed;
        if (period == "all") {
            view.metrics = record.metrics;
            out.push_back(std::move(view));
            continue;
        }
        for (const PeriodRecord& p : record.periods) {
            if (p.label == period) {
                view.metrics = p.metrics;
                out.push_back(std::move(view));
                break;
            }
        }
    }
    return out;
}

std::vector<PointSummary> summarize(std::span<const ReplicationRecord> records) {
    return detail::summarize_ordered(detail::order_records(records));
}

}  // namespace cssim::record
