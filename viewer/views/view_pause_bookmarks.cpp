// Pause conditions ("pause when unallocated_cases > 50") and bookmarks.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/views.hpp"

namespace cssim::viewer {

void draw_pause_bookmarks(ViewerState& state) {
    ImGui::SetNextWindowPos(ImVec2(320, 120), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(460, 420), ImGuiCond_FirstUseEver);
    if (!begin_panel(state, "Pause conditions and bookmarks", "pause_bookmarks",
                     &state.show.pause_bookmarks, nullptr)) {
        ImGui::End();
        return;
    }
    ImGui::TextUnformatted("Pause when (e.g. unallocated_cases > 50, B: caseload_mean >= 20):");
    ImGui::SetNextItemWidth(-90);
    const bool entered =
        ImGui::InputTextWithHint("##cond", "series > value", &state.inputs.new_condition,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Add") || entered) {
        std::string error;
        if (auto c = parse_pause_condition(state.inputs.new_condition, &error)) {
            if (find_series_any(state, c->series) == nullptr && !all_series_names(state).empty()) {
                state.status_message =
                    "note: no series called \"" + c->series + "\" in the open runs";
            }
            state.pause_conditions.push_back(*c);
            state.inputs.new_condition.clear();
        } else {
            state.status_message = "pause condition: " + error;
        }
    }
    if (ImGui::BeginCombo("##series", "insert a series name")) {
        for (const auto& name : all_series_names(state)) {
            if (ImGui::Selectable(name.c_str()))
                state.inputs.new_condition = name + " > ";
        }
        ImGui::EndCombo();
    }
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < state.pause_conditions.size(); ++i) {
        auto& c = state.pause_conditions[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Checkbox("##on", &c.enabled);
        ImGui::SameLine();
        ImGui::TextUnformatted(describe(c).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("remove"))
            remove = i;
        ImGui::PopID();
    }
    if (remove)
        state.pause_conditions.erase(state.pause_conditions.begin() +
                                     static_cast<std::ptrdiff_t>(*remove));

    ImGui::Separator();
    ImGui::Checkbox("Pause at bookmarks while playing", &state.pause_at_bookmarks);
    ImGui::SetNextItemWidth(-150);
    ImGui::InputTextWithHint("##bm", "label for this day", &state.inputs.bookmark_label);
    ImGui::SameLine();
    if (ImGui::Button("Bookmark this day")) {
        const std::int64_t day = current_day(state);
        state.bookmarks.add(day, state.inputs.bookmark_label.empty() ? state.alignment.label(day)
                                                                     : state.inputs.bookmark_label);
        state.inputs.bookmark_label.clear();
    }
    std::optional<std::int64_t> drop;
    for (const auto& b : state.bookmarks.items()) {
        ImGui::PushID(static_cast<int>(b.day));
        if (ImGui::SmallButton("go")) {
            state.clock.pause();
            state.clock.scrub_to(static_cast<double>(b.day));
        }
        ImGui::SameLine();
        ImGui::Text("%s  %s", state.alignment.label(b.day).c_str(), b.label.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("x"))
            drop = b.day;
        ImGui::PopID();
    }
    if (drop)
        state.bookmarks.remove(*drop);
    ImGui::End();
}

}  // namespace cssim::viewer
