// The pathway graph from the archive's layout: stages in columns by distance from the first
// stage (stages with no way out in the last column), edges as arrows whose width is the flow
// (probability × children at the source stage), and each stage's live count for A and B.
#include <algorithm>
#include <cmath>
#include <map>

#include "app/value_format.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

struct NodePlace {
    int column = 0;
    int row = 0;
};

std::vector<NodePlace> place_nodes(const record::RunLayout& layout, int& columns, int& max_rows) {
    const std::size_t n = layout.nodes.size();
    std::map<std::string, std::size_t, std::less<>> index;
    for (std::size_t i = 0; i < n; ++i)
        index[layout.nodes[i].id] = i;
    std::vector<int> level(n, -1);
    std::vector<bool> has_out(n, false);
    for (const auto& e : layout.edges) {
        if (auto it = index.find(e.from); it != index.end())
            has_out[it->second] = true;
    }
    // Breadth-first levels from the first stage (the referral in department archives).
    std::vector<std::size_t> frontier{0};
    if (n > 0)
        level[0] = 0;
    while (!frontier.empty()) {
        std::vector<std::size_t> next;
        for (const std::size_t u : frontier) {
            for (const auto& e : layout.edges) {
                if (e.from != layout.nodes[u].id)
                    continue;
                const auto it = index.find(e.to);
                if (it == index.end() || level[it->second] >= 0)
                    continue;
                level[it->second] = level[u] + 1;
                next.push_back(it->second);
            }
        }
        frontier = std::move(next);
    }
    int deepest = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (has_out[i])
            deepest = std::max(deepest, level[i]);
    }
    std::vector<NodePlace> places(n);
    std::vector<int> rows_in(static_cast<std::size_t>(deepest + 2), 0);
    for (std::size_t i = 0; i < n; ++i) {
        int col = level[i] < 0 ? deepest + 1 : level[i];
        if (!has_out[i])
            col = deepest + 1;  // sinks (closed) on the right
        places[i].column = col;
    }
    // Within a column, order stages by the mean row of their predecessors in earlier columns
    // (the barycentre heuristic), which removes most edge crossings in a pathway graph.
    for (int col = 0; col <= deepest + 1; ++col) {
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t i = 0; i < n; ++i) {
            if (places[i].column != col)
                continue;
            double sum = 0.0;
            int count = 0;
            for (const auto& e : layout.edges) {
                const auto from = index.find(e.from);
                if (e.to != layout.nodes[i].id || from == index.end() ||
                    places[from->second].column >= col)
                    continue;
                sum += places[from->second].row;
                ++count;
            }
            order.emplace_back(count > 0 ? sum / count : static_cast<double>(n + i), i);
        }
        std::stable_sort(order.begin(), order.end());
        for (const auto& [key, i] : order)
            places[i].row = rows_in[static_cast<std::size_t>(col)]++;
    }
    columns = deepest + 2;
    max_rows = *std::max_element(rows_in.begin(), rows_in.end());
    return places;
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float width) {
    const ImVec2 d(b.x - a.x, b.y - a.y);
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1.0f)
        return;
    const ImVec2 u(d.x / len, d.y / len);
    const float head = 5.0f + width;
    const ImVec2 base(b.x - u.x * head, b.y - u.y * head);
    dl->AddLine(a, base, colour, width);
    dl->AddTriangleFilled(b, ImVec2(base.x - u.y * head * 0.5f, base.y + u.x * head * 0.5f),
                          ImVec2(base.x + u.y * head * 0.5f, base.y - u.x * head * 0.5f), colour);
}

}  // namespace

