// Fonts, colours, dashboard layout and the panel frame shared by every view.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "views/views.hpp"

namespace cssim::viewer {
namespace {

constexpr const char* kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

}  // namespace

UiFonts load_fonts(ImGuiIO& io) {
    UiFonts fonts;
    std::error_code ec;
    if (std::filesystem::exists(kDejaVuSans, ec)) {
        fonts.regular = io.Fonts->AddFontFromFileTTF(kDejaVuSans, 15.0f);
        fonts.medium = io.Fonts->AddFontFromFileTTF(kDejaVuSans, 20.0f);
        fonts.large = io.Fonts->AddFontFromFileTTF(kDejaVuSans, 26.0f);
        fonts.huge = io.Fonts->AddFontFromFileTTF(kDejaVuSans, 44.0f);
        // The presenter's text also has the arrows the workshop's debrief draws its loops with.
        static const ImWchar kPresenterRanges[] = {0x0020, 0x00FF, 0x2190, 0x21FF, 0};
        fonts.presenter_text =
            io.Fonts->AddFontFromFileTTF(kDejaVuSans, 2.0f * 26.0f, nullptr, kPresenterRanges);
        fonts.presenter_date =
            io.Fonts->AddFontFromFileTTF(kDejaVuSans, 2.0f * 44.0f, nullptr, kPresenterRanges);
        fonts.is_dejavu = fonts.regular != nullptr && fonts.medium != nullptr &&
                          fonts.large != nullptr && fonts.huge != nullptr &&
                          fonts.presenter_text != nullptr && fonts.presenter_date != nullptr;
    }
    if (!fonts.is_dejavu) {
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = 13.0f;
        fonts.regular = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 19.5f;
        fonts.medium = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 26.0f;
        fonts.large = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 39.0f;
        fonts.huge = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 52.0f;
        fonts.presenter_text = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 78.0f;
        fonts.presenter_date = io.Fonts->AddFontDefault(&config);
    }
    io.FontDefault = fonts.regular;
    return fonts;
}

void apply_theme(bool presenter, DetailLevel detail) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.WindowPadding = ImVec2(6, 6);
    style.ItemSpacing = ImVec2(6, 4);
    if (detail == DetailLevel::low) {
        // A software rasteriser pays per blended pixel and per triangle: anti-aliased edges add
        // a fringe of translucent triangles to every line and filled shape, rounded corners and
        // circles add vertices, and borders add lines round every panel. Measured on llvmpipe
        // at 1280x800 (docs/performance.md, Viewer): this alone is most of the gain.
        style.AntiAliasedLines = false;
        style.AntiAliasedLinesUseTex = false;
        style.AntiAliasedFill = false;
        style.FrameRounding = 0.0f;
        style.GrabRounding = 0.0f;
        style.TabRounding = 0.0f;
        style.ScrollbarRounding = 0.0f;
        style.PopupRounding = 0.0f;
        style.ChildRounding = 0.0f;
        style.WindowBorderSize = 0.0f;
        style.PopupBorderSize = 1.0f;  // popups and tooltips float over panels: keep an edge
        style.CircleTessellationMaxError = 1.2f;  // coarser circles (default 0.30 px)
    }
    if (!presenter) {
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.12f, 1.0f);
        style.Colors[ImGuiCol_TitleBg] = ImVec4(0.14f, 0.16f, 0.20f, 1.0f);
        style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.20f, 0.28f, 1.0f);
        return;
    }
    // High contrast: pure black and white, thick frames, no translucency.
    style.WindowPadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(12, 8);
    style.FramePadding = ImVec2(12, 8);
    style.FrameBorderSize = detail == DetailLevel::low ? 1.0f : 2.0f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
    style.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0.8f, 0.8f, 0.8f, 1);
    style.Colors[ImGuiCol_Button] = ImVec4(0.15f, 0.15f, 0.15f, 1);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.3f, 0.3f, 0.3f, 1);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.45f, 0.45f, 0.45f, 1);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1);
}

