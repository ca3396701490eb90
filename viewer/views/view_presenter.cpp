// Presenter mode: one full-window, high-contrast page for a room: the date in huge type, the
// runs' names, big play/pause and scrubber, and 3-5 big charts with their values today.
#include "app/system_series.hpp"
#include "app/value_format.hpp"
#include "views/views.hpp"
#include "widgets/scrubber.hpp"
#include "widgets/time_series_chart.hpp"

namespace cssim::viewer {

namespace {

/** @brief The status line's size relative to the presenter's text. */
constexpr float kStatusScale = 0.6f;

/** @brief A dashboard panel drawn as the presenter's page (--view), in the presenter's font. */
void draw_presenter_page(ViewerState& state, StartView page, const PanelRect& rect) {
    switch (page) {
        case StartView::pathway:
            draw_pathway(state, rect);
            break;
        case StartView::office_floor:
        case StartView::office_floor_stress:
            draw_office_floor(state, rect);
            break;
        case StartView::time_use:
            draw_time_use(state, rect);
            break;
        case StartView::events:
            draw_events(state, rect);
            break;
        case StartView::comparison:
            draw_comparison(state, rect);
            break;
        default:
            break;
    }
}

}  // namespace

void draw_presenter_scaled(ViewerState& state, const UiFonts& fonts);

void draw_presenter(ViewerState& state, const UiFonts& fonts) {
    // Spacing grows with the type, so the whole page scales, not only the letters.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float scale = presenter_text_scale(display.x, display.y);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(style.FramePadding.x * scale, style.FramePadding.y * scale));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(style.ItemSpacing.x * scale, style.ItemSpacing.y * scale));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(style.WindowPadding.x * scale, style.WindowPadding.y * scale));
    draw_presenter_scaled(state, fonts);
    ImGui::PopStyleVar(3);
}

void draw_presenter_scaled(ViewerState& state, const UiFonts& fonts) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Text grows with the window: the fonts are loaded at twice the 1280×800 size and scaled.
    const float scale = presenter_text_scale(display.x, display.y);
    fonts.presenter_text->Scale = scale * 26.0f / fonts.presenter_text->FontSize;
    fonts.presenter_date->Scale = scale * 44.0f / fonts.presenter_date->FontSize;
    const PanelRect rect{"presenter", 0, 0, display.x, display.y};
    if (!begin_panel(state, "##presenter", "presenter", nullptr, &rect,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    const std::int64_t day = current_day(state);
    ImGui::PushFont(fonts.presenter_date);
    ImGui::TextUnformatted(state.alignment.label(day).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 40 * scale);
    ImGui::PushFont(fonts.presenter_text);
    ImGui::BeginGroup();
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run)
            continue;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, true)), "%s: %s",
                           side_name(side), run->info().scenario_name.c_str());
    }
    ImGui::EndGroup();
    // The inspection judgement, when the runs have one, is what a room asks about first.
    if (find_series_any(state, kJudgementSeries) != nullptr) {
        ImGui::SameLine(0, 40 * scale);
        ImGui::BeginGroup();
        draw_judgement_badges(state, fonts.presenter_text);
        ImGui::EndGroup();
    }
    if (ImGui::Button(state.clock.is_playing() ? "Pause" : "Play", ImVec2(140 * scale, 0))) {
        state.clock.toggle_play();
    }
    ImGui::SameLine();
    std::vector<double> marks;
    for (const auto& b : state.bookmarks.items())
        marks.push_back(static_cast<double>(b.day));
    double d = state.clock.day();
    if (draw_scrubber("##pscrub", d, static_cast<double>(state.clock.first_day()),
                      static_cast<double>(state.clock.last_day()), marks,
                      ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()),
                      side_colour(kSideA, true))) {
        state.clock.scrub_to(d);
    }

    if (state.presenter_page && !state.presenter_system_effects) {
        // A dashboard panel as the page: drawn after this window, over the space below.
        const float status_h = ImGui::GetFrameHeightWithSpacing();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const PanelRect page{"presenter_page", top.x, top.y, avail.x, avail.y - status_h};
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + avail.y - status_h));
        ImGui::SetWindowFontScale(kStatusScale);
        ImGui::TextDisabled("%s   (P or Esc: leave presenter mode, Space: play/pause)",
                            state.status_message.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        ImGui::End();
        ImGui::PushFont(fonts.presenter_text);
        draw_presenter_page(state, *state.presenter_page, page);
        ImGui::PopFont();
        return;
    }
    if (state.presenter_system_effects && has_system_series(state)) {
        const float status_h = ImGui::GetFrameHeightWithSpacing();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::BeginChild("##presenter_system", ImVec2(avail.x, avail.y - status_h));
        state.panel_rects.push_back(
            {"presenter_system_effects", top.x, top.y, avail.x, avail.y - status_h});
        draw_system_effects_contents(state, fonts);
        ImGui::EndChild();
        ImGui::SetWindowFontScale(kStatusScale);
        ImGui::TextDisabled("%s   (S: back to the charts, P or Esc: leave presenter mode)",
                            state.status_message.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        ImGui::End();
        return;
    }
    const int n = static_cast<int>(std::min<std::size_t>(state.presenter_charts.size(), 5));
    const int cols = n <= 3 ? std::max(n, 1) : (n == 4 ? 2 : 3);
    const int rows = n == 0 ? 1 : (n + cols - 1) / cols;
    const float status_h = ImGui::GetFrameHeightWithSpacing();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 16.0f;
    const ImVec2 cell(
        (avail.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
        (avail.y - status_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (int i = 0; i < n; ++i) {
        ChartSlot& slot = state.presenter_charts[static_cast<std::size_t>(i)];
        if (i % cols != 0)
            ImGui::SameLine(0.0f, gap);
        ImGui::BeginGroup();
        const ImVec2 top = ImGui::GetCursorScreenPos();
        // The series and today's values above each chart, in the side colours.
        const record::Series* meta = find_series_any(state, slot.series);
        ImGui::TextUnformatted(series_title(state, slot.series).c_str());
        ImGui::SameLine(0, 30);
        for (int side = 0; side < 2; ++side) {
            if (!has_run(state, side))
                continue;
            const auto v = series_value_at(state, side, slot.series, day);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, true)), "%s %s",
                               side_name(side),
                               v ? format_value(*v, meta ? meta->unit : "").c_str() : "-");
            ImGui::SameLine(0, 30);
        }
        ImGui::NewLine();
        const float used = ImGui::GetCursorScreenPos().y - top.y;
        const std::string id = "pchart" + std::to_string(i);
        ChartSpec spec = make_series_chart(state, slot.series, true);
        spec.title.clear();  // already above the chart, in large type
        const ChartInteraction r =
            draw_time_series_chart(id.c_str(), spec, slot.zoom, ImVec2(cell.x, cell.y - used));
        if (r.clicked)
            state.clock.scrub_to(r.clicked_x);
        const std::string popup = id + "menu";
        if (r.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
            ImGui::OpenPopup(popup.c_str());
        }
        ImGui::EndGroup();
        state.panel_rects.push_back(
            {"presenter_chart_" + std::to_string(i), top.x, top.y, cell.x, cell.y});
        const std::size_t before = state.presenter_charts.size();
        chart_context_menu(state, state.presenter_charts, static_cast<std::size_t>(i),
                           popup.c_str(), 5);
        if (state.presenter_charts.size() != before)
            break;
    }
    // The status line in the presenter's type, smaller: still legible from the back.
    ImGui::SetWindowFontScale(kStatusScale);
    ImGui::TextDisabled("%s   %s   (P or Esc: leave presenter mode, Space: play/pause)",
                        chart_lines_note(state).c_str(), state.status_message.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace cssim::viewer
