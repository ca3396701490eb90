// Loading files: syntax errors with line and column, extends chains, canonical JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cssim/scenario/scenario.hpp"
#include "cssim/scenario/sha256.hpp"
#include "document_loader.hpp"
#include "scenario_test_support.hpp"

namespace cssim::scenario {
namespace {

using testing::kValidQueue;
using testing::lines;
using testing::scratch_dir;
using testing::write_file;
using Lines = std::vector<std::string>;

TEST(LoadScenario, ReadsAValidQueueScenario) {
    const LoadResult result = load_scenario_text(kValidQueue, "q.json");
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    const Scenario& s = *result.scenario;
    EXPECT_EQ(s.model, "queue");
    EXPECT_EQ(s.name, "q");
    EXPECT_EQ(s.seed, 1u);
    EXPECT_EQ(s.replications, 10u);
    ASSERT_TRUE(s.queue);
    EXPECT_EQ(s.queue->servers, 1);
    EXPECT_FALSE(s.queue->capacity);
    EXPECT_DOUBLE_EQ(s.queue->arrival.mean(), 2.0);
    EXPECT_EQ(s.sha256, sha256_hex(s.canonical_json));
}

TEST(LoadScenario, ReportsAMissingFileAsMissingInput) {
    const LoadResult result = load_scenario(scratch_dir() / "nope.json");
    EXPECT_TRUE(result.is_missing_input);
    EXPECT_FALSE(result.scenario);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("cannot open scenario"), std::string::npos);
}

TEST(LoadScenario, GivesLineAndColumnOfSyntaxErrors) {
    const std::string text = "{\n  \"model\": \"queue\",\n  \"servers\": 5,,\n}\n";
    const LoadResult result = load_scenario_text(text, "bad.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& d = result.diagnostics[0];
    EXPECT_FALSE(result.is_missing_input);
    EXPECT_EQ(d.file, "bad.json");
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 16);  // the second comma
    EXPECT_EQ(format_diagnostic(d).rfind("bad.json:3:16: syntax error: ", 0), 0u)
        << format_diagnostic(d);
}

TEST(LoadScenario, ColumnsCountCharactersNotBytes) {
    int line = 0, column = 0;
    line_and_column("{\"n\": \"\xC3\xA9\xC3\xA9\" x", 11, line, column);  // two 2-byte characters
    EXPECT_EQ(line, 1);
    EXPECT_EQ(column, 10);
}

TEST(LoadScenario, AgreesWithNlohmannOnLineAndColumn) {
    // nlohmann's own message carries "line L, column C" (columns in bytes): on ASCII they agree.
    const std::string text = "{\"a\": 1,\n \"b\": [1, 2\n, 3}\n";
    try {
        const auto parsed = nlohmann::json::parse(text);
        (void)parsed;
        FAIL() << "expected a parse error";
    } catch (const nlohmann::json::parse_error& e) {
        int line = 0, column = 0;
        line_and_column(text, e.byte - 1, line, column);
        const std::string expected =
            "line " + std::to_string(line) + ", column " + std::to_string(column);
        EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
}

TEST(LoadScenario, ReportsEndOfInputAndDuplicateKeys) {
    LoadResult result = load_scenario_text("{\"model\": \"queue\"", "cut.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 1);
    result =
        load_scenario_text(R"({"model": "queue", "arrival": {"mean": 1, "mean": 2}})", "dup.json");
    EXPECT_EQ(lines(result),
              Lines{"arrival.mean: duplicate key (only one value per key is allowed)"});
}

TEST(LoadScenario, RejectsDocumentsThatAreNotObjectsAndAbsurdNesting) {
    EXPECT_EQ(lines(load_scenario_text("[1, 2]", "a.json")),
              Lines{"the scenario must be a JSON object (got an array)"});
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    const LoadResult result = load_scenario_text("{\"x\": " + deep + "}", "deep.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("nested deeper than the limit of 64"),
              std::string::npos);
}

TEST(Extends, MergesAChainSoEachPresetOverridesOnlyWhatDiffers) {
    const auto dir = scratch_dir();
    write_file(dir / "base" / "base.json", kValidQueue);
    write_file(dir / "base" / "five.json",
               R"({"extends": "base.json", "servers": 5, "arrival": {"mean": 0.5}, "seed": 9})");
    const std::string top =
        write_file(dir / "top.json", R"({"extends": "base/five.json", "name": "top",
        "capacity": 12, "seed": null})");
    const LoadResult result = load_scenario(top);
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    const Scenario& s = *result.scenario;
    EXPECT_EQ(s.name, "top");
    EXPECT_EQ(s.queue->servers, 5);
    EXPECT_EQ(s.queue->capacity, 12);
    EXPECT_DOUBLE_EQ(s.queue->arrival.mean(), 0.5)
        << "merge patch keeps the parent's distribution kind";
    EXPECT_EQ(s.seed, 1u) << "null removes a key (RFC 7396), so the default applies";
    EXPECT_EQ(s.canonical_json.find("extends"), std::string::npos);
}

TEST(Extends, ReportsACycleWithTheChain) {
    const auto dir = scratch_dir();
    write_file(dir / "a.json", R"({"extends": "b.json", "model": "queue"})");
    write_file(dir / "b.json", R"({"extends": "a.json"})");
    const LoadResult result = load_scenario((dir / "a.json").string());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_FALSE(result.is_missing_input);
    EXPECT_EQ(result.diagnostics[0].path, "extends");
    const std::string& message = result.diagnostics[0].message;
    EXPECT_EQ(message.rfind("cycle in extends: ", 0), 0u) << message;
    EXPECT_NE(message.find("a.json -> "), std::string::npos) << message;
    EXPECT_NE(message.find("b.json -> "), std::string::npos) << message;
}

TEST(Extends, ReportsAMissingParentAsMissingInputWithTheChain) {
    const auto dir = scratch_dir();
    write_file(dir / "a.json", R"({"extends": "b.json"})");
    write_file(dir / "b.json", R"({"extends": "gone.json"})");
    const LoadResult result = load_scenario((dir / "a.json").string());
    EXPECT_TRUE(result.is_missing_input);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].path, "extends");
    EXPECT_NE(result.diagnostics[0].message.find("gone.json"), std::string::npos);
    EXPECT_NE(result.diagnostics[0].message.find("extends chain: "), std::string::npos);
}

