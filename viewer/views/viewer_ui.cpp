// The frame: menu bar and shortcuts, then either the analyst dashboard or presenter mode,
// then the floating tool windows.
#include "views/views.hpp"

namespace cssim::viewer {

void draw_viewer(ViewerState& state, const UiFonts& fonts) {
    state.panel_rects.clear();
    handle_shortcuts(state);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (state.presenter) {
        draw_presenter(state, fonts);
    } else {
        draw_menu_bar(state);
        const float top = ImGui::GetFrameHeight();
        const DashboardLayout layout = dashboard_layout(display.x, display.y, top);
        draw_clock_bar(state, layout.clock);
        if (state.show.kpi_cards)
            draw_kpi_cards(state, fonts, layout.kpi_cards);
        if (state.show.time_use)
            draw_time_use(state, layout.time_use);
        if (state.show.events)
            draw_events(state, layout.events);
        if (state.show.charts)
            draw_charts(state, layout.charts);
        if (state.show.comparison)
            draw_comparison(state, layout.comparison);
        if (state.show.office_floor)
            draw_office_floor(state, layout.office_floor);
        draw_lower_right(state, fonts, layout.pathway);
    }
    if (state.show.pause_bookmarks)
        draw_pause_bookmarks(state);
    if (state.show.what_if)
        draw_what_if(state, fonts);
    if (state.show.run_picker)
        draw_run_picker(state);
    if (state.show.help)
        draw_help(state);
}

}  // namespace cssim::viewer
