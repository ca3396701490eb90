// Every panel drawn in a windowless ImGui frame (the example_null pattern): no GPU, no display.
// Checks that each panel produced geometry, that hovering charts and tiles opens tooltips, and
// that keyboard shortcuts reach the clock.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/event_ticker.hpp"
#include "synthetic_run.hpp"
#include "views/views.hpp"
#include "widgets/time_series_chart.hpp"

namespace cssim::viewer {
namespace {

LoadedRun small_run(bool admin_support, bool system_effects = false) {
    testing::SyntheticSpec spec;
    spec.system_effects = system_effects;
    spec.days = 730;
    spec.posts = 48;
    spec.series = 30;
    spec.replications = 3;
    spec.admin_support = admin_support;
    spec.scenario_name = admin_support ? "pa_one_per_three" : "no_admin_support";
    auto run = testing::make_synthetic_run(spec);
    return LoadedRun(make_memory_run_source(spec.scenario_name, run.info, run.replications));
}

/** A headless ImGui context with a built font atlas, destroyed with the fixture. */
class ViewerFrame : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_Space] = 32;
        fonts_ = load_fonts(io);
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(false);
        set_run(state_, kSideA, small_run(false));
        set_run(state_, kSideB, small_run(true));
        state_.clock.scrub_to(static_cast<double>(state_.clock.first_day() + 400));
        state_.bookmarks.add(state_.clock.first_day() + 200, "surge");
        state_.pause_conditions.push_back({"unallocated_cases", Comparison::greater, 50.0});
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void frame() {
        ImGui::NewFrame();
        draw_viewer(state_, fonts_);
        ImGui::Render();
    }

    const PanelRect* rect(const std::string& name) const {
        for (const auto& r : state_.panel_rects) {
            if (r.name == name)
                return &r;
        }
        return nullptr;
    }

    static int vertices_of(const char* window_name) {
        ImGuiWindow* w = ImGui::FindWindowByName(window_name);
        return w == nullptr ? -1 : w->DrawList->VtxBuffer.Size;
    }

    ViewerState state_;
    UiFonts fonts_;
};

TEST_F(ViewerFrame, EveryDashboardPanelDrawsGeometry) {
    state_.show.pause_bookmarks = true;
    state_.show.what_if = true;
    state_.show.run_picker = true;
    state_.show.help = true;
    for (int i = 0; i < 3; ++i)
        frame();
    EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 10000);
    for (const char* name : {"clock", "kpi_cards", "charts", "office_floor", "pathway", "time_use",
                             "events", "comparison", "pause_bookmarks", "what_if", "run_picker"}) {
        const PanelRect* r = rect(name);
        ASSERT_NE(r, nullptr) << name;
        EXPECT_GT(r->width, 100.0f) << name;
        EXPECT_GT(r->height, 50.0f) << name;
    }
    for (const char* title :
         {"##clock", "Key figures", "Charts", "Office floor", "Pathway", "Time use", "Events",
          "Comparison (B - A)", "Live what-if", "Pause conditions and bookmarks", "Open a run",
          "Keyboard shortcuts"}) {
        EXPECT_GT(vertices_of(title), 100) << title;
    }
}

TEST_F(ViewerFrame, TickerSentencesWrapInsteadOfBeingCut) {
    for (int i = 0; i < 3; ++i)
        frame();
    ImGuiWindow* events = ImGui::FindWindowByName("Events");
    ASSERT_NE(events, nullptr);
    // Every sentence fits the panel's width: nothing runs past the right edge...
    EXPECT_LE(events->ContentSize.x, events->Size.x);
    // ...because long sentences take two lines or more: the rows are taller than one line each.
    const std::size_t rows = ticker_rows(state_, 60).size();
    ASSERT_GT(rows, 10u);
    EXPECT_GT(events->ContentSize.y,
              1.3f * static_cast<float>(rows) * ImGui::GetTextLineHeightWithSpacing())
        << "panel " << events->Size.x << " px wide";
}

