#include "cssim/record/run_outputs.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "run_records.hpp"

namespace cssim::record {

namespace {

using Json = nlohmann::ordered_json;
using detail::metric_columns;
using detail::order_records;
using detail::OrderedRecords;
using detail::summarize_ordered;

Json number_or_null(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json metrics_object(const PointSummary& point, std::span<const MetricInfo> info) {
    Json metrics = Json::object();
    for (const auto& m : point.metrics) {
        Json entry = Json{{"mean", number_or_null(m.mean)},
                          {"ci95_low", number_or_null(m.ci95_low)},
                          {"ci95_high", number_or_null(m.ci95_high)},
                          {"sd", number_or_null(m.sd)},
                          {"n", m.n}};
        for (const MetricInfo& i : info) {
            if (i.name == m.name) {
                entry["unit"] = i.unit;
                break;
            }
        }
        metrics[m.name] = std::move(entry);
    }
    return metrics;
}

/** @brief The first record's PeriodRecord labelled `label` among `records`, or null. */
const PeriodRecord* find_period(std::span<const ReplicationRecord* const> records,
                                std::string_view label) {
    for (const ReplicationRecord* record : records) {
        for (const PeriodRecord& p : record->periods) {
            if (p.label == label) {
                return &p;
            }
        }
    }
    return nullptr;
}

/** @brief "periods" of one design point's records (in order): each period's summaries. */
Json periods_array(std::span<const ReplicationRecord* const> records,
                   std::span<const MetricInfo> info) {
    std::vector<ReplicationRecord> copies;
    for (const ReplicationRecord* record : records) {
        ReplicationRecord copy;
        copy.design_point = record->design_point;
        copy.replication = record->replication;
        copy.seed = record->seed;
        copy.periods = record->periods;
        copies.push_back(std::move(copy));
    }
    Json list = Json::array();
    for (const std::string& label : period_labels(copies)) {
        const PeriodRecord* period = find_period(records, label);
        const std::vector<ReplicationRecord> view = records_of_period(copies, label);
        const std::vector<PointSummary> points = summarize(view);
        list.push_back(Json{
            {"period", label},
            {"from", period->from},
            {"to", period->to},
            {"days", period->days},
            {"partial", period->partial},
            {"metrics", points.empty() ? Json::object() : metrics_object(points.front(), info)}});
    }
    return list;
}

bool has_periods(std::span<const ReplicationRecord* const> records) {
    return std::any_of(records.begin(), records.end(),
                       [](const ReplicationRecord* r) { return !r->periods.empty(); });
}

std::string dump(const Json& json) {
    // Invalid UTF-8 in a name must not abort a run's outputs: replace it with U+FFFD.
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void append_factor_header(std::string& out, const FactorColumns& factors) {
    for (const auto& name : factors.names) {
        out += ',';
        out += csv_field(name);
    }
}

void append_factor_values(std::string& out, const FactorColumns& factors, std::size_t point) {
    if (factors.names.empty()) {
        return;
    }
    if (point >= factors.values.size() || factors.values[point].size() != factors.names.size()) {
        throw std::invalid_argument("factor values missing for design point index " +
                                    std::to_string(point));
    }
    for (const auto& value : factors.values[point]) {
        out += ',';
        out += csv_field(value);
    }
}

}  // namespace

std::string format_number(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "Inf" : "-Inf";
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string csv_field(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string summary_json(std::string_view scenario, std::span<const ReplicationRecord> records,
                         std::span<const MetricInfo> info) {
    const OrderedRecords ordered = order_records(records);
    const std::vector<PointSummary> points = summarize_ordered(ordered);
    auto point_records = [&](std::size_t p) {
        const auto [first, last] = ordered.points[p];
        return std::span<const ReplicationRecord* const>(ordered.records)
            .subspan(first, last - first);
    };
    Json json = Json::object();
    json["scenario"] = std::string(scenario);
    if (points.size() <= 1) {
        json["replications"] = ordered.records.size();
        json["metrics"] = points.empty() ? Json::object() : metrics_object(points.front(), info);
        if (!points.empty() && has_periods(point_records(0))) {
            json["periods"] = periods_array(point_records(0), info);
        }
        return dump(json);
    }
    json["design_points"] = points.size();
    json["replications"] = ordered.records.size();
    Json list = Json::array();
    for (std::size_t p = 0; p < points.size(); ++p) {
        const PointSummary& point = points[p];
        Json entry = Json{{"design_point", point.design_point},
                          {"replications", point.replications},
                          {"metrics", metrics_object(point, info)}};
        if (has_periods(point_records(p))) {
            entry["periods"] = periods_array(point_records(p), info);
        }
        list.push_back(std::move(entry));
    }
    json["points"] = std::move(list);
    return dump(json);
}

std::string replications_csv(std::string_view scenario, std::span<const ReplicationRecord> records,
                             const FactorColumns& factors) {
    const OrderedRecords ordered = order_records(records);
    const std::string scenario_field = csv_field(scenario);
    std::string out = "scenario,design_point,replication,seed,period,metric,value";
    append_factor_header(out, factors);
    out += '\n';
    auto append_row = [&](const ReplicationRecord& record, std::string_view period,
                          std::string_view metric, double value, std::size_t p) {
        out += scenario_field;
        out += ',' + std::to_string(record.design_point);
        out += ',' + std::to_string(record.replication);
        out += ',' + std::to_string(record.seed);
        out += ',' + csv_field(period);
        out += ',' + csv_field(metric);
        out += ',' + format_number(value);
        append_factor_values(out, factors, p);
        out += '\n';
    };
    for (std::size_t p = 0; p < ordered.points.size(); ++p) {
        const auto [first, last] = ordered.points[p];
        const auto columns = metric_columns(ordered, first, last);
        for (std::size_t k = first; k < last; ++k) {
            const ReplicationRecord& record = *ordered.records[k];
            // A metric the record does not have gets no row (absent, unlike a NaN value).
            std::vector<bool> present(ordered.metric_names.size(), false);
            for (const auto& metric : record.metrics) {
                present[ordered.metric_index.at(metric.name)] = true;
            }
            for (std::size_t m = 0; m < columns.size(); ++m) {
                if (!present[m]) {
                    continue;
                }
                append_row(record, "all", ordered.metric_names[m], columns[m][k - first], p);
            }
        }
    }
    // Then the financial years, after every whole-run row so that readers of `all` stop early.
    for (std::size_t p = 0; p < ordered.points.size(); ++p) {
        const auto [first, last] = ordered.points[p];
        std::vector<std::string> labels;
        for (std::size_t k = first; k < last; ++k) {
            for (const PeriodRecord& period : ordered.records[k]->periods) {
                if (std::find(labels.begin(), labels.end(), period.label) == labels.end()) {
                    labels.push_back(period.label);
                }
            }
        }
        for (const std::string& label : labels) {
            for (std::size_t k = first; k < last; ++k) {
                const ReplicationRecord& record = *ordered.records[k];
                for (const PeriodRecord& period : record.periods) {
                    if (period.label != label) {
                        continue;
                    }
                    for (const MetricValue& metric : period.metrics) {
                        append_row(record, label, metric.name, metric.value, p);
                    }
                }
            }
        }
    }
    return out;
}

std::string points_csv(std::string_view scenario, std::span<const ReplicationRecord> records,
                       const FactorColumns& factors) {
    const OrderedRecords ordered = order_records(records);
    const std::vector<PointSummary> points = summarize_ordered(ordered);
    const std::string scenario_field = csv_field(scenario);
    std::string out = "scenario,design_point,metric,mean,ci95_low,ci95_high,sd,n";
    append_factor_header(out, factors);
    out += '\n';
    for (std::size_t p = 0; p < points.size(); ++p) {
        for (const auto& m : points[p].metrics) {
            out += scenario_field;
            out += ',' + std::to_string(points[p].design_point);
            out += ',' + csv_field(m.name);
            out += ',' + format_number(m.mean);
            out += ',' + format_number(m.ci95_low);
            out += ',' + format_number(m.ci95_high);
            out += ',' + format_number(m.sd);
            out += ',' + std::to_string(m.n);
            append_factor_values(out, factors, p);
            out += '\n';
        }
    }
    return out;
}

std::string manifest_json(const RunInfo& info) {
    Json json = Json::object();
    json["format"] = "cssim-manifest";
    json["scenario_name"] = info.scenario_name;
    json["model"] = info.model;
    json["version"] = info.version;
    json["git_sha"] = info.git_sha;
    json["scenario_sha256"] = info.scenario_sha256;
    json["master_seed"] = info.master_seed;
    json["replications"] = info.replications;
    json["threads"] = info.threads;
    json["wall_seconds"] = number_or_null(info.wall_seconds);
    json["command_line"] = info.command_line;
    json["created_utc"] = info.created_utc;
    json["status"] = info.status;
    json["stream_names"] = info.stream_names;
    Json scenario = Json::parse(info.scenario_json, nullptr, false);
    json["scenario"] = scenario.is_discarded() ? Json(info.scenario_json) : std::move(scenario);
    return dump(json);
}

}  // namespace cssim::record
