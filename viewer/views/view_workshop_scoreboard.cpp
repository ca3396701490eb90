// The scoreboard: every table side by side on the workshop's score after the last round
// played, the better table on each item in green, and each table's overall score (points 0-100
// within the room, models/workshop's overall_scores, as scoreboard.csv has it).
#include <algorithm>
#include <cmath>

#include "app/value_format.hpp"
#include "views/workshop_views.hpp"

namespace cssim::viewer {
namespace {

/** The score of table t after the last round played (null when it has none). */
const std::vector<workshop::ScoreItem>* score_of_table(const WorkshopState& w, std::size_t t) {
    if (t >= w.runs.size() || w.played == 0 || w.runs[t].scores.size() < w.played)
        return nullptr;
    const auto& s = w.runs[t].scores[w.played - 1];
    return s.empty() ? nullptr : &s;
}

std::string score_value(const workshop::ScoreItem& item) {
    if (item.unit == "GBP" || item.unit.rfind("GBP", 0) == 0)
        return format_pounds(item.value);
    return format_value(item.value, item.unit);
}

}  // namespace

void draw_workshop_scoreboard(ViewerState& state, WorkshopState& w, const WorkshopPage& page) {
    const PanelRect& c = page.content;
    if (!begin_workshop_window(state, "##scoreboard", "workshop_scoreboard", c)) {
        ImGui::End();
        return;
    }
    ImGui::PushFont(page.fonts->presenter_date);
    if (w.played == 0) {
        ImGui::TextUnformatted("No round played yet");
        ImGui::PopFont();
        ImGui::End();
        return;
    }
    ImGui::Text("The score after round %zu", w.played);
    ImGui::PopFont();
    const auto& dates = w.session->calendar().round_dates;
    ImGui::TextDisabled("%s to %s, every table on the same referrals and cards", dates[0].c_str(),
                        dates[w.played].c_str());
    const std::size_t n = w.tables.size();
    const auto* first = score_of_table(w, 0);
    if (first == nullptr) {
        ImGui::TextDisabled("Scores appear after a round is played in this session.");
        ImGui::End();
        return;
    }
    const ImVec4 better(0.35f, 0.95f, 0.45f, 1.0f);
    const int flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##score", static_cast<int>(n) + 1, flags)) {
        ImGui::TableSetupColumn("Score item", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        for (std::size_t t = 0; t < n; ++t)
            ImGui::TableSetupColumn(w.tables[t].name.c_str(), ImGuiTableColumnFlags_WidthStretch,
                                    1.0f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("(better: green)");
        for (std::size_t t = 0; t < n; ++t) {
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(
                ImGui::ColorConvertU32ToFloat4(side_colour(t == 0 ? kSideA : kSideB, true)), "%s",
                w.tables[t].name.c_str());
            ImGui::PopTextWrapPos();
        }
        std::string group;
        for (std::size_t i = 0; i < first->size(); ++i) {
            const workshop::ScoreItem& item = (*first)[i];
            if (item.group != group) {
                group = item.group;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::SetWindowFontScale(0.75f);
                ImGui::TextDisabled("%s", group.c_str());
                ImGui::SetWindowFontScale(1.0f);
            }
            // The better table on the item (none when all are equal).
            std::vector<double> values(n, std::nan(""));
            for (std::size_t t = 0; t < n; ++t) {
                if (const auto* s = score_of_table(w, t); s != nullptr && i < s->size())
                    values[t] = (*s)[i].value;
            }
            const int dir = item.better == "higher" ? 1 : -1;
            double best = std::nan("");
            bool all_same = true;
            for (double v : values) {
                if (std::isnan(v))
                    continue;
                if (!std::isnan(best) && v != best)
                    all_same = false;
                if (std::isnan(best) || v * dir > best * dir)
                    best = v;
            }
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.label.c_str());
            for (std::size_t t = 0; t < n; ++t) {
                ImGui::TableNextColumn();
                if (std::isnan(values[t])) {
                    ImGui::TextDisabled("-");
                    continue;
                }
                workshop::ScoreItem shown = item;
                shown.value = values[t];
                const bool is_best = !all_same && values[t] == best;
                if (is_best) {
                    ImGui::TextColored(better, "%s", score_value(shown).c_str());
                } else {
                    ImGui::TextUnformatted(score_value(shown).c_str());
                }
            }
        }
        // The overall score: every table's items of this round go in together (points are
        // relative to the room), families weighted by the workshop's overall_weights.
        std::vector<workshop::ScoreItem> all;
        for (std::size_t t = 0; t < n; ++t) {
            if (const auto* s = score_of_table(w, t))
                all.insert(all.end(), s->begin(), s->end());
        }
        const auto overall = workshop::overall_scores(w.session->workshop(), all, w.played);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("Overall score (0-100)");
        for (std::size_t t = 0; t < n; ++t) {
            ImGui::TableNextColumn();
            const auto it = std::find_if(overall.begin(), overall.end(), [&](const auto& o) {
                return o.table == w.tables[t].name;
            });
            if (it == overall.end() || std::isnan(it->overall))
                ImGui::TextDisabled("-");
            else
                ImGui::Text("%.0f", it->overall);
        }
        ImGui::EndTable();
    }
    // What each table has decided: the levers in force now, side by side.
    ImGui::Dummy(ImVec2(0, 12.0f * page.scale));
    ImGui::SetWindowFontScale(0.8f);
    if (ImGui::BeginTable("##levers", static_cast<int>(n) + 1, flags)) {
        ImGui::TableSetupColumn("Lever", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        for (std::size_t t = 0; t < n; ++t)
            ImGui::TableSetupColumn(w.tables[t].name.c_str(), ImGuiTableColumnFlags_WidthStretch,
                                    1.0f);
        const scenario::Workshop& ws = w.session->workshop();
        std::vector<std::vector<std::string>> values;
        for (const auto& table : w.tables)
            values.push_back(values_in_force(ws, table, w.played));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("decisions in force");
        for (std::size_t t = 0; t < n; ++t) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s a year", format_pounds(levers_cost(ws, values[t])).c_str());
        }
        for (std::size_t i = 0; i < ws.levers.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ws.levers[i].label.c_str());
            for (std::size_t t = 0; t < n; ++t) {
                ImGui::TableNextColumn();
                const bool moved = !same_lever_value(values[t][i], ws.levers[i].default_value);
                if (moved)
                    ImGui::TextUnformatted(lever_display(values[t][i]).c_str());
                else
                    ImGui::TextDisabled("%s", lever_display(values[t][i]).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::SetWindowFontScale(1.0f);
    std::string cards;
    for (std::size_t r = 1; r <= w.played; ++r) {
        for (const auto& title : w.session->cards_at(r))
            cards += (cards.empty() ? "" : ";  ") + ("round " + std::to_string(r) + " " + title);
    }
    if (!cards.empty()) {
        ImGui::SetWindowFontScale(0.75f);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Cards dealt: %s", cards.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

}  // namespace cssim::viewer
