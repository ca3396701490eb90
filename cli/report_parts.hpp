#pragma once
// What report_html.cpp and report_charts.cpp share: the key metrics the report leads with, a
// run's metric by name, and the "Over time" section.
#include <string>

#include "report_data.hpp"

namespace cssim::cli::report_parts {

/** @brief A key metric: its summary name, words, and the archived series behind its chart. */
struct KeyMetric {
    const char* metric;
    const char* label;
    const char* series;  ///< "" if the model archives no series for it
    Aggregation aggregation;
    double scale;
    const char* chart_unit;
    /// Unit of the yearly chart drawn from summary.json's financial years when the runs have
    /// them (nullptr: always the series); `metric` times `scale` is plotted.
    const char* year_unit = nullptr;
};

inline constexpr KeyMetric kKeyMetrics[] = {
    {"unallocated_cases_mean", "Unallocated work", "unallocated_cases", Aggregation::MonthlyMean,
     1.0, "cases waiting for a social worker (monthly mean)"},
    {"caseload_mean", "Caseload", "caseload_mean", Aggregation::MonthlyMean, 1.0,
     "cases per social worker (monthly mean)"},
    {"direct_time_share", "Direct time with families", "time_use/direct", Aggregation::MonthlyMean,
     100.0, "% of social workers' hours (monthly mean)"},
    {"turnover_rate", "Turnover", "", Aggregation::MonthlyMean, 100.0,
     "% of employed social workers leaving per year (whole run)",
     "% of employed social workers leaving in each financial year"},
    {"agency_share", "Agency share", "agency_share", Aggregation::MonthlyMean, 100.0,
     "% of social workers from agencies (monthly mean)"},
    {"spend_total", "Spend", "spend_to_date", Aggregation::YearEndValue, 1e-6,
     "£ million per financial year", "£ million per financial year"},
    {"harm_events_per_10k_children", "Serious harm", "harm_events", Aggregation::YearSum, 1.0,
     "serious harm events per financial year",
     "serious harm events per 10,000 children per financial year"},
};

/** @brief The metric called `name` in `run`, or nullptr. */
inline const ReportMetric* metric_of(const ReportRun& run, const std::string& name) {
    for (const ReportMetric& m : run.metrics) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

/** @brief The "Over time" section: a chart per key metric with an archived series or years. */
std::string charts_section(const ReportInput& input);

}  // namespace cssim::cli::report_parts
