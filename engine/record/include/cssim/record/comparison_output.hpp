#pragma once
/**
 * @file comparison_output.hpp
 * @brief The result of `cssim compare` as plain data, and its JSON form (comparison.json and
 * `cssim compare --json`).
 */
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cssim::record {

/**
 * @brief One metric of scenario B against baseline A over paired replications.
 * `difference` is mean(B - A); [ci_low, ci_high] its paired Student-t interval at the
 * comparison's confidence; [unpaired_low, unpaired_high] the Welch interval of the same
 * difference had the runs been independent (to show what common random numbers buy).
 * `verdict`: "better" / "worse" when the interval excludes 0 and the metric has a direction,
 * "higher" / "lower" when it excludes 0 and has none, else "no clear difference".
 */
struct MetricComparison {
    std::string name;
    std::string unit;
    int direction = 0;
    double baseline_mean = 0.0;
    double scenario_mean = 0.0;
    double difference = 0.0;
    double ci_low = 0.0;
    double ci_high = 0.0;
    double unpaired_low = 0.0;
    double unpaired_high = 0.0;
    std::size_t n = 0;
    std::string verdict;
};

/** @brief Scenario against the baseline (the first scenario named). */
struct PairComparison {
    std::string baseline;
    std::string scenario;
    std::vector<MetricComparison> metrics;
};

/** @brief A whole comparison: k scenarios give k - 1 pairs against the first. */
struct Comparison {
    std::vector<std::string> scenarios;
    std::size_t replications = 0;
    std::uint64_t seed = 0;
    double confidence = 0.95;  ///< per interval, after any Bonferroni adjustment
    std::vector<PairComparison> pairs;
};

/** @brief Indented JSON ending in a newline; non-finite numbers as null. Deterministic. */
std::string comparison_json(const Comparison& comparison);

}  // namespace cssim::record
