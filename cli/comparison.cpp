#include "comparison.hpp"

#include <cmath>
#include <map>

#include "cssim/core/statistics.hpp"

namespace cssim::cli {
namespace {

// replication index -> metric value, for one run and one metric.
std::map<std::uint64_t, double> values_of(const std::vector<record::ReplicationRecord>& run,
                                          const std::string& metric) {
    std::map<std::uint64_t, double> out;
    for (const record::ReplicationRecord& rec : run) {
        for (const record::MetricValue& m : rec.metrics) {
            if (m.name == metric) {
                out[rec.replication] = m.value;
            }
        }
    }
    return out;
}

// The finite values of one side, for a metric the other side never defines.
std::vector<double> defined_values(const std::map<std::uint64_t, double>& values) {
    std::vector<double> out;
    for (const auto& [rep, value] : values) {
        if (std::isfinite(value)) {
            out.push_back(value);
        }
    }
    return out;
}

std::string verdict_of(const core::ConfidenceInterval& ci, int direction) {
    const bool higher = ci.low > 0.0;
    const bool lower = ci.high < 0.0;
    if (!higher && !lower) {
        return "no clear difference";
    }
    if (direction == 0) {
        return higher ? "higher" : "lower";
    }
    return (higher == (direction > 0)) ? "better" : "worse";
}

}  // namespace

record::Comparison compare_paired(const std::vector<std::string>& names,
                                  const std::vector<std::vector<record::ReplicationRecord>>& runs,
                                  const std::vector<record::MetricInfo>& metric_info,
                                  std::uint64_t seed, double confidence) {
    record::Comparison comparison;
    comparison.scenarios = names;
    comparison.seed = seed;
    const std::size_t k = runs.size();
    comparison.confidence =
        k > 2 ? 1.0 - (1.0 - confidence) / static_cast<double>(k - 1) : confidence;
    comparison.replications = runs.empty() ? 0 : runs.front().size();
    if (runs.empty() || runs.front().empty()) {
        return comparison;
    }
    std::vector<std::string> metrics;
    for (const record::MetricValue& m : runs.front().front().metrics) {
        metrics.push_back(m.name);
    }
    for (std::size_t s = 1; s < k; ++s) {
        record::PairComparison pair;
        pair.baseline = names[0];
        pair.scenario = names[s];
        for (const std::string& metric : metrics) {
            const auto a_values = values_of(runs[0], metric);
            const auto b_values = values_of(runs[s], metric);
            std::vector<double> a, b;
            for (const auto& [rep, value] : a_values) {
                const auto it = b_values.find(rep);
                // A pair counts only when both sides are defined (NaN = undefined in that run).
                if (it != b_values.end() && std::isfinite(value) && std::isfinite(it->second)) {
                    a.push_back(value);
                    b.push_back(it->second);
                }
            }
            record::MetricComparison m;
            m.name = metric;
            for (const record::MetricInfo& info : metric_info) {
                if (info.name == metric) {
                    m.unit = info.unit;
                    m.direction = info.direction;
                }
            }
            const core::ConfidenceInterval ca = core::mean_ci(a, comparison.confidence);
            const core::ConfidenceInterval cb = core::mean_ci(b, comparison.confidence);
            const core::ConfidenceInterval paired =
                core::paired_difference_ci(a, b, comparison.confidence);
            const core::ConfidenceInterval unpaired =
                core::welch_difference_ci(a, b, comparison.confidence);
            m.baseline_mean = ca.mean;
            m.scenario_mean = cb.mean;
            m.difference = paired.mean;
            m.ci_low = paired.low;
            m.ci_high = paired.high;
            m.unpaired_low = unpaired.low;
            m.unpaired_high = unpaired.high;
            m.n = a.size();
            m.verdict = a.size() >= 2 ? verdict_of(paired, m.direction) : "too few replications";
            if (a.empty()) {
                // No replication defines the metric on both sides (e.g. a teams-only metric against
                // a one-pool department): report each side's own mean, not "undefined" for both.
                const std::vector<double> own_a = defined_values(a_values);
                const std::vector<double> own_b = defined_values(b_values);
                m.baseline_mean = core::mean_ci(own_a, comparison.confidence).mean;
                m.scenario_mean = core::mean_ci(own_b, comparison.confidence).mean;
                if (own_a.empty() != own_b.empty()) {
                    m.verdict = "defined in " + (own_a.empty() ? names[s] : names[0]) + " only";
                }
            }
            pair.metrics.push_back(std::move(m));
        }
        comparison.pairs.push_back(std::move(pair));
    }
    return comparison;
}

}  // namespace cssim::cli
