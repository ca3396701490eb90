// The declarative reader on small documents: every error kind with its path and message.
#include "json_reader.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cssim::scenario {
namespace {

using nlohmann::json;

/** @brief Runs `read` on `text` and returns "path: message" lines. */
template <class Read>
std::vector<std::string> problems(const std::string& text, Read read) {
    const json document = json::parse(text);
    std::vector<Diagnostic> diagnostics;
    ObjectReader root = ObjectReader::for_document(document, diagnostics);
    read(root);
    root.finish();
    std::vector<std::string> lines;
    for (const Diagnostic& d : diagnostics)
        lines.push_back(format_diagnostic(d));
    return lines;
}

using Lines = std::vector<std::string>;

TEST(ObjectReader, ReadsValuesAndKeepsDefaultsForAbsentOptionalFields) {
    double mean = 0.0, sd = 7.0;
    int servers = 1;
    std::string name = "default";
    bool flag = false;
    const Lines lines =
        problems(R"({"mean": 2.5, "servers": 3, "flag": true})", [&](ObjectReader& r) {
            r.number("mean", mean, {.required = true});
            r.number("sd", sd);
            r.integer("servers", servers);
            r.string("name", name);
            r.boolean("flag", flag);
        });
    EXPECT_TRUE(lines.empty());
    EXPECT_EQ(mean, 2.5);
    EXPECT_EQ(sd, 7.0);
    EXPECT_EQ(servers, 3);
    EXPECT_EQ(name, "default");
    EXPECT_TRUE(flag);
}

TEST(ObjectReader, ReportsMissingRequiredField) {
    double mean = 0.0;
    EXPECT_EQ(problems("{}", [&](ObjectReader& r) { r.number("mean", mean, {.required = true}); }),
              Lines{"mean: required field is missing"});
}

TEST(ObjectReader, ReportsWrongTypesWithTheValueFound) {
    double mean = 0.0;
    int n = 0;
    bool b = false;
    std::string s;
    const Lines lines =
        problems(R"({"mean": "abc", "n": 2.5, "b": 1, "s": [1]})", [&](ObjectReader& r) {
            r.number("mean", mean);
            r.integer("n", n);
            r.boolean("b", b);
            r.string("s", s);
        });
    EXPECT_EQ(lines,
              (Lines{"mean: must be a number (got \"abc\")", "n: must be an integer (got 2.5)",
                     "b: must be true or false (got 1)", "s: must be a string (got an array)"}));
}

TEST(ObjectReader, ReportsRangeViolationsInWords) {
    double mean = 1.0, share = 0.5, low = 1.0;
    int servers = 1;
    const Lines lines =
        problems(R"({"mean": -1, "share": 1.5, "servers": 0, "low": 2})", [&](ObjectReader& r) {
            r.number("mean", mean, {.range = Range::positive()});
            r.number("share", share, {.range = Range::unit()});
            r.integer("servers", servers, {.range = Range::at_least(1)});
            r.number("low", low, {.range = {0.0, 2.0, false, true}});
        });
    EXPECT_EQ(lines, (Lines{"mean: must be > 0 (got -1)", "share: must be in [0, 1] (got 1.5)",
                            "servers: must be >= 1 (got 0)", "low: must be in [0, 2) (got 2)"}));
    EXPECT_EQ(mean, 1.0) << "an invalid value must not overwrite the default";
}

TEST(ObjectReader, ChecksIntegersAgainstTheirType) {
    std::uint8_t small = 0;
    std::uint64_t seed = 0;
    std::int64_t big = 0;
    const Lines lines = problems(R"({"small": 300, "seed": 18446744073709551615, "big": 1e6})",
                                 [&](ObjectReader& r) {
                                     r.integer("small", small);
                                     r.integer("seed", seed);
                                     r.integer("big", big);
                                 });
    EXPECT_EQ(lines, Lines{"small: must be <= 255 (got 300)"});
    EXPECT_EQ(seed, 18446744073709551615ull);
    EXPECT_EQ(big, 1000000) << "an integral float such as 1e6 is an integer";
    EXPECT_EQ(problems(R"({"seed": -1})", [&](ObjectReader& r) { r.integer("seed", seed); }),
              Lines{"seed: must be >= 0 (got -1)"});
}

TEST(ObjectReader, SuggestsTheClosestKnownKeyForAnUnknownKey) {
    double mean = 0.0, sd = 0.0;
    const Lines lines = problems(R"({"maen": 1, "sd": 2, "colour": 3})", [&](ObjectReader& r) {
        r.number("mean", mean);
        r.number("sd", sd);
    });
    EXPECT_EQ(lines, (Lines{"colour: unknown key (expected one of: mean, sd)",
                            "maen: unknown key; did you mean 'mean'?"}));
}

TEST(ObjectReader, ReportsEnumerationsWithSuggestion) {
    std::string kind = "fifo";
    const std::vector<std::string_view> options{"fifo", "lifo", "priority"};
    EXPECT_EQ(problems(R"({"discipline": "priorty"})",
                       [&](ObjectReader& r) { r.choice("discipline", kind, options); }),
              Lines{"discipline: must be one of 'fifo', 'lifo', 'priority' (got \"priorty\"); "
                    "did you mean 'priority'?"});
    enum class Colour { Red, Green };
    Colour colour = Colour::Red;
    EXPECT_TRUE(problems(R"({"colour": "green"})", [&](ObjectReader& r) {
                    r.choice("colour", colour, {{"red", Colour::Red}, {"green", Colour::Green}});
                }).empty());
    EXPECT_EQ(colour, Colour::Green);
}

TEST(ObjectReader, GivesNestedAndArrayPaths) {
    struct Stage {
        std::string name;
        double days = 1.0;
    };
    std::vector<Stage> stages;
    const std::string text = R"({"pathway": {"stages": [
        {"name": "referral", "days": 1}, {"name": "assessment", "days": -3}, 5,
        {"days": 2, "nmae": "x"}]}})";
    const Lines lines = problems(text, [&](ObjectReader& r) {
        r.object("pathway", {.required = true}, [&](ObjectReader& p) {
            p.array("stages", {.required = true, .min_items = 1},
                    [&](ObjectReader& s, std::size_t) {
                        Stage& stage = stages.emplace_back();
                        s.string("name", stage.name, {.required = true});
                        s.number("days", stage.days, {.range = Range::positive()});
                    });
        });
    });
    EXPECT_EQ(lines, (Lines{"pathway.stages[1].days: must be > 0 (got -3)",
                            "pathway.stages[2]: must be an object (got 5)",
                            "pathway.stages[3].name: required field is missing",
                            "pathway.stages[3].nmae: unknown key; did you mean 'name'?"}));
    EXPECT_EQ(stages.size(), 3u);
}

