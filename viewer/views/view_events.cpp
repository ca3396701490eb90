// Event ticker: the latest events of A and B up to the clock's day, newest first; the last
// week's events are highlighted.
#include <algorithm>

#include "views/views.hpp"

namespace cssim::viewer {
namespace {

constexpr std::size_t kShown = 60;

struct TickerRow {
    std::int64_t shared_day;
    int side;
    const record::RecordedEvent* event;
};

}  // namespace

void draw_events(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Events", "events", &state.show.events, &rect)) {
        ImGui::End();
        return;
    }
    const std::int64_t day = current_day(state);
    std::vector<TickerRow> rows;
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run)
            continue;
        // The clock's day may lie outside this run; clamp so the ticker shows what has happened.
        const std::int64_t own =
            std::clamp(day - state.alignment.offset(side), run->first_day() - 1, run->last_day());
        const auto events = run->events_through(own);
        const std::size_t from = events.size() > kShown ? events.size() - kShown : 0;
        for (std::size_t i = from; i < events.size(); ++i) {
            rows.push_back({state.alignment.shared_day(side, events[i].tick / kMinutesPerDay), side,
                            &events[i]});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TickerRow& a, const TickerRow& b) {
        if (a.shared_day != b.shared_day)
            return a.shared_day > b.shared_day;
        return a.side != b.side ? a.side < b.side : a.event->tick > b.event->tick;
    });
    if (rows.size() > kShown)
        rows.resize(kShown);
    if (rows.empty())
        ImGui::TextDisabled("No events yet.");
    if (!rows.empty() &&
        ImGui::BeginTable("ticker", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
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
            if (recent) {
                ImGui::TextUnformatted(r.event->text.c_str());
            } else {
                ImGui::TextDisabled("%s", r.event->text.c_str());
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", r.event->kind.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
