// `cssim init --ees` through the real binary: the fixture -> a valid scenario -> a run, and each
// error (unknown council, region, year, suppressed value, another layout, existing output).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

const std::string kWorkforce = kSource + "/tests/fixtures/ees/csww_indicators_2023_fixture.csv";
const std::string kReferrals = kSource + "/tests/fixtures/ees/cin_referrals_2025_fixture.csv";

ProcessResult init(const std::string& dir, std::vector<std::string> args) {
    std::vector<std::string> argv = {kExe, "init", "--base", kBase};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, 0, 0, dir);
}

TEST(Init, FixtureToValidScenarioToRun) {
    const std::string dir = fresh_directory("init-round-trip");
    const ProcessResult r = init(dir, {"--ees", kWorkforce, kReferrals, "--la", "Northby",
                                       "--children", "45000", "--out", "council/northby.json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto scenario = nlohmann::json::parse(read_file(dir + "/council/northby.json"));
    // 115.7 case holders / (1 - 9.9%) = 128.4 posts; (2,708 - 561 re-referrals) / 45,000 children.
    // The council profile's own fields, from which validate derives the rest of the council.
    const auto& council = scenario["council"];
    EXPECT_DOUBLE_EQ(council["social_worker_posts"].get<double>(), 128.4);
    EXPECT_DOUBLE_EQ(council["agency_share"].get<double>(), 0.099);
    EXPECT_DOUBLE_EQ(council["vacancy_share"].get<double>(), 0.01);
    EXPECT_DOUBLE_EQ(council["referrals_per_10k_children_per_year"].get<double>(), 477.1);
    EXPECT_DOUBLE_EQ(council["children"].get<double>(), 45000.0);
    for (const char* section : {"workforce", "demand", "population"}) {
        EXPECT_FALSE(scenario.contains(section)) << section << ": written through the profile";
    }
    // extends works from where the file is written.
    EXPECT_TRUE(fs::exists(fs::path(dir) / "council" / scenario["extends"].get<std::string>()));
    EXPECT_FALSE(scenario.contains("turnover_rate"));

    // Turnover is a model output: a calibration target in the side file, not an input.
    const auto published =
        nlohmann::json::parse(read_file(dir + "/council/northby.published.json"));
    bool turnover = false;
    for (const auto& t : published["targets"]) {
        if (t["metric"] == "turnover_rate") {
            turnover = true;
            EXPECT_DOUBLE_EQ(t["published"].get<double>(), 0.142);
        }
    }
    EXPECT_TRUE(turnover);

    const ProcessResult v = run_process({kExe, "validate", dir + "/council/northby.json"});
    EXPECT_EQ(v.exit_code, 0) << v.err;
    // The model simulates the imported council: 45,000 children, the published posts.
    EXPECT_TRUE(contains(v.out, "45,000 children")) << v.out;
    EXPECT_TRUE(contains(v.out, "128.4 social worker posts")) << v.out;
    const ProcessResult run =
        run_process({kExe, "run", dir + "/council/northby.json", "-r", "2", "-q", "--set",
                     "run.years=1", "--set", "run.warmup_years=0.25", "--out", dir + "/run"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir + "/run/summary.json"));
}

TEST(Init, SuppressedValueSaysWhichFieldFallsBackToWhat) {
    const std::string dir = fresh_directory("init-suppressed");
    const ProcessResult r =
        init(dir, {"--ees", kWorkforce, "--la", "E08999904", "--out", "s.json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err,
                         "council.vacancy_share keeps base.json's 0.013: "
                         "vacancy_rate_fte is suppressed ('c') for Suppressford in 2023"))
        << r.err;
    EXPECT_TRUE(contains(r.err, "published turnover_rate not recorded")) << r.err;
    const auto scenario = nlohmann::json::parse(read_file(dir + "/s.json"));
    EXPECT_FALSE(scenario["council"].contains("vacancy_share"));
    EXPECT_EQ(run_process({kExe, "validate", dir + "/s.json"}).exit_code, 0);
}

TEST(Init, UnknownCouncilSuggestsTheClosestNameOrCode) {
    const std::string dir = fresh_directory("init-unknown");
    ProcessResult r = init(dir, {"--ees", kWorkforce, "--la", "Nortby", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "did you mean \"Northby\"")) << r.err;
    r = init(dir, {"--ees", kWorkforce, "--la", "E06999902", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "did you mean \"E0699990")) << r.err;
    r = init(dir, {"--ees", kWorkforce, "--la", "North East", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "is a region")) << r.err;
    r = init(dir, {"--ees", kWorkforce, "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "--la")) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/x.json"));
}

TEST(Init, JointReturnsAreExplained) {
    const std::string dir = fresh_directory("init-joint");
    const ProcessResult r =
        init(dir, {"--ees", kWorkforce, "--la", "Richmond upon Thames", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "reported with Kingston upon Thames")) << r.err;
}

TEST(Init, TemplateMappingsAreRefusedUnlessGivenWithMapping) {
    const std::string dir = fresh_directory("init-template");
    std::ofstream(dir + "/cla.csv")
        << "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
           "region_name,old_la_code,new_la_code,la_name,cla_group,characteristic,number\n"
           "2023,Reporting year,Local authority,E92000001,England,E12000001,North East,991,"
           "E06999901,Northby,Age group,Total,410\n"
           "2023,Reporting year,Local authority,E92000001,England,E12000001,North East,991,"
           "E06999901,Northby,Age group,1 to 4 years,60\n";
    ProcessResult r = init(dir, {"--ees", dir + "/cla.csv", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_TRUE(contains(r.err, "is a template")) << r.err;
    // The user checked the columns: the same mapping passed with --mapping is used.
    r = init(dir,
             {"--ees", dir + "/cla.csv", "--mapping", kSource + "/scenarios/ees/cla_template.json",
              "--children", "45000", "--out", "x.json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto published = nlohmann::json::parse(read_file(dir + "/x.published.json"));
    ASSERT_EQ(published["targets"].size(), 1u);
    // 410 children looked after / 45,000 children x 10,000 = 91.1 per 10k.
    EXPECT_DOUBLE_EQ(published["targets"][0]["published"].get<double>(), 91.1);
}

TEST(Init, CodesAndQuotedNamesSelectTheCouncilAndYearsAreListed) {
    const std::string dir = fresh_directory("init-years");
    ProcessResult r =
        init(dir, {"--ees", kWorkforce, "--la", "991", "--year", "2022", "--out", "n22.json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Northby (E06999901, 991), 2022")) << r.out;
    r = init(dir, {"--ees", kWorkforce, "--la", "dalesford, city of", "--out", "d.json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(read_file(dir + "/d.json"))["name"], "dalesford_city_of");
    r = init(dir, {"--ees", kWorkforce, "--la", "Northby", "--year", "2019", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_TRUE(contains(r.err, "no year 2019 for Northby; the file has 2022, 2023")) << r.err;
}

TEST(Init, FilesOfAnotherLayoutAreRefused) {
    const std::string dir = fresh_directory("init-layout");
    std::ofstream(dir + "/no_geo.csv") << "year,council,inpost_fte\n2023,Northby,10\n";
    ProcessResult r = init(dir, {"--ees", dir + "/no_geo.csv", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_TRUE(contains(r.err, "geography columns")) << r.err;
    EXPECT_TRUE(contains(r.err, "time_period")) << r.err;

    std::ofstream(dir + "/other.csv")
        << "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
           "region_name,old_la_code,new_la_code,la_name,pupils\n"
           "2023,Academic year,Local authority,E92000001,England,E12000001,North East,991,"
           "E06999901,Northby,1000\n";
    r = init(dir, {"--ees", dir + "/other.csv", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_TRUE(contains(r.err, "no mapping knows this file")) << r.err;
    EXPECT_TRUE(contains(r.err, "pupils")) << r.err;
    EXPECT_TRUE(contains(r.err, "csww_indicators: needs")) << r.err;

    r = init(dir, {"--ees", dir + "/missing.csv", "--out", "x.json"});
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_FALSE(fs::exists(dir + "/x.json"));
}

TEST(Init, AnExistingOutputIsNotOverwrittenWithoutForce) {
    const std::string dir = fresh_directory("init-existing");
    std::ofstream(dir + "/mine.json") << "my own notes\n";
    ProcessResult r = init(dir, {"--ees", kWorkforce, "--la", "Northby", "--out", "mine.json"});
    EXPECT_EQ(r.exit_code, 73);
    EXPECT_TRUE(contains(r.err, "--force")) << r.err;
    EXPECT_EQ(read_file(dir + "/mine.json"), "my own notes\n");
    EXPECT_FALSE(fs::exists(dir + "/mine.published.json"));
    r = init(dir, {"--ees", kWorkforce, "--la", "Northby", "--out", "mine.json", "--force"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(dir + "/mine.json"), "my own notes\n");
}

}  // namespace
}  // namespace cssim::testing
