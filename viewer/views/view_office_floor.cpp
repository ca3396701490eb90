// The office floor: every post a tile coloured by caseload or stress, with sick, on notice,
// agency, vacant and PA posts marked; hover a tile for the post's history.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/post_status.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

// Managers are coloured by role, not caseload, so that each team's manager stands out in its
// block: a fixed colour and a bar across the top of the tile.
constexpr ImU32 kManagerFill = IM_COL32(70, 150, 170, 255);
constexpr ImU32 kManagerMark = IM_COL32(235, 235, 235, 255);

void manager_mark(ImDrawList* dl, ImVec2 a, ImVec2 b) {
    const float h = std::max(2.0f, (b.y - a.y) * 0.22f);
    dl->AddRectFilled(a, ImVec2(b.x, a.y + h), kManagerMark);
}

// Green (light) -> amber -> red (heavy): reads without a legend and prints in grey.
ImU32 ramp(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float r = t < 0.5f ? 60.0f + 390.0f * t : 255.0f;
    const float g = t < 0.5f ? 190.0f : 190.0f - 300.0f * (t - 0.5f);
    return IM_COL32(static_cast<int>(r), static_cast<int>(g), 60, 255);
}

template <typename T>
std::optional<T> at(const std::vector<T>& v, std::int64_t k) {
    if (k < 0 || k >= static_cast<std::int64_t>(v.size()))
        return std::nullopt;
    return v[static_cast<std::size_t>(k)];
}

void sparkline(const std::vector<float>& v, std::int64_t upto, float max_value, ImU32 colour,
               const char* label) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(260, 50);
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(20, 20, 24, 255));
    const auto n = static_cast<std::size_t>(
        std::clamp<std::int64_t>(upto + 1, 0, static_cast<std::int64_t>(v.size())));
    if (n >= 2) {
        std::vector<ImVec2> pts;
        const std::size_t step = std::max<std::size_t>(1, n / 260);
        for (std::size_t i = 0; i < n; i += step) {
            pts.emplace_back(p.x + size.x * static_cast<float>(i) / static_cast<float>(n - 1),
                             p.y + size.y * (1.0f - std::clamp(v[i] / max_value, 0.0f, 1.0f)));
        }
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, 0, 1.5f);
    }
    dl->AddText(ImVec2(p.x + 3, p.y + 1), IM_COL32(200, 200, 200, 255), label);
}

void post_tooltip(const LoadedRun& run, const record::EntityTrack& t, std::int64_t k) {
    ImGui::BeginTooltip();
    ImGui::Text("%s  (%s, %s)", t.label.c_str(), t.role.c_str(), t.team.c_str());
    if (auto s = at(t.status, k))
        ImGui::Text("status: %s", std::string(run.status_name(*s)).c_str());
    if (auto c = at(t.contract, k)) {
        ImGui::Text("contract: %s", std::string(run.contract_name(*c)).c_str());
    }
    if (auto c = at(t.caseload, k))
        ImGui::Text("caseload: %.1f", static_cast<double>(*c));
    if (auto s = at(t.stress, k))
        ImGui::Text("stress: %.2f", static_cast<double>(*s));
    const std::int64_t upto = k;
    sparkline(t.caseload, upto, run.max_track_caseload(), IM_COL32(120, 200, 255, 255),
              "caseload so far");
    sparkline(t.stress, upto, 1.0f, IM_COL32(255, 120, 120, 255), "stress so far");
    ImGui::EndTooltip();
}

