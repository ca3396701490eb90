// The queue model's reader, the distribution reader, the shipped scenarios and the schema.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cssim/scenario/scenario.hpp"
#include "scenario_test_support.hpp"

namespace cssim::scenario {
namespace {

using nlohmann::json;
using testing::kValidQueue;
using testing::lines;
using Lines = std::vector<std::string>;
using Kind = core::Distribution::Kind;

/** @brief Loads kValidQueue with `service` replaced by `distribution_json`. */
LoadResult with_service(const std::string& distribution_json) {
    return load_scenario_text(kValidQueue, "q.json", {"service=" + distribution_json});
}

TEST(QueueReader, ReportsEveryProblemWithItsPath) {
    const LoadResult result = load_scenario_text(R"({
        "model": "queue",
        "arrival": {"distribution": "exponential", "mean": -1},
        "service": {"distribution": "expo", "mean": 1},
        "servers": 0, "capacity": 2.5, "horizon_days": "long", "warmpu_days": 3, "seed": -4})",
                                                 "bad.json");
    EXPECT_EQ(
        lines(result),
        (Lines{"seed: must be >= 0 (got -4)", "arrival.mean: must be > 0 (got -1)",
               "service.distribution: must be one of 'exponential', 'deterministic', 'uniform', "
               "'lognormal', "
               "'gamma', 'triangular', 'empirical', 'bernoulli' (got \"expo\"); did you mean "
               "'exponential'?",
               "servers: must be in [1, 1000000] (got 0)", "capacity: must be an integer (got 2.5)",
               "horizon_days: must be a number (got \"long\")",
               "warmpu_days: unknown key; did you mean 'warmup_days'?"}));
    EXPECT_FALSE(result.is_missing_input);
}

TEST(QueueReader, ReportsMissingRequiredFields) {
    EXPECT_EQ(lines(load_scenario_text(R"({"model": "queue"})", "m.json")),
              (Lines{"arrival: required field is missing", "service: required field is missing",
                     "servers: required field is missing"}));
    EXPECT_EQ(lines(load_scenario_text(R"({"servers": 1})", "m.json")),
              (Lines{"model: required field is missing"}));
}

TEST(QueueReader, ChecksCrossFieldRules) {
    LoadResult result = load_scenario_text(kValidQueue, "q.json", {"servers=5", "capacity=3"});
    EXPECT_EQ(lines(result),
              Lines{"capacity: must be >= servers (5) (got 3) (from --set capacity=3)"})
        << "a key the file did not have says which --set brought it";
    result = load_scenario_text(kValidQueue, "q.json", {"warmup_days=2000"});
    EXPECT_EQ(lines(result), Lines{"warmup_days: must be < horizon_days (1000)"});
    result = load_scenario_text(kValidQueue, "q.json", {"arrival.mean=0.001"});
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].path, "arrival");
    result =
        load_scenario_text(kValidQueue, "q.json", {"horizon_days=9000000", "arrival.mean=0.007"});
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].path, "horizon_days");
}

TEST(DistributionReader, AcceptsMeanOrNaturalParameters) {
    struct Case {
        const char* json;
        Kind kind;
        double mean;
        double sd;
    };
    const Case cases[] = {
        {R"({"distribution": "exponential", "mean": 2})", Kind::Exponential, 2, 2},
        {R"({"distribution": "exponential", "rate": 4})", Kind::Exponential, 0.25, 0.25},
        {R"({"distribution": "deterministic", "value": 3})", Kind::Deterministic, 3, 0},
        {R"({"distribution": "deterministic", "mean": 3})", Kind::Deterministic, 3, 0},
        {R"({"distribution": "uniform", "min": 1, "max": 3})", Kind::Uniform, 2,
         2 / std::sqrt(12.0)},
        {R"({"distribution": "uniform", "mean": 2, "sd": 0.5})", Kind::Uniform, 2, 0.5},
        {R"({"distribution": "lognormal", "mean": 1, "sd": 1.5})", Kind::Lognormal, 1, 1.5},
        {R"({"distribution": "lognormal", "mu": 0, "sigma": 1})", Kind::Lognormal, std::exp(0.5),
         std::exp(0.5) * std::sqrt(std::expm1(1.0))},
        {R"({"distribution": "gamma", "mean": 2, "sd": 1})", Kind::Gamma, 2, 1},
        {R"({"distribution": "gamma", "shape": 4, "scale": 0.5})", Kind::Gamma, 2, 1},
        {R"({"distribution": "triangular", "min": 0, "mode": 1, "max": 2})", Kind::Triangular, 1,
         std::sqrt(1.0 / 6.0)},
        {R"({"distribution": "triangular", "mean": 3, "sd": 0.5})", Kind::Triangular, 3, 0.5},
        {R"({"distribution": "empirical", "values": [1, 3], "weights": [3, 1]})", Kind::Empirical,
         1.5, std::sqrt(0.75)},
    };
    for (const Case& c : cases) {
        const LoadResult result = with_service(c.json);
        ASSERT_TRUE(result.scenario) << c.json << ::testing::PrintToString(lines(result));
        const core::Distribution& d = result.scenario->queue->service;
        EXPECT_EQ(d.kind(), c.kind) << c.json;
        EXPECT_NEAR(d.mean(), c.mean, 1e-9) << c.json;
        EXPECT_NEAR(std::sqrt(d.variance()), c.sd, 1e-9) << c.json;
    }
}