void apply_theme(const ViewerState& state) {
    apply_theme(state.presenter, state.detail);
}

void draw_card_background(ImDrawList* dl, ImVec2 p0, ImVec2 p1, ImU32 colour, DetailLevel detail) {
    if (detail == DetailLevel::low) {
        dl->AddRect(p0, p1, colour);
    } else {
        dl->AddRectFilled(p0, p1, colour, 4.0f);
    }
}

int zebra_rows(const ViewerState& state) {
    return state.detail == DetailLevel::low ? ImGuiTableFlags_None : ImGuiTableFlags_RowBg;
}

ImU32 side_colour(int side, bool presenter) {
    // Blue and orange stay distinct for red-green colour blindness; brighter when presenting.
    if (presenter)
        return side == kSideA ? IM_COL32(0, 190, 255, 255) : IM_COL32(255, 170, 0, 255);
    return side == kSideA ? IM_COL32(86, 156, 255, 255) : IM_COL32(255, 140, 40, 255);
}

ImU32 side_band_colour(int side, bool presenter) {
    const int alpha = presenter ? 70 : 55;
    return side == kSideA ? IM_COL32(86, 156, 255, alpha) : IM_COL32(255, 140, 40, alpha);
}

ImU32 verdict_colour(Verdict verdict) {
    switch (verdict) {
        case Verdict::better:
            return IM_COL32(80, 200, 110, 255);
        case Verdict::worse:
            return IM_COL32(240, 80, 80, 255);
        default:
            return IM_COL32(170, 170, 170, 255);
    }
}

DashboardLayout dashboard_layout(float width, float height, float top) {
    DashboardLayout l;
    const float clock_h = 66.0f;
    const float y0 = top + clock_h;
    const float h = std::max(200.0f, height - y0);
    const float left_w = std::round(width * 0.23f);
    const float mid_w = std::round(width * 0.43f);
    const float right_w = width - left_w - mid_w;
    const float kpi_h = std::round(h * 0.40f);
    const float use_h = std::round(h * 0.17f);
    const float chart_h = std::round(h * 0.62f);
    const float floor_h = std::round(h * 0.44f);
    l.clock = {"clock", 0, top, width, clock_h};
    l.kpi_cards = {"kpi_cards", 0, y0, left_w, kpi_h};
    l.time_use = {"time_use", 0, y0 + kpi_h, left_w, use_h};
    l.events = {"events", 0, y0 + kpi_h + use_h, left_w, h - kpi_h - use_h};
    l.charts = {"charts", left_w, y0, mid_w, chart_h};
    l.comparison = {"comparison", left_w, y0 + chart_h, mid_w, h - chart_h};
    l.office_floor = {"office_floor", left_w + mid_w, y0, right_w, floor_h};
    l.pathway = {"pathway", left_w + mid_w, y0 + floor_h, right_w, h - floor_h};
    return l;
}

bool begin_panel(ViewerState& state, const char* title, const char* name, bool* show,
                 const PanelRect* rect, ImGuiWindowFlags extra_flags) {
    ImGuiWindowFlags flags = extra_flags;
    if (rect != nullptr) {
        ImGui::SetNextWindowPos(ImVec2(rect->x, rect->y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(rect->width, rect->height), ImGuiCond_Always);
        // Tiled panels draw no background of their own: the host clears the frame to the
        // window colour, which saves one full-window layer of blending on software renderers.
        flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                 ImGuiWindowFlags_NoBackground;
    }
    const bool open = ImGui::Begin(title, show, flags);
    if (open && name != nullptr) {
        const ImVec2 p = ImGui::GetWindowPos();
        const ImVec2 s = ImGui::GetWindowSize();
        state.panel_rects.push_back({name, p.x, p.y, s.x, s.y});
    }
    return open;
}

}  // namespace cssim::viewer
