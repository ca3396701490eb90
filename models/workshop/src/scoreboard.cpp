// The workshop's scoreboard: the score terms read from a table's metrics, as tidy CSV (one row
// per table x round x item, with units) and as a short text table for the terminal.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cssim/workshop/play.hpp"

namespace cssim::workshop {
namespace {

/** @brief Shortest exact-enough text of a number: 12 significant digits, deterministic. */
std::string number(double v) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.12g", v);
    return buffer;
}

/** @brief A value as people read it on a scoreboard: 4 significant digits. */
std::string readable(double v) {
    char buffer[40];
    if (std::fabs(v) >= 10000.0) {
        std::snprintf(buffer, sizeof buffer, "%.0f", v);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.4g", v);
    }
    return buffer;
}

/** @brief A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
std::string field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string pad(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

}  // namespace

double levers_cost_per_year(const scenario::Workshop& workshop,
                            const std::vector<std::string>& values) {
    double cost = 0.0;
    for (std::size_t i = 0; i < workshop.levers.size() && i < values.size(); ++i) {
        const scenario::WorkshopLever& lever = workshop.levers[i];
        if (lever.is_range) {
            cost += (std::stod(values[i]) - std::stod(lever.default_value)) *
                    lever.cost_per_unit_per_year;
            continue;
        }
        const auto at = std::find(lever.allowed.begin(), lever.allowed.end(), values[i]);
        const auto index = static_cast<std::size_t>(at - lever.allowed.begin());
        if (at != lever.allowed.end() && index < lever.cost_per_year.size()) {
            cost += lever.cost_per_year[index];
        }
    }
    return cost;
}

std::vector<ScoreItem> score_of(const scenario::Workshop& workshop,
                                const record::ReplicationRecord& record,
                                const std::vector<record::MetricInfo>& metrics,
                                const std::string& table, std::size_t round) {
    std::vector<ScoreItem> items;
    for (const scenario::WorkshopScoreTerm& term : workshop.score) {
        ScoreItem item;
        item.table = table;
        item.round = round;
        item.group = term.group;
        item.metric = term.metric;
        item.label = term.metric;
        item.weight = term.weight;
        item.better = term.direction > 0 ? "higher" : "lower";
        item.value = std::nan("");
        for (const record::MetricInfo& info : metrics) {
            if (info.name == term.metric) {
                item.unit = info.unit;
                item.label = info.label.empty() ? info.name : info.label;
            }
        }
        for (const record::MetricValue& m : record.metrics) {
            if (m.name == term.metric) {
                item.value = m.value;
            }
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::string scoreboard_csv(const std::vector<ScoreItem>& items,
                           const scenario::WorkshopCalendar& calendar) {
    std::string out = "table,round,from_date,to_date,group,metric,label,value,unit,weight,better\n";
    for (const ScoreItem& i : items) {
        const std::string from = calendar.round_dates.empty() ? "" : calendar.round_dates.front();
        const std::string to =
            i.round < calendar.round_dates.size() ? calendar.round_dates[i.round] : "";
        out += field(i.table) + "," + std::to_string(i.round) + "," + from + "," + to + "," +
               field(i.group) + "," + field(i.metric) + "," + field(i.label) + "," +
               (std::isnan(i.value) ? std::string() : number(i.value)) + "," + field(i.unit) + "," +
               number(i.weight) + "," + i.better + "\n";
    }
    return out;
}

std::string scoreboard_text(const Session& session, const std::vector<ScoreItem>& items,
                            std::size_t round) {
    const scenario::Workshop& w = session.workshop();
    std::vector<std::string> tables;
    for (const ScoreItem& i : items) {
        if (i.round == round && std::find(tables.begin(), tables.end(), i.table) == tables.end()) {
            tables.push_back(i.table);
        }
    }
    const auto& dates = session.calendar().round_dates;
    std::string out = w.title + ": the score after round " + std::to_string(round) + " of " +
                      std::to_string(w.rounds) + " (" + dates.front() + " to " + dates[round] +
                      ", seed " + std::to_string(session.seed()) + ")\n";
    for (std::size_t t = 0; t < tables.size(); ++t) {
        out += "  T" + std::to_string(t + 1) + " = " + tables[t] + "\n";
    }
    std::size_t label_width = 12, unit_width = 6;
    for (const ScoreItem& i : items) {
        label_width = std::max(label_width, i.label.size() + 2);
        unit_width = std::max(unit_width, i.unit.size() + 2);
    }
    out += pad("group", 10) + pad("score item", label_width) + pad("unit", unit_width);
    for (std::size_t t = 0; t < tables.size(); ++t) {
        out += pad_left("T" + std::to_string(t + 1), 12);
    }
    out += "\n";
    for (const scenario::WorkshopScoreTerm& term : w.score) {
        std::vector<const ScoreItem*> row(tables.size(), nullptr);
        for (const ScoreItem& i : items) {
            if (i.round != round || i.metric != term.metric || i.group != term.group) {
                continue;
            }
            const auto t = std::find(tables.begin(), tables.end(), i.table) - tables.begin();
            row[static_cast<std::size_t>(t)] = &i;
        }
        const ScoreItem* first = row.empty() ? nullptr : row.front();
        if (first == nullptr) {
            continue;
        }
        double best = std::nan("");
        for (const ScoreItem* i : row) {
            if (i != nullptr && !std::isnan(i->value) &&
                (std::isnan(best) || (term.direction > 0 ? i->value > best : i->value < best))) {
                best = i->value;
            }
        }
        bool all_same = true;
        for (const ScoreItem* i : row) {
            all_same = all_same && i != nullptr && i->value == best;
        }
        out += pad(term.group, 10) + pad(first->label, label_width) + pad(first->unit, unit_width);
        for (const ScoreItem* i : row) {
            const bool mark = tables.size() > 1 && !all_same && i != nullptr && i->value == best;
            out += pad_left(i == nullptr ? "-" : readable(i->value) + (mark ? " *" : "  "), 12);
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        out += "\n";
    }
    // The overall score (overall_score.cpp): points 0-100 within the room, per family and overall.
    const std::vector<OverallScore> scores = overall_scores(w, items, round);
    auto score_row = [&](const std::string& group, const std::string& label, double weight,
                         auto value_of) {
        double best = -INFINITY;
        for (const OverallScore& s : scores) {
            best = std::isnan(value_of(s)) ? best : std::max(best, value_of(s));
        }
        bool all_same = true;
        for (const OverallScore& s : scores) {
            all_same = all_same && value_of(s) == best;
        }
        std::string line =
            pad(group, 10) +
            pad(label + (weight >= 0.0 ? " (x" + readable(weight) + ")" : ""), label_width) +
            pad("points", unit_width);
        for (const OverallScore& s : scores) {
            const double v = value_of(s);
            const bool mark = scores.size() > 1 && !all_same && v == best;
            char buffer[24];
            std::snprintf(buffer, sizeof buffer, "%.0f", v);
            line += pad_left(std::isnan(v) ? "-" : std::string(buffer) + (mark ? " *" : "  "), 12);
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + "\n";
    };
    score_row("score", "Children", w.overall_weights.children,
              [](const OverallScore& s) { return s.children; });
    score_row("score", "Staff", w.overall_weights.staff,
              [](const OverallScore& s) { return s.staff; });
    score_row("score", "Money", w.overall_weights.money,
              [](const OverallScore& s) { return s.money; });
    score_row("overall", "Overall score", -1.0, [](const OverallScore& s) { return s.overall; });
    if (tables.size() > 1) {
        out += "* the better table on that item (as the workshop scores it: higher or lower)\n";
        out +=
            "points: on each item the best table 100, the worst 0 (linear between); a family\n"
            "scores its items' weighted mean, the overall score the families' (weights x2...)\n";
    }
    std::string cards;
    for (std::size_t r = 1; r <= round; ++r) {
        for (const std::string& title : session.cards_at(r)) {
            cards += (cards.empty() ? "" : "; ") + std::string("round ") + std::to_string(r) + " " +
                     title;
        }
    }
    out += "Cards dealt: " + (cards.empty() ? std::string("none") : cards) + "\n";
    return out;
}

}  // namespace cssim::workshop
