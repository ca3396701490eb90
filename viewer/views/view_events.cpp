// Event ticker: the latest events of A and B up to the clock's day, newest first, each with its
// kind's colour; the last week's events are highlighted. "Kinds" filters the ticker by kind.
#include <algorithm>

#include "app/event_ticker.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

constexpr std::size_t kShown = 60;

ImU32 kind_u32(std::string_view kind) {
    const Rgb c = event_kind_colour(kind);
    return IM_COL32(c.r, c.g, c.b, 255);
}

// A square of the kind's colour at the cursor, one text line high.
void kind_swatch(std::string_view kind) {
    const float s = ImGui::GetFontSize() * 0.6f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + s, y + s),
                                              kind_u32(kind));
    ImGui::Dummy(ImVec2(s, ImGui::GetTextLineHeight()));
}

void kind_filter_popup(ViewerState& state) {
    if (!ImGui::BeginPopup("event_kinds"))
        return;
    const auto kinds = event_kinds(state);
    if (ImGui::SmallButton("all")) {
        state.hidden_event_kinds.clear();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("none")) {
        for (const auto& k : kinds)
            set_event_kind_shown(state, k.kind, false);
    }
    for (const auto& k : kinds) {
        kind_swatch(k.kind);
        ImGui::SameLine(0, 4);
        bool shown = is_event_kind_shown(state, k.kind);
        const std::string label = k.kind + " (" + std::to_string(k.count) + ")";
        if (ImGui::Checkbox(label.c_str(), &shown))
            set_event_kind_shown(state, k.kind, shown);
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_events(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Events", "events", &state.show.events, &rect)) {
        ImGui::End();
        return;
    }
    const std::int64_t day = current_day(state);
    const std::string filter =
        state.hidden_event_kinds.empty()
            ? std::string("Kinds: all")
            : "Kinds: " + std::to_string(state.hidden_event_kinds.size()) + " hidden";
    if (ImGui::SmallButton(filter.c_str()))
        ImGui::OpenPopup("event_kinds");
    kind_filter_popup(state);
    const std::vector<TickerRow> rows = ticker_rows(state, kShown);
    if (rows.empty())
        ImGui::TextDisabled("No events yet.");
    if (!rows.empty() &&
        ImGui::BeginTable("ticker", 4, zebra_rows(state) | ImGuiTableFlags_SizingFixedFit)) {
        // The sentence takes the rest of the width and wraps at word boundaries, so a line is
        // never cut mid-sentence however narrow the panel (or large the presenter's font).
        ImGui::TableSetupColumn("date");
        ImGui::TableSetupColumn("side");
        ImGui::TableSetupColumn("kind");
        ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& r : rows) {
            ImGui::TableNextRow();
            const bool recent = day - r.shared_day < 7;
            ImGui::TableNextColumn();
            if (recent) {
                ImGui::TextUnformatted(state.alignment.label(r.shared_day).c_str());
            } else {
                ImGui::TextDisabled("%s", state.alignment.label(r.shared_day).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(r.side, false)), "%s",
                               side_name(r.side));
            ImGui::TableNextColumn();
            kind_swatch(r.event->kind);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", r.event->kind.c_str());
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            if (recent) {
                ImGui::TextUnformatted(r.event->text.c_str());
            } else {
                ImGui::TextDisabled("%s", r.event->text.c_str());
            }
            ImGui::PopTextWrapPos();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", r.event->kind.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
