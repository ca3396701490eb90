// Unit tests of the sweep designs (grid, Latin hypercube, Morris, CSV) and the sweep-file reader.
#include "sweep_design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cssim/scenario/sweep.hpp"
#include "subprocess.hpp"
#include "sweep_plan.hpp"

namespace cssim::cli {
namespace {

using scenario::SweepFactor;

SweepFactor levels(std::string path, std::vector<double> values) {
    SweepFactor f;
    f.path = std::move(path);
    f.levels = std::move(values);
    return f;
}

SweepFactor range(std::string path, double low, double high, bool integer = false) {
    SweepFactor f;
    f.path = std::move(path);
    f.has_range = true;
    f.low = low;
    f.high = high;
    f.is_integer = integer;
    return f;
}

TEST(GridDesign, HasEveryCombinationWithTheLastFactorFastest) {
    SweepFactor b = range("b", 0.0, 1.0);
    b.steps = 3;
    const DesignMatrix d = grid_design({levels("a", {1, 2}), b, levels("c", {7, 8})});
    ASSERT_EQ(d.values.size(), 2u * 3u * 2u);
    EXPECT_EQ(d.values[0], (std::vector<double>{1, 0, 7}));
    EXPECT_EQ(d.values[1], (std::vector<double>{1, 0, 8}));
    EXPECT_EQ(d.values[2], (std::vector<double>{1, 0.5, 7}));
    EXPECT_EQ(d.values[11], (std::vector<double>{2, 1, 8}));
    std::set<std::vector<double>> distinct(d.values.begin(), d.values.end());
    EXPECT_EQ(distinct.size(), d.values.size());
}

TEST(LhsDesign, PutsOnePointInEachStratumOfEachFactor) {
    const std::size_t n = 37;
    const DesignMatrix d = lhs_design({range("x", 10.0, 20.0), range("y", -1.0, 1.0)}, n, 42);
    ASSERT_EQ(d.values.size(), n);
    for (std::size_t i = 0; i < 2; ++i) {
        const double low = i == 0 ? 10.0 : -1.0;
        const double high = i == 0 ? 20.0 : 1.0;
        std::vector<int> hits(n, 0);
        for (const auto& row : d.values) {
            const double u = (row[i] - low) / (high - low);
            ASSERT_GE(u, 0.0);
            ASSERT_LT(u, 1.0);
            ++hits[static_cast<std::size_t>(u * static_cast<double>(n))];
        }
        EXPECT_EQ(std::count(hits.begin(), hits.end(), 1), static_cast<long>(n)) << "factor " << i;
    }
}

TEST(LhsDesign, IsReproducibleFromItsSeedAndChangesWithIt) {
    const std::vector<SweepFactor> f{range("x", 0.0, 1.0), levels("k", {1, 2, 3, 4})};
    EXPECT_EQ(lhs_design(f, 20, 7).values, lhs_design(f, 20, 7).values);
    EXPECT_NE(lhs_design(f, 20, 7).values, lhs_design(f, 20, 8).values);
    // Levels: 20 points over 4 levels, 5 strata per level, so each level exactly 5 times.
    std::map<double, int> counts;
    for (const auto& row : lhs_design(f, 20, 7).values) {
        ++counts[row[1]];
    }
    for (const auto& [level, count] : counts) {
        EXPECT_EQ(count, 5) << level;
    }
}

TEST(MorrisDesign, TrajectoriesChangeOneFactorAtATimeByDelta) {
    const std::vector<SweepFactor> f{range("a", 0.0, 1.0), range("b", 10.0, 20.0),
                                     range("c", -5.0, 5.0)};
    const std::size_t r = 12;
    const std::size_t p = 4;
    const DesignMatrix d = morris_design(f, r, p, 3);
    ASSERT_EQ(d.values.size(), r * (f.size() + 1));
    const double delta = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
    for (std::size_t t = 0; t < r; ++t) {
        std::set<std::size_t> changed;
        for (std::size_t s = 0; s < f.size(); ++s) {
            const auto& x = d.values[t * (f.size() + 1) + s];
            const auto& y = d.values[t * (f.size() + 1) + s + 1];
            std::size_t differing = 0;
            for (std::size_t i = 0; i < f.size(); ++i) {
                const double scaled_x = (x[i] - f[i].low) / (f[i].high - f[i].low);
                const double scaled_y = (y[i] - f[i].low) / (f[i].high - f[i].low);
                EXPECT_GE(scaled_y, -1e-12);
                EXPECT_LE(scaled_y, 1.0 + 1e-12);
                if (x[i] != y[i]) {
                    ++differing;
                    changed.insert(i);
                    EXPECT_NEAR(std::abs(scaled_y - scaled_x), delta, 1e-12);
                }
            }
            EXPECT_EQ(differing, 1u) << "trajectory " << t << " step " << s;
        }
        EXPECT_EQ(changed.size(), f.size()) << "every factor moves once in trajectory " << t;
    }
    EXPECT_EQ(morris_design(f, r, p, 3).values, d.values);
}

TEST(MorrisEffects, RecoverTheSlopesOfALinearFunction) {
    // y = 3 a - 2 b on ranges of width 1 and 10: per unit of scaled range the effects are
    // exactly 3 and -20, with sd 0 (a linear function has constant effects).
    const std::vector<SweepFactor> f{range("a", 0.0, 1.0), range("b", 10.0, 20.0)};
    const DesignMatrix d = morris_design(f, 6, 4, 9);
    scenario::SweepState state;
    state.factor_paths = {"a", "b"};
    state.factor_low = {0.0, 10.0};
    state.factor_high = {1.0, 20.0};
    state.trajectories = 6;
    state.points = format_design(d, f);
    std::vector<std::vector<double>> y;
    for (const auto& row : d.values) {
        y.push_back({3.0 * row[0] - 2.0 * row[1]});
    }
    const auto effects = morris_effects(state, {"y"}, y);
    ASSERT_EQ(effects.size(), 2u);
    EXPECT_NEAR(effects[0].mu, 3.0, 1e-9);
    EXPECT_NEAR(effects[0].mu_star, 3.0, 1e-9);
    EXPECT_NEAR(effects[0].sigma, 0.0, 1e-9);
    EXPECT_NEAR(effects[1].mu, -20.0, 1e-9);
    EXPECT_NEAR(effects[1].mu_star, 20.0, 1e-9);
    EXPECT_EQ(effects[1].r, 6u);
}

TEST(DesignCsv, KeepsTheRowOrderAndNamesBadCells) {
    const std::string dir = testing::fresh_directory("sweep-design-csv");
    const std::string path = dir + "/design.csv";
    std::ofstream(path) << "# from SALib\na,b\n3,0.5\n1,0.25\n\n2,1e-1\n";
    const DesignMatrix d = read_design_csv(path, {"a", "b"});
    ASSERT_EQ(d.values.size(), 3u);
    EXPECT_EQ(d.values[0], (std::vector<double>{3, 0.5}));
    EXPECT_EQ(d.values[1], (std::vector<double>{1, 0.25}));
    EXPECT_EQ(d.values[2], (std::vector<double>{2, 0.1}));
    std::ofstream(path) << "a,b\n3,x\n";
    try {
        read_design_csv(path, {"a", "b"});
        FAIL() << "expected a DesignError";
    } catch (const DesignError& e) {
        EXPECT_NE(std::string(e.what()).find(":2: column 2 (b)"), std::string::npos) << e.what();
    }
    EXPECT_THROW(read_design_csv(path, {"b", "a"}), DesignError);  // header order matters
}

TEST(SweepReader, ReportsEveryProblemWithItsPath) {
    const auto r = scenario::load_sweep_text(
        R"({"base": "x.json", "factors": [{"path": "servers"}, {"path": "a", "range": [2, 1]},
             {"path": "servers", "levels": [1]}],
            "design": {"type": "lhs", "trajectories": 3}, "replications": 0, "bogus": 1})",
        "/tmp/s.json");
    ASSERT_FALSE(r.sweep);
    std::string all;
    for (const auto& d : r.diagnostics) {
        all += scenario::format_diagnostic(d) + "\n";
    }
    for (const char* expected :
         {"factors[1].range: min must be < max", "design.points: required field is missing",
          "design.trajectories: only applies to morris", "replications: must be",
          "bogus: unknown key", "factors[2].path: factor 'servers' is listed twice",
          "factors[0]: needs levels or a range"}) {
        EXPECT_NE(all.find(expected), std::string::npos) << expected << "\nin:\n" << all;
    }
}

