#include "app/what_if.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <functional>

#include "app/child_process.hpp"
#include "app/viewer_state.hpp"

namespace cssim::viewer {
namespace {

std::filesystem::path temp_dir(const std::string& name) {
    auto d = std::filesystem::temp_directory_path() /
             ("cssim-viewer-whatif-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

TEST(WhatIf, CommandCarriesPresetOutputAndAppliedLeversOnly) {
    auto levers = default_what_if_levers();
    ASSERT_GE(levers.size(), 4u);
    levers[0].value = 3.2;  // workers per PA is an integer lever: rounds to 3
    levers[0].applied = true;
    levers[1].value = 700;
    levers[1].applied = true;
    levers[2].value = -0.25;
    levers[2].applied = true;
    levers[3].applied = false;
    WhatIfRequest request{"scenarios/pa_one_per_three.json", levers, 5, 42};
    const auto argv = build_what_if_command("/opt/cssim/bin/cssim", request, "/tmp/out");
    const std::vector<std::string> expected{"/opt/cssim/bin/cssim",
                                            "run",
                                            "scenarios/pa_one_per_three.json",
                                            "--out",
                                            "/tmp/out",
                                            "--replications",
                                            "5",
                                            "--seed",
                                            "42",
                                            "--set",
                                            "admin_support.workers_per_pa=3",
                                            "--set",
                                            "demand.referrals_per_10k_children_per_year=700",
                                            "--set",
                                            "money.funding_changes[0].budget_change=-0.25"};
    EXPECT_EQ(argv, expected);
}

TEST(WhatIf, LeverValuesAreClampedAndPrintedShortest) {
    WhatIfLever lever{"x", "a.b", "", -40.0, 20.0, -12.5, false, true};
    EXPECT_EQ(format_lever_value(lever), "-12.5");
    lever.value = 99.0;
    EXPECT_EQ(format_lever_value(lever), "20");
    lever.is_integer = true;
    lever.value = -0.4;
    EXPECT_EQ(format_lever_value(lever), "0");
}

TEST(WhatIf, DefaultLeversUseTheDocumentedScenarioPaths) {
    const auto levers = default_what_if_levers();
    EXPECT_EQ(levers[0].set_path, "admin_support.workers_per_pa");
    EXPECT_EQ(levers[1].set_path, "demand.referrals_per_10k_children_per_year");
    EXPECT_EQ(levers[2].set_path, "money.funding_changes[0].budget_change");
    EXPECT_EQ(levers[3].set_path, "workforce.social_worker_posts");
}

TEST(WhatIf, FindsPresetsSortedByName) {
    const auto dir = temp_dir("presets");
    for (const char* n : {"pa_one_per_three.json", "base.json", "notes.txt"}) {
        std::ofstream(dir / n) << "{}";
    }
    const auto presets = find_presets(dir);
    ASSERT_EQ(presets.size(), 2u);
    EXPECT_EQ(presets[0].name, "base");
    EXPECT_EQ(presets[1].name, "pa_one_per_three");
    EXPECT_TRUE(find_presets(dir / "absent").empty());
    std::filesystem::remove_all(dir);
}

void make_executable(const std::filesystem::path& p) {
    std::ofstream(p) << "#!/bin/sh\nexit 0\n";
    ::chmod(p.c_str(), 0755);
}

TEST(FindCssim, PrefersTheViewersDirectoryThenBuildTreeThenPath) {
    const auto root = temp_dir("find");
    std::filesystem::create_directories(root / "viewer");
    std::filesystem::create_directories(root / "cli");
    std::filesystem::create_directories(root / "bin");
    const auto viewer = root / "viewer" / "cssim-view";
    EXPECT_FALSE(find_cssim_executable(viewer, ""));
    make_executable(root / "bin" / "cssim");
    EXPECT_EQ(*find_cssim_executable(viewer, "/nonexistent:" + (root / "bin").string()),
              root / "bin" / "cssim");
    make_executable(root / "cli" / "cssim");
    EXPECT_EQ(*find_cssim_executable(viewer, (root / "bin").string()), root / "cli" / "cssim");
    make_executable(root / "viewer" / "cssim");
    EXPECT_EQ(*find_cssim_executable(viewer, (root / "bin").string()), root / "viewer" / "cssim");
    std::filesystem::remove_all(root);
}

TEST(ChildProcess, RunsInTheBackgroundAndReportsItsExitCode) {
    const auto dir = temp_dir("child");
    const auto log = dir / "log.txt";
    auto ok = ChildProcess::start({"/bin/sh", "-c", "echo hello; echo oops >&2"}, log);
    EXPECT_EQ(ok.wait(), ChildProcess::State::succeeded);
    EXPECT_EQ(ok.exit_code(), 0);
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("hello"), std::string::npos);
    EXPECT_NE(text.find("oops"), std::string::npos);

    auto bad = ChildProcess::start({"sh", "-c", "exit 65"}, log);  // found on PATH
    EXPECT_EQ(bad.wait(), ChildProcess::State::failed);
    EXPECT_EQ(bad.exit_code(), 65);
    std::filesystem::remove_all(dir);
}

TEST(ChildProcess, PollDoesNotBlockAndTerminateStopsTheChild) {
    const auto dir = temp_dir("slow");
    auto slow = ChildProcess::start({"/bin/sleep", "30"}, dir / "log.txt");
    EXPECT_EQ(slow.poll(), ChildProcess::State::running);
    slow.terminate();
    EXPECT_EQ(slow.state(), ChildProcess::State::failed);
    EXPECT_EQ(slow.exit_code(), 128 + 15);
    EXPECT_THROW(ChildProcess::start({"/no/such/program"}, dir / "log.txt"), std::runtime_error);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cssim::viewer

namespace cssim::viewer {
namespace {

// A stand-in for `cssim run`: records its arguments and writes a small synthetic archive to
// --out with cssim_viewer_make_archive, or fails with the given exit code.
std::filesystem::path fake_cssim(const std::filesystem::path& dir, int exit_code) {
    const auto script = dir / "cssim";
    std::ofstream(script) << "#!/bin/sh\n"
                             "out=\"\"\n"
                             "echo \"$@\" > \""
                          << (dir / "args.txt").string()
                          << "\"\n"
                             "while [ $# -gt 0 ]; do\n"
                             "  if [ \"$1\" = \"--out\" ]; then out=\"$2\"; shift; fi\n"
                             "  shift\n"
                             "done\n"
                          << (exit_code != 0 ? "exit " + std::to_string(exit_code) + "\n" : "")
                          << "exec \"" << CSSIM_VIEWER_MAKE_ARCHIVE
                          << "\" \"$out\" --admin-support --days 200 --posts 20 --series 25 "
                             "--replications 1 > /dev/null\n";
    ::chmod(script.c_str(), 0755);
    return script;
}

ViewerState what_if_state(const std::filesystem::path& cssim) {
    ViewerState s;
    s.what_if.presets = {{"pa_one_per_three", "/scenarios/pa_one_per_three.json"}};
    s.what_if.cssim_executable = cssim;
    s.what_if.replications = 1;
    return s;
}

// Drives update() like the UI loop does, for at most `seconds`.
void pump(ViewerState& s, double seconds, const std::function<bool()>& done) {
    for (int i = 0; i < static_cast<int>(seconds * 50) && !done(); ++i) {
        update(s, 0.02);
        ::usleep(20000);
    }
}

TEST(WhatIfRun, LoadsTheChildsArchiveIntoSideBWithoutBlocking) {
    const auto dir = temp_dir("run");
    ViewerState s = what_if_state(fake_cssim(dir, 0));
    ASSERT_TRUE(start_what_if(s)) << s.what_if.status;
    EXPECT_TRUE(s.what_if.process.has_value());  // start returned at once; the child runs on
    pump(s, 60.0, [&] { return has_run(s, kSideB); });
    ASSERT_TRUE(has_run(s, kSideB)) << s.what_if.status << " / " << s.status_message;
    EXPECT_EQ(s.sides[1].run->info().scenario_name, "synthetic_pa_one_per_three");
    EXPECT_EQ(s.sides[1].run->last_day(), 199);
    std::ifstream args(dir / "args.txt");
    std::string line;
    std::getline(args, line);
    EXPECT_NE(line.find("run /scenarios/pa_one_per_three.json --out "), std::string::npos) << line;
    EXPECT_NE(line.find("--set admin_support.workers_per_pa=3"), std::string::npos) << line;
    EXPECT_TRUE(std::filesystem::exists(s.what_if.log_path));
    EXPECT_NE(s.what_if.log_path.parent_path(), s.what_if.out_dir);
    std::filesystem::remove_all(s.what_if.out_dir.parent_path());
    std::filesystem::remove_all(dir);
}

TEST(WhatIfRun, ReportsAFailedRunWithItsExitCode) {
    const auto dir = temp_dir("fail");
    ViewerState s = what_if_state(fake_cssim(dir, 65));
    ASSERT_TRUE(start_what_if(s));
    pump(s, 30.0, [&] { return !s.what_if.process.has_value(); });
    EXPECT_NE(s.what_if.status.find("code 65"), std::string::npos) << s.what_if.status;
    EXPECT_FALSE(has_run(s, kSideB));
    ViewerState missing = what_if_state("/no/such/cssim");
    EXPECT_FALSE(start_what_if(missing));
    EXPECT_NE(missing.what_if.status.find("/no/such/cssim"), std::string::npos);
    std::filesystem::remove_all(s.what_if.out_dir.parent_path());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cssim::viewer

namespace cssim::viewer {
namespace {

/** Removes a directory when the test ends, passed or not. */
struct RemoveOnExit {
    std::filesystem::path dir;
    ~RemoveOnExit() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The real thing when the build tree has it: cssim-view's what-if runs `cssim run` on a preset
// with --set levers, and the archive it writes loads. Skips when cssim or the presets are absent
// (e.g. a viewer-only build).
TEST(WhatIfRun, RealCssimRunOfAPresetLoads) {
    const std::filesystem::path cssim = std::filesystem::path(CSSIM_BINARY_DIR) / "cli" / "cssim";
    const std::filesystem::path preset =
        std::filesystem::path(CSSIM_SOURCE_DIR) / "scenarios" / "pa_one_per_three.json";
    if (!std::filesystem::exists(cssim) || !std::filesystem::exists(preset)) {
        GTEST_SKIP() << "cssim or scenarios/pa_one_per_three.json not available";
    }
    ViewerState s;
    s.what_if.presets = {{"pa_one_per_three", preset}};
    s.what_if.cssim_executable = cssim;
    s.what_if.replications = 1;
    // Two simulated years keep the test short; the levers are the panel's own.
    s.what_if.levers.push_back({"Years", "run.years", "", 1.0, 20.0, 2.0, false, true});
    s.what_if.levers.push_back({"Warm-up", "run.warmup_years", "", 0.0, 5.0, 0.0, false, true});
    s.what_if.levers[0].value = 6.0;
    ASSERT_TRUE(start_what_if(s)) << s.what_if.status;
    const RemoveOnExit cleanup{s.what_if.out_dir.parent_path()};
    pump(s, 90.0, [&] { return has_run(s, kSideB) || (!s.what_if.process && s.loads.empty()); });
    ASSERT_TRUE(has_run(s, kSideB)) << s.what_if.status << " / " << s.sides[1].error << "\n"
                                    << read_text(s.what_if.log_path);
    const LoadedRun& run = *s.sides[1].run;
    EXPECT_EQ(run.info().model, "department");
    EXPECT_NE(run.info().command_line.find("admin_support.workers_per_pa=6"), std::string::npos)
        << run.info().command_line;
    EXPECT_FALSE(run.series_names().empty());
    EXPECT_FALSE(run.replication().tracks.empty());
}

}  // namespace
}  // namespace cssim::viewer
