// Time-series charts of the chosen series, A and B overlaid with confidence bands; right-click
// a chart to change its series, reset its zoom or export what it shows as CSV.
#include <cmath>

#include "views/views.hpp"
#include "widgets/time_series_chart.hpp"

namespace cssim::viewer {
namespace {

std::string file_safe(const std::string& name) {
    std::string out;
    for (char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '-';
    return out;
}

void export_one(ViewerState& state, const ChartSlot& slot) {
    const std::string path = "cssim-chart-" + file_safe(slot.series) + ".csv";
    try {
        write_chart_csv(path, make_chart_table(state, slot));
        state.status_message = "wrote " + path;
    } catch (const std::exception& e) {
        state.status_message = e.what();
    }
}

}  // namespace

void chart_context_menu(ViewerState& state, std::vector<ChartSlot>& charts, std::size_t index,
                        const char* popup_id, std::size_t max_charts) {
    if (!ImGui::BeginPopup(popup_id))
        return;
    ChartSlot& slot = charts[index];
    if (ImGui::MenuItem("Reset zoom", nullptr, false, slot.zoom.active))
        slot.zoom = ChartZoom{};
    if (ImGui::MenuItem("Export CSV of this chart"))
        export_one(state, slot);
    if (ImGui::BeginMenu("Series")) {
        for (const auto& name : all_series_names(state)) {
            const std::string item = series_title(state, name) + "##" + name;
            if (ImGui::MenuItem(item.c_str(), nullptr, name == slot.series)) {
                slot.series = name;
                slot.zoom = ChartZoom{};
            }
        }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    const bool can_add = charts.size() < max_charts;
    const bool can_remove = charts.size() > 1;
    if (ImGui::MenuItem("Add a chart", nullptr, false, can_add)) {
        charts.push_back(ChartSlot{slot.series, {}});
    } else if (ImGui::MenuItem("Remove this chart", nullptr, false, can_remove)) {
        charts.erase(charts.begin() + static_cast<std::ptrdiff_t>(index));
    }
    ImGui::EndPopup();
}

ChartSpec make_series_chart(ViewerState& state, const std::string& series, bool presenter) {
    ChartSpec spec;
    spec.title = series_title(state, series);
    if (const auto* meta = find_series_any(state, series)) {
        spec.unit = meta->unit;
        spec.description = meta->description;
    }
    spec.x_first = static_cast<double>(state.alignment.first_shared_day());
    spec.x_last = static_cast<double>(state.alignment.last_shared_day());
    spec.cursor_x = state.clock.day();
    for (const auto& b : state.bookmarks.items())
        spec.marks.push_back(static_cast<double>(b.day));
    const RunAlignment alignment = state.alignment;
    spec.x_tick_label = [alignment](double x) { return alignment.axis_label(std::llround(x)); };
    spec.x_hover_label = [alignment](double x) { return alignment.label(std::llround(x)); };
    spec.high_contrast = presenter;
    spec.low_detail = state.detail == DetailLevel::low;
    // Whole-pixel widths use ImGui's textured anti-aliased lines: 2 triangles a segment, not 6.
    spec.line_thickness = presenter ? 3.0f : 2.0f;
    for (int side = 0; side < 2; ++side) {
        const auto data = chart_side_data(state, side, series);
        if (!data)
            continue;
        if (!data->low.empty()) {
            spec.bands.push_back(
                {data->low, data->high,
                 static_cast<double>(state.alignment.shared_day(side, data->band_first_day)),
                 side_band_colour(side, presenter)});
            spec.band_note = data->band_note;
        }
        spec.lines.push_back(
            {data->legend, data->values,
             static_cast<double>(state.alignment.shared_day(side, data->first_day)),
             side_colour(side, presenter)});
    }
    return spec;
}

void export_charts_csv(ViewerState& state) {
    for (const auto& slot : state.charts)
        export_one(state, slot);
    if (state.charts.size() > 1) {
        state.status_message = "wrote " + std::to_string(state.charts.size()) +
                               " chart CSV files to the current directory";
    }
}

void draw_charts(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Charts", "charts", &state.show.charts, &rect,
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar)) {
        ImGui::End();
        return;
    }
    if (state.charts.empty()) {
        ImGui::TextDisabled("Open a run to see its series.");
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%s", chart_lines_note(state).c_str());
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const int n = static_cast<int>(state.charts.size());
    const int cols = n == 1 ? 1 : 2;
    const int rows = (n + cols - 1) / cols;
    const float gap = 4.0f;
    const ImVec2 size((avail.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                      (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (int i = 0; i < n; ++i) {
        ChartSlot& slot = state.charts[static_cast<std::size_t>(i)];
        if (i % cols != 0)
            ImGui::SameLine(0.0f, gap);
        const std::string id = "chart" + std::to_string(i);
        const ChartSpec spec = make_series_chart(state, slot.series, false);
        const ChartInteraction r = draw_time_series_chart(id.c_str(), spec, slot.zoom, size);
        if (r.clicked)
            state.clock.scrub_to(r.clicked_x);
        const std::string popup = id + "menu";
        if (r.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
            ImGui::OpenPopup(popup.c_str());
        }
        chart_context_menu(state, state.charts, static_cast<std::size_t>(i), popup.c_str(), 6);
        if (static_cast<int>(state.charts.size()) != n)
            break;  // a chart was added or removed
    }
    ImGui::End();
}

}  // namespace cssim::viewer