TEST(DistributionReader, ExplainsMixedIncompleteAndInvalidParameters) {
    EXPECT_EQ(lines(with_service(R"({"distribution": "triangular", "min": 1, "mean": 2})")),
              Lines{"service: give either min, mode and max, or mean and sd, not both"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "triangular", "min": 1, "max": 2})")),
              Lines{"service: give either min, mode and max, or mean and sd (missing: mode)"});
    EXPECT_EQ(
        lines(with_service(R"({"distribution": "triangular", "min": 3, "mode": 1, "max": 2})")),
        Lines{"service: needs min <= mode <= max with min < max (got 3, 1, 2)"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "uniform", "min": 3, "max": 2})")),
              Lines{"service.max: must be > min (3) (got 2)"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "uniform", "mean": 1, "sd": 1})")),
              Lines{"service: a duration cannot be negative: mean - sqrt(3) sd gives a minimum of "
                    "-0.7320508075688772"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "lognormal", "mean": 1})")),
              Lines{"service: give either mean and sd, or mu and sigma (missing: sd)"});
    EXPECT_EQ(
        lines(with_service(R"({"distribution": "empirical", "values": [1, 2], "weights": [1]})")),
        Lines{"service.weights: must have as many items as values (2) (got 1)"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "normal", "mean": 1, "sd": 1})")).size(), 1u)
        << "normal can go negative: not a duration";
    EXPECT_EQ(lines(with_service(R"({"mean": 1})")),
              Lines{"service.distribution: required field is missing"});
    EXPECT_EQ(lines(with_service(R"({"distribution": "gamma", "mean": 1, "sd": 0.5, "shape": 2})")),
              Lines{"service: give either mean and sd, or shape and scale, not both"});
}

TEST(ShippedScenarios, EveryQueueScenarioLoads) {
    const std::filesystem::path dir =
        std::filesystem::path(CSSIM_SOURCE_DIR) / "scenarios" / "queue";
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json")
            continue;
        const LoadResult result = load_scenario(entry.path().string());
        EXPECT_TRUE(result.scenario) << entry.path() << ::testing::PrintToString(lines(result));
        if (result.scenario)
            names.insert(result.scenario->name);
    }
    EXPECT_EQ(names, (std::set<std::string>{"md1", "mg1_lognormal", "mm1", "mm5", "mmck"}));
}

/** @brief Every property name anywhere in a schema. */
void collect_properties(const json& schema, std::set<std::string>& out) {
    if (schema.is_object()) {
        if (schema.contains("properties")) {
            for (const auto& [key, value] : schema["properties"].items())
                out.insert(key);
        }
        for (const auto& [key, value] : schema.items())
            collect_properties(value, out);
    } else if (schema.is_array()) {
        for (const json& item : schema)
            collect_properties(item, out);
    }
}

/** @brief Every key anywhere in a document. */
void collect_keys(const json& document, std::set<std::string>& out) {
    if (document.is_object()) {
        for (const auto& [key, value] : document.items()) {
            out.insert(key);
            collect_keys(value, out);
        }
    } else if (document.is_array()) {
        for (const json& item : document)
            collect_keys(item, out);
    }
}

TEST(Schema, IsValidJsonAndMentionsEveryField) {
    const json schema = json::parse(json_schema());
    EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    std::set<std::string> properties;
    collect_properties(schema, properties);
    for (const char* field : {"model",        "name",         "description",
                              "seed",         "replications", "extends",
                              "arrival",      "service",      "servers",
                              "capacity",     "horizon_days", "warmup_days",
                              "distribution", "mean",         "sd",
                              "rate",         "value",        "min",
                              "mode",         "max",          "mu",
                              "sigma",        "shape",        "scale",
                              "values",       "weights",      "p"}) {
        EXPECT_TRUE(properties.count(field)) << field;
    }
    // Every key used by a shipped queue scenario is described by the schema.
    const std::filesystem::path dir =
        std::filesystem::path(CSSIM_SOURCE_DIR) / "scenarios" / "queue";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path());
        std::set<std::string> keys;
        collect_keys(json::parse(in), keys);
        for (const std::string& key : keys)
            EXPECT_TRUE(properties.count(key)) << key;
    }
    // The models are a tagged union on "model".
    const json& model = schema["properties"]["model"];
    EXPECT_NE(std::find(model["enum"].begin(), model["enum"].end(), "queue"), model["enum"].end());
    ASSERT_TRUE(schema.contains("anyOf"));
    EXPECT_EQ(schema["anyOf"][0]["properties"]["model"]["const"], "queue");
    EXPECT_EQ(schema["anyOf"][0]["required"], json::array({"arrival", "service", "servers"}));
}

TEST(Schema, IsDeterministic) {
    EXPECT_EQ(json_schema(), json_schema());
}

}  // namespace
}  // namespace cssim::scenario
