// The host's redraw decisions without a window: software-renderer detection, the redraw gate,
// how long the host may sleep, and whether update() reports a change of picture.
#include "app/redraw_policy.hpp"

#include <gtest/gtest.h>

#include "app/viewer_options.hpp"
#include "app/viewer_state.hpp"
#include "synthetic_run.hpp"

namespace cssim::viewer {
namespace {

TEST(RenderDetail, RecognisesSoftwareRenderers) {
    EXPECT_TRUE(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
    EXPECT_TRUE(is_software_renderer("softpipe"));
    EXPECT_TRUE(is_software_renderer("Mesa X11 SWRAST"));
    EXPECT_TRUE(is_software_renderer("Google SwiftShader"));
    EXPECT_FALSE(is_software_renderer("AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6)"));
    EXPECT_FALSE(is_software_renderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    EXPECT_FALSE(is_software_renderer(""));
}

TEST(RenderDetail, AutomaticFollowsTheRendererAndRequestsWin) {
    EXPECT_EQ(choose_detail(DetailRequest::automatic, "llvmpipe"), DetailLevel::low);
    EXPECT_EQ(choose_detail(DetailRequest::automatic, "NVIDIA GeForce"), DetailLevel::full);
    EXPECT_EQ(choose_detail(DetailRequest::full, "llvmpipe"), DetailLevel::full);
    EXPECT_EQ(choose_detail(DetailRequest::low, "NVIDIA GeForce"), DetailLevel::low);
}

TEST(RenderDetail, CommandLineChoosesTheDetail) {
    auto parse = [](std::vector<std::string> args) {
        args.insert(args.begin(), "cssim-view");
        return parse_viewer_options(args);
    };
    EXPECT_EQ(parse({"a"}).options.detail, DetailRequest::automatic);
    EXPECT_EQ(parse({"--detail", "low", "a"}).options.detail, DetailRequest::low);
    EXPECT_EQ(parse({"--detail", "full", "a"}).options.detail, DetailRequest::full);
    EXPECT_EQ(parse({"--detail", "auto", "a"}).options.detail, DetailRequest::automatic);
    const auto bad = parse({"--detail", "medium", "a"});
    EXPECT_NE(bad.error.find("--detail expects auto, full or low"), std::string::npos);
    EXPECT_NE(parse({"--detail"}).error.find("needs a value"), std::string::npos);
}

TEST(RedrawGate, DrawsTheFirstFramesThenStopsWhenNothingChanges) {
    RedrawGate gate;
    int drawn = 0;
    for (int i = 0; i < 10; ++i)
        drawn += gate.should_draw({}) ? 1 : 0;
    EXPECT_EQ(drawn, RedrawGate::kSettleFrames);
    EXPECT_EQ(gate.pending(), 0);
}

TEST(RedrawGate, InputDrawsSettleFramesAndANewDayDrawsOne) {
    RedrawGate gate;
    while (gate.should_draw({})) {
    }
    FrameEvents input;
    input.input = true;
    EXPECT_TRUE(gate.should_draw(input));
    EXPECT_TRUE(gate.should_draw({}));
    EXPECT_TRUE(gate.should_draw({}));
    EXPECT_FALSE(gate.should_draw({}));
    FrameEvents day;
    day.content_changed = true;
    EXPECT_TRUE(gate.should_draw(day));
    EXPECT_FALSE(gate.should_draw({}));
    FrameEvents typing;
    typing.typing = true;  // a caret blinks: every wake-up with a focused field draws once
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(gate.should_draw(typing));
    EXPECT_FALSE(gate.should_draw({}));
}

TEST(RedrawGate, PlayingAMonthASecondAt60HzDrawsAboutHalfTheFrames) {
    RunClock clock;
    clock.set_range(0, 3652);
    clock.set_speed_index(5);  // 30.4375 days a second
    clock.play();
    RedrawGate gate;
    while (gate.should_draw({})) {
    }
    int drawn = 0;
    for (int frame = 0; frame < 600; ++frame) {  // ten seconds at 60 Hz
        const std::int64_t before = clock.whole_day();
        clock.commit_advance(clock.proposed_advance(1.0 / 60.0));
        FrameEvents e;
        e.content_changed = clock.whole_day() != before;
        drawn += gate.should_draw(e) ? 1 : 0;
    }
    // Exactly one draw per new day: 304 or 305 whole days are crossed in 304.375 days.
    EXPECT_GE(drawn, 304);
    EXPECT_LE(drawn, 305);
}

TEST(RedrawWait, SleepsUntilTheNextWholeDay) {
    RunClock clock;
    clock.set_range(0, 100);
    EXPECT_DOUBLE_EQ(seconds_until_next_day(clock, 0.25), 0.25);  // paused: idle wait
    clock.set_speed_index(0);                                     // one day a second
    clock.play();
    clock.commit_advance(10.25);
    EXPECT_NEAR(seconds_until_next_day(clock, 0.25), 0.25, 1e-12);  // capped at idle
    EXPECT_NEAR(seconds_until_next_day(clock, 1.0), 0.75, 1e-12);
    clock.set_speed_index(3);  // a week a second: 0.75 day is 0.107 s
    EXPECT_NEAR(seconds_until_next_day(clock, 1.0), 0.75 / 7.0, 1e-12);
    clock.set_speed_index(kClockSpeeds.size() - 1);  // max: every frame is a new day
    EXPECT_DOUBLE_EQ(seconds_until_next_day(clock, 1.0), 0.0);
}

TEST(ViewerUpdate, ReportsAChangeOnlyWhenTheShownDayChanges) {
    testing::SyntheticSpec spec;
    spec.days = 200;
    spec.posts = 16;
    spec.series = 25;
    spec.replications = 1;
    auto run = testing::make_synthetic_run(spec);
    ViewerState s;
    set_run(s, kSideA, LoadedRun(make_memory_run_source("a", run.info, run.replications)));
    EXPECT_FALSE(update(s, 1.0 / 60.0));  // paused: nothing moves
    s.clock.set_speed_index(0);           // one day a second
    s.clock.play();                       // (input: the gate sees the key press)
    EXPECT_FALSE(update(s, 0.0));
    int changes = 0;
    for (int frame = 0; frame < 150; ++frame)  // 2.5 seconds at 60 Hz: two new days
        changes += update(s, 1.0 / 60.0) ? 1 : 0;
    EXPECT_EQ(changes, 2);
    // Reaching the last day pauses the clock inside update(): a change.
    s.clock.scrub_to(static_cast<double>(s.clock.last_day()) - 0.01);
    EXPECT_TRUE(update(s, 0.5));
    EXPECT_FALSE(s.clock.is_playing());
    EXPECT_FALSE(update(s, 0.5));
}

}  // namespace
}  // namespace cssim::viewer
