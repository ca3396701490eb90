// The debrief screen: two tables replayed on one clock over every round played, charts of the
// series that differ along the loop found in the data, the loops named, and the question.
#include "app/value_format.hpp"
#include "views/workshop_views.hpp"
#include "widgets/scrubber.hpp"

namespace cssim::viewer {
namespace {

/** Up to four series to chart: the first loop's, else the play screen's. */
std::vector<std::string> debrief_series(const WorkshopState& w) {
    std::vector<std::string> out;
    for (const auto& loop : w.loops) {
        for (const auto& d : loop.chain) {
            if (out.size() < 4 && std::find(out.begin(), out.end(), d.series) == out.end())
                out.push_back(d.series);
        }
    }
    for (const char* s : {"unallocated_cases", "caseload_mean", "stress_mean", "vacancy_rate"}) {
        if (out.size() < 4 && std::find(out.begin(), out.end(), s) == out.end())
            out.emplace_back(s);
    }
    return out;
}

/** One loop, a series a line: "-> (leavers) Vacancy rate (down)  A 19%  B 17%". */
void draw_loop(ViewerState& state, const NamedLoop& loop, std::size_t index, float scale) {
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f), "Loop %zu%s", index + 1,
                       loop.closes ? (loop.reinforcing ? ": reinforcing" : ": balancing") : "");
    const ImVec4 a = ImGui::ColorConvertU32ToFloat4(side_colour(kSideA, true));
    const ImVec4 b = ImGui::ColorConvertU32ToFloat4(side_colour(kSideB, true));
    for (std::size_t i = 0; i < loop.chain.size(); ++i) {
        const SeriesDifference& d = loop.chain[i];
        if (i > 0) {
            ImGui::TextDisabled("\xE2\x86\x92");
            ImGui::SameLine();
            if (!loop.via[i - 1].empty()) {
                ImGui::TextDisabled("(%s)", loop.via[i - 1].c_str());
                ImGui::SameLine();
            }
        }
        const record::Series* meta = find_series_any(state, d.series);
        const std::string unit = meta != nullptr ? meta->unit : "";
        ImGui::Text("%s %s", d.label.c_str(), d.sign > 0 ? "\xE2\x86\x91" : "\xE2\x86\x93");
        ImGui::SameLine(0, 16 * scale);
        ImGui::TextColored(a, "A %s", format_value(d.mean_a, unit).c_str());
        ImGui::SameLine();
        ImGui::TextColored(b, "B %s", format_value(d.mean_b, unit).c_str());
    }
    if (loop.closes)
        ImGui::TextDisabled("\xE2\x86\xBA and round again");
}

}  // namespace

void draw_workshop_debrief(ViewerState& state, WorkshopState& w, const WorkshopPage& page) {
    const PanelRect& c = page.content;
    const float gap = 16.0f * page.scale;
    if (w.played == 0 || w.tables.size() < 2 || !has_run(state, kSideA) ||
        !has_run(state, kSideB)) {
        if (begin_workshop_window(state, "##debrief_empty", "workshop_debrief", c)) {
            ImGui::PushFont(page.fonts->presenter_date);
            ImGui::TextUnformatted("Debrief");
            ImGui::PopFont();
            ImGui::TextDisabled(
                w.tables.size() < 2
                    ? "The debrief compares two tables: start with --tables 2 or more."
                    : "Play a round first (R, then Enter).");
        }
        ImGui::End();
        return;
    }
    const auto& days = w.session->calendar().round_days;
    const std::int64_t day = current_day(state);
    const PanelRect strip = workshop_strip(c, "workshop_debrief");
    const double x0 = static_cast<double>(state.alignment.shared_day(kSideA, days[0]));
    const double x1 = static_cast<double>(state.alignment.shared_day(kSideA, days[w.played] - 1));
    if (begin_workshop_window(state, "##debrief_strip", "workshop_debrief", strip)) {
        ImGui::PushFont(page.fonts->presenter_date);
        ImGui::TextUnformatted(state.alignment.label(day).c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, 2 * gap);
        ImGui::BeginGroup();
        for (int side = 0; side < 2; ++side) {
            const std::size_t t = w.debrief_tables[static_cast<std::size_t>(side)];
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, true)), "%s: %s",
                               side_name(side), w.tables[t].name.c_str());
        }
        ImGui::EndGroup();
        std::vector<double> marks;
        for (std::size_t r = 1; r < w.played; ++r)
            marks.push_back(static_cast<double>(state.alignment.shared_day(kSideA, days[r])));
        draw_workshop_play_controls(state, page.scale, "##debrief_scrub", x0, x1, marks);
    }
    ImGui::End();
    const float body_y = c.y + strip.height;
    const float body_h = c.height - strip.height;
    const PanelRect charts{"workshop_debrief_charts", c.x, body_y, c.width * 0.56f, body_h};
    if (begin_workshop_window(state, "##debrief_charts", "workshop_debrief_charts", charts)) {
        const std::vector<std::string> series = debrief_series(w);
        const float cell_w = (ImGui::GetContentRegionAvail().x - gap) / 2.0f;
        const float cell_h = (ImGui::GetContentRegionAvail().y - gap) / 2.0f;
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (i % 2 == 1)
                ImGui::SameLine(0, gap);
            ImGui::BeginGroup();
            ImGui::SetWindowFontScale(0.8f);
            draw_chart_heading(state, series[i], page.scale, 0.8f, cell_w);
            ImGui::SetWindowFontScale(1.0f);
            const float title_h = ImGui::GetTextLineHeightWithSpacing() * 0.8f;
            draw_workshop_chart(state, series[i], series[i].c_str(), x0, x1,
                                ImVec2(cell_w, cell_h - title_h - gap * 0.25f));
            ImGui::EndGroup();
        }
    }
    ImGui::End();
    const PanelRect loops{"workshop_loops", c.x + charts.width, body_y, c.width - charts.width,
                          body_h};
    if (begin_workshop_window(state, "##debrief_loops", "workshop_loops", loops)) {
        ImGui::PushTextWrapPos(0.0f);
        const auto& questions = w.session->workshop().debrief;
        if (!questions.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f), "Question %zu of %zu",
                               w.question % questions.size() + 1, questions.size());
            ImGui::SetWindowFontScale(0.85f);
            ImGui::TextUnformatted(questions[w.question % questions.size()].c_str());
            ImGui::SetWindowFontScale(1.0f);
            ImGui::Dummy(ImVec2(0, gap * 0.5f));
        }
        ImGui::TextUnformatted("The loops behind the difference");
        ImGui::SameLine();
        ImGui::SetWindowFontScale(0.65f);
        ImGui::TextDisabled("(arrows: B against A, rounds 1 to %zu)", w.played);
        ImGui::SetWindowFontScale(0.72f);
        if (w.loops.empty()) {
            ImGui::TextDisabled(
                "The two tables' runs do not differ along any of the model's "
                "mechanisms (yet).");
        }
        for (std::size_t i = 0; i < w.loops.size(); ++i) {
            draw_loop(state, w.loops[i], i, page.scale);
            ImGui::Dummy(ImVec2(0, gap * 0.3f));
        }
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
