#pragma once
/**
 * @file report_data.hpp
 * @brief What `cssim report` reads: the run folders (manifest.json, summary.json, run.sqlite)
 * and a compare folder's comparison.json, and the charts' points from the archived series.
 *
 * A chart point is a mean over replications with a Student-t band; points are placed on a day
 * axis (days since the run's start), so that the per-year results of a later release can be
 * drawn by the same chart code as the monthly means of the per-day series.
 */
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "cssim/record/comparison_output.hpp"

namespace cssim::cli {

/** @brief Bad input for the report; `exit_code` is 64, 65 or 66. */
class ReportError : public std::runtime_error {
public:
    ReportError(int exit_code, const std::string& message)
        : std::runtime_error(message), exit_code_(exit_code) {}
    int exit_code() const { return exit_code_; }

private:
    int exit_code_;
};

/** @brief One metric of one run, from summary.json (units from the archive's layout). */
struct ReportMetric {
    std::string name;
    std::string unit;
    std::string description;
    int direction = 0;
    double mean = 0.0;
    double low = 0.0;  ///< 95% CI (NaN if unavailable, e.g. one replication)
    double high = 0.0;
    std::size_t n = 0;
};

/** @brief One financial year of a run, from summary.json's "periods" (cssim 0.x and later). */
struct ReportPeriod {
    std::string label;  ///< "2025-26", or "2025-26 (partial)"
    std::string from;   ///< ISO date of its first day
    double days = 0.0;
    bool partial = false;
    std::vector<ReportMetric> metrics;  ///< name, mean and CI only
};

/** @brief One run folder. */
struct ReportRun {
    std::string dir;
    std::string name;
    std::string description;
    std::string version;
    std::string git_sha;
    std::string created_utc;
    std::string scenario_sha256;
    std::string command_line;
    std::string status;
    std::uint64_t seed = 0;
    std::uint64_t replications = 0;
    std::string scenario_json;  ///< the resolved scenario from the manifest
    std::string start_date;
    double years = 0.0;
    double warmup_years = 0.0;
    std::vector<ReportMetric> metrics;
    std::vector<ReportPeriod> periods;  ///< empty for older folders and models without years
    std::string archive;                ///< run.sqlite path, "" if absent
};

/** @brief One metric of one paired comparison, as comparison.json holds it (the struct
 * `cssim compare` writes it from; the report reads it back). */
using ReportDifference = record::MetricComparison;

/** @brief Baseline versus one other scenario. */
using ReportComparison = record::PairComparison;

/** @brief Everything the report shows. */
struct ReportInput {
    std::vector<ReportRun> runs;
    std::vector<ReportComparison> comparisons;  ///< empty for plain run folders
};

/** @brief Reads run folders and compare folders (in order). Throws ReportError. */
ReportInput load_report_input(const std::vector<std::string>& dirs);

/** @brief A point on a chart: x in days since the run's start; low/high NaN without a band. */
struct ChartPoint {
    double day = 0.0;
    double mean = 0.0;
    double low = 0.0;
    double high = 0.0;
};

/** @brief How a per-day series becomes points. */
enum class Aggregation {
    MonthlyMean,   ///< mean of each calendar month
    YearEndValue,  ///< value on the last day of each financial year (cumulative series)
    YearSum,       ///< sum over each financial year (events per day)
};

/** @brief Points of one run's series, and how many replications had it. */
struct ChartLine {
    std::vector<ChartPoint> points;
    std::size_t replications = 0;
};

/**
 * @brief Reduces the archived series `name` of each replication by `aggregation`, then takes the
 * mean and 95% Student-t band over replications (no band with one). Values are multiplied by
 * `scale`. Full financial years only for the yearly aggregations. Empty if the series is absent.
 */
ChartLine chart_line(const std::string& archive, const std::string& series, Aggregation aggregation,
                     double scale, const std::string& start_date);

/**
 * @brief One point per full financial year of `run` from its summary.json periods: the year's
 * mean and 95% CI of `metric` times `scale`, at the middle of the year. Partial years are left
 * out. Empty if the run has no periods or no such metric.
 */
ChartLine period_line(const ReportRun& run, const std::string& metric, double scale);

/** @brief Days from 1970-01-01 of an ISO date (proleptic Gregorian). */
long long days_from_iso(const std::string& iso_date);
/** @brief ISO date of a day count from 1970-01-01. */
std::string iso_from_days(long long days);

}  // namespace cssim::cli