void draw_side(ViewerState& state, int side, ImVec2 p0, ImVec2 p1) {
    const auto& run = *state.sides[static_cast<std::size_t>(side)].run;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const std::string title = std::string(side_name(side)) + ": " + run.info().scenario_name;
    dl->AddText(p0, side_colour(side, false), title.c_str());
    p0.y += font + 3.0f;
    const auto& tracks = run.replication().tracks;
    if (tracks.empty()) {
        dl->AddText(p0, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    "no post tracks in this replication");
        return;
    }
    const auto own = state.alignment.side_day(side, current_day(state));
    // Group posts by team so that a team sits together on the floor.
    std::vector<std::size_t> order(tracks.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return tracks[a].team < tracks[b].team; });
    const float w = p1.x - p0.x;
    const float h = p1.y - p0.y;
    const auto n = static_cast<float>(tracks.size());
    float tile = std::floor(std::sqrt(w * h / n));
    while (tile > 4.0f && std::ceil(n / std::floor(w / tile)) * tile > h)
        tile -= 1.0f;
    const int cols = std::max(1, static_cast<int>(w / tile));
    const float gap = tile >= 10.0f ? 2.0f : 1.0f;
    const auto [lo, hi] = state.floor_colouring == FloorColouring::caseload ? run.caseload_scale()
                                                                            : run.stress_scale();
    auto scale = [lo = lo, hi = hi](float v) { return (v - lo) / std::max(hi - lo, 1e-6f); };
    std::vector<PostMark> kinds;
    for (const auto& s : run.layout().status_names)
        kinds.push_back(post_mark(s));

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const record::EntityTrack* hovered = nullptr;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto& t = tracks[order[i]];
        const ImVec2 a(p0.x + static_cast<float>(static_cast<int>(i) % cols) * tile,
                       p0.y + static_cast<float>(static_cast<int>(i) / cols) * tile);
        const ImVec2 b(a.x + tile - gap, a.y + tile - gap);
        const std::int64_t k = own ? *own - t.first_day : -1;
        const auto status = at(t.status, k);
        const PostMark kind = status && *status < kinds.size() ? kinds[*status] : PostMark::vacant;
        const bool is_pa = is_pa_role(t.role);
        const bool is_manager = is_manager_role(t.role);
        ImU32 fill = IM_COL32(55, 58, 64, 255);
        if (kind != PostMark::vacant && kind != PostMark::deleted) {
            if (is_manager) {
                fill = kManagerFill;
            } else if (is_pa) {
                fill = IM_COL32(150, 150, 230, 255);
            } else if (state.floor_colouring == FloorColouring::caseload) {
                fill = ramp(scale(at(t.caseload, k).value_or(0.0f)));
            } else {
                fill = ramp(scale(at(t.stress, k).value_or(0.0f)));
            }
        }
        const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        const float r = (b.x - a.x) * 0.5f;
        if (kind == PostMark::deleted) {
            dl->AddRect(a, b, IM_COL32(80, 80, 80, 110));
        } else if (kind == PostMark::vacant) {
            dl->AddRect(a, b, is_manager ? kManagerFill : IM_COL32(120, 120, 120, 255), 0.0f, 0,
                        is_manager ? 2.0f : 1.0f);
            if (is_manager)
                manager_mark(dl, a, b);
        } else if (is_pa) {
            dl->AddCircleFilled(c, r, fill);
        } else {
            dl->AddRectFilled(a, b, fill);
            if (is_manager)
                manager_mark(dl, a, b);
        }
        if (kind == PostMark::sick) {  // a white cross: away sick
            dl->AddLine(ImVec2(a.x + 2, a.y + 2), ImVec2(b.x - 2, b.y - 2), IM_COL32_WHITE, 2.0f);
            dl->AddLine(ImVec2(b.x - 2, a.y + 2), ImVec2(a.x + 2, b.y - 2), IM_COL32_WHITE, 2.0f);
        } else if (kind == PostMark::notice) {  // a thick orange frame: working their notice
            dl->AddRect(a, b, IM_COL32(255, 150, 0, 255), 0.0f, 0, 2.5f);
        }
        const auto contract = at(t.contract, k);
        if (kind != PostMark::vacant && kind != PostMark::deleted && contract &&
            run.contract_name(*contract).find("agency") != std::string_view::npos) {
            dl->AddTriangleFilled(ImVec2(b.x - r, a.y), ImVec2(b.x, a.y), ImVec2(b.x, a.y + r),
                                  IM_COL32(200, 80, 255, 255));
        }
        if (mouse.x >= a.x && mouse.x < a.x + tile && mouse.y >= a.y && mouse.y < a.y + tile) {
            hovered = &t;
        }
    }
    if (hovered != nullptr && ImGui::IsWindowHovered()) {
        post_tooltip(run, *hovered, own ? *own - hovered->first_day : -1);
    }
}

