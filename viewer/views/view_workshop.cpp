// cssim-view --workshop: the frame (header with the round and the screens, the screen, the key
// bar) and the facilitator's keys. Everything is in the presenter's type, scaled to the window.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/value_format.hpp"
#include "views/workshop_views.hpp"
#include "widgets/scrubber.hpp"
#include "widgets/time_series_chart.hpp"

namespace cssim::viewer {
namespace {

bool key(int code, bool repeat = false) {
    return ImGui::IsKeyPressed(code, repeat);
}
bool named(ImGuiKey k, bool repeat = false) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat);
}

void focus_table(ViewerState& state, WorkshopState& w, std::size_t table) {
    if (table >= w.tables.size())
        return;
    w.table = table;
    if (w.screen == WorkshopScreen::play)
        show_play(w, state, true);
}

constexpr WorkshopScreen kScreens[] = {WorkshopScreen::round, WorkshopScreen::play,
                                       WorkshopScreen::scoreboard, WorkshopScreen::debrief};
constexpr const char* kScreenTitles[] = {"R  Round", "P  Play", "S  Scoreboard", "D  Debrief"};

void draw_header(WorkshopState& w, const WorkshopPage& page, float height) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    ImGui::Begin("##workshop_header", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const scenario::Workshop& ws = w.session->workshop();
    const auto& dates = w.session->calendar().round_dates;
    const std::size_t round = std::min(next_round(w), ws.rounds);
    // The screens, the current one highlighted: the facilitator's map of the session.
    float width = 0.0f;
    for (const char* t : kScreenTitles)
        width += ImGui::CalcTextSize(t).x + 2 * ImGui::GetStyle().FramePadding.x +
                 ImGui::GetStyle().ItemSpacing.x;
    ImGui::TextUnformatted(ws.title.c_str());
    ImGui::SameLine(0, 30 * page.scale);
    // The round and its dates, or only the round when the window is too narrow for both.
    const std::string shorter =
        workshop_finished(w)
            ? "all " + std::to_string(ws.rounds) + " rounds played"
            : "round " + std::to_string(round) + " of " + std::to_string(ws.rounds);
    const std::string longer =
        shorter + (workshop_finished(w) ? " (" + dates.front() + " to " + dates.back() + ")"
                                        : ": " + dates[round - 1] + " to " + dates[round]);
    const float room = display.x - width - ImGui::GetCursorPosX() - 30 * page.scale;
    ImGui::TextDisabled(
        "%s", ImGui::CalcTextSize(longer.c_str()).x <= room ? longer.c_str() : shorter.c_str());
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), display.x - width - 10 * page.scale));
    for (std::size_t i = 0; i < 4; ++i) {
        const bool current = w.screen == kScreens[i];
        ImGui::PushStyleColor(ImGuiCol_Button,
                              current ? IM_COL32(0, 120, 200, 255) : IM_COL32(40, 40, 40, 255));
        ImGui::Button(kScreenTitles[i]);
        ImGui::PopStyleColor();
        if (i < 3)
            ImGui::SameLine();
    }
    ImGui::End();
}

void draw_key_bar(WorkshopState& w, const WorkshopPage& page, float top, float height) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    ImGui::Begin("##workshop_keys", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::SetWindowFontScale(0.72f);
    const float right = display.x - 2 * ImGui::GetStyle().WindowPadding.x;
    if (w.show_keys) {
        for (const auto& [k, action] : workshop_keys(w.screen)) {
            const float need =
                ImGui::CalcTextSize(k).x + ImGui::CalcTextSize(action).x + 16 * page.scale;
            if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 &&
                ImGui::GetCursorPosX() + need > right)
                ImGui::NewLine();
            ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f), "%s", k);
            ImGui::SameLine(0, 6 * page.scale);
            ImGui::TextUnformatted(action);
            ImGui::SameLine(0, 24 * page.scale);
        }
    }
    // The status follows the keys, on their line when it fits.
    const float need = ImGui::CalcTextSize(w.status.c_str()).x;
    if (!w.show_keys || ImGui::GetCursorPosX() + need > right)
        ImGui::NewLine();
    ImGui::TextDisabled("%s", w.status.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::End();
}

}  // namespace

