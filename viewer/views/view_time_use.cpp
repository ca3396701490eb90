// Time-use bar per run: the day's "time_use/<kind>" series stacked to 100%.
#include <algorithm>
#include <array>

#include "app/time_use.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

constexpr std::string_view kPrefix = "time_use/";

ImU32 kind_colour(std::string_view kind, std::size_t index) {
    if (kind == "direct")
        return IM_COL32(70, 190, 110, 255);
    if (kind == "admin")
        return IM_COL32(230, 90, 80, 255);
    if (kind == "travel")
        return IM_COL32(240, 190, 60, 255);
    if (kind == "other")
        return IM_COL32(140, 140, 150, 255);
    constexpr std::array<ImU32, 4> kMore{IM_COL32(90, 150, 240, 255), IM_COL32(200, 120, 220, 255),
                                         IM_COL32(90, 210, 210, 255), IM_COL32(200, 160, 120, 255)};
    return kMore[index % kMore.size()];
}

}  // namespace

void draw_time_use(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Time use", "time_use", &state.show.time_use, &rect,
                     ImGuiWindowFlags_NoScrollbar)) {
        ImGui::End();
        return;
    }
    const std::vector<std::string> kinds = time_use_series(state);
    if (kinds.empty()) {
        ImGui::TextDisabled("No time_use/ series in these runs.");
        ImGui::End();
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const std::int64_t day = current_day(state);
    for (int side = 0; side < 2; ++side) {
        if (!has_run(state, side))
            continue;
        // At weekends and on bank holidays nobody works: show the last working day, and say so.
        const std::optional<TimeUseDay> use = time_use_on(state, side, kinds, day);
        const std::vector<double> values = use ? use->values : std::vector<double>{};
        const double total = use ? use->total : 0.0;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, false)), "%s",
                           side_name(side));
        if (use && use->shared_day != day && ImGui::IsItemHovered())
            ImGui::SetTooltip("no work on this day: %s shown",
                              state.alignment.label(use->shared_day).c_str());
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        const float h = font * 1.3f;
        ImGui::Dummy(ImVec2(w, h));
        if (total <= 0.0)
            continue;
        float x = p.x;
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            const float seg = static_cast<float>(values[i] / total) * w;
            const std::string_view kind = std::string_view(kinds[i]).substr(kPrefix.size());
            dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + seg, p.y + h), kind_colour(kind, i));
            const std::string label =
                std::to_string(static_cast<int>(100.0 * values[i] / total + 0.5)) + "%";
            const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
            if (ts.x + 4 < seg) {
                dl->AddText(ImVec2(x + (seg - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f),
                            IM_COL32(0, 0, 0, 255), label.c_str());
            }
            if (ImGui::IsMouseHoveringRect(ImVec2(x, p.y), ImVec2(x + seg, p.y + h))) {
                ImGui::SetTooltip("%s %s: %.1f%%", side_name(side), std::string(kind).c_str(),
                                  100.0 * values[i] / total);
            }
            x += seg;
        }
    }
    if (const auto use = time_use_on(state, has_run(state, kSideA) ? kSideA : kSideB, kinds, day);
        use && use->shared_day != day) {
        ImGui::TextDisabled("no work today: %s shown",
                            state.alignment.label(use->shared_day).c_str());
    }
    // Legend.
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string_view kind = std::string_view(kinds[i]).substr(kPrefix.size());
        if (i > 0)
            ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + font * 0.7f, p.y + 3 + font * 0.7f),
                          kind_colour(kind, i));
        ImGui::Dummy(ImVec2(font * 0.8f, font));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(kind.data(), kind.data() + kind.size());
    }
    ImGui::End();
}

}  // namespace cssim::viewer