TEST(ObjectReader, CollectsEveryProblemNotOnlyTheFirst) {
    double a = 0, b = 0, c = 0;
    const Lines lines = problems(R"({"a": -1, "b": "x", "d": 1})", [&](ObjectReader& r) {
        r.number("a", a, {.range = Range::positive()});
        r.number("b", b);
        r.number("c", c, {.required = true});
    });
    EXPECT_EQ(lines.size(), 4u);
}

TEST(ObjectReader, GuardsArraySizesWithNamedLimits) {
    std::vector<double> values;
    json document{{"values", json::array()}};
    for (std::size_t i = 0; i <= kMaxArrayItems; ++i)
        document["values"].push_back(1.0);
    std::vector<Diagnostic> diagnostics;
    ObjectReader root = ObjectReader::for_document(document, diagnostics);
    root.number_array("values", values);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message, "must have at most 100000 items (got 100001)");
    EXPECT_EQ(problems(R"({"v": []})",
                       [&](ObjectReader& r) { r.number_array("v", values, {.min_items = 1}); }),
              Lines{"v: must have at least 1 items (got 0)"});
}

TEST(ObjectReader, ReadsNumberArraysAndMapsWithItemPaths) {
    std::vector<double> values;
    std::map<std::string, double> shares;
    std::map<std::string, int> teams;
    const Lines lines = problems(
        R"({"values": [1, -2, "x"], "shares": {"a": 0.5, "b": 2}, "teams": {"north": {"size": 3}, "south": {"size": 0}}})",
        [&](ObjectReader& r) {
            r.number_array("values", values, {.range = Range::non_negative()});
            r.number_map("shares", shares, {.range = Range::unit()});
            r.map("teams", {}, [&](ObjectReader& team, const std::string& name) {
                team.integer("size", teams[name], {.range = Range::at_least(1)});
            });
        });
    EXPECT_EQ(lines,
              (Lines{"values[1]: must be >= 0 (got -2)", "values[2]: must be a number (got \"x\")",
                     "shares.b: must be a number in [0, 1] (got 2)",
                     "teams.south.size: must be >= 1 (got 0)"}));
    EXPECT_EQ(teams["north"], 3);
}