TEST(Extends, ReportsSyntaxErrorsInTheParentWithItsFileAndLine) {
    const auto dir = scratch_dir();
    write_file(dir / "parent.json", "{\n\"servers\": 1\n\"x\": 2}");
    const std::string child = write_file(dir / "child.json", R"({"extends": "parent.json"})");
    const LoadResult result = load_scenario(child);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].file.find("parent.json"), std::string::npos);
    EXPECT_EQ(result.diagnostics[0].line, 3);
    EXPECT_EQ(
        lines(load_scenario_text(R"({"extends": 3})", "x.json")),
        Lines{
            "extends: must be a non-empty string: the path of a scenario, relative to this file"});
}

TEST(CanonicalJson, IsSortedCompactAndStableAcrossFormatting) {
    const LoadResult a = load_scenario_text(kValidQueue, "a.json");
    const LoadResult b = load_scenario_text(
        R"({"warmup_days":100,"servers":1,"horizon_days":1000,"service":{"mean":1.0,
           "distribution":"exponential"},"arrival":{"mean":2.0,"distribution":"exponential"},
           "name":"q","model":"queue"})",
        "b.json");
    ASSERT_TRUE(a.scenario && b.scenario);
    EXPECT_EQ(a.scenario->canonical_json, b.scenario->canonical_json);
    EXPECT_EQ(a.scenario->sha256, b.scenario->sha256);
    EXPECT_EQ(
        a.scenario->canonical_json,
        R"({"arrival":{"distribution":"exponential","mean":2.0},"horizon_days":1000,"model":"queue",)"
        R"("name":"q","servers":1,"service":{"distribution":"exponential","mean":1.0},"warmup_days":100})");
    EXPECT_EQ(a.scenario->sha256, sha256_hex(a.scenario->canonical_json));
    const LoadResult c = load_scenario_text(kValidQueue, "a.json", {"servers=2"});
    ASSERT_TRUE(c.scenario);
    EXPECT_NE(c.scenario->sha256, a.scenario->sha256);
}

TEST(CanonicalJson, DefaultsTheNameToTheFileStem) {
    const LoadResult result = load_scenario_text(
        R"({"model": "queue", "arrival": {"distribution": "exponential", "mean": 2},
            "service": {"distribution": "exponential", "mean": 1}, "servers": 1})",
        "dir/my scenario.json");
    ASSERT_TRUE(result.scenario) << ::testing::PrintToString(lines(result));
    EXPECT_EQ(result.scenario->name, "my_scenario");
}

}  // namespace
}  // namespace cssim::scenario
