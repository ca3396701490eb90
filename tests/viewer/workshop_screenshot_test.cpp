// cssim-view --workshop through the real binary. Under Xvfb: every workshop screen at
// 1920x1080 and 1280x800 after real play of the PA workshop by two tables with different
// decisions (the shipped example decision files), each screen's parts non-empty and inside the
// window. Without a display: bad workshop and decision files (exit 65 with their JSON paths),
// a missing one (66), a bad command line (64), a decision file it did not write in the way (73),
// and resuming from the decision files it wrote.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "screenshot_support.hpp"

namespace cssim::viewer {
namespace {

namespace fs = std::filesystem;
using testing::distinct_colours;
using testing::exit_status;
using testing::have_xvfb;
using testing::Image;
using testing::load_png;

const std::string kSource = CSSIM_SOURCE_DIR;
const std::string kWorkshop = kSource + "/scenarios/workshops/pa_decision.json";
const std::string kTables = " --decisions " + kSource +
                            "/scenarios/workshops/pa_decision_table_a.json --decisions " + kSource +
                            "/scenarios/workshops/pa_decision_table_b.json";

class WorkshopViewer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("cssim-workshop-view-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    /** Runs cssim-view with `args` (under Xvfb when `display`); its exit status. */
    static int run(const std::string& args, bool display = false) {
        const std::string xvfb = display ? "xvfb-run -a -s \"-screen 0 1920x1080x24\" " : "";
        const std::string cmd = xvfb + CSSIM_VIEWER_EXECUTABLE + std::string(" ") + args + " > " +
                                (dir_ / "viewer.log").string() + " 2>&1";
        return exit_status(std::system(cmd.c_str()));
    }
    static std::string log() {
        std::ifstream in(dir_ / "viewer.log");
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    static fs::path dir_;
};

fs::path WorkshopViewer::dir_;

struct Screen {
    const char* name;
    int played;  // rounds played before the screen opens
    std::vector<std::string> parts;
};

TEST_F(WorkshopViewer, EveryScreenRendersAtRoomAndLaptopSizes) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const std::vector<Screen> screens = {
        {"round", 3, {"workshop_levers", "workshop_card"}},  // round 4 deals two cards
        {"play", 8, {"workshop_play", "office_floor", "workshop_play_charts"}},
        {"scoreboard", 8, {"workshop_scoreboard"}},
        {"debrief", 8, {"workshop_debrief", "workshop_debrief_charts", "workshop_loops"}}};
    for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
        for (const Screen& s : screens) {
            const std::string what = std::string(s.name) + "_" + std::to_string(w);
            const fs::path out = dir_ / (what + ".png");
            ASSERT_EQ(
                run("--workshop " + kWorkshop + kTables + " --played " + std::to_string(s.played) +
                        " --save " + (dir_ / ("tables_" + what)).string() + " --screen " + s.name +
                        " --size " + std::to_string(w) + "x" + std::to_string(h) +
                        " --screenshot " + out.string(),
                    true),
                0)
                << what << ": " << log();
            const Image img = load_png(out);
            ASSERT_EQ(img.width, w) << what;
            ASSERT_EQ(img.height, h) << what;
            EXPECT_GT(distinct_colours(img, 0, 0, w, h), 100u) << what << " looks blank";
            std::ifstream in(out.string() + ".panels.json");
            ASSERT_TRUE(in) << what << ": no panel sidecar";
            const auto json = nlohmann::json::parse(in);
            std::set<std::string> seen;
            for (const auto& p : json.at("panels")) {
                const std::string name = p.at("name");
                seen.insert(name);
                const int x = p.at("x"), y = p.at("y"), pw = p.at("w"), ph = p.at("h");
                // Inside the window (nothing laid out beyond its edges) and not empty.
                EXPECT_GE(x, 0) << what << " " << name;
                EXPECT_LE(x + pw, w + 1) << what << " " << name;
                EXPECT_LE(y + ph, h + 1) << what << " " << name;
                EXPECT_GT(distinct_colours(img, x, y, pw, ph), 8u) << what << " " << name;
            }
            for (const auto& part : s.parts)
                EXPECT_TRUE(seen.count(part)) << what << ": " << part << " missing";
        }
    }
}

TEST_F(WorkshopViewer, KeepsEachTablesDecisionsAndResumesFromThem) {
    if (!have_xvfb())
        GTEST_SKIP() << "xvfb-run is not installed";
    const fs::path saved = dir_ / "kept";
    ASSERT_EQ(run("--workshop " + kWorkshop + kTables + " --played 5 --save " + saved.string() +
                      " --screen scoreboard --screenshot " + (dir_ / "kept.png").string(),
                  true),
              0)
        << log();
    // The table's file lists every round played (those without decisions too).
    std::ifstream in(saved / "table_2.json");
    ASSERT_TRUE(in);
    const auto table = nlohmann::json::parse(in);
    EXPECT_EQ(table.at("decisions"), 1);
    EXPECT_EQ(table.at("table"), "Table B: PAs from the start");
    ASSERT_EQ(table.at("rounds").size(), 5u);
    EXPECT_EQ(table.at("rounds")[0].at("levers").at("workers_per_pa"), 3);
    EXPECT_EQ(table.at("rounds")[4].at("levers").at("caseload_cap"), 20);
    // Resumed in place from the files it wrote: they are carried on, not refused.
    ASSERT_EQ(
        run("--workshop " + kWorkshop + " --decisions " + (saved / "table_1.json").string() +
                " --decisions " + (saved / "table_2.json").string() + " --save " + saved.string() +
                " --screen debrief --screenshot " + (dir_ / "resumed.png").string(),
            true),
        0)
        << log();
}

TEST_F(WorkshopViewer, BadFilesAndCommandLinesAreRefusedBeforeAnyWindow) {
    const fs::path bad = dir_ / "bad_decisions.json";
    std::ofstream(bad) << R"({"decisions": 1, "workshop": ")" << kWorkshop
                       << R"(", "table": "T", "rounds": [
        {"round": 1, "levers": {"workers_per_pas": 3}},
        {"round": 9, "levers": {"caseload_cap": 40}}]})";
    EXPECT_EQ(run("--workshop " + kWorkshop + " --decisions " + bad.string()), 65);
    EXPECT_NE(log().find("rounds[0].levers.workers_per_pas: unknown lever; did you mean "
                         "\"workers_per_pa\"?"),
              std::string::npos)
        << log();
    EXPECT_NE(log().find("rounds[1].round: round 9 does not exist"), std::string::npos) << log();
    const fs::path bad_workshop = dir_ / "bad_workshop.json";
    std::ofstream(bad_workshop) << R"({"workshop": "W", "scenario": ")" << kSource
                                << R"(/scenarios/base.json", "minutes": 60, "round_months": 3,
        "rounds": 0, "levers": [], "score": [], "debrief": []})";
    EXPECT_EQ(run("--workshop " + bad_workshop.string()), 65);
    EXPECT_NE(log().find("rounds"), std::string::npos) << log();
    EXPECT_EQ(run("--workshop " + (dir_ / "absent.json").string()), 66);
    EXPECT_EQ(run("--workshop " + kWorkshop + " --tables 0"), 64);
    EXPECT_NE(log().find("--tables expects a number of tables from 1 to 9"), std::string::npos);
    EXPECT_EQ(run("--workshop " + kWorkshop + " --played 9 --save " + (dir_ / "s").string()), 64);
    EXPECT_NE(log().find("--played 9: the workshop has rounds 1 to 8"), std::string::npos) << log();
    EXPECT_EQ(run("--decisions x.json"), 64);
    EXPECT_EQ(run("--workshop " + kWorkshop + " --screen lobby"), 64);
    EXPECT_EQ(run("--workshop " + kWorkshop + kTables + " --tables 1"), 64);
    EXPECT_EQ(run("--workshop " + kWorkshop + " --table 3 --save " + (dir_ / "s3").string()), 64);
    EXPECT_NE(log().find("--table 3: there are 2 tables"), std::string::npos) << log();
    // A file in the save folder that this session did not load is never overwritten.
    const fs::path taken = dir_ / "taken";
    fs::create_directories(taken);
    std::ofstream(taken / "table_1.json") << "someone's notes";
    EXPECT_EQ(run("--workshop " + kWorkshop + " --save " + taken.string()), 73);
    EXPECT_NE(log().find("is not overwritten"), std::string::npos) << log();
    std::ifstream notes(taken / "table_1.json");
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(notes), {}), "someone's notes");
}

}  // namespace
}  // namespace cssim::viewer
