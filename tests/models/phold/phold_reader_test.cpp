// The PHOLD scenario reader: the shipped scenario loads; every problem comes with its JSON path
// and the named limit it passed.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {
namespace {

using Lines = std::vector<std::string>;

const char* kValidPhold = R"({"model": "phold", "name": "p", "lps": 152, "events_per_lp": 16,
    "remote_fraction": 0.1, "mean_delay": 1.0, "lookahead": 0.1, "horizon": 2000})";

Lines lines(const LoadResult& result) {
    Lines out;
    for (const Diagnostic& d : result.diagnostics)
        out.push_back(format_diagnostic(d));
    return out;
}

Lines problems(const std::vector<std::string>& sets) {
    return lines(load_scenario_text(kValidPhold, "p.json", sets));
}

TEST(PholdReader, LoadsTheShippedScenario) {
    const LoadResult result =
        load_scenario(std::string(CSSIM_SOURCE_DIR) + "/scenarios/phold/phold152.json");
    ASSERT_TRUE(result.scenario) << (result.diagnostics.empty() ? ""
                                                                : result.diagnostics[0].message);
    ASSERT_TRUE(result.scenario->phold);
    EXPECT_EQ(result.scenario->model, "phold");
    EXPECT_EQ(result.scenario->phold->lps, 152);
    EXPECT_EQ(result.scenario->phold->events_per_lp, 16);
    EXPECT_DOUBLE_EQ(result.scenario->phold->lookahead, 0.1);
    EXPECT_EQ(result.scenario->replications, 1u);
}

TEST(PholdReader, ReportsEveryProblemWithItsPath) {
    const LoadResult result = load_scenario_text(
        R"({"model": "phold", "lps": 0, "events_per_lp": 2.5, "remote_fraction": 1.5,
            "mean_delay": -1, "lookahead": 0, "horizon": "long", "lookahed": 1})",
        "bad.json");
    EXPECT_EQ(lines(result), (Lines{"lps: must be in [1, 100000] (got 0)",
                                    "events_per_lp: must be an integer (got 2.5)",
                                    "remote_fraction: must be in [0, 1] (got 1.5)",
                                    "mean_delay: must be in (0, 1000000000] (got -1)",
                                    "lookahead: must be in (0, 1000000000] (got 0)",
                                    "horizon: must be a number (got \"long\")",
                                    "lookahed: unknown key; did you mean 'lookahead'?"}));
}

TEST(PholdReader, ReportsMissingFields) {
    EXPECT_EQ(
        lines(load_scenario_text(R"({"model": "phold", "lps": 4})", "m.json")),
        (Lines{"events_per_lp: required field is missing",
               "remote_fraction: required field is missing",
               "mean_delay: required field is missing", "lookahead: required field is missing",
               "horizon: required field is missing"}));
}

TEST(PholdReader, NamesTheLimitsItGuards) {
    EXPECT_EQ(
        problems({"lps=200000"}),
        Lines{"lps: must be in [1, 100000] (got 200000): 200000 is above the limit of 100000"});
    EXPECT_EQ(
        problems({"lps=100000", "events_per_lp=2000"}),
        Lines{"events_per_lp: lps x events_per_lp = 200000000 pending events is above the limit "
              "of 100000000"});
    EXPECT_EQ(problems({"lookahead=0.00001", "horizon=1e6"}),
              Lines{"lookahead: horizon / lookahead = 100000000000 epochs is above the limit of "
                    "100000000"});
    EXPECT_EQ(problems({"horizon=1e7"}),
              Lines{"horizon: would bring about 22109090909 events; at most 10000000000 are "
                    "allowed in one replication"});
    EXPECT_EQ(problems({"lookahead=1e-7"}),
              Lines{"lookahead: must be at least one tick, 1e-06 time units (got 1e-07)"});
}

TEST(PholdReader, RefusesRemoteEventsWithOneLp) {
    EXPECT_EQ(problems({"lps=1"}),
              Lines{"remote_fraction: must be 0 when lps is 1 (there is no other LP) (got 0.1)"});
    EXPECT_TRUE(problems({"lps=1", "remote_fraction=0"}).empty());
}

TEST(PholdReader, AppearsInTheSchema) {
    const std::string schema = json_schema();
    EXPECT_NE(schema.find("\"phold\""), std::string::npos);
    EXPECT_NE(schema.find("\"remote_fraction\""), std::string::npos);
    const std::vector<std::string> names = model_names();
    EXPECT_NE(std::find(names.begin(), names.end(), "phold"), names.end());
}

}  // namespace
}  // namespace cssim::scenario