// One line of real symbols (what the tiles look like) and the colour scale of the first run.
void draw_legend(ViewerState& state, int side) {
    const auto& run = *state.sides[static_cast<std::size_t>(side)].run;
    const bool by_caseload = state.floor_colouring == FloorColouring::caseload;
    const auto [lo, hi] = by_caseload ? run.caseload_scale() : run.stress_scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float s = ImGui::GetFontSize() * 0.8f;
    auto swatch = [&](auto draw, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 a(p.x, p.y + 2.0f);
        const ImVec2 b(p.x + s, p.y + 2.0f + s);
        draw(dl, a, b);
        ImGui::Dummy(ImVec2(s + 2.0f, s));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(text);
        ImGui::SameLine(0, 10);
    };
    swatch([](ImDrawList* d, ImVec2 a, ImVec2 b) { d->AddRectFilled(a, b, ramp(0.0f)); }, "");
    ImGui::SameLine(0, 0);
    swatch([](ImDrawList* d, ImVec2 a, ImVec2 b) { d->AddRectFilled(a, b, ramp(0.5f)); }, "");
    ImGui::SameLine(0, 0);
    swatch([](ImDrawList* d, ImVec2 a, ImVec2 b) { d->AddRectFilled(a, b, ramp(1.0f)); }, "");
    ImGui::SameLine(0, 0);
    ImGui::Text("%s %.*f to %.*f", by_caseload ? "caseload" : "stress", by_caseload ? 0 : 2,
                static_cast<double>(lo), by_caseload ? 0 : 2, static_cast<double>(hi));
    ImGui::SameLine();
    if (ImGui::SmallButton(by_caseload ? "by stress" : "by caseload")) {
        state.floor_colouring = by_caseload ? FloorColouring::stress : FloorColouring::caseload;
    }
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) {
            d->AddRectFilled(a, b, ramp(0.3f));
            d->AddLine(a, b, IM_COL32_WHITE, 2.0f);
            d->AddLine(ImVec2(b.x, a.y), ImVec2(a.x, b.y), IM_COL32_WHITE, 2.0f);
        },
        "sick");
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) {
            d->AddRectFilled(a, b, ramp(0.3f));
            d->AddRect(a, b, IM_COL32(255, 150, 0, 255), 0.0f, 0, 2.5f);
        },
        "notice");
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) {
            d->AddRectFilled(a, b, ramp(0.3f));
            d->AddTriangleFilled(ImVec2((a.x + b.x) * 0.5f, a.y), ImVec2(b.x, a.y),
                                 ImVec2(b.x, (a.y + b.y) * 0.5f), IM_COL32(200, 80, 255, 255));
        },
        "agency");
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) { d->AddRect(a, b, IM_COL32(120, 120, 120, 255)); },
        "vacant");
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) {
            d->AddCircleFilled(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), (b.x - a.x) * 0.5f,
                               IM_COL32(150, 150, 230, 255));
        },
        "PA");
    swatch(
        [](ImDrawList* d, ImVec2 a, ImVec2 b) {
            d->AddRectFilled(a, b, kManagerFill);
            manager_mark(d, a, b);
        },
        "manager");
    ImGui::NewLine();
}

}  // namespace

void draw_office_floor(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Office floor", "office_floor", &state.show.office_floor, &rect,
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float legend_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f + 2.0f;
    std::vector<int> sides;
    for (int s = 0; s < 2; ++s) {
        if (has_run(state, s))
            sides.push_back(s);
    }
    if (sides.empty()) {
        ImGui::TextDisabled("Open a run to see its posts.");
        ImGui::End();
        return;
    }
    const float gap = 10.0f;
    const float w =
        (avail.x - gap * static_cast<float>(sides.size() - 1)) / static_cast<float>(sides.size());
    for (std::size_t i = 0; i < sides.size(); ++i) {
        const float x = origin.x + static_cast<float>(i) * (w + gap);
        draw_side(state, sides[i], ImVec2(x, origin.y),
                  ImVec2(x + w, origin.y + avail.y - legend_h));
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + avail.y - legend_h));
    draw_legend(state, sides.front());
    ImGui::End();
}

}  // namespace cssim::viewer
