#include "app/metric_direction.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace cssim::viewer {
namespace {

// Known directions. Population-level rates (children in need, on plans, looked after per 10k)
// are neutral: more or fewer is not better in itself. Utilisation is neutral too.
constexpr std::array<std::pair<std::string_view, BetterWhen>, 29> kDirections{{
    {"direct_time_share", BetterWhen::higher},
    {"admin_time_share", BetterWhen::lower},
    {"caseload_mean", BetterWhen::lower},
    {"caseload_p90", BetterWhen::lower},
    {"unallocated_cases", BetterWhen::lower},
    {"unallocated_cases_mean", BetterWhen::lower},
    {"assessments_within_45wd_share", BetterWhen::higher},
    {"assessment_duration_median_wd", BetterWhen::lower},
    {"re_referral_share", BetterWhen::lower},
    {"turnover_rate", BetterWhen::lower},
    {"agency_share", BetterWhen::lower},
    {"vacancy_rate", BetterWhen::lower},
    {"sickness_absence_rate", BetterWhen::lower},
    {"short_term_sickness_spells_per_fte", BetterWhen::lower},
    {"visits_on_time_share", BetterWhen::higher},
    {"harm_events_per_10k_children", BetterWhen::lower},
    {"spend_total", BetterWhen::lower},
    {"overspend", BetterWhen::lower},
    {"admin_time_value_per_worker", BetterWhen::lower},
    {"stress_mean", BetterWhen::lower},
    {"overtime_hours_mean", BetterWhen::lower},
    {"wait_mean", BetterWhen::lower},
    {"time_in_system_mean", BetterWhen::lower},
    {"queue_length_mean", BetterWhen::lower},
    {"blocking_probability", BetterWhen::lower},
    {"served", BetterWhen::higher},
    {"time_use/direct", BetterWhen::higher},
    {"time_use/admin", BetterWhen::lower},
    {"time_use/travel", BetterWhen::lower},
}};

std::optional<BetterWhen> lookup(std::string_view name) {
    for (const auto& [n, d] : kDirections) {
        if (n == name)
            return d;
    }
    return std::nullopt;
}

}  // namespace

BetterWhen better_when(std::string_view name, const std::vector<record::MetricInfo>* catalogue) {
    if (catalogue != nullptr) {
        for (const record::MetricInfo& m : *catalogue) {
            if (m.name == name) {
                return m.direction > 0   ? BetterWhen::higher
                       : m.direction < 0 ? BetterWhen::lower
                                         : BetterWhen::neutral;
            }
        }
    }
    if (auto d = lookup(name))
        return *d;
    constexpr std::string_view kMean = "_mean";
    if (name.size() > kMean.size() && name.substr(name.size() - kMean.size()) == kMean) {
        if (auto d = lookup(name.substr(0, name.size() - kMean.size())))
            return *d;
    }
    return BetterWhen::neutral;
}

Verdict judge(BetterWhen direction, double a, double b) {
    if (!std::isfinite(a) || !std::isfinite(b))
        return Verdict::not_comparable;
    // Differences below a part in a million of the scale are rounding, not a change.
    const double scale = std::max({std::fabs(a), std::fabs(b), 1e-12});
    if (std::fabs(b - a) <= 1e-6 * scale)
        return Verdict::same;
    if (direction == BetterWhen::neutral)
        return Verdict::not_comparable;
    const bool up = b > a;
    return up == (direction == BetterWhen::higher) ? Verdict::better : Verdict::worse;
}

std::vector<ComparisonRow> compare_metrics(const std::vector<record::MetricValue>& a,
                                           const std::vector<record::MetricValue>& b,
                                           const std::vector<record::MetricInfo>* catalogue) {
    std::vector<ComparisonRow> rows;
    auto find = [](const std::vector<record::MetricValue>& v,
                   const std::string& name) -> std::optional<double> {
        for (const auto& m : v) {
            if (m.name == name)
                return m.value;
        }
        return std::nullopt;
    };
    auto add = [&](const std::string& name) {
        ComparisonRow row;
        row.name = name;
        row.a = find(a, name);
        row.b = find(b, name);
        if (row.a && row.b) {
            row.difference = *row.b - *row.a;
            row.verdict = judge(better_when(name, catalogue), *row.a, *row.b);
        }
        rows.push_back(std::move(row));
    };
    for (const auto& m : a)
        add(m.name);
    for (const auto& m : b) {
        if (!find(a, m.name))
            add(m.name);
    }
    return rows;
}

}  // namespace cssim::viewer