TEST(ObjectReader, ReadsTaggedUnionsAndSkipsNoiseWhenTheTagIsBad) {
    std::string shape;
    double radius = 0.0, side = 0.0;
    const std::vector<Variant> variants{
        {"circle", "", [&](ObjectReader& r) { r.number("radius", radius, {.required = true}); }},
        {"square", "", [&](ObjectReader& r) { r.number("side", side, {.required = true}); }}};
    EXPECT_TRUE(problems(R"({"shape": "square", "side": 2})", [&](ObjectReader& r) {
                    r.variant("shape", shape, variants, {.required = true});
                }).empty());
    EXPECT_EQ(shape, "square");
    EXPECT_EQ(side, 2.0);
    EXPECT_EQ(
        problems(R"({"shape": "square", "radius": 2})",
                 [&](ObjectReader& r) { r.variant("shape", shape, variants, {.required = true}); }),
        (Lines{"side: required field is missing",
               "radius: unknown key (expected one of: shape, side)"}));
    EXPECT_EQ(
        problems(R"({"shape": "cirle", "radius": 2})",
                 [&](ObjectReader& r) { r.variant("shape", shape, variants, {.required = true}); }),
        Lines{"shape: must be one of 'circle', 'square' (got \"cirle\"); did you mean 'circle'?"});
}

TEST(ObjectReader, CustomErrorsCarryTheirPath) {
    EXPECT_EQ(problems(R"({"run": {"years": 5}})",
                       [&](ObjectReader& r) {
                           r.object("run", {}, [&](ObjectReader& run) {
                               int years = 0;
                               run.integer("years", years);
                               run.error("years", "must be more than the warm-up");
                           });
                       }),
              Lines{"run.years: must be more than the warm-up"});
}

TEST(ObjectReader, DescribesFieldsInSchemaMode) {
    json schema;
    ObjectReader root = ObjectReader::for_schema(schema);
    double mean = 2.0;
    std::optional<int> capacity;
    root.number("mean", mean,
                {.required = true, .range = Range::positive(), .doc = "Mean", .unit = "days"});
    root.integer("capacity", capacity, {.range = Range::at_least(1)});
    root.error("mean", "ignored in schema mode");
    EXPECT_EQ(schema["properties"]["mean"]["type"], "number");
    EXPECT_EQ(schema["properties"]["mean"]["exclusiveMinimum"], 0.0);
    EXPECT_EQ(schema["properties"]["mean"]["default"], 2.0);
    EXPECT_EQ(schema["properties"]["mean"]["description"], "Mean (days)");
    EXPECT_EQ(schema["properties"]["capacity"]["type"], "integer");
    EXPECT_FALSE(schema["properties"]["capacity"].contains("default"));
    EXPECT_EQ(schema["required"], json::array({"mean"}));
    EXPECT_EQ(schema["unevaluatedProperties"], false);
}

TEST(ClosestMatch, SuggestsPlausibleTyposOnly) {
    const std::vector<std::string> keys{"arrival", "service", "servers", "capacity",
                                        "horizon_days"};
    EXPECT_EQ(closest_match("arival", keys), "arrival");
    EXPECT_EQ(closest_match("servrs", keys), "servers");
    EXPECT_EQ(closest_match("Capacity", keys), "capacity");
    EXPECT_EQ(closest_match("horizon", keys), "horizon_days");
    EXPECT_EQ(closest_match("colour", keys), "");
    EXPECT_EQ(edit_distance("maen", "mean"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace cssim::scenario
