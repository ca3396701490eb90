// The play screen: the quarter just played animates in presenter style for the table in focus:
// the date, the office floor, the unallocated queue and the key charts over the rounds so far.
#include "app/value_format.hpp"
#include "views/workshop_views.hpp"
#include "widgets/scrubber.hpp"

namespace cssim::viewer {
namespace {

/** The series the play screen charts: the queue first, then what drives it. */
constexpr const char* kPlaySeries[] = {"unallocated_cases", "caseload_mean", "stress_mean"};

}  // namespace

void draw_workshop_play(ViewerState& state, WorkshopState& w, const WorkshopPage& page) {
    const PanelRect& c = page.content;
    const float gap = 16.0f * page.scale;
    if (w.played == 0 || !has_run(state, kSideA)) {
        if (begin_workshop_window(state, "##play_empty", "workshop_play", c)) {
            ImGui::PushFont(page.fonts->presenter_date);
            ImGui::TextUnformatted("No round played yet");
            ImGui::PopFont();
            ImGui::TextDisabled("R: the round screen, then Enter to play round 1.");
        }
        ImGui::End();
        return;
    }
    const auto& days = w.session->calendar().round_days;
    const std::int64_t day = current_day(state);
    // The top strip: the date, the table, the quarter's progress and the cards it met.
    const PanelRect strip = workshop_strip(c, "workshop_play");
    if (begin_workshop_window(state, "##play_strip", "workshop_play", strip)) {
        ImGui::PushFont(page.fonts->presenter_date);
        ImGui::TextUnformatted(state.alignment.label(day).c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, 2 * gap);
        ImGui::BeginGroup();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(kSideA, true)), "%s",
                           w.tables[w.table].name.c_str());
        std::string cards;
        for (const auto& title : w.session->cards_at(w.played))
            cards += (cards.empty() ? "" : ", ") + title;
        ImGui::TextDisabled("Round %zu%s%s", w.played, cards.empty() ? "" : ": ", cards.c_str());
        ImGui::EndGroup();
        const double first =
            static_cast<double>(state.alignment.shared_day(kSideA, days[w.played - 1]));
        const double last = static_cast<double>(std::min<std::int64_t>(
            state.alignment.shared_day(kSideA, days[w.played] - 1), state.clock.last_day()));
        draw_workshop_play_controls(state, page.scale, "##play_scrub", first, last, {});
    }
    ImGui::End();
    const float body_y = c.y + strip.height;
    const float body_h = c.height - strip.height;
    const PanelRect floor{"office_floor", c.x, body_y, c.width * 0.42f, body_h};
    state.show.office_floor = true;  // its title bar's close box has nothing to close here
    // The floor's legend is long: a fifth smaller than the screen's text, still room-sized.
    ImFont* font = page.fonts->presenter_text;
    const float scale = font->Scale;
    font->Scale = scale * 0.8f;
    ImGui::PushFont(font);
    draw_office_floor(state, floor);
    font->Scale = scale;
    ImGui::PopFont();
    const PanelRect charts{"workshop_play_charts", c.x + floor.width, body_y, c.width - floor.width,
                           body_h};
    if (begin_workshop_window(state, "##play_charts", "workshop_play_charts", charts)) {
        // From a quarter before round 1 (the department as the tables found it) to now.
        const double x0 = static_cast<double>(state.alignment.shared_day(kSideA, days[0] - 91));
        const double x1 = static_cast<double>(state.alignment.shared_day(kSideA, days[w.played]));
        // The queue across the top, what drives it side by side below.
        const float title_h = ImGui::GetTextLineHeightWithSpacing();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float row_h = (avail.y - gap) / 2.0f;
        draw_chart_heading(state, kPlaySeries[0], page.scale);
        draw_workshop_chart(state, kPlaySeries[0], kPlaySeries[0], x0, x1,
                            ImVec2(avail.x, row_h - title_h));
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
        const float half = (avail.x - gap) / 2.0f;
        for (int i = 1; i < 3; ++i) {
            if (i == 2)
                ImGui::SameLine(0, gap);
            ImGui::BeginGroup();
            draw_chart_heading(state, kPlaySeries[i], page.scale);
            draw_workshop_chart(state, kPlaySeries[i], kPlaySeries[i], x0, x1,
                                ImVec2(half, ImGui::GetContentRegionAvail().y));
            ImGui::EndGroup();
        }
    }
    ImGui::End();
}

}  // namespace cssim::viewer