void draw_pathway(ViewerState& state, const PanelRect& rect) {
    if (begin_panel(state, "Pathway", "pathway", &state.show.pathway, &rect,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        draw_pathway_contents(state);
    }
    ImGui::End();
}

void draw_pathway_contents(ViewerState& state) {
    const int layout_side = has_run(state, kSideA) ? kSideA : kSideB;
    const auto& run = state.sides[static_cast<std::size_t>(layout_side)].run;
    if (!run || run->layout().nodes.empty()) {
        ImGui::TextDisabled(run ? "This run has no pathway graph." : "Open a run.");
        return;
    }
    const record::RunLayout& layout = run->layout();
    int columns = 1;
    int max_rows = 1;
    const auto places = place_nodes(layout, columns, max_rows);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float font = ImGui::GetFontSize();
    // Neighbouring columns are staggered vertically so that each box may be about two
    // columns wide: long stage names stay readable in a narrow panel.
    const float col_w = avail.x / static_cast<float>(columns);
    const float slot_h = avail.y / static_cast<float>(2 * std::max(max_rows, 1) + 1);
    const float box_w = std::min(2.0f * col_w - 14.0f, font * 8.0f);
    // Boxes of neighbouring columns overlap horizontally, so each is at most one slot tall.
    const float box_h = std::min(slot_h - 4.0f, font * 3.4f);
    const std::int64_t day = current_day(state);

    std::vector<ImVec2> centre(layout.nodes.size());
    std::vector<std::array<std::optional<double>, 2>> counts(layout.nodes.size());
    double max_flow = 1e-9;
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        const auto& p = places[i];
        const int slot = 2 * p.row + (p.column % 2);
        centre[i] = ImVec2(origin.x + col_w * (static_cast<float>(p.column) + 0.5f),
                           origin.y + slot_h * (static_cast<float>(slot) + 1.0f));
        centre[i].x =
            std::clamp(centre[i].x, origin.x + box_w * 0.5f, origin.x + avail.x - box_w * 0.5f);
        for (int side = 0; side < 2; ++side) {
            counts[i][static_cast<std::size_t>(side)] =
                series_value_at(state, side, layout.nodes[i].series, day);
        }
    }
    auto find = [&](const std::string& id) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
            if (layout.nodes[i].id == id)
                return i;
        }
        return std::nullopt;
    };
    std::vector<double> flows;
    for (const auto& e : layout.edges) {
        const auto from = find(e.from);
        const double count =
            from ? counts[*from][static_cast<std::size_t>(layout_side)].value_or(0.0) : 0.0;
        flows.push_back(e.probability * count);
        max_flow = std::max(max_flow, flows.back());
    }
    // Edges first, boxes on top.
    for (std::size_t k = 0; k < layout.edges.size(); ++k) {
        const auto from = find(layout.edges[k].from);
        const auto to = find(layout.edges[k].to);
        if (!from || !to)
            continue;
        ImVec2 a = centre[*from];
        ImVec2 b = centre[*to];
        const bool forward = places[*to].column > places[*from].column;
        // Leave and arrive at the box edge facing the other box.
        const float dx = b.x - a.x;
        const float dy = b.y - a.y;
        const bool sideways = forward && std::fabs(dx) * box_h > std::fabs(dy) * box_w;
        if (sideways) {
            a.x += box_w * 0.5f;
            b.x -= box_w * 0.5f;
        } else {
            const float sign = dy >= 0.0f ? 1.0f : -1.0f;
            a.y += sign * box_h * 0.5f;
            b.y -= sign * box_h * 0.5f;
        }
        const float width = 1.0f + 6.0f * static_cast<float>(std::sqrt(flows[k] / max_flow));
        arrow(dl, a, b, IM_COL32(150, 160, 180, 170), width);
    }
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        const ImVec2 a(centre[i].x - box_w * 0.5f, centre[i].y - box_h * 0.5f);
        const ImVec2 b(centre[i].x + box_w * 0.5f, centre[i].y + box_h * 0.5f);
        dl->AddRectFilled(a, b, IM_COL32(36, 40, 50, 255),
                          state.detail == DetailLevel::low ? 0.0f : 4.0f);
        dl->AddRect(a, b, IM_COL32(120, 130, 150, 255),
                    state.detail == DetailLevel::low ? 0.0f : 4.0f);
        dl->PushClipRect(a, b, true);
        const char* label = layout.nodes[i].label.c_str();
        const float wrap = box_w - 8.0f;
        const float label_h = ImGui::CalcTextSize(label, nullptr, false, wrap).y;
        const float count_y = std::min(a.y + 2.0f + label_h, b.y - font - 1.0f);
        // The label gets what the count line leaves (full name in the tooltip).
        dl->PushClipRect(a, ImVec2(b.x, count_y), true);
        dl->AddText(ImGui::GetFont(), font, ImVec2(a.x + 4, a.y + 2),
                    ImGui::GetColorU32(ImGuiCol_Text), label, nullptr, wrap);
        dl->PopClipRect();
        float x = a.x + 4;
        for (int side = 0; side < 2; ++side) {
            const auto& v = counts[i][static_cast<std::size_t>(side)];
            if (!has_run(state, side))
                continue;
            const std::string text = v ? format_value(*v, "children") : "-";
            dl->AddText(ImVec2(x, count_y), side_colour(side, false), text.c_str());
            x += ImGui::CalcTextSize(text.c_str()).x + 8.0f;
        }
        dl->PopClipRect();
        if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s)", layout.nodes[i].label.c_str(), layout.nodes[i].series.c_str());
            for (const auto& e : layout.edges) {
                if (e.from == layout.nodes[i].id) {
                    ImGui::Text("  -> %s: %.0f%%", e.to.c_str(), 100.0 * e.probability);
                }
            }
            ImGui::EndTooltip();
        }
    }
    ImGui::Dummy(avail);
}

}  // namespace cssim::viewer
