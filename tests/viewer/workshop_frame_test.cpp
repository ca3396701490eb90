// Workshop mode run from the keyboard alone, in windowless ImGui frames (no GPU, no display):
// choose levers, play a round for two tables through the real workshop library, then visit the
// play, scoreboard and debrief screens, each drawing geometry.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/workshop_start.hpp"
#include "views/workshop_views.hpp"

namespace cssim::viewer {
namespace {

// GLFW's codes, which the viewer's backend puts in io.KeysDown (letters are their capitals).
constexpr int kTab = 258, kEnter = 257, kRight = 262, kLeft = 263, kDown = 264, kUp = 265,
              kHome = 268, kSpace = 32;

class WorkshopFrame : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_Tab] = kTab;
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
        io.KeyMap[ImGuiKey_RightArrow] = kRight;
        io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
        io.KeyMap[ImGuiKey_DownArrow] = kDown;
        io.KeyMap[ImGuiKey_UpArrow] = kUp;
        io.KeyMap[ImGuiKey_Home] = kHome;
        io.KeyMap[ImGuiKey_Space] = kSpace;
        fonts_ = load_fonts(io);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(true);
        ViewerOptions options;
        options.workshop = std::string(CSSIM_SOURCE_DIR) + "/scenarios/workshops/pa_decision.json";
        options.save_dir = ::testing::TempDir() + "workshop_frame_tables";
        std::filesystem::remove_all(*options.save_dir);
        std::string error;
        ASSERT_EQ(open_workshop(options, w_, error), 0) << error;
        state_.presenter = true;
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void frame() {
        ImGui::NewFrame();
        draw_workshop(state_, w_, fonts_);
        ImGui::Render();
    }
    /** One frame with `code` down, then one with it up (a press). */
    void press(int code, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[code] = true;
        io.KeyCtrl = ctrl;
        frame();
        io.KeysDown[code] = false;
        io.KeyCtrl = false;
        frame();
    }
    bool drew(const char* part) const {
        for (const auto& r : state_.panel_rects) {
            if (r.name == part)
                return r.width > 100 && r.height > 40;
        }
        return false;
    }

    ViewerState state_;
    WorkshopState w_;
    UiFonts fonts_;
};

TEST_F(WorkshopFrame, TheFacilitatorPlaysARoundAndVisitsEveryScreenFromTheKeyboard) {
    frame();
    EXPECT_TRUE(drew("workshop_levers"));
    EXPECT_TRUE(drew("workshop_card"));
    // Table 2 takes a PA for every three workers: Tab, then three steps right on lever 1.
    press(kTab);
    EXPECT_EQ(w_.table, 1u);
    for (int i = 0; i < 3; ++i)
        press(kRight);
    EXPECT_EQ(w_.tables[1].pending[0], "3");
    const scenario::Workshop& ws = w_.session->workshop();
    EXPECT_DOUBLE_EQ(budget_left(ws, w_.tables[1].pending),
                     ws.budget_per_year - ws.levers[0].cost_per_year.at(3));
    // Table 1 bans agency workers: 1, Down, Right.
    press('1');
    press(kDown);
    press(kRight);
    EXPECT_EQ(w_.tables[0].pending[1], "false");
    press(kUp);
    EXPECT_EQ(w_.lever, 0u);
    press(kEnter);
    ASSERT_TRUE(w_.playing.has_value());
    ASSERT_TRUE(collect_play(w_, state_, true));  // what the host's update hook does
    ASSERT_EQ(w_.played, 1u) << w_.status;
    frame();
    EXPECT_EQ(w_.screen, WorkshopScreen::play);
    EXPECT_TRUE(drew("workshop_play"));
    EXPECT_TRUE(drew("office_floor"));
    EXPECT_TRUE(drew("workshop_play_charts"));
    EXPECT_TRUE(state_.clock.is_playing());
    press(kSpace);
    EXPECT_FALSE(state_.clock.is_playing());
    press('S');
    EXPECT_EQ(w_.screen, WorkshopScreen::scoreboard);
    EXPECT_TRUE(drew("workshop_scoreboard"));
    press('D');
    EXPECT_EQ(w_.screen, WorkshopScreen::debrief);
    EXPECT_TRUE(drew("workshop_debrief_charts"));
    EXPECT_TRUE(drew("workshop_loops"));
    // Even after one quarter the PAs' difference runs through admin time.
    ASSERT_FALSE(w_.loops.empty());
    EXPECT_EQ(w_.loops[0].chain.front().series, "pa_count");
    press('Q');
    EXPECT_EQ(w_.question, 1u);
    press('K');
    EXPECT_FALSE(w_.show_keys);
    press('R');
    EXPECT_EQ(w_.screen, WorkshopScreen::round);
    EXPECT_EQ(next_round(w_), 2u);
    press('Q', true);
    EXPECT_TRUE(state_.quit_requested);
}

}  // namespace
}  // namespace cssim::viewer