std::vector<std::pair<const char*, const char*>> workshop_keys(WorkshopScreen screen) {
    std::vector<std::pair<const char*, const char*>> keys;
    switch (screen) {
        case WorkshopScreen::round:
            keys = {{"Up/Down", "lever"}, {"Left/Right", "change it"}, {"Enter", "play the round"}};
            break;
        case WorkshopScreen::play:
            keys = {{"Space", "pause/play"},
                    {"Home", "replay the quarter"},
                    {"Left/Right", "a week back/on"}};
            break;
        case WorkshopScreen::scoreboard:
            keys = {{"Enter", "next round"}};
            break;
        case WorkshopScreen::debrief:
            keys = {{"A / B", "next table on side A / B"},
                    {"Space", "pause/play"},
                    {"Home", "from round 1"},
                    {"Q", "next question"}};
            break;
    }
    keys.insert(
        keys.end(),
        {{"Tab or 1-9", "table"}, {"R P S D", "screens"}, {"K", "hide keys"}, {"Ctrl+Q", "quit"}});
    return keys;
}

std::string format_pounds(double pounds) {
    char buffer[48];
    const double a = std::fabs(pounds);
    const char* sign = pounds < 0 ? "-" : "";
    if (a >= 1e6)
        std::snprintf(buffer, sizeof buffer, "%s\xC2\xA3%.2fm", sign, a / 1e6);
    else if (a >= 1e3)
        std::snprintf(buffer, sizeof buffer, "%s\xC2\xA3%.0fk", sign, a / 1e3);
    else
        std::snprintf(buffer, sizeof buffer, "%s\xC2\xA3%.0f", sign, a);
    return buffer;
}

bool begin_workshop_window(ViewerState& state, const char* id, const char* name,
                           const PanelRect& rect) {
    return begin_panel(state, id, name, nullptr, &rect,
                       ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                           ImGuiWindowFlags_NoScrollWithMouse);
}

PanelRect workshop_strip(const PanelRect& content, const char* name) {
    const float height = ImGui::GetTextLineHeightWithSpacing() * 2.0f * 1.2f +
                         ImGui::GetFrameHeightWithSpacing() + 2 * ImGui::GetStyle().WindowPadding.y;
    return PanelRect{name, content.x, content.y, content.width, height};
}

void draw_workshop_play_controls(ViewerState& state, float scale, const char* id, double first,
                                 double last, const std::vector<double>& marks) {
    double d = state.clock.day();
    if (ImGui::Button(state.clock.is_playing() ? "Pause" : "Play", ImVec2(140 * scale, 0)))
        state.clock.toggle_play();
    ImGui::SameLine();
    if (draw_scrubber(id, d, first, last, marks,
                      ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()),
                      side_colour(kSideA, true)))
        state.clock.scrub_to(d);
}

void draw_workshop_chart(ViewerState& state, const std::string& series, const char* id,
                         double x_min, double x_max, ImVec2 size) {
    ChartSpec spec = make_series_chart(state, series, true);
    spec.title.clear();  // the screen writes it above the chart, with today's values
    // A workshop run is one replication: the legend names the table instead.
    for (ChartLine& line : spec.lines) {
        const int side = line.label.rfind("B", 0) == 0 ? kSideB : kSideA;
        if (const auto& run = state.sides[static_cast<std::size_t>(side)].run)
            line.label = std::string(side_name(side)) + ": " + run->info().scenario_name;
    }
    ChartZoom zoom{true, x_min, x_max};
    const ChartInteraction r = draw_time_series_chart(id, spec, zoom, size);
    if (r.clicked)
        state.clock.scrub_to(r.clicked_x);
}

void draw_chart_heading(ViewerState& state, const std::string& series, float scale,
                        float font_scale, float width) {
    const record::Series* meta = find_series_any(state, series);
    const std::string title = series_title(state, series);
    std::vector<std::pair<int, std::string>> values;
    float need = ImGui::CalcTextSize(title.c_str()).x;
    for (int side = 0; side < 2; ++side) {
        if (!has_run(state, side))
            continue;
        const auto v = series_value_at(state, side, series, current_day(state));
        values.emplace_back(side, std::string(side_name(side)) + " " +
                                      (v ? format_value(*v, meta ? meta->unit : "") : "-"));
        need += 24 * scale + ImGui::CalcTextSize(values.back().second.c_str()).x;
    }
    // Smaller rather than clipped when the chart is narrow (the line keeps its height).
    const bool shrink = width > 0.0f && need > width;
    if (shrink)
        ImGui::SetWindowFontScale(font_scale * std::max(0.6f, width / need));
    ImGui::TextUnformatted(title.c_str());
    for (const auto& [side, text] : values) {
        ImGui::SameLine(0, 24 * scale);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, true)), "%s",
                           text.c_str());
    }
    if (shrink)
        ImGui::SetWindowFontScale(font_scale);
}

