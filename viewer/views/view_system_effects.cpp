// System effects: every series outside the headline, stage/ and time_use/ sets, grouped by
// prefix (prevention, inspection, culture, ... — whatever the archive has) as small charts with
// A and B overlaid, and the inspection judgement as coloured badges.
#include <algorithm>

#include "app/system_series.hpp"
#include "views/views.hpp"
#include "widgets/time_series_chart.hpp"

namespace cssim::viewer {
namespace {

ImU32 to_u32(Rgb c, int alpha = 255) {
    return IM_COL32(c.r, c.g, c.b, alpha);
}

// The first day of the run of equal values that ends on `day`: when the judgement was made.
std::optional<std::int64_t> value_since(const LoadedRun& run, std::string_view series,
                                        std::int64_t day) {
    const auto today = run.series_value(series, day);
    if (!today)
        return std::nullopt;
    std::int64_t d = day;
    while (d > run.first_day()) {
        const auto before = run.series_value(series, d - 1);
        if (!before || *before != *today)
            break;
        --d;
    }
    return d;
}

void badge_tooltip(const ViewerState& state, int side, std::optional<Judgement> judgement) {
    const auto& run = state.sides[static_cast<std::size_t>(side)].run;
    ImGui::BeginTooltip();
    if (const auto* meta = find_series_any(state, kJudgementSeries))
        ImGui::TextDisabled("%s", meta->description.c_str());
    if (judgement && *judgement != Judgement::not_inspected && run) {
        const auto own = state.alignment.side_day(side, current_day(state));
        const auto since = own ? value_since(*run, kJudgementSeries, *own) : std::nullopt;
        if (since) {
            ImGui::Text("%s: %s since %s", side_name(side),
                        std::string(judgement_label(*judgement)).c_str(),
                        state.alignment.label(state.alignment.shared_day(side, *since)).c_str());
        }
    }
    ImGui::EndTooltip();
}

}  // namespace

bool has_system_series(const ViewerState& state) {
    for (const auto& side : state.sides) {
        if (!side.run)
            continue;
        for (const auto& name : side.run->series_names()) {
            if (is_system_series(name))
                return true;
        }
    }
    return false;
}

bool draw_judgement_badges(ViewerState& state, ImFont* font) {
    if (find_series_any(state, kJudgementSeries) == nullptr)
        return false;
    const std::int64_t day = current_day(state);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float size = font->FontSize;
    bool first = true;
    for (int side = 0; side < 2; ++side) {
        if (!has_run(state, side))
            continue;
        const auto value = series_value_at(state, side, kJudgementSeries, day);
        const auto judgement = value ? judgement_from_value(*value) : std::nullopt;
        const std::string label =
            std::string(side_name(side)) + "  " +
            (judgement ? std::string(judgement_label(*judgement)) : std::string("no data"));
        const ImVec2 text = font->CalcTextSizeA(size, 1e6f, 0.0f, label.c_str());
        const ImVec2 pad(size * 0.5f, size * 0.2f);
        if (!first)
            ImGui::SameLine(0, size * 0.6f);
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 q(p.x + text.x + 2 * pad.x, p.y + text.y + 2 * pad.y);
        const Rgb fill = judgement_colour(judgement.value_or(Judgement::not_inspected));
        dl->AddRectFilled(p, q, to_u32(fill), state.detail == DetailLevel::low ? 0.0f : 5.0f);
        // The side's colour as a bar on the left says whose judgement it is.
        dl->AddRectFilled(p, ImVec2(p.x + pad.x * 0.5f, q.y), side_colour(side, state.presenter));
        dl->AddText(font, size, ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32_WHITE, label.c_str());
        ImGui::Dummy(ImVec2(q.x - p.x, q.y - p.y));
        if (ImGui::IsItemHovered())
            badge_tooltip(state, side, judgement);
    }
    return true;
}

void draw_system_effects_contents(ViewerState& state, const UiFonts& fonts) {
    const std::vector<SeriesGroup> groups = group_system_series(all_series_names(state));
    if (groups.empty()) {
        ImGui::TextDisabled("These runs have no system-effect series.");
        return;
    }
    const bool presenter = state.presenter;
    if (draw_judgement_badges(state, presenter ? fonts.large : fonts.medium))
        ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Click a chart to show it in the main charts. %s",
                        chart_lines_note(state).c_str());
    ImGui::PopTextWrapPos();
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const int cols = std::max(1, static_cast<int>(width / (font * (presenter ? 20.0f : 12.0f))));
    const float gap = 6.0f;
    const ImVec2 size((width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                      std::max(90.0f, font * 6.5f));
    for (const auto& group : groups) {
        ImGui::TextUnformatted(group.prefix.c_str());
        ImGui::Separator();
        for (std::size_t i = 0; i < group.series.size(); ++i) {
            const std::string& series = group.series[i];
            if (i % static_cast<std::size_t>(cols) != 0)
                ImGui::SameLine(0.0f, gap);
            ChartSpec spec = make_series_chart(state, series, presenter);
            const record::Series* meta = find_series_any(state, series);
            spec.title = meta != nullptr && !meta->label.empty() ? meta->label
                                                                 : std::string(series_leaf(series));
            spec.line_thickness = presenter ? 2.0f : 1.0f;
            const std::string id = "sys_" + series;
            ChartZoom& zoom = state.system_chart_zoom[series];
            const ChartInteraction r = draw_time_series_chart(id.c_str(), spec, zoom, size);
            if (r.clicked)
                show_in_main_chart(state, series);
        }
        ImGui::Spacing();
    }
}

void draw_system_effects(ViewerState& state, const UiFonts& fonts, const PanelRect& rect) {
    if (begin_panel(state, "System effects", "system_effects", &state.show.system_effects, &rect)) {
        draw_system_effects_contents(state, fonts);
    }
    ImGui::End();
}

void draw_lower_right(ViewerState& state, const UiFonts& fonts, const PanelRect& rect) {
    const bool system = state.show.system_effects && has_system_series(state);
    if (!system) {
        if (state.show.pathway)
            draw_pathway(state, rect);
        return;
    }
    if (!state.show.pathway) {
        draw_system_effects(state, fonts, rect);
        return;
    }
    if (begin_panel(state, "Pathway and system effects", nullptr, nullptr, &rect) &&
        ImGui::BeginTabBar("##lower_right")) {
        const ImGuiTabItemFlags select =
            state.select_system_tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        state.select_system_tab = false;
        // The rectangle recorded is the tab shown, for screenshots and tests.
        const ImVec2 p = ImGui::GetWindowPos();
        const ImVec2 s = ImGui::GetWindowSize();
        if (ImGui::BeginTabItem("System effects", nullptr, select)) {
            state.panel_rects.push_back({"system_effects", p.x, p.y, s.x, s.y});
            draw_system_effects_contents(state, fonts);
            ImGui::EndTabItem();
        }
        const ImGuiTabItemFlags pathway =
            state.select_pathway_tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        state.select_pathway_tab = false;
        if (ImGui::BeginTabItem("Pathway", nullptr, pathway)) {
            state.panel_rects.push_back({"pathway", p.x, p.y, s.x, s.y});
            draw_pathway_contents(state);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
