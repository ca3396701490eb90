// cssim-view --screenshot under Xvfb (Mesa llvmpipe): the PNG is not blank and every panel the
// viewer reports (in OUT.png.panels.json) is a non-uniform region of the image. Skips only when
// xvfb-run is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "screenshot_support.hpp"
#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

namespace fs = std::filesystem;

using testing::distinct_colours;
using testing::exit_status;
using testing::have_xvfb;
using testing::Image;
using testing::load_png;

/** Two small synthetic runs (A without, B with admin support), made once for the suite. */
class ViewerScreenshot : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("cssim-viewer-shot-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        testing::SyntheticSpec spec;
        spec.days = 1100;
        spec.posts = 120;
        spec.replications = 2;
        testing::write_synthetic_archive(dir_ / "no_admin_support", spec);
        spec.admin_support = true;
        spec.scenario_name = "pa_one_per_three";
        testing::write_synthetic_archive(dir_ / "pa_one_per_three", spec);
        // The same pair with system-effect series (issue 7), for the System effects panel.
        spec.system_effects = true;
        testing::write_synthetic_archive(dir_ / "pa_system", spec);
        spec.admin_support = false;
        spec.scenario_name = "no_admin_support";
        testing::write_synthetic_archive(dir_ / "none_system", spec);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static int screenshot(const fs::path& out, const std::string& extra) {
        const std::string cmd = std::string("xvfb-run -a -s \"-screen 0 1920x1080x24\" ") +
                                CSSIM_VIEWER_EXECUTABLE + " --screenshot " + out.string() + " " +
                                extra + " > " + (dir_ / "viewer.log").string() + " 2>&1";
        return exit_status(std::system(cmd.c_str()));
    }

    static std::string log() {
        std::ifstream in(dir_ / "viewer.log");
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    static void expect_panels(const fs::path& png, const std::vector<std::string>& names) {
        const Image img = load_png(png);
        ASSERT_EQ(img.width, 1280);
        ASSERT_EQ(img.height, 800);
        // Not blank: a real dashboard has hundreds of colours; a failed render has one or two.
        EXPECT_GT(distinct_colours(img, 0, 0, img.width, img.height), 200u);
        std::ifstream in(png.string() + ".panels.json");
        ASSERT_TRUE(in) << "no panel sidecar";
        const auto json = nlohmann::json::parse(in);
        EXPECT_EQ(json.at("width"), 1280);
        std::set<std::string> seen;
        for (const auto& p : json.at("panels")) {
            const std::string name = p.at("name");
            seen.insert(name);
            const int x = p.at("x");
            const int y = p.at("y");
            const int w = p.at("w");
            const int h = p.at("h");
            EXPECT_GT(w, 100) << name;
            EXPECT_GT(h, 40) << name;
            // Each panel shows text and graphics: many colours, not a flat fill.
            EXPECT_GT(distinct_colours(img, x, y, w, h), 12u) << name << " looks empty";
        }
        for (const auto& n : names)
            EXPECT_TRUE(seen.count(n)) << "panel " << n << " missing";
    }

    static fs::path dir_;
};

fs::path ViewerScreenshot::dir_;

TEST_F(ViewerScreenshot, ComparisonShowsEveryPanel) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const fs::path out = dir_ / "compare.png";
    ASSERT_EQ(screenshot(out, "--compare " + (dir_ / "pa_one_per_three").string() + " --day 400 " +
                                  (dir_ / "no_admin_support").string()),
              0)
        << log();
    expect_panels(out, {"clock", "kpi_cards", "charts", "office_floor", "pathway", "time_use",
                        "events", "comparison"});
}

TEST_F(ViewerScreenshot, PresenterModeShowsBigCharts) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const fs::path out = dir_ / "presenter.png";
    ASSERT_EQ(screenshot(out, "--presenter --compare " + (dir_ / "pa_one_per_three").string() +
                                  " --day 2017-06-01 " + (dir_ / "no_admin_support").string()),
              0)
        << log();
    expect_panels(out,
                  {"presenter", "presenter_chart_0", "presenter_chart_1", "presenter_chart_2"});
}

