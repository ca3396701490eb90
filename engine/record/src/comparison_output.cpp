#include "cssim/record/comparison_output.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace cssim::record {
namespace {

nlohmann::ordered_json number(double value) {
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string comparison_json(const Comparison& comparison) {
    nlohmann::ordered_json root;
    root["scenarios"] = comparison.scenarios;
    root["replications"] = comparison.replications;
    root["seed"] = comparison.seed;
    root["confidence"] = comparison.confidence;
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
    for (const PairComparison& pair : comparison.pairs) {
        nlohmann::ordered_json p;
        p["baseline"] = pair.baseline;
        p["scenario"] = pair.scenario;
        nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
        for (const MetricComparison& m : pair.metrics) {
            nlohmann::ordered_json j;
            j["unit"] = m.unit;
            j["direction"] = m.direction;
            j["baseline_mean"] = number(m.baseline_mean);
            j["scenario_mean"] = number(m.scenario_mean);
            j["difference"] = number(m.difference);
            j["ci_low"] = number(m.ci_low);
            j["ci_high"] = number(m.ci_high);
            j["unpaired_ci_low"] = number(m.unpaired_low);
            j["unpaired_ci_high"] = number(m.unpaired_high);
            j["n"] = m.n;
            j["verdict"] = m.verdict;
            metrics[m.name] = std::move(j);
        }
        p["metrics"] = std::move(metrics);
        pairs.push_back(std::move(p));
    }
    root["comparisons"] = std::move(pairs);
    // Scenario names are user text: replace invalid UTF-8 rather than throw.
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace cssim::record
