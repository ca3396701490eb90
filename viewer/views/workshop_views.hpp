#pragma once
/**
 * @file workshop_views.hpp
 * @brief The workshop screens of `cssim-view --workshop` (docs/workshop.md, "In the viewer"):
 * round, play, scoreboard and debrief, all in the presenter's type scaled to the window, and
 * the keys that run them. Each screen draws into the content rectangle between the header and
 * the key bar.
 */
#include <vector>

#include "app/workshop_state.hpp"
#include "views/views.hpp"

namespace cssim::viewer {

/** @brief Fonts and sizes of one workshop frame (everything grows with the window). */
struct WorkshopPage {
    const UiFonts* fonts = nullptr;
    float scale = 1.0f;  ///< presenter_text_scale of the window
    PanelRect content;   ///< between the header and the key bar
};

/** @brief One whole workshop frame: keys, header, the screen, key bar. */
void draw_workshop(ViewerState& state, WorkshopState& w, const UiFonts& fonts);

/** @brief The facilitator's keys (every action of the workshop has one). */
void handle_workshop_keys(ViewerState& state, WorkshopState& w);

/** @brief The keys of a screen as (key, action) pairs, for the key bar and docs. */
std::vector<std::pair<const char*, const char*>> workshop_keys(WorkshopScreen screen);

void draw_workshop_round(ViewerState& state, WorkshopState& w, const WorkshopPage& page);
void draw_workshop_play(ViewerState& state, WorkshopState& w, const WorkshopPage& page);
void draw_workshop_scoreboard(ViewerState& state, WorkshopState& w, const WorkshopPage& page);
void draw_workshop_debrief(ViewerState& state, WorkshopState& w, const WorkshopPage& page);

/** @brief Pounds as the room reads them: "£1.29m", "£740k", "-£473k". */
std::string format_pounds(double pounds);

/** @brief A big chart of `series` over shared days [x_min, x_max] in the current window. */
void draw_workshop_chart(ViewerState& state, const std::string& series, const char* id,
                         double x_min, double x_max, ImVec2 size);

/**
 * @brief A chart's title line: the series' label and, in the side colours, each open side's
 * value on the clock's day; drawn smaller when wider than `width` (0: never). `font_scale` is
 * the window font scale in force.
 */
void draw_chart_heading(ViewerState& state, const std::string& series, float scale,
                        float font_scale = 1.0f, float width = 0.0f);

/** @brief Begins a borderless full-rect window for a part of a workshop screen. */
bool begin_workshop_window(ViewerState& state, const char* id, const char* name,
                           const PanelRect& rect);

/** @brief The top strip of the play and debrief screens at the top of `content`: a date in
 * the presenter font beside two lines of text, above a row of controls. */
PanelRect workshop_strip(const PanelRect& content, const char* name);

/** @brief The strip's row of controls: Play/Pause, then a scrubber over days [first, last] of
 * side A's clock with tick marks at `marks` (round boundaries), filling the rest of the row. */
void draw_workshop_play_controls(ViewerState& state, float scale, const char* id, double first,
                                 double last, const std::vector<double>& marks);

}  // namespace cssim::viewer