TEST_F(ViewerFrame, PresenterTextGrowsWithTheWindow) {
    state_.presenter = true;
    apply_theme(true);
    // The header (date, run names, play button) is text: the first chart starts below it.
    auto chart_top = [&](float w, float h) {
        ImGui::GetIO().DisplaySize = ImVec2(w, h);
        for (int i = 0; i < 3; ++i)
            frame();
        const PanelRect* r = rect("presenter_chart_0");
        return r == nullptr ? -1.0f : r->y;
    };
    const float small = chart_top(1280, 800);
    const float large = chart_top(1920, 1080);
    ASSERT_GT(small, 0.0f);
    // 1.35 times the type at 1920x1080; allow for the fixed paddings between the lines.
    EXPECT_GT(large, 1.25f * small) << small << " -> " << large;
    EXPECT_LT(large, 1.45f * small) << small << " -> " << large;
}

TEST_F(ViewerFrame, APresenterPageFillsTheWindowInPresenterType) {
    state_.presenter = true;
    apply_theme(true);
    apply_start_view(state_, StartView::events);
    for (int i = 0; i < 3; ++i)
        frame();
    const PanelRect* r = rect("events");
    ASSERT_NE(r, nullptr);
    EXPECT_GT(r->width, 1200.0f);
    EXPECT_GT(vertices_of("Events"), 1000);
}

TEST_F(ViewerFrame, PanelsTileTheWindowWithoutOverlap) {
    frame();
    const std::vector<std::string> names{"kpi_cards",  "time_use",     "events", "charts",
                                         "comparison", "office_floor", "pathway"};
    float area = 0.0f;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const PanelRect* a = rect(names[i]);
        ASSERT_NE(a, nullptr);
        area += a->width * a->height;
        for (std::size_t j = i + 1; j < names.size(); ++j) {
            const PanelRect* b = rect(names[j]);
            const float ox = std::min(a->x + a->width, b->x + b->width) - std::max(a->x, b->x);
            const float oy = std::min(a->y + a->height, b->y + b->height) - std::max(a->y, b->y);
            EXPECT_FALSE(ox > 1.0f && oy > 1.0f) << names[i] << " overlaps " << names[j];
        }
    }
    EXPECT_GT(area, 0.85f * 1280.0f * 800.0f * 0.9f);
}

TEST_F(ViewerFrame, PresenterModeDrawsBigCharts) {
    state_.presenter = true;
    apply_theme(true);
    for (int i = 0; i < 3; ++i)
        frame();
    ASSERT_NE(rect("presenter"), nullptr);
    EXPECT_EQ(rect("charts"), nullptr);  // the dashboard is replaced, not overlaid
    int charts = 0;
    for (int i = 0; i < 5; ++i) {
        if (const PanelRect* r = rect("presenter_chart_" + std::to_string(i))) {
            ++charts;
            EXPECT_GT(r->width, 400.0f);
            EXPECT_GT(r->height, 200.0f);
        }
    }
    EXPECT_GE(charts, 3);
    EXPECT_LE(charts, 5);
    EXPECT_GT(vertices_of("##presenter"), 5000);
}

TEST_F(ViewerFrame, HoveringAChartOrATileOpensATooltip) {
    frame();
    const PanelRect* charts = rect("charts");
    const PanelRect* floor = rect("office_floor");
    ASSERT_NE(charts, nullptr);
    ASSERT_NE(floor, nullptr);
    for (const auto& [x, y] : {std::pair{charts->x + charts->width * 0.3f, charts->y + 120.0f},
                               std::pair{floor->x + 30.0f, floor->y + 60.0f}}) {
        ImGui::GetIO().MousePos = ImVec2(x, y);
        frame();
        frame();
        ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
        ASSERT_NE(tip, nullptr);
        EXPECT_TRUE(tip->Active) << "no tooltip at " << x << "," << y;
    }
}

TEST_F(ViewerFrame, SpaceKeyTogglesPlay) {
    frame();
    ASSERT_FALSE(state_.clock.is_playing());
    ImGui::GetIO().KeysDown[32] = true;
    frame();
    EXPECT_TRUE(state_.clock.is_playing());
    ImGui::GetIO().KeysDown[32] = false;
    frame();
    EXPECT_TRUE(state_.clock.is_playing());
}

TEST_F(ViewerFrame, PathwayAloneWhenTheRunsHaveNoSystemSeries) {
    frame();
    EXPECT_NE(rect("pathway"), nullptr);
    EXPECT_EQ(rect("system_effects"), nullptr);
    EXPECT_EQ(ImGui::FindWindowByName("Pathway and system effects"), nullptr);
}

