// --set path=value overrides: nested paths, arrays, JSON or string values, bad paths.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cssim/scenario/scenario.hpp"
#include "document_loader.hpp"
#include "scenario_test_support.hpp"

namespace cssim::scenario {
namespace {

using nlohmann::json;
using testing::kValidQueue;
using testing::lines;
using Lines = std::vector<std::string>;

TEST(SetOverride, ChangesNestedValuesAfterExtends) {
    const LoadResult result = load_scenario_text(
        kValidQueue, "q.json", {"arrival.mean=0.5", "servers=3", "capacity=7", "name=renamed"});
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    EXPECT_DOUBLE_EQ(result.scenario->queue->arrival.mean(), 0.5);
    EXPECT_EQ(result.scenario->queue->servers, 3);
    EXPECT_EQ(result.scenario->queue->capacity, 7)
        << "an optional key absent from the file can be set";
    EXPECT_EQ(result.scenario->name, "renamed") << "a value that is not JSON is taken as a string";
}

TEST(SetOverride, RemovesAKeyWithNull) {
    const LoadResult result =
        load_scenario_text(kValidQueue, "q.json", {"capacity=5", "capacity=null", "missing=null"});
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    EXPECT_FALSE(result.scenario->queue->capacity);
    EXPECT_EQ(result.scenario->canonical_json.find("capacity"), std::string::npos);
}

TEST(SetOverride, ReplacesWholeObjectsWithJsonValues) {
    const LoadResult result = load_scenario_text(
        kValidQueue, "q.json", {R"(service={"distribution": "deterministic", "value": 0.5})"});
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    EXPECT_EQ(result.scenario->queue->service.kind(), core::Distribution::Kind::Deterministic);
}

TEST(SetOverride, AddressesArrayItemsByIndex) {
    json document = json::parse(R"({"stages": [{"name": "a"}, {"name": "b", "days": [1, 2]}]})");
    std::vector<Diagnostic> diagnostics;
    bool bad = false;
    std::string created;
    EXPECT_TRUE(apply_override(document, "stages[1].name=c", diagnostics, bad, created));
    EXPECT_TRUE(apply_override(document, "stages[1].days[0]=5", diagnostics, bad, created));
    EXPECT_EQ(document["stages"][1]["name"], "c");
    EXPECT_EQ(document["stages"][1]["days"][0], 5);
    EXPECT_FALSE(apply_override(document, "stages[2].name=x", diagnostics, bad, created));
    EXPECT_FALSE(apply_override(document, "stages[0].name.first=x", diagnostics, bad, created));
    EXPECT_FALSE(apply_override(document, "stages.name=x", diagnostics, bad, created));
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(format_diagnostic(diagnostics[0]),
              "stages[2].name: --set: index 2 is out of range ('stages' has 2 items)");
    EXPECT_EQ(
        format_diagnostic(diagnostics[1]),
        "stages[0].name.first: --set: 'stages[0].name' is a string, so it has no field 'first'");
    EXPECT_EQ(format_diagnostic(diagnostics[2]),
              "stages.name: --set: 'stages' is an array, so it has no field 'name'");
    EXPECT_FALSE(bad)
        << "a well-formed path that does not fit the document is not a command-line error";
}

TEST(SetOverride, SuggestsTheIntendedKeyForAnUnknownPath) {
    LoadResult result = load_scenario_text(kValidQueue, "q.json", {"arival.mean=3"});
    EXPECT_EQ(lines(result),
              Lines{"arival: unknown key; did you mean 'arrival'? (from --set arival.mean=3)"});
    result = load_scenario_text(kValidQueue, "q.json", {"arrival.maen=3"});
    EXPECT_EQ(lines(result),
              Lines{"arrival.maen: unknown key; did you mean 'mean'? (from --set arrival.maen=3)"});
    EXPECT_FALSE(result.is_bad_command_line);
}

TEST(SetOverride, ReportsAMisfitOverrideWithTheFilesOtherProblems) {
    const LoadResult result =
        load_scenario_text(kValidQueue, "q.json", {"servers[0]=1", "seed=-1"});
    EXPECT_EQ(lines(result), (Lines{"servers[0]: --set: 'servers' is a number, not an array",
                                    "seed: must be >= 0 (got -1) (from --set seed=-1)"}));
    EXPECT_FALSE(result.is_bad_command_line);
}

TEST(SetOverride, ValidatesTheOverriddenValue) {
    const LoadResult result = load_scenario_text(kValidQueue, "q.json", {"arrival.mean=-1"});
    EXPECT_EQ(lines(result), Lines{"arrival.mean: must be > 0 (got -1)"});
}

TEST(SetOverride, FlagsMalformedArgumentsAsCommandLineErrors) {
    for (const char* bad : {"servers", "=3", "a..b=1", "a[x]=1", "a[]=1", "a.=1"}) {
        const LoadResult result = load_scenario_text(kValidQueue, "q.json", {bad});
        EXPECT_TRUE(result.is_bad_command_line) << bad;
        EXPECT_FALSE(result.scenario) << bad;
        ASSERT_EQ(result.diagnostics.size(), 1u) << bad;
        EXPECT_NE(result.diagnostics[0].message.find("expected path=value"), std::string::npos);
    }
}

TEST(SetOverride, TakesEmptyAndQuotedValuesLiterally) {
    json document = json::parse(R"({"name": "x"})");
    std::vector<Diagnostic> diagnostics;
    bool bad = false;
    std::string created;
    ASSERT_TRUE(apply_override(document, "name=", diagnostics, bad, created));
    EXPECT_EQ(document["name"], "");
    ASSERT_TRUE(apply_override(document, "name=\"5\"", diagnostics, bad, created));
    EXPECT_EQ(document["name"], "5");
    ASSERT_TRUE(apply_override(document, "name=a=b", diagnostics, bad, created));
    EXPECT_EQ(document["name"], "a=b") << "only the first '=' separates path and value";
}

}  // namespace
}  // namespace cssim::scenario
