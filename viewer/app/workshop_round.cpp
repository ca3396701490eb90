// The round screen's logic (docs/workshop.md, "In the viewer"): lever stepping, costs, the
// budget left and a table's decisions as a decision file.
#include "app/workshop_round.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "cssim/workshop/play.hpp"

namespace cssim::viewer {
namespace {

std::string number_text(double v) {
    if (std::isfinite(v) && std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
        return std::to_string(static_cast<long long>(std::llround(v)));
    }
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

/** A JSON string literal (quotes, backslashes and control characters escaped). */
std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

double lever_number(const std::string& json_text) {
    if (json_text == "true")
        return 1.0;
    if (json_text == "false")
        return 0.0;
    char* end = nullptr;
    const double v = std::strtod(json_text.c_str(), &end);
    if (end == json_text.c_str() || *end != '\0')
        return std::numeric_limits<double>::quiet_NaN();
    return v;
}

bool same_lever_value(const std::string& a, const std::string& b) {
    if (a == b)
        return true;
    const double x = lever_number(a);
    const double y = lever_number(b);
    const bool boolean = a == "true" || a == "false" || b == "true" || b == "false";
    return !boolean && std::isfinite(x) && std::isfinite(y) && x == y;
}

std::string step_lever(const scenario::WorkshopLever& lever, const std::string& value, int steps) {
    if (lever.is_range) {
        const double step = lever.step > 0.0 ? lever.step : 1.0;
        double v = lever_number(value);
        if (!std::isfinite(v))
            v = lever_number(lever.default_value);
        v = std::clamp(v + step * steps, lever.low, lever.high);
        if (lever.step > 0.0)  // stay on the grid from low
            v = std::min(lever.high, lever.low + std::round((v - lever.low) / step) * step);
        return number_text(v);
    }
    if (lever.allowed.empty())
        return value;
    std::size_t at = 0;
    for (std::size_t i = 0; i < lever.allowed.size(); ++i) {
        if (same_lever_value(lever.allowed[i], value))
            at = i;
    }
    const long next = std::clamp<long>(static_cast<long>(at) + steps, 0,
                                       static_cast<long>(lever.allowed.size()) - 1);
    return lever.allowed[static_cast<std::size_t>(next)];
}

std::string lever_display(const std::string& json_text) {
    if (json_text == "true")
        return "yes";
    if (json_text == "false")
        return "no";
    if (json_text.size() >= 2 && json_text.front() == '"')
        return json_text.substr(1, json_text.size() - 2);
    const double v = lever_number(json_text);
    return std::isfinite(v) ? number_text(v) : json_text;
}

scenario::DecisionFile decision_file(const TableRound& table) {
    scenario::DecisionFile file;
    file.table = table.name;
    file.rounds = table.decided;
    return file;
}

std::vector<std::string> values_in_force(const scenario::Workshop& workshop,
                                         const TableRound& table, std::size_t round) {
    if (round == 0) {
        std::vector<std::string> defaults;
        for (const auto& lever : workshop.levers)
            defaults.push_back(lever.default_value);
        return defaults;
    }
    const scenario::DecisionFile file = decision_file(table);
    return scenario::lever_values(workshop, &file, round);
}

TableRound new_table(const scenario::Workshop& workshop, std::string name) {
    TableRound table;
    table.name = std::move(name);
    table.pending = values_in_force(workshop, table, 0);
    return table;
}

std::size_t last_round_decided(const scenario::DecisionFile& file) {
    std::size_t last = 0;
    for (const auto& r : file.rounds)
        last = std::max(last, r.round);
    return last;
}

TableRound resumed_table(const scenario::Workshop& workshop, const scenario::DecisionFile& file,
                         std::size_t played) {
    TableRound table = new_table(workshop, file.table);
    for (std::size_t round = 1; round <= played; ++round) {
        scenario::RoundDecisions decisions;
        decisions.round = round;
        for (const auto& r : file.rounds) {
            if (r.round == round)
                decisions.levers = r.levers;
        }
        table.decided.push_back(std::move(decisions));
    }
    table.pending = values_in_force(workshop, table, played);
    return table;
}

void commit_round(const scenario::Workshop& workshop, TableRound& table, std::size_t round) {
    const std::vector<std::string> before = values_in_force(workshop, table, round - 1);
    scenario::RoundDecisions decisions;
    decisions.round = round;
    for (std::size_t i = 0; i < workshop.levers.size() && i < table.pending.size(); ++i) {
        if (!same_lever_value(before[i], table.pending[i]))
            decisions.levers.emplace_back(workshop.levers[i].id, table.pending[i]);
    }
    std::erase_if(table.decided, [&](const auto& r) { return r.round >= round; });
    table.decided.push_back(std::move(decisions));
}

double levers_cost(const scenario::Workshop& workshop, const std::vector<std::string>& values) {
    return workshop::levers_cost_per_year(workshop, values);
}

double budget_left(const scenario::Workshop& workshop, const std::vector<std::string>& values) {
    return workshop.budget_per_year - levers_cost(workshop, values);
}

std::string decision_file_text(const TableRound& table, const std::string& workshop) {
    std::string out = "{\n  \"decisions\": 1,\n  \"workshop\": " + json_string(workshop) +
                      ",\n  \"table\": " + json_string(table.name) + ",\n  \"rounds\": [";
    for (std::size_t i = 0; i < table.decided.size(); ++i) {
        const auto& r = table.decided[i];
        out += (i == 0 ? "\n" : ",\n");
        out += "    {\"round\": " + std::to_string(r.round) + ", \"levers\": {";
        for (std::size_t j = 0; j < r.levers.size(); ++j) {
            out +=
                (j == 0 ? "" : ", ") + json_string(r.levers[j].first) + ": " + r.levers[j].second;
        }
        out += "}}";
    }
    out += table.decided.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace cssim::viewer
