#include "widgets/scrubber.hpp"

#include <algorithm>

namespace cssim::viewer {

bool draw_scrubber(const char* id, double& day, double first, double last,
                   std::span<const double> marks, ImVec2 size, ImU32 accent) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, 40.0f);
    ImGui::InvisibleButton(id, size);
    const bool active = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    const float pad = size.y * 0.5f;
    const float x0 = p.x + pad;
    const float x1 = p.x + size.x - pad;
    const float cy = p.y + size.y * 0.5f;
    const double span = std::max(last - first, 1.0);
    auto to_x = [&](double d) { return x0 + static_cast<float>((d - first) / span) * (x1 - x0); };

    bool changed = false;
    if (active) {
        const float mx = std::clamp(ImGui::GetIO().MousePos.x, x0, x1);
        const double d = first + static_cast<double>((mx - x0) / (x1 - x0)) * span;
        if (d != day) {
            day = std::clamp(d, first, last);
            changed = true;
        }
    }
    const float track_h = std::max(4.0f, size.y * 0.22f);
    dl->AddRectFilled(ImVec2(x0, cy - track_h * 0.5f), ImVec2(x1, cy + track_h * 0.5f),
                      IM_COL32(70, 74, 82, 255), track_h * 0.5f);
    const float hx = to_x(std::clamp(day, first, last));
    dl->AddRectFilled(ImVec2(x0, cy - track_h * 0.5f), ImVec2(hx, cy + track_h * 0.5f), accent,
                      track_h * 0.5f);
    for (double m : marks) {
        const float mx = to_x(m);
        dl->AddLine(ImVec2(mx, p.y + 1), ImVec2(mx, p.y + size.y - 1), IM_COL32(255, 220, 0, 255),
                    2.0f);
    }
    dl->AddCircleFilled(ImVec2(hx, cy), pad * (active || hovered ? 0.8f : 0.65f),
                        IM_COL32(240, 240, 240, 255));
    return changed;
}

}  // namespace cssim::viewer
