// Live what-if: pick a preset, move a few big sliders, run `cssim run` as a child process in
// the background; the result is loaded into side B (or A) when it is ready.
#include "views/views.hpp"

namespace cssim::viewer {

void draw_what_if(ViewerState& state, const UiFonts& fonts) {
    ImGui::SetNextWindowPos(ImVec2(360, 140), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(560, 470), ImGuiCond_FirstUseEver);
    if (!begin_panel(state, "Live what-if", "what_if", &state.show.what_if, nullptr)) {
        ImGui::End();
        return;
    }
    WhatIfState& w = state.what_if;
    if (w.presets.empty())
        w.presets = find_presets(w.scenarios_dir);
    ImGui::PushFont(fonts.large);
    const char* preview = w.preset_index < w.presets.size() ? w.presets[w.preset_index].name.c_str()
                                                            : "no presets found";
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", preview)) {
        for (std::size_t i = 0; i < w.presets.size(); ++i) {
            if (ImGui::Selectable(w.presets[i].name.c_str(), i == w.preset_index)) {
                w.preset_index = i;
            }
        }
        ImGui::EndCombo();
    }
    for (std::size_t i = 0; i < w.levers.size(); ++i) {
        WhatIfLever& lever = w.levers[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Checkbox("##apply", &lever.applied);
        ImGui::SameLine();
        ImGui::TextUnformatted(lever.label.c_str());
        if (!lever.applied)
            ImGui::BeginDisabled();
        ImGui::SetNextItemWidth(-1);
        const double k = lever.display_scale;
        auto value = static_cast<float>(lever.value * k);
        if (ImGui::SliderFloat("##v", &value, static_cast<float>(lever.min * k),
                               static_cast<float>(lever.max * k),
                               lever.is_integer || k != 1.0 ? "%.0f" : "%.1f")) {
            lever.value = static_cast<double>(value) / k;
        }
        if (!lever.applied)
            ImGui::EndDisabled();
        ImGui::PopID();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s (--set %s)", lever.hint.c_str(), lever.set_path.c_str());
    }
    ImGui::PopFont();
    int reps = static_cast<int>(w.replications);
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputInt("replications", &reps))
        w.replications = static_cast<std::uint64_t>(std::clamp(reps, 1, 100));
    ImGui::SameLine();
    ImGui::RadioButton("load into A", &w.target_side, kSideA);
    ImGui::SameLine();
    ImGui::RadioButton("into B", &w.target_side, kSideB);

    ImGui::PushFont(fonts.large);
    if (w.process) {
        if (ImGui::Button("Cancel", ImVec2(-1, 0)))
            cancel_what_if(state);
    } else if (ImGui::Button("Run", ImVec2(-1, 0))) {
        start_what_if(state);
    }
    ImGui::PopFont();
    if (w.process) {
        const double t = state.elapsed_seconds - w.started_at;
        ImGui::Text("running for %.0f s ...", t);
    }
    ImGui::TextWrapped("%s", w.status.c_str());
    if (!w.last_command.empty())
        ImGui::TextDisabled("%s", w.last_command.c_str());
    ImGui::End();
}

}  // namespace cssim::viewer
