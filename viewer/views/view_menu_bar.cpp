// Main menu bar, keyboard shortcuts and the help window that lists them.
#include <filesystem>

#include "views/views.hpp"

namespace cssim::viewer {
namespace {

// GLFW key codes for letters and digits are their ASCII capitals, which is what the GLFW
// backend of ImGui 1.86 puts in io.KeysDown.
bool key(int code) {
    return ImGui::IsKeyPressed(code, false);
}
bool key_repeat(int code) {
    return ImGui::IsKeyPressed(code, true);
}
bool named(ImGuiKey k, bool repeat = false) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat);
}

void add_bookmark_here(ViewerState& state) {
    const std::int64_t day = current_day(state);
    state.bookmarks.add(day, state.alignment.label(day));
    state.status_message = "bookmark added on " + state.alignment.label(day);
}

void jump_to(ViewerState& state, const std::optional<Bookmark>& b) {
    if (!b)
        return;
    state.clock.pause();
    state.clock.scrub_to(static_cast<double>(b->day));
    state.status_message = "bookmark " + state.alignment.label(b->day) + ": " + b->label;
}

constexpr const char* kRows[][2] = {
    {"Space", "play / pause"},
    {"Left / Right", "step one day (Shift: one week)"},
    {"Up / Down", "step one week"},
    {"Home / End", "first / last day"},
    {"1 ... 9", "speed: 1 day/s ... as fast as possible"},
    {"- / =", "slower / faster"},
    {"B", "bookmark this day"},
    {"N / Shift+N", "next / previous bookmark"},
    {"C", "pause conditions and bookmarks"},
    {"S", "system effects panel (in presenter mode: instead of the charts)"},
    {"W", "live what-if"},
    {"O", "open a run"},
    {"P / Esc", "presenter mode on / off"},
    {"E", "export the charts as CSV"},
    {"Ctrl+S", "export the window as PNG"},
    {"Ctrl+Q", "quit"},
    {"Chart: wheel / drag", "zoom / zoom to a range; double-click resets"},
    {"Chart: click", "move the clock to that day"},
};

std::string png_name(const ViewerState& state) {
    return "cssim-view-" + state.alignment.label(current_day(state)) + ".png";
}

}  // namespace

void handle_shortcuts(ViewerState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput)
        return;
    RunClock& clock = state.clock;
    const std::int64_t step = io.KeyShift ? 7 : 1;
    if (named(ImGuiKey_Space))
        clock.toggle_play();
    if (named(ImGuiKey_RightArrow, true))
        clock.step_days(step);
    if (named(ImGuiKey_LeftArrow, true))
        clock.step_days(-step);
    if (named(ImGuiKey_UpArrow, true))
        clock.step_days(7);
    if (named(ImGuiKey_DownArrow, true))
        clock.step_days(-7);
    if (named(ImGuiKey_Home))
        clock.scrub_to(static_cast<double>(clock.first_day()));
    if (named(ImGuiKey_End))
        clock.scrub_to(static_cast<double>(clock.last_day()));
    if (named(ImGuiKey_Escape) && state.presenter) {
        state.presenter = false;
        apply_theme(state);
    }
    if (io.KeyCtrl) {
        if (key('S'))
            state.png_export_request = png_name(state);
        if (key('Q'))
            state.quit_requested = true;
        return;
    }
    if (key_repeat('=') || key_repeat('.'))
        clock.faster();
    if (key_repeat('-') || key_repeat(','))
        clock.slower();
    for (int d = 1; d <= 9; ++d) {
        if (key('0' + d))
            clock.set_speed_index(static_cast<std::size_t>(d - 1));
    }
    if (key('B'))
        add_bookmark_here(state);
    if (key('N')) {
        jump_to(state, io.KeyShift ? state.bookmarks.previous_before(current_day(state))
                                   : state.bookmarks.next_after(current_day(state)));
    }
    if (key('P')) {
        state.presenter = !state.presenter;
        apply_theme(state);
    }
    if (key('W'))
        state.show.what_if = !state.show.what_if;
    if (key('S')) {
        if (state.presenter) {
            state.presenter_system_effects = !state.presenter_system_effects;
        } else {
            state.show.system_effects = !state.show.system_effects;
            state.select_system_tab = state.show.system_effects;
        }
    }
    if (key('C'))
        state.show.pause_bookmarks = !state.show.pause_bookmarks;
    if (key('O'))
        state.show.run_picker = !state.show.run_picker;
    if (key('E'))
        export_charts_csv(state);
    if (key('H'))
        state.show.help = !state.show.help;
}

void draw_menu_bar(ViewerState& state) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open run...", "O"))
            state.show.run_picker = true;
        if (ImGui::MenuItem("Export window as PNG", "Ctrl+S")) {
            state.png_export_request = png_name(state);
        }
        if (ImGui::MenuItem("Export charts as CSV", "E"))
            export_charts_csv(state);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q"))
            state.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("KPI cards", nullptr, &state.show.kpi_cards);
        ImGui::MenuItem("Charts", nullptr, &state.show.charts);
        ImGui::MenuItem("Office floor", nullptr, &state.show.office_floor);
        ImGui::MenuItem("Pathway", nullptr, &state.show.pathway);
        ImGui::MenuItem("Time use", nullptr, &state.show.time_use);
        ImGui::MenuItem("Events", nullptr, &state.show.events);
        ImGui::MenuItem("Comparison", nullptr, &state.show.comparison);
        if (ImGui::MenuItem("System effects", "S", &state.show.system_effects,
                            has_system_series(state)) &&
            state.show.system_effects) {
            state.select_system_tab = true;
        }
        ImGui::Separator();
        ImGui::MenuItem("Bands", nullptr, &state.show_bands);
        if (ImGui::MenuItem("Line: replayed replication, band: range of all", nullptr,
                            state.band_mode == BandMode::replay))
            state.band_mode = BandMode::replay;
        if (ImGui::MenuItem("Line: mean, band: its 95% CI", nullptr,
                            state.band_mode == BandMode::mean))
            state.band_mode = BandMode::mean;
        bool caseload = state.floor_colouring == FloorColouring::caseload;
        if (ImGui::MenuItem("Floor by caseload", nullptr, caseload)) {
            state.floor_colouring = FloorColouring::caseload;
        }
        if (ImGui::MenuItem("Floor by stress", nullptr, !caseload)) {
            state.floor_colouring = FloorColouring::stress;
        }
        bool calendar = state.align_mode == AlignMode::calendar;
        if (ImGui::MenuItem("Align runs by date", nullptr, calendar)) {
            state.align_mode = calendar ? AlignMode::elapsed : AlignMode::calendar;
            realign(state);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Presenter mode", "P", state.presenter)) {
            state.presenter = !state.presenter;
            apply_theme(state);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Workshop")) {
        ImGui::MenuItem("Pause conditions and bookmarks", "C", &state.show.pause_bookmarks);
        ImGui::MenuItem("Live what-if", "W", &state.show.what_if);
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Help"))
        state.show.help = !state.show.help;
    if (!state.status_message.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", state.status_message.c_str());
    }
    ImGui::EndMainMenuBar();
}

void draw_help(ViewerState& state) {
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Keyboard shortcuts", &state.show.help)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& row : kRows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row[0]);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row[1]);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace cssim::viewer
