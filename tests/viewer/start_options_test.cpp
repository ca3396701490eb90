// The command line checked against the runs: unknown series, days outside the run, --view.
#include "app/start_options.hpp"

#include <gtest/gtest.h>

#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

ViewerState one_run() {
    testing::SyntheticSpec spec;
    spec.start_date = "2023-04-01";
    spec.days = 400;
    spec.posts = 8;
    spec.series = 25;
    spec.replications = 2;
    auto run = testing::make_synthetic_run(spec);
    ViewerState s;
    set_run(s, kSideA, LoadedRun(make_memory_run_source("a", run.info, run.replications)));
    return s;
}

ParsedOptions parse(std::vector<std::string> args) {
    args.insert(args.begin(), "cssim-view");
    return parse_viewer_options(args);
}

TEST(StartOptions, DidYouMeanFindsTypos) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(closest_name("stres_mean", {"caseload_mean", "stress_mean"}), "stress_mean");
    EXPECT_EQ(closest_name("banana", {"caseload_mean", "stress_mean"}), std::nullopt);
}

TEST(StartOptions, AnUnknownPauseSeriesIsAnErrorWithASuggestion) {
    ViewerState s = one_run();
    ViewerOptions o;
    o.pause_conditions = {"unallocated_case > 5"};
    EXPECT_EQ(apply_start_options(s, o),
              "--pause-when \"unallocated_case > 5\": no series \"unallocated_case\" in the run; "
              "did you mean \"unallocated_cases\"?");
    o.pause_conditions = {"zzz > 5"};
    const std::string error = apply_start_options(s, o);
    EXPECT_NE(error.find("its series are caseload_mean, unallocated_cases"), std::string::npos)
        << error;
    o.pause_conditions = {"A: unallocated_cases > 5"};
    EXPECT_EQ(apply_start_options(s, o), "");
    ASSERT_EQ(s.pause_conditions.size(), 1u);
}

TEST(StartOptions, DaysAndBookmarksOutsideTheRunAreErrorsNotClamped) {
    ViewerState s = one_run();
    ViewerOptions o;
    o.day = "400";
    EXPECT_EQ(apply_start_options(s, o),
              "--day: \"400\" is outside the run: days 0 to 399, 2023-04-01 to 2024-05-04");
    o.day = "2023-03-31";
    EXPECT_NE(apply_start_options(s, o).find("outside the run"), std::string::npos);
    o.day = "soon";
    EXPECT_NE(apply_start_options(s, o).find("neither a day number nor a date"), std::string::npos);
    o.day = "2024-05-04";
    EXPECT_EQ(apply_start_options(s, o), "");
    EXPECT_EQ(s.alignment.label(s.clock.whole_day()), "2024-05-04");
    o.day.reset();
    o.bookmarks = {"-1=before"};
    EXPECT_NE(apply_start_options(s, o).find("--bookmark \"-1=before\": \"-1\" is outside"),
              std::string::npos);
    o.bookmarks = {"10=ten"};
    EXPECT_EQ(apply_start_options(s, o), "");
    EXPECT_EQ(s.bookmarks.items().size(), 1u);
}

TEST(StartOptions, EveryViewCanBeChosenFromTheCommandLine) {
    EXPECT_NE(parse({"--view", "floor"}).error.find("--view expects one of charts,"),
              std::string::npos);
    for (StartView v : {StartView::charts, StartView::system_effects, StartView::pathway,
                        StartView::office_floor, StartView::office_floor_stress,
                        StartView::time_use, StartView::events, StartView::comparison}) {
        const ParsedOptions p = parse({"--view", start_view_name(v)});
        ASSERT_TRUE(p.error.empty()) << p.error;
        EXPECT_EQ(p.options.view, v);
    }
    ViewerState s = one_run();
    apply_start_view(s, StartView::office_floor_stress);
    EXPECT_EQ(s.floor_colouring, FloorColouring::stress);
    EXPECT_EQ(s.presenter_page, StartView::office_floor_stress);
    apply_start_view(s, StartView::pathway);
    EXPECT_TRUE(s.select_pathway_tab);
    EXPECT_FALSE(s.select_system_tab);
    apply_start_view(s, StartView::system_effects);
    EXPECT_TRUE(s.presenter_system_effects);
    EXPECT_FALSE(s.presenter_page);
}

TEST(StartOptions, PresenterTextGrowsWithTheWindow) {
    EXPECT_FLOAT_EQ(presenter_text_scale(1280, 800), 1.0f);
    EXPECT_FLOAT_EQ(presenter_text_scale(1920, 1080), 1.35f);
    EXPECT_FLOAT_EQ(presenter_text_scale(3840, 2160), 2.7f);
    EXPECT_FLOAT_EQ(presenter_text_scale(320, 240), 0.6f);
}

}  // namespace
}  // namespace cssim::viewer