TEST_F(ViewerScreenshot, SystemEffectsPanelAppearsWhenTheRunsHaveSystemSeries) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const fs::path out = dir_ / "system.png";
    // Low detail, as the viewer draws on llvmpipe while playing: the other tests cover full.
    ASSERT_EQ(screenshot(out, "--detail low --compare " + (dir_ / "pa_system").string() +
                                  " --day 1000 " + (dir_ / "none_system").string()),
              0)
        << log();
    // The System effects tab takes the pathway's slot; everything else is as before.
    expect_panels(out, {"clock", "kpi_cards", "charts", "office_floor", "system_effects",
                        "time_use", "events", "comparison"});
    // Its badges are solid blocks of the judgement colours: requires improvement (amber) for
    // both runs on day 1000. Look for a run of that amber inside the panel.
    const Image img = load_png(out);
    std::ifstream in(out.string() + ".panels.json");
    const auto json = nlohmann::json::parse(in);
    int amber = 0;
    for (const auto& p : json.at("panels")) {
        if (p.at("name") != "system_effects")
            continue;
        const int x0 = p.at("x");
        const int y0 = p.at("y");
        const int w = p.at("w");
        const int h = p.at("h");
        for (int y = y0; y < std::min(img.height, y0 + h); ++y) {
            for (int x = x0; x < std::min(img.width, x0 + w); ++x) {
                const unsigned char* c =
                    &img.rgb[(static_cast<std::size_t>(y) * img.width + x) * 3];
                amber += (std::abs(c[0] - 225) < 8 && std::abs(c[1] - 150) < 8 &&
                          std::abs(c[2] - 30) < 8)
                             ? 1
                             : 0;
            }
        }
    }
    EXPECT_GT(amber, 500) << "no 'requires improvement' badge in the System effects panel";
}

TEST_F(ViewerScreenshot, MissingOrDamagedArchivesFailWithAMessage) {
    // These fail before any window opens, so they need no display.
    const std::string viewer = CSSIM_VIEWER_EXECUTABLE;
    const fs::path log_path = dir_ / "error.log";
    auto run = [&](const std::string& args) {
        return exit_status(
            std::system((viewer + " " + args + " > " + log_path.string() + " 2>&1").c_str()));
    };
    auto text = [&] {
        std::ifstream in(log_path);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    EXPECT_EQ(run("--screenshot x.png " + (dir_ / "absent").string()), 66);
    EXPECT_NE(text().find("absent"), std::string::npos) << text();
    const fs::path junk = dir_ / "junk.sqlite";
    std::ofstream(junk) << "not an archive";
    EXPECT_EQ(run("--screenshot x.png " + junk.string()), 66);
    EXPECT_NE(text().find("junk.sqlite"), std::string::npos) << text();
    EXPECT_EQ(run("--size huge " + junk.string()), 64);
}

TEST_F(ViewerScreenshot, BadDaysBookmarksAndPauseSeriesAreErrorsWithTheValidRange) {
    // Checked before any window opens, so no display is needed. The synthetic runs start on
    // 2016-04-01 and have 1,100 days (0 to 1099).
    const std::string viewer = CSSIM_VIEWER_EXECUTABLE;
    const std::string runs = (dir_ / "no_admin_support").string();
    const fs::path log_path = dir_ / "args.log";
    auto run = [&](const std::string& args) {
        return exit_status(std::system((viewer + " --screenshot x.png " + runs + " " + args +
                                        " > " + log_path.string() + " 2>&1")
                                           .c_str()));
    };
    auto text = [&] {
        std::ifstream in(log_path);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    EXPECT_EQ(run("--day 5000"), 64);
    EXPECT_NE(text().find("outside the run: days 0 to 1099, 2016-04-01 to 2019-04-05"),
              std::string::npos)
        << text();
    EXPECT_EQ(run("--day 2015-01-01"), 64);
    EXPECT_NE(text().find("outside the run"), std::string::npos) << text();
    EXPECT_EQ(run("--bookmark 2020-01-01=late"), 64);
    EXPECT_NE(text().find("--bookmark \"2020-01-01=late\""), std::string::npos) << text();
    EXPECT_EQ(run("--pause-when \"unalocated_cases > 5\""), 64);
    EXPECT_NE(text().find("did you mean \"unallocated_cases\""), std::string::npos) << text();
    EXPECT_EQ(run("--pause-when \"B: caseload_mean > 5\""), 64);
    EXPECT_NE(text().find("run B is not open"), std::string::npos) << text();
    EXPECT_EQ(run("--view floor"), 64);
    EXPECT_NE(text().find("--view expects one of charts, system-effects"), std::string::npos)
        << text();
}

TEST_F(ViewerScreenshot, EveryPresenterPageRendersAtRoomSize) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const std::string runs = "--compare " + (dir_ / "pa_system").string() + " --day 800 " +
                             (dir_ / "none_system").string();
    for (const char* view :
         {"pathway", "office-floor-stress", "time-use", "events", "comparison", "system-effects"}) {
        const fs::path out = dir_ / (std::string("page-") + view + ".png");
        ASSERT_EQ(screenshot(
                      out, "--presenter --size 1920x1080 --view " + std::string(view) + " " + runs),
                  0)
            << view << ": " << log();
        const Image img = load_png(out);
        ASSERT_EQ(img.width, 1920) << view;
        std::ifstream in(out.string() + ".panels.json");
        const auto json = nlohmann::json::parse(in);
        bool page = false;
        for (const auto& p : json.at("panels")) {
            const std::string name = p.at("name");
            page = page || (name != "presenter" && p.at("w").get<int>() > 1500);
        }
        EXPECT_TRUE(page) << view << ": no full-width page panel";
    }
}

}  // namespace
}  // namespace cssim::viewer
