// The shared clock: play/pause, steps, speed, date, run-until, replication choice, scrubber.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/views.hpp"
#include "widgets/scrubber.hpp"

namespace cssim::viewer {
namespace {

void replication_combo(ViewerState& state, int side) {
    auto& run = state.sides[static_cast<std::size_t>(side)].run;
    if (!run)
        return;
    ImGui::SameLine();
    const std::string label = std::string(side_name(side)) + " rep";
    const std::string current = std::to_string(run->replication().replication);
    ImGui::SetNextItemWidth(60);
    if (ImGui::BeginCombo(label.c_str(), current.c_str())) {
        for (const auto id : run->replication_ids()) {
            const bool selected = id == run->replication().replication;
            if (ImGui::Selectable(std::to_string(id).c_str(), selected) && !selected) {
                select_replication(state, side, id);
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s: %s (%zu replications)", side_name(side),
                          run->info().scenario_name.c_str(), run->replication_ids().size());
    }
}

}  // namespace

void draw_clock_bar(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "##clock", "clock", nullptr, &rect,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
        ImGui::End();
        return;
    }
    RunClock& clock = state.clock;
    const bool any = has_run(state, kSideA) || has_run(state, kSideB);
    if (!any)
        ImGui::BeginDisabled();
    if (ImGui::Button(clock.is_playing() ? "Pause" : "Play", ImVec2(64, 0)))
        clock.toggle_play();
    ImGui::SameLine();
    if (ImGui::Button("-7"))
        clock.step_days(-7);
    ImGui::SameLine();
    if (ImGui::Button("-1"))
        clock.step_days(-1);
    ImGui::SameLine();
    if (ImGui::Button("+1"))
        clock.step_days(1);
    ImGui::SameLine();
    if (ImGui::Button("+7"))
        clock.step_days(7);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::BeginCombo("##speed", std::string(clock.speed().label).c_str())) {
        for (std::size_t i = 0; i < kClockSpeeds.size(); ++i) {
            if (ImGui::Selectable(std::string(kClockSpeeds[i].label).c_str(),
                                  i == clock.speed_index())) {
                clock.set_speed_index(i);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const std::int64_t day = current_day(state);
    ImGui::Text("%s", any ? state.alignment.label(day).c_str() : "no run loaded");
    if (any && state.sides[0].run) {
        ImGui::SameLine();
        const auto own = state.alignment.side_day(kSideA, day);
        ImGui::TextDisabled("(day %lld of %lld)", static_cast<long long>(own.value_or(-1)),
                            static_cast<long long>(state.sides[0].run->last_day()));
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    const bool entered = ImGui::InputTextWithHint("##until", "YYYY-MM-DD", &state.inputs.run_until,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Run until") || entered) {
        if (const auto target = state.alignment.parse_day(state.inputs.run_until)) {
            clock.run_until(*target);
        } else {
            state.status_message = "run until: \"" + state.inputs.run_until +
                                   "\" is not a date (YYYY-MM-DD) or a day number";
        }
    }
    for (int side = 0; side < 2; ++side)
        replication_combo(state, side);
    ImGui::SameLine();
    if (ImGui::Button("Pause if..."))
        state.show.pause_bookmarks = true;
    ImGui::SameLine();
    if (ImGui::Button("What-if"))
        state.show.what_if = true;

    std::vector<double> marks;
    for (const auto& b : state.bookmarks.items())
        marks.push_back(static_cast<double>(b.day));
    double d = clock.day();
    if (draw_scrubber("##scrub", d, static_cast<double>(clock.first_day()),
                      static_cast<double>(clock.last_day()), marks,
                      ImVec2(ImGui::GetContentRegionAvail().x, 20.0f),
                      side_colour(kSideA, false))) {
        clock.scrub_to(d);
    }
    if (!any)
        ImGui::EndDisabled();
    ImGui::End();
}

}  // namespace cssim::viewer
