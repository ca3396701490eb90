#pragma once
/**
 * @file views.hpp
 * @brief The viewer's panels (one file each, Tracy style) and what they share: fonts, colours,
 * the dashboard layout and the panel frame. Every draw_xxx() reads and edits the
 * application-owned ViewerState and keeps nothing between frames.
 */
#include <imgui.h>

#include "app/metric_direction.hpp"
#include "app/viewer_state.hpp"

namespace cssim::viewer {

/** @brief Fonts in the atlas: regular and medium for analysts, large and huge for presenting. */
struct UiFonts {
    ImFont* regular = nullptr;
    ImFont* medium = nullptr;
    ImFont* large = nullptr;
    ImFont* huge = nullptr;
    /// Presenter mode's text and date, loaded at twice `large` and `huge` and scaled down to
    /// the window (presenter_text_scale), so that text grows with the window and stays sharp.
    ImFont* presenter_text = nullptr;
    ImFont* presenter_date = nullptr;
    bool is_dejavu = false;  ///< false when DejaVu was not found and ImGui's font is used
};

/**
 * @brief Adds DejaVu Sans (fonts-dejavu-core) at three sizes to the atlas, or ImGui's default
 * font if the file is missing. Call before the atlas is built.
 */
UiFonts load_fonts(ImGuiIO& io);

/**
 * @brief Colours and spacing: a dark analyst theme, or black/white high contrast; low detail
 * turns off anti-aliasing, rounding and panel borders (software renderers).
 */
void apply_theme(bool presenter, DetailLevel detail = DetailLevel::full);
/** @brief apply_theme(state.presenter, state.detail). */
void apply_theme(const ViewerState& state);

/**
 * @brief A card's background: a rounded filled box, or in low detail only its outline (a
 * filled box costs a software renderer every pixel of it, an outline four thin quads).
 */
void draw_card_background(ImDrawList* dl, ImVec2 p0, ImVec2 p1, ImU32 colour, DetailLevel detail);

/**
 * @brief ImGuiTableFlags_RowBg, except in low detail: zebra rows blend a translucent rectangle
 * across every other row of the always-visible tables (events, comparison).
 */
int zebra_rows(const ViewerState& state);

/** @brief Line colour of side A or B (distinguishable for common colour-vision deficiencies). */
ImU32 side_colour(int side, bool presenter);
/** @brief Translucent band colour of side A or B. */
ImU32 side_band_colour(int side, bool presenter);
/** @brief Green for better, red for worse, grey otherwise. */
ImU32 verdict_colour(Verdict verdict);

/** @brief Fixed dashboard rectangles for a window of the given size (analyst mode). */
struct DashboardLayout {
    PanelRect clock;
    PanelRect kpi_cards;
    PanelRect time_use;
    PanelRect events;
    PanelRect charts;
    PanelRect comparison;
    PanelRect office_floor;
    PanelRect pathway;
};
/** @brief Tiles the window below a menu bar of height `top`. */
DashboardLayout dashboard_layout(float width, float height, float top);

/**
 * @brief Begins a panel window, placed at `rect` when given, and records its rectangle under
 * `name` (unless null) in state.panel_rects. Always pair with ImGui::End().
 */
bool begin_panel(ViewerState& state, const char* title, const char* name, bool* show,
                 const PanelRect* rect, ImGuiWindowFlags extra_flags = 0);

/** @brief The whole frame: menu bar, shortcuts, then the dashboard or presenter mode. */
void draw_viewer(ViewerState& state, const UiFonts& fonts);

void draw_menu_bar(ViewerState& state);
void handle_shortcuts(ViewerState& state);
void draw_clock_bar(ViewerState& state, const PanelRect& rect);
void draw_kpi_cards(ViewerState& state, const UiFonts& fonts, const PanelRect& rect);
void draw_charts(ViewerState& state, const PanelRect& rect);
void draw_office_floor(ViewerState& state, const PanelRect& rect);
void draw_pathway(ViewerState& state, const PanelRect& rect);
/** @brief The pathway graph inside the current window (no Begin/End). */
void draw_pathway_contents(ViewerState& state);
/**
 * @brief The System effects panel: every series outside the headline, stage/ and time_use/
 * sets, grouped by prefix as small charts (A and B overlaid; click one to put it in a main
 * chart), with the inspection judgement as badges when the runs have one.
 */
void draw_system_effects(ViewerState& state, const UiFonts& fonts, const PanelRect& rect);
/** @brief The System effects panel's contents inside the current window (no Begin/End). */
void draw_system_effects_contents(ViewerState& state, const UiFonts& fonts);
/**
 * @brief The slot the pathway and the System effects panel share: either alone, or both as
 * tabs of one window. The system panel appears only when the runs have system series.
 */
void draw_lower_right(ViewerState& state, const UiFonts& fonts, const PanelRect& rect);
/**
 * @brief A judgement badge per side ("A  Requires improvement") on the clock's day, in `font`;
 * draws nothing when no run has the judgement series. Returns whether it drew.
 */
bool draw_judgement_badges(ViewerState& state, ImFont* font);
/** @brief Whether either run has a series for the System effects panel. */
bool has_system_series(const ViewerState& state);
void draw_time_use(ViewerState& state, const PanelRect& rect);
void draw_events(ViewerState& state, const PanelRect& rect);
void draw_comparison(ViewerState& state, const PanelRect& rect);
void draw_presenter(ViewerState& state, const UiFonts& fonts);
void draw_pause_bookmarks(ViewerState& state);
void draw_what_if(ViewerState& state, const UiFonts& fonts);
void draw_run_picker(ViewerState& state);
void draw_help(ViewerState& state);

/** @brief Builds the chart spec for one series (A and B lines, bands, cursor, bookmarks). */
struct ChartSpec;
ChartSpec make_series_chart(ViewerState& state, const std::string& series, bool presenter);

/**
 * @brief Right-click menu of a chart: reset zoom, export CSV, change series, add or remove a
 * chart (up to `max_charts`). The popup must have been opened under `popup_id`.
 */
void chart_context_menu(ViewerState& state, std::vector<ChartSlot>& charts, std::size_t index,
                        const char* popup_id, std::size_t max_charts);

/** @brief Writes every analyst chart's CSV to the current directory; says where in status. */
void export_charts_csv(ViewerState& state);

}  // namespace cssim::viewer
