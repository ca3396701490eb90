// KPI cards: the chosen series' values on the current day for A and B, with B − A coloured by
// whether it is better or worse for that metric.
#include <algorithm>

#include "app/value_format.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

void draw_card(ViewerState& state, const UiFonts& fonts, const std::string& series, ImVec2 p0,
               ImVec2 p1) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_card_background(
        dl, p0, p1,
        state.detail == DetailLevel::low ? IM_COL32(60, 66, 80, 255) : IM_COL32(30, 33, 40, 255),
        state.detail);
    const record::Series* meta = find_series_any(state, series);
    const std::string unit = meta != nullptr ? meta->unit : "";
    const std::int64_t day = current_day(state);
    const float pad = 6.0f;
    dl->PushClipRect(p0, p1, true);
    const std::string title = series_title(state, series);
    dl->AddText(ImVec2(p0.x + pad, p0.y + pad), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                title.c_str());
    std::array<std::optional<double>, 2> v{series_value_at(state, kSideA, series, day),
                                           series_value_at(state, kSideB, series, day)};
    float x = p0.x + pad;
    const float y = p0.y + pad + ImGui::GetFontSize() + 2.0f;
    for (int side = 0; side < 2; ++side) {
        if (!has_run(state, side))
            continue;
        const std::string text = v[static_cast<std::size_t>(side)]
                                     ? format_value(*v[static_cast<std::size_t>(side)], unit)
                                     : "-";
        dl->AddText(fonts.medium, fonts.medium->FontSize, ImVec2(x, y), side_colour(side, false),
                    text.c_str());
        x +=
            fonts.medium->CalcTextSizeA(fonts.medium->FontSize, 1e6f, 0.0f, text.c_str()).x + 14.0f;
    }
    if (v[0] && v[1]) {
        const auto& run_a = state.sides[0].run;
        const Verdict verdict =
            judge(better_when(series, run_a ? &run_a->layout().metrics : nullptr), *v[0], *v[1]);
        const std::string diff = "B-A " + format_difference(*v[1] - *v[0], unit);
        dl->AddText(ImVec2(p0.x + pad, y + fonts.medium->FontSize + 2.0f), verdict_colour(verdict),
                    diff.c_str());
    }
    dl->PopClipRect();
    if (ImGui::IsMouseHoveringRect(p0, p1)) {
        ImGui::BeginTooltip();
        ImGui::Text("%s (%s)", title.c_str(), series.c_str());
        if (meta != nullptr) {
            ImGui::TextDisabled("%s", meta->description.c_str());
            ImGui::TextDisabled("unit: %s", meta->unit.c_str());
        }
        ImGui::EndTooltip();
    }
}

}  // namespace

void draw_kpi_cards(ViewerState& state, const UiFonts& fonts, const PanelRect& rect) {
    if (!begin_panel(state, "Key figures", "kpi_cards", &state.show.kpi_cards, &rect)) {
        ImGui::End();
        return;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const std::size_t n = state.kpi_series.size();
    if (n == 0) {
        ImGui::TextDisabled("Open a run to see its key figures.");
        ImGui::End();
        return;
    }
    const int cols = avail.x > 420.0f ? 3 : 2;
    const int rows =
        static_cast<int>((n + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols));
    const float gap = 5.0f;
    const float w = (avail.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float h =
        std::max(60.0f, (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (std::size_t i = 0; i < n; ++i) {
        const float cx =
            origin.x + static_cast<float>(i % static_cast<std::size_t>(cols)) * (w + gap);
        const float cy =
            origin.y + static_cast<float>(i / static_cast<std::size_t>(cols)) * (h + gap);
        draw_card(state, fonts, state.kpi_series[i], ImVec2(cx, cy), ImVec2(cx + w, cy + h));
        // Right-click a card to show another series on it.
        const std::string popup = "kpi_menu" + std::to_string(i);
        if (ImGui::IsMouseHoveringRect(ImVec2(cx, cy), ImVec2(cx + w, cy + h)) &&
            ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
            ImGui::OpenPopup(popup.c_str());
        }
        if (ImGui::BeginPopup(popup.c_str())) {
            for (const auto& name : all_series_names(state)) {
                const std::string item = series_title(state, name) + "##" + name;
                if (ImGui::MenuItem(item.c_str(), nullptr, name == state.kpi_series[i])) {
                    state.kpi_series[i] = name;
                }
            }
            ImGui::EndPopup();
        }
    }
    ImGui::Dummy(ImVec2(avail.x, static_cast<float>(rows) * (h + gap) - gap));
    ImGui::End();
}

}  // namespace cssim::viewer
