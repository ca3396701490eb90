#pragma once
/**
 * @file run_outputs.hpp
 * @brief The text outputs of a run or sweep: summary.json, replications.csv, points.csv and
 * manifest.json, as strings (write them with write_text_file_atomically), plus the summary
 * numbers themselves for code that wants them without parsing JSON.
 *
 * Determinism: every function here first orders the records by (design_point, replication),
 * so the bytes depend only on the set of records, never on the order they were computed or
 * handed over in. Metric order is the model's: the order of the first record (after sorting),
 * with any name first seen in a later record appended where it is first seen. Doubles are
 * printed in the shortest form that reads back to the same double.
 *
 * Non-finite numbers: a NaN metric value means "undefined in this replication" (e.g. a mean
 * wait when nobody waited) and is left out of the summary, so `n` can be below the replication
 * count. JSON has no NaN or infinity: they are written as `null` (e.g. the CI of a single
 * replication is (-inf, +inf), written null, null). The CSVs write NaN, Inf and -Inf, which R
 * and pandas both read as numbers.
 *
 * Duplicate (design_point, replication) pairs are a caller bug: std::invalid_argument.
 */
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::record {

/** @brief One metric summarised over the replications of one design point (Student-t 95%). */
struct MetricSummary {
    std::string name;
    double mean = 0.0;
    double ci95_low = 0.0;
    double ci95_high = 0.0;
    double sd = 0.0;
    std::size_t n = 0;  ///< replications with a non-NaN value
};

/** @brief All metrics of one design point. */
struct PointSummary {
    std::uint64_t design_point = 0;
    std::uint64_t replications = 0;  ///< records of this design point
    std::vector<MetricSummary> metrics;
};

/**
 * @brief Extra columns for sweep CSVs, one per factor, appended after the standard columns.
 * values[k][i] is factor i at the k-th design point *in ascending design_point order* (already
 * formatted: use format_number() for numbers so that they print like the rest).
 */
struct FactorColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> values;
};

/** @brief The period labels of the records (ReplicationRecord::periods), in the order they are
 * first seen after ordering by (design_point, replication); empty for models without periods. */
std::vector<std::string> period_labels(std::span<const ReplicationRecord> records);

/**
 * @brief The records as they would be had the run measured only `period`: each record that has
 * that period, with its metrics replaced by the period's (no periods, series, tracks or
 * events). With "all", the records' whole-run metrics. Feed it to summarize() or a comparison.
 */
std::vector<ReplicationRecord> records_of_period(std::span<const ReplicationRecord> records,
                                                 std::string_view period);

/** @brief Summaries per design point, ascending; core::mean_ci over replications in order. */
std::vector<PointSummary> summarize(std::span<const ReplicationRecord> records);

/**
 * @brief summary.json. With one design point (a `cssim run`):
 * `{"scenario", "replications", "metrics": {"<name>": {"mean", "ci95_low", "ci95_high", "sd",
 * "n", "unit"}}, "periods": [{"period", "from", "to", "days", "partial", "metrics": {...}}]}`.
 * With several (a sweep): `{"scenario", "design_points", "replications" (all jobs),
 * "points": [{"design_point", "replications", "metrics": {...}, "periods": [...]}]}`.
 * "unit" appears for metrics named in `info`; "periods" (by financial year, see
 * ReplicationRecord::periods) only when the records have periods. Indented by 2, ends in a
 * newline.
 */
std::string summary_json(std::string_view scenario, std::span<const ReplicationRecord> records,
                         std::span<const MetricInfo> info = {});

/**
 * @brief replications.csv: header `scenario,design_point,replication,seed,period,metric,value`
 * (then the factor columns). First every whole-run row (period `all`), by (design_point,
 * replication, metric order) as before periods existed; then the financial years' rows by
 * (design_point, period, replication, metric order). One value per row. Fields are quoted per
 * RFC 4180 when they hold a comma, quote, CR or LF. Lines end in "\n".
 */
std::string replications_csv(std::string_view scenario, std::span<const ReplicationRecord> records,
                             const FactorColumns& factors = {});

/**
 * @brief points.csv for sweeps: `scenario,design_point,metric,mean,ci95_low,ci95_high,sd,n`
 * (then the factor columns), by (design_point, metric order).
 */
std::string points_csv(std::string_view scenario, std::span<const ReplicationRecord> records,
                       const FactorColumns& factors = {});

/**
 * @brief manifest.json: every provenance field of RunInfo under its own name (scenario_name,
 * model, version, git_sha, scenario_sha256, master_seed, replications, threads, wall_seconds,
 * command_line, created_utc, status, stream_names) and the resolved scenario as an object
 * under "scenario" (as a string if it is not valid JSON). The layout is viewer data and lives
 * in run.sqlite only.
 */
std::string manifest_json(const RunInfo& info);

/** @brief Shortest round-trip decimal form ("0.1", "1e+20", "3"); NaN, Inf, -Inf. */
std::string format_number(double value);

/** @brief `field` quoted per RFC 4180 if it holds a comma, double quote, CR or LF. */
std::string csv_field(std::string_view field);

}  // namespace cssim::record
