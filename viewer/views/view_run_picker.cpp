// Open a run: recent archives found under results/, or a path typed in; loads in the background.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/views.hpp"

namespace cssim::viewer {

void draw_run_picker(ViewerState& state) {
    ImGui::SetNextWindowPos(ImVec2(300, 100), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(560, 420), ImGuiCond_FirstUseEver);
    if (!begin_panel(state, "Open a run", "run_picker", &state.show.run_picker, nullptr)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-170);
    ImGui::InputTextWithHint("##path", "results/<run>/ or .../run.sqlite", &state.inputs.open_path);
    for (int side = 0; side < 2; ++side) {
        ImGui::SameLine();
        const std::string label = std::string("as ") + side_name(side);
        if (ImGui::Button(label.c_str()) && !state.inputs.open_path.empty()) {
            start_background_load(state, side, state.inputs.open_path);
        }
    }
    for (const auto& l : state.loads)
        ImGui::TextDisabled("loading %s ...", l.what.c_str());
    for (int side = 0; side < 2; ++side) {
        const auto& s = state.sides[static_cast<std::size_t>(side)];
        if (!s.error.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.4f, 1.0f), "%s: %s", side_name(side),
                               s.error.c_str());
        }
        if (s.run) {
            ImGui::SameLine();
            const std::string close = std::string("close ") + side_name(side);
            if (ImGui::SmallButton(close.c_str()))
                clear_run(state, side);
        }
    }
    ImGui::Separator();
    ImGui::Text("Recent runs under %s", state.results_dir.string().c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("refresh") || !state.recent_runs_scanned) {
        state.recent_runs = find_recent_runs(state.results_dir);
        state.recent_runs_scanned = true;
    }
    if (ImGui::BeginTable("recent", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY)) {
        for (std::size_t i = 0; i < state.recent_runs.size(); ++i) {
            const auto& r = state.recent_runs[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.label.c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("open as A"))
                start_background_load(state, kSideA, r.archive);
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("open as B"))
                start_background_load(state, kSideB, r.archive);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
