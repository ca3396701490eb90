// The round screen: the table in focus, its levers as sliders and toggles with what each costs
// and the budget left, and this round's shock cards.
#include <algorithm>
#include <cmath>

#include "views/workshop_views.hpp"

namespace cssim::viewer {
namespace {

constexpr ImU32 kFocus = IM_COL32(0, 120, 200, 255);
constexpr ImU32 kCard = IM_COL32(120, 30, 30, 255);

/** One lever: label, control, value and cost; the focused one outlined. */
void draw_lever(WorkshopState& w, std::size_t i, float width, bool editable) {
    const scenario::WorkshopLever& lever = w.session->workshop().levers[i];
    std::string& value = w.tables[w.table].pending[i];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(lever.label.c_str());
    const float control_w = width * 0.62f;
    if (!editable)
        ImGui::BeginDisabled();
    if (lever.is_range) {
        float v = static_cast<float>(lever_number(value));
        ImGui::SetNextItemWidth(control_w);
        if (ImGui::SliderFloat("##v", &v, static_cast<float>(lever.low),
                               static_cast<float>(lever.high), "%.0f")) {
            value = step_lever(lever, std::to_string(v), 0);
        }
    } else {
        for (std::size_t a = 0; a < lever.allowed.size(); ++a) {
            const bool on = same_lever_value(lever.allowed[a], value);
            ImGui::PushStyleColor(ImGuiCol_Button, on ? kFocus : IM_COL32(50, 50, 50, 255));
            if (a > 0)
                ImGui::SameLine();
            const std::string text = lever_display(lever.allowed[a]) + "##" + std::to_string(a);
            if (ImGui::Button(text.c_str()))
                value = lever.allowed[a];
            ImGui::PopStyleColor();
        }
    }
    if (!editable)
        ImGui::EndDisabled();
    ImGui::SameLine(control_w + 3 * ImGui::GetStyle().ItemSpacing.x);
    std::vector<std::string> only = values_in_force(w.session->workshop(), w.tables[w.table], 0);
    only[i] = value;
    const double cost = levers_cost(w.session->workshop(), only);
    ImGui::Text("%s", lever_display(value).c_str());
    if (cost != 0.0) {
        ImGui::SameLine();
        ImGui::TextColored(
            cost > 0 ? ImVec4(1.0f, 0.6f, 0.4f, 1.0f) : ImVec4(0.5f, 0.9f, 0.5f, 1.0f), "%s a year",
            format_pounds(cost).c_str());
    }
    ImGui::EndGroup();
    ImGui::PopID();
    if (i == w.lever) {
        const ImVec2 bottom = ImGui::GetItemRectMax();
        const float pad = 4.0f;
        dl->AddRect(ImVec2(top.x - pad, top.y - pad), ImVec2(top.x + width - pad, bottom.y + pad),
                    kFocus, 4.0f, 0, 3.0f);
    }
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
}

void draw_budget(const WorkshopState& w, float width, float scale) {
    const scenario::Workshop& ws = w.session->workshop();
    const auto& values = w.tables[w.table].pending;
    const double cost = levers_cost(ws, values);
    if (ws.budget_per_year <= 0.0) {
        ImGui::Text("The levers cost %s a year", format_pounds(cost).c_str());
        return;
    }
    const double left = budget_left(ws, values);
    ImGui::Text("Budget %s a year:  levers %s,  left ", format_pounds(ws.budget_per_year).c_str(),
                format_pounds(cost).c_str());
    ImGui::SameLine(0, 0);
    ImGui::TextColored(left < 0 ? ImVec4(1.0f, 0.35f, 0.3f, 1.0f) : ImVec4(0.4f, 0.95f, 0.4f, 1.0f),
                       "%s", format_pounds(left).c_str());
    // A bar: the budget's width, the levers' cost filled (red beyond the budget).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 18.0f * scale;
    const double used = std::clamp(cost / ws.budget_per_year, 0.0, 1.5);
    const float full = width / 1.5f;
    dl->AddRectFilled(p, ImVec2(p.x + full, p.y + h), IM_COL32(60, 60, 60, 255));
    dl->AddRectFilled(p, ImVec2(p.x + full * static_cast<float>(used), p.y + h),
                      left < 0 ? IM_COL32(220, 60, 50, 255) : IM_COL32(0, 160, 90, 255));
    dl->AddLine(ImVec2(p.x + full, p.y - 4), ImVec2(p.x + full, p.y + h + 4), IM_COL32_WHITE, 2.0f);
    ImGui::Dummy(ImVec2(width, h + 4));
}

}  // namespace

void draw_workshop_round(ViewerState& state, WorkshopState& w, const WorkshopPage& page) {
    const PanelRect& c = page.content;
    const float gap = 20.0f * page.scale;
    const PanelRect left{"workshop_levers", c.x, c.y, c.width * 0.6f, c.height};
    const PanelRect right{"workshop_card", c.x + left.width, c.y, c.width - left.width, c.height};
    const scenario::Workshop& ws = w.session->workshop();
    const std::size_t round = std::min(next_round(w), ws.rounds);
    const bool finished = workshop_finished(w);
    if (begin_workshop_window(state, "##round_levers", "workshop_levers", left)) {
        ImGui::PushFont(page.fonts->presenter_date);
        ImGui::TextUnformatted(w.tables.empty() ? "" : w.tables[w.table].name.c_str());
        ImGui::PopFont();
        ImGui::SetWindowFontScale(0.72f);
        for (std::size_t t = 0; t < w.tables.size(); ++t) {
            if (t > 0)
                ImGui::SameLine(0, gap);
            if (t == w.table)
                ImGui::TextColored(ImVec4(0.3f, 0.75f, 1.0f, 1.0f), "[%zu] %s", t + 1,
                                   w.tables[t].name.c_str());
            else
                ImGui::TextDisabled("%zu %s", t + 1, w.tables[t].name.c_str());
        }
        ImGui::SetWindowFontScale(1.0f);
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        const float width = ImGui::GetContentRegionAvail().x - gap;
        if (!w.tables.empty()) {
            // The levers scroll when there are more than fit; the one in focus stays in view.
            // Below the list: the budget line and bar, then the Enter line.
            const ImGuiStyle& style = ImGui::GetStyle();
            const float reserve = 2.0f * ImGui::GetTextLineHeightWithSpacing() +
                                  18.0f * page.scale + 4.0f + 3.0f * style.ItemSpacing.y +
                                  style.WindowPadding.y;
            ImGui::BeginChild(
                "##lever_list",
                ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - reserve,
                                   ImGui::GetFrameHeightWithSpacing() * 2)),
                false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
            for (std::size_t i = 0; i < ws.levers.size(); ++i) {
                const float y = ImGui::GetCursorPosY();
                draw_lever(w, i, width, !finished && !w.playing);
                const float bottom = ImGui::GetCursorPosY();
                const float view_top = ImGui::GetScrollY();
                const float view_bottom = view_top + ImGui::GetWindowHeight();
                if (i == w.lever && (y < view_top || bottom > view_bottom))
                    ImGui::SetScrollY(y < view_top ? y : bottom - ImGui::GetWindowHeight());
            }
            ImGui::EndChild();
            draw_budget(w, width, page.scale);
        }
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        if (w.playing) {
            ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f),
                               "Playing round %zu for every table...", round);
        } else if (finished) {
            ImGui::TextDisabled("Every round is played: S for the scoreboard, D for the debrief.");
        } else {
            ImGui::TextColored(
                ImVec4(1.0f, 0.85f, 0.3f, 1.0f), "Enter: play round %zu for %s", round,
                w.tables.size() == 1 ? "the table"
                : w.tables.size() == 2
                    ? "both tables"
                    : ("all " + std::to_string(w.tables.size()) + " tables").c_str());
        }
    }
    ImGui::End();
    if (begin_workshop_window(state, "##round_card", "workshop_card", right)) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + right.width - 3 * gap);
        ImGui::PushFont(page.fonts->presenter_date);
        if (finished)
            ImGui::TextUnformatted("All rounds played");
        else
            ImGui::Text("Round %zu", round);
        ImGui::PopFont();
        const auto& dates = w.session->calendar().round_dates;
        if (finished)
            ImGui::TextDisabled("%s to %s", dates.front().c_str(), dates.back().c_str());
        else
            ImGui::TextDisabled("%s to %s", dates[round - 1].c_str(), dates[round].c_str());
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        bool any = false;
        for (std::size_t k = 0; k < ws.cards.size(); ++k) {
            if (w.session->dealt()[k] != round || finished)
                continue;
            any = true;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            dl->ChannelsSplit(2);
            dl->ChannelsSetCurrent(1);
            ImGui::Indent(gap * 0.6f);
            ImGui::Dummy(ImVec2(0, gap * 0.3f));
            ImGui::TextUnformatted(ws.cards[k].title.c_str());
            ImGui::SetWindowFontScale(0.8f);
            ImGui::TextWrapped("%s", ws.cards[k].text.c_str());
            ImGui::SetWindowFontScale(1.0f);
            ImGui::Dummy(ImVec2(0, gap * 0.3f));
            ImGui::Unindent(gap * 0.6f);
            dl->ChannelsSetCurrent(0);
            dl->AddRectFilled(p,
                              ImVec2(p.x + right.width - 2.5f * gap, ImGui::GetCursorScreenPos().y),
                              kCard, 8.0f);
            dl->ChannelsMerge();
            ImGui::Dummy(ImVec2(0, gap * 0.5f));
        }
        if (!any && !finished)
            ImGui::TextDisabled("No card this round.");
        // The help of the lever in focus: what the room needs to know to pull it.
        if (!ws.levers.empty() && !ws.levers[w.lever].help.empty()) {
            ImGui::Dummy(ImVec2(0, gap * 0.5f));
            ImGui::SetWindowFontScale(0.8f);
            ImGui::TextDisabled("%s", ws.levers[w.lever].label.c_str());
            ImGui::TextWrapped("%s", ws.levers[w.lever].help.c_str());
            ImGui::SetWindowFontScale(1.0f);
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