TEST_F(ViewerFrame, SystemEffectsTabShowsGroupsBadgesAndSmallCharts) {
    set_run(state_, kSideA, small_run(false, true));
    set_run(state_, kSideB, small_run(true, true));
    state_.clock.scrub_to(static_cast<double>(state_.clock.first_day() + 720));
    for (int i = 0; i < 3; ++i)
        frame();
    const PanelRect* r = rect("system_effects");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(rect("pathway"), nullptr);  // the other tab
    EXPECT_GT(r->width, 300.0f);
    // Ten small charts with axes, lines and bands, plus two badges: a lot of geometry.
    EXPECT_GT(vertices_of("Pathway and system effects"), 20000);

    // Clicking a small chart puts its series in the last main chart. The first small chart
    // sits below the tabs, the badges, the hint and the group title: try down the left half.
    ImGuiIO& io = ImGui::GetIO();
    bool clicked = false;
    for (float y = r->y + 70.0f; y < r->y + 300.0f && !clicked; y += 15.0f) {
        io.MousePos = ImVec2(r->x + r->width * 0.25f, y);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        clicked = state_.charts.back().series == "prevention/capacity";
    }
    EXPECT_TRUE(clicked) << "no small chart took the click";
    EXPECT_NE(state_.status_message.find("prevention/capacity"), std::string::npos);
}

TEST_F(ViewerFrame, SystemEffectsOffLeavesThePathwayAndSKeyBringsItBack) {
    set_run(state_, kSideA, small_run(false, true));
    state_.show.system_effects = false;
    frame();
    EXPECT_NE(rect("pathway"), nullptr);
    EXPECT_EQ(rect("system_effects"), nullptr);
    ImGui::GetIO().KeysDown['S'] = true;
    frame();
    ImGui::GetIO().KeysDown['S'] = false;
    frame();
    EXPECT_TRUE(state_.show.system_effects);
    EXPECT_NE(rect("system_effects"), nullptr);
}

TEST_F(ViewerFrame, PresenterModeShowsJudgementBadgesAndSystemEffects) {
    set_run(state_, kSideA, small_run(false, true));
    set_run(state_, kSideB, small_run(true, true));
    state_.presenter = true;
    apply_theme(true);
    frame();
    const int with_charts = vertices_of("##presenter");
    EXPECT_NE(rect("presenter_chart_0"), nullptr);
    state_.presenter_system_effects = true;
    for (int i = 0; i < 2; ++i)
        frame();
    EXPECT_EQ(rect("presenter_chart_0"), nullptr);
    const PanelRect* r = rect("presenter_system_effects");
    ASSERT_NE(r, nullptr);
    EXPECT_GT(r->height, 400.0f);
    EXPECT_GT(with_charts, 1000);
}

TEST_F(ViewerFrame, LowDetailDrawsTheSameDashboardWithFewerTriangles) {
    for (int i = 0; i < 2; ++i)
        frame();
    // Triangles, not vertices: unanti-aliased polylines use more vertices for fewer triangles.
    const int full = ImGui::GetDrawData()->TotalIdxCount;
    state_.detail = DetailLevel::low;
    apply_theme(state_);
    EXPECT_FALSE(ImGui::GetStyle().AntiAliasedLines);
    EXPECT_FALSE(ImGui::GetStyle().AntiAliasedFill);
    EXPECT_EQ(ImGui::GetStyle().FrameRounding, 0.0f);
    for (int i = 0; i < 2; ++i)
        frame();
    const int low = ImGui::GetDrawData()->TotalIdxCount;
    EXPECT_LT(low, full);
    for (const char* name : {"kpi_cards", "charts", "office_floor", "pathway", "events"})
        EXPECT_NE(rect(name), nullptr) << name;
}

TEST_F(ViewerFrame, EmptyViewerAsksForARun) {
    ViewerState empty;
    empty.show.run_picker = true;
    ImGui::NewFrame();
    draw_viewer(empty, fonts_);
    ImGui::Render();
    EXPECT_GT(vertices_of("Open a run"), 100);
    EXPECT_GT(vertices_of("Key figures"), 10);
}

TEST(NiceTicks, UseOneTwoFiveSteps) {
    EXPECT_EQ(nice_ticks(0.0, 10.0, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
    EXPECT_EQ(nice_ticks(-150.0, 160.0, 3), (std::vector<double>{-100, 0, 100}));
    EXPECT_TRUE(nice_ticks(1.0, 1.0, 4).empty());
}

}  // namespace
}  // namespace cssim::viewer
