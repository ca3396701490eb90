#pragma once
// Helpers for the department model's tests: run replications and collect metrics by name.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cssim/core/statistics.hpp"
#include "cssim/department/department.hpp"

namespace cssim::department::testing {

/** @brief metric name -> one value per replication (replications 0..n-1). */
using MetricSamples = std::map<std::string, std::vector<double>>;

inline MetricSamples run_many(const DepartmentConfig& config, int replications,
                              std::uint64_t seed = 20230401) {
    MetricSamples out;
    for (int r = 0; r < replications; ++r) {
        const record::ReplicationRecord rec =
            run_replication(config, seed, static_cast<std::uint64_t>(r), false);
        for (const record::MetricValue& m : rec.metrics) {
            out[m.name].push_back(m.value);
        }
    }
    return out;
}

inline const std::vector<double>& samples(const MetricSamples& s, const std::string& name) {
    const auto it = s.find(name);
    if (it == s.end()) {
        throw std::out_of_range("no metric " + name);
    }
    return it->second;
}

inline core::ConfidenceInterval ci(const MetricSamples& s, const std::string& name,
                                   double level = 0.95) {
    return core::mean_ci(samples(s, name), level);
}

/** @brief Paired interval for mean(b - a) with common random numbers (same seed, same reps). */
inline core::ConfidenceInterval paired(const MetricSamples& a, const MetricSamples& b,
                                       const std::string& name, double level) {
    return core::paired_difference_ci(samples(a, name), samples(b, name), level);
}

/** @brief Level used for sign tests: a correct model fails them less than once in 10,000 seeds
 * (two-sided 99.99% interval excluding zero). */
inline constexpr double kSignLevel = 0.9999;

/** @brief "mean [low, high]" of an interval, for failure messages. */
inline std::string show(const core::ConfidenceInterval& d) {
    return std::to_string(d.mean) + " [" + std::to_string(d.low) + ", " + std::to_string(d.high) +
           "]";
}

/** @brief Expects metric `name` to rise from a to b: the paired interval at kSignLevel lies
 * above zero. */
inline void expect_rises(const MetricSamples& a, const MetricSamples& b, const std::string& name) {
    const core::ConfidenceInterval d = paired(a, b, name, kSignLevel);
    EXPECT_GT(d.low, 0.0) << name << ": b - a = " << show(d);
}

/** @brief Expects metric `name` to fall from a to b (paired interval below zero). */
inline void expect_falls(const MetricSamples& a, const MetricSamples& b, const std::string& name) {
    const core::ConfidenceInterval d = paired(a, b, name, kSignLevel);
    EXPECT_LT(d.high, 0.0) << name << ": b - a = " << show(d);
}

/** @brief The value of a series on day `day` of a record (throws if absent). */
inline double series_mean(const record::ReplicationRecord& rec, const std::string& name,
                          std::int64_t from_day, std::int64_t to_day) {
    for (const record::Series& s : rec.series) {
        if (s.name == name) {
            double sum = 0.0;
            std::int64_t n = 0;
            for (std::int64_t d = from_day;
                 d < to_day && d < static_cast<std::int64_t>(s.values.size()); ++d) {
                sum += s.values[static_cast<std::size_t>(d)];
                ++n;
            }
            return n > 0 ? sum / static_cast<double>(n) : 0.0;
        }
    }
    throw std::out_of_range("no series " + name);
}

}  // namespace cssim::department::testing
