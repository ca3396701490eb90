#include "by_year.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>

#include "comparison.hpp"
#include "cssim/record/run_outputs.hpp"
#include "cssim/scenario/scenario.hpp"
#include "number_format.hpp"

namespace cssim::cli {
namespace {

/** @brief The metric names to show: `wanted`, or every metric of the first record. */
std::vector<std::string> shown_metrics(const std::vector<record::ReplicationRecord>& records,
                                       const std::vector<std::string>& wanted) {
    if (!wanted.empty() || records.empty()) {
        return wanted;
    }
    std::vector<std::string> names;
    for (const record::MetricValue& m : records.front().metrics) {
        names.push_back(m.name);
    }
    return names;
}

/** @brief "all" then each financial year of the records. */
std::vector<std::string> periods_of(const std::vector<record::ReplicationRecord>& records) {
    std::vector<std::string> periods = {"all"};
    for (std::string& label : record::period_labels(records)) {
        periods.push_back(std::move(label));
    }
    return periods;
}

const record::MetricInfo* info_of(const std::vector<record::MetricInfo>& info,
                                  std::string_view name) {
    for (const record::MetricInfo& m : info) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

/** @brief "caseload_mean (cases; lower is better)". */
std::string heading(const std::string& name, const std::vector<record::MetricInfo>& info) {
    const record::MetricInfo* m = info_of(info, name);
    std::string text = name;
    if (m == nullptr) {
        return text;
    }
    text += " (" + display_unit(m->unit);
    if (m->direction != 0) {
        text += m->direction > 0 ? "; higher is better" : "; lower is better";
    }
    return text + ")";
}

/** @brief "12.3 [11.9, 12.8]" or "12.3 n/a". */
std::string mean_and_interval(double mean, double low, double high, bool with_sign = false) {
    return format_human(mean, with_sign) + " " + format_interval(low, high, with_sign);
}

const record::MetricSummary* summary_of(const std::vector<record::PointSummary>& points,
                                        std::string_view name) {
    if (points.empty()) {
        return nullptr;
    }
    for (const record::MetricSummary& m : points.front().metrics) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

bool any_partial(const std::vector<record::ReplicationRecord>& records) {
    for (const record::ReplicationRecord& r : records) {
        for (const record::PeriodRecord& p : r.periods) {
            if (p.partial) {
                return true;
            }
        }
    }
    return false;
}

void print_notes(const std::vector<record::ReplicationRecord>& records, bool any_without_interval) {
    if (records.empty() || records.front().periods.empty()) {
        std::printf(
            "\nThis model reports the whole measured period only (financial years are "
            "reported by the department model).\n");
    }
    std::printf(
        "\nall = the whole measured period (after the warm-up); 2025-26 = the financial year "
        "1 April 2025 to 31 March 2026. /year metrics are a year's worth at that period's "
        "rate.\n");
    if (any_partial(records)) {
        std::printf(
            "(partial): the measured period covers only part of that financial year (the "
            "warm-up or the run ends on another day than 1 April); its means and rates are "
            "over the days it covers.\n");
    }
    if (any_without_interval) {
        std::printf("n/a: no confidence interval; it needs at least 2 replications.\n");
    }
}

}  // namespace

std::string unknown_metric(const std::vector<std::string>& wanted,
                           const std::vector<record::MetricInfo>& known) {
    for (const std::string& name : wanted) {
        if (info_of(known, name) != nullptr) {
            continue;
        }
        std::string message = "--metrics: no metric \"" + scenario::escape_control(name) + "\"";
        std::vector<std::string> names;
        for (const record::MetricInfo& m : known) {
            names.push_back(m.name);
        }
        const std::string near = scenario::closest_name(name, names);
        if (!near.empty()) {
            message += "; did you mean \"" + near + "\"?";
        }
        return message + " (cssim run prints every metric's name)";
    }
    return {};
}

record::Comparison select_metrics(record::Comparison comparison,
                                  const std::vector<std::string>& wanted) {
    if (wanted.empty()) {
        return comparison;
    }
    for (record::PairComparison& pair : comparison.pairs) {
        std::vector<record::MetricComparison> chosen;
        for (const std::string& name : wanted) {
            for (const record::MetricComparison& m : pair.metrics) {
                if (m.name == name) {
                    chosen.push_back(m);
                }
            }
        }
        pair.metrics = std::move(chosen);
    }
    return comparison;
}

std::string comparison_by_year_json(const std::vector<std::string>& names,
                                    const std::vector<std::vector<record::ReplicationRecord>>& runs,
                                    const std::vector<record::MetricInfo>& info,
                                    const std::vector<std::string>& wanted, std::uint64_t seed) {
    using Json = nlohmann::ordered_json;
    Json periods = Json::array();
    const std::vector<std::string> labels =
        runs.empty() ? std::vector<std::string>{"all"} : periods_of(runs.front());
    for (const std::string& label : labels) {
        std::vector<std::vector<record::ReplicationRecord>> views;
        for (const auto& run : runs) {
            views.push_back(record::records_of_period(run, label));
        }
        Json entry = Json{{"period", label},
                          {"from", nullptr},
                          {"to", nullptr},
                          {"days", nullptr},
                          {"partial", false}};
        if (!runs.empty() && !runs.front().empty()) {
            for (const record::PeriodRecord& p : runs.front().front().periods) {
                if (p.label == label) {
                    entry["from"] = p.from;
                    entry["to"] = p.to;
                    entry["days"] = p.days;
                    entry["partial"] = p.partial;
                }
            }
        }
        const record::Comparison comparison =
            select_metrics(compare_paired(names, views, info, seed, 0.95), wanted);
        entry["comparison"] = Json::parse(record::comparison_json(comparison));
        periods.push_back(std::move(entry));
    }
    const Json out = Json{{"format", "cssim-comparison-by-year"}, {"periods", std::move(periods)}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void print_run_by_year(const std::vector<record::ReplicationRecord>& records,
                       const std::vector<record::MetricInfo>& info,
                       const std::vector<std::string>& wanted) {
    const std::vector<std::string> periods = periods_of(records);
    std::vector<std::vector<record::PointSummary>> summaries;
    for (const std::string& period : periods) {
        summaries.push_back(record::summarize(record::records_of_period(records, period)));
    }
    bool any_without_interval = false;
    for (const std::string& name : shown_metrics(records, wanted)) {
        std::printf("\n%s\n", heading(name, info).c_str());
        std::printf("  %-18s %14s   %s\n", "period", "mean", "95% CI");
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const record::MetricSummary* m = summary_of(summaries[p], name);
            if (m == nullptr) {
                continue;
            }
            const std::string ci = format_interval(m->ci95_low, m->ci95_high);
            any_without_interval = any_without_interval || ci == "n/a";
            std::printf("  %-18s %14s   %s\n", periods[p].c_str(), format_human(m->mean).c_str(),
                        ci.c_str());
        }
    }
    print_notes(records, any_without_interval);
}

void print_compare_by_year(const std::vector<std::string>& names,
                           const std::vector<std::vector<record::ReplicationRecord>>& runs,
                           const std::vector<record::MetricInfo>& info,
                           const std::vector<std::string>& wanted, std::uint64_t seed) {
    if (runs.empty()) {
        return;
    }
    const std::vector<std::string> periods = periods_of(runs.front());
    // Per period: each scenario's own summaries, and the paired comparisons against the first.
    std::vector<std::vector<std::vector<record::PointSummary>>> own(periods.size());
    std::vector<record::Comparison> paired;
    for (std::size_t p = 0; p < periods.size(); ++p) {
        std::vector<std::vector<record::ReplicationRecord>> views;
        for (const auto& run : runs) {
            views.push_back(record::records_of_period(run, periods[p]));
            own[p].push_back(record::summarize(views.back()));
        }
        paired.push_back(compare_paired(names, views, info, seed, 0.95));
    }
    std::printf(
        "Compared %zu scenarios year by year with common random numbers: %zu paired "
        "replications, master seed %llu.\n",
        runs.size(), runs.front().size(), static_cast<unsigned long long>(seed));
    bool any_without_interval = false;
    for (std::size_t s = 1; s < runs.size(); ++s) {
        std::printf("\nA = %s   B = %s\n", names[0].c_str(), names[s].c_str());
        for (const std::string& name : shown_metrics(runs.front(), wanted)) {
            std::printf("\n%s\n", heading(name, info).c_str());
            std::printf("  %-18s %-28s %-28s %-30s %s\n", "period", "A [95% CI]", "B [95% CI]",
                        "B - A [CI]", "verdict");
            for (std::size_t p = 0; p < periods.size(); ++p) {
                const record::MetricSummary* a = summary_of(own[p][0], name);
                const record::MetricSummary* b = summary_of(own[p][s], name);
                const record::MetricComparison* d = nullptr;
                if (s - 1 < paired[p].pairs.size()) {
                    for (const record::MetricComparison& m : paired[p].pairs[s - 1].metrics) {
                        if (m.name == name) {
                            d = &m;
                        }
                    }
                }
                if (a == nullptr || b == nullptr || d == nullptr) {
                    continue;
                }
                const std::string diff =
                    mean_and_interval(d->difference, d->ci_low, d->ci_high, true);
                any_without_interval = any_without_interval ||
                                       format_interval(d->ci_low, d->ci_high) == "n/a" ||
                                       format_interval(a->ci95_low, a->ci95_high) == "n/a";
                std::printf("  %-18s %-28s %-28s %-30s %s\n", periods[p].c_str(),
                            mean_and_interval(a->mean, a->ci95_low, a->ci95_high).c_str(),
                            mean_and_interval(b->mean, b->ci95_low, b->ci95_high).c_str(),
                            diff.c_str(), d->verdict.c_str());
            }
        }
    }
    if (runs.size() > 2) {
        std::printf(
            "\nB - A intervals are at %.4g%% (Bonferroni-adjusted for %zu comparisons); A and B "
            "at 95%%.\n",
            paired.front().confidence * 100.0, runs.size() - 1);
    }
    print_notes(runs.front(), any_without_interval);
}

}  // namespace cssim::cli