void handle_workshop_keys(ViewerState& state, WorkshopState& w) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl) {
        if (key('Q'))
            state.quit_requested = true;
        return;
    }
    if (key('R'))
        set_screen(w, state, WorkshopScreen::round);
    if (key('P'))
        set_screen(w, state, WorkshopScreen::play);
    if (key('S'))
        set_screen(w, state, WorkshopScreen::scoreboard);
    if (key('D'))
        set_screen(w, state, WorkshopScreen::debrief);
    if (key('K'))
        w.show_keys = !w.show_keys;
    if (named(ImGuiKey_Tab) && !w.tables.empty()) {
        const std::size_t n = w.tables.size();
        focus_table(state, w, io.KeyShift ? (w.table + n - 1) % n : (w.table + 1) % n);
    }
    for (int d = 1; d <= 9; ++d) {
        if (key('0' + d))
            focus_table(state, w, static_cast<std::size_t>(d - 1));
    }
    const bool enter = named(ImGuiKey_Enter) || named(ImGuiKey_KeyPadEnter);
    switch (w.screen) {
        case WorkshopScreen::round: {
            const auto& levers = w.session->workshop().levers;
            if (levers.empty() || w.table >= w.tables.size())
                break;
            if (named(ImGuiKey_UpArrow, true))
                w.lever = (w.lever + levers.size() - 1) % levers.size();
            if (named(ImGuiKey_DownArrow, true))
                w.lever = (w.lever + 1) % levers.size();
            const int steps = (named(ImGuiKey_RightArrow, true) ? 1 : 0) -
                              (named(ImGuiKey_LeftArrow, true) ? 1 : 0);
            auto& value = w.tables[w.table].pending[w.lever];
            if (steps != 0 && !workshop_finished(w) && !w.playing)
                value = step_lever(levers[w.lever], value, steps);
            if (enter)
                start_play(w);
            break;
        }
        case WorkshopScreen::scoreboard:
            if (enter)
                set_screen(w, state, WorkshopScreen::round);
            break;
        case WorkshopScreen::play:
        case WorkshopScreen::debrief: {
            if (named(ImGuiKey_Space))
                state.clock.toggle_play();
            if (named(ImGuiKey_RightArrow, true))
                state.clock.step_days(7);
            if (named(ImGuiKey_LeftArrow, true))
                state.clock.step_days(-7);
            if (named(ImGuiKey_Home))
                set_screen(w, state, w.screen);
            if (w.screen == WorkshopScreen::debrief && w.tables.size() > 1) {
                for (int side = 0; side < 2; ++side) {
                    if (!key(side == 0 ? 'A' : 'B'))
                        continue;
                    auto& t = w.debrief_tables[static_cast<std::size_t>(side)];
                    do {
                        t = (t + 1) % w.tables.size();
                    } while (t == w.debrief_tables[static_cast<std::size_t>(1 - side)]);
                    show_debrief(w, state);
                }
                if (key('Q') && !w.session->workshop().debrief.empty())
                    w.question = (w.question + 1) % w.session->workshop().debrief.size();
            }
            break;
        }
    }
}

void draw_workshop(ViewerState& state, WorkshopState& w, const UiFonts& fonts) {
    state.panel_rects.clear();
    handle_workshop_keys(state, w);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    WorkshopPage page;
    page.fonts = &fonts;
    page.scale = presenter_text_scale(display.x, display.y);
    fonts.presenter_text->Scale = page.scale * 26.0f / fonts.presenter_text->FontSize;
    fonts.presenter_date->Scale = page.scale * 44.0f / fonts.presenter_date->FontSize;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x * page.scale,
                                                           style.FramePadding.y * page.scale));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(style.ItemSpacing.x * page.scale, style.ItemSpacing.y * page.scale));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x * page.scale,
                                                            style.WindowPadding.y * page.scale));
    ImGui::PushFont(fonts.presenter_text);
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float header_h = line + 2 * ImGui::GetStyle().WindowPadding.y;
    const float small_line = ImGui::GetTextLineHeightWithSpacing() * 0.72f;
    const float keys_h =
        small_line * (w.show_keys ? 2.0f : 1.0f) + 2 * ImGui::GetStyle().WindowPadding.y;
    draw_header(w, page, header_h);
    page.content = {"workshop_content", 0, header_h, display.x, display.y - header_h - keys_h};
    switch (w.screen) {
        case WorkshopScreen::round:
            draw_workshop_round(state, w, page);
            break;
        case WorkshopScreen::play:
            draw_workshop_play(state, w, page);
            break;
        case WorkshopScreen::scoreboard:
            draw_workshop_scoreboard(state, w, page);
            break;
        case WorkshopScreen::debrief:
            draw_workshop_debrief(state, w, page);
            break;
    }
    draw_key_bar(w, page, display.y - keys_h, keys_h);
    ImGui::PopFont();
    ImGui::PopStyleVar(3);
}

}  // namespace cssim::viewer