TEST(SweepReader, ResolvesTheBaseAgainstTheSweepFile) {
    const auto r = scenario::load_sweep_text(
        R"({"base": "../base.json", "set": {"run.years": 2},
            "factors": [{"path": "x", "levels": [1, 2]}], "design": {"type": "grid"}})",
        "/a/b/sweeps/s.json");
    ASSERT_TRUE(r.sweep) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
    EXPECT_EQ(r.sweep->base_path, "/a/b/base.json");
    EXPECT_EQ(r.sweep->fixed_overrides, (std::vector<std::string>{"run.years=2"}));
    EXPECT_EQ(r.sweep->name, "s");
    EXPECT_EQ(r.sweep->sha256.size(), 64u);
}

TEST(SweepState, RoundTripsThroughJson) {
    scenario::SweepState s;
    s.identity = std::string(64, 'a');
    s.sweep_sha256 = std::string(64, 'b');
    s.sweep_name = "n";
    s.scenario_name = "base";
    s.model = "queue";
    s.design = "morris";
    s.replications = 3;
    s.seed = 18446744073709551615ull;  // uint64 max survives
    s.factor_paths = {"a.b", "c"};
    s.factor_low = {0.0, -1.5};
    s.factor_high = {1.0, 2.5};
    s.trajectories = 1;
    s.points = {{"0", "-1.5"}, {"1", "-1.5"}, {"1", "2.5"}};
    s.task_index = 2;
    s.task_count = 5;
    s.sweep_json = R"({"x":1})";
    std::string error;
    const auto back = scenario::parse_sweep_state(scenario::sweep_state_json(s), error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(scenario::sweep_state_json(*back), scenario::sweep_state_json(s));
    EXPECT_EQ(back->seed, s.seed);
    EXPECT_FALSE(scenario::parse_sweep_state("{\"format\": \"other\"}", error));
    EXPECT_NE(error.find("not a cssim sweep state"), std::string::npos);
}

TEST(ShippedSweeps, EveryPointOfEveryShippedSweepIsValid) {
    const std::filesystem::path dir = std::filesystem::path(CSSIM_SOURCE_DIR) / "scenarios/sweeps";
    std::size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        const auto loaded = scenario::load_sweep(entry.path().string());
        ASSERT_TRUE(loaded.sweep) << entry.path();
        SweepPlan plan;
        EXPECT_EQ(build_sweep_plan(*loaded.sweep, plan), 0) << entry.path();
        EXPECT_EQ(plan.scenarios.size(), plan.state.points.size());
        ++checked;
    }
    EXPECT_GE(checked, 4u);
}

}  // namespace
}  // namespace cssim::cli
