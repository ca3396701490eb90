// Workshop files (docs/workshop.md): read with nlohmann, every problem a Diagnostic with its
// JSON path; lever paths and card changes checked with load_scenario's `--set` handling against
// the workshop's own scenario. Decision files are read in decision_reader.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "changes_reader.hpp"
#include "cssim/department/department.hpp"
#include "cssim/scenario/workshop.hpp"
#include "document_loader.hpp"
#include "workshop_fields.hpp"

namespace cssim::scenario {

using nlohmann::json;
using workshop_fields::at_index;
using workshop_fields::Fields;
using workshop_fields::num;
using workshop_fields::resolve_relative;

namespace {

constexpr std::size_t kMaxRounds = 100;
constexpr std::size_t kMaxRoundMonths = 24;

/** @brief Pounds as people read them: 740,544 or 10,863.1. */
std::string pounds(double v) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::fabs(v));
    std::string digits(buffer);
    const std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot), frac = digits.substr(dot);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(static_cast<std::size_t>(i), ",");
    return std::string(v < 0 ? "-" : "") + "£" + whole + (frac == ".0" ? "" : frac);
}

/** @brief A typed cost agrees with the model's when within £1 or 0.5% (figures may be rounded). */
bool same_cost(double typed, double model) {
    return std::fabs(typed - model) <= std::max(1.0, 0.005 * std::fabs(model));
}

/**
 * @brief Checks `path=value` against the scenario as `--set` would; reports the scenario's
 * first complaint at `at`.
 */
std::optional<double> check_setting(const std::string& scenario_path, const std::string& path,
                                    const std::string& value, const std::string& at,
                                    std::vector<Diagnostic>& out) {
    const LoadResult r = load_scenario(scenario_path, {path + "=" + value});
    if (r.scenario)
        return r.scenario->department
                   ? std::optional(department::planned_budget_per_year(*r.scenario->department))
                   : std::nullopt;
    std::string message = "--set " + path + "=" + value + " is refused by " + scenario_path;
    if (!r.diagnostics.empty())
        message += ": " + format_diagnostic(r.diagnostics.front());
    out.push_back({at, message, "", 0, 0});
    return std::nullopt;
}

/**
 * @brief A lever's cost a year is what it changes in the model's planned budget
 * (department::planned_budget_per_year), against its default: so the round screen's costs, the
 * budget left and the table's budget in the run (table_scenario) are one figure. A cost the file
 * gives must agree with the model's (same_cost); the model's exact figure is kept.
 */
void price_lever(const Fields& f, const std::vector<std::pair<std::string, double>>& budgets,
                 WorkshopLever& lever) {
    auto budget_at = [&](const std::string& value) {
        for (const auto& [v, b] : budgets)
            if (v == value)
                return b;
        return 0.0;
    };
    const double at_default = budget_at(lever.default_value);
    if (lever.is_range) {
        const double low = budget_at(num(lever.low)), high = budget_at(num(lever.high));
        const double unit = (high - low) / (lever.high - lever.low);
        const double line = low + unit * (std::stod(lever.default_value) - lever.low);
        if (!same_cost(line, at_default)) {
            f.error("range", "the model's cost of this lever is not proportional to its value (" +
                                 pounds(low) + ", " + pounds(at_default) + " and " + pounds(high) +
                                 " a year at the low end, the default and the high end); make "
                                 "it an \"allowed\" lever");
            return;
        }
        if (f.get("cost_per_unit_per_year", false) != nullptr &&
            !same_cost(lever.cost_per_unit_per_year, unit))
            f.error("cost_per_unit_per_year",
                    "is " + pounds(lever.cost_per_unit_per_year) + " but the model charges " +
                        pounds(unit) + " a year per unit of " + lever.path +
                        " (its planned budget); give the model's figure or leave the cost out");
        lever.cost_per_unit_per_year = unit;
        return;
    }
    std::vector<double> model;
    for (const std::string& v : lever.allowed)
        model.push_back(budget_at(v) - at_default);
    for (std::size_t i = 0; i < lever.cost_per_year.size() && i < model.size(); ++i) {
        if (!same_cost(lever.cost_per_year[i], model[i]))
            f.error(at_index("cost_per_year", i),
                    "is " + pounds(lever.cost_per_year[i]) + " but the model charges " +
                        pounds(model[i]) + " a year for " + lever.path + " = " + lever.allowed[i] +
                        " against the default " + lever.default_value +
                        " (its planned budget); give the model's figure or leave the cost out");
    }
    lever.cost_per_year = model;
}

void read_lever(const json& item, const std::string& at, const std::string& scenario_path,
                bool scenario_ok, WorkshopLever& lever, std::vector<Diagnostic>& out) {
    if (!item.is_object()) {
        out.push_back({at, "must be an object", "", 0, 0});
        return;
    }
    const Fields f(item, at, out);
    f.only({"id", "label", "path", "help", "range", "step", "allowed", "default",
            "cost_per_unit_per_year", "cost_per_year"});
    lever.id = f.text("id", true);
    lever.label = f.text("label", true);
    lever.path = f.text("path", true);
    if (item.contains("help"))
        lever.help = f.text("help", false);
    const json* range = f.get("range", false);
    const json* allowed = f.get("allowed", false);
    if ((range == nullptr) == (allowed == nullptr)) {
        f.error("range", "give exactly one of \"range\": [low, high] and \"allowed\": [values]");
        return;
    }
    const json* def = f.get("default", true);
    if (def == nullptr)
        return;
    lever.default_value = def->dump();
    std::vector<std::string> probes{lever.default_value};
    if (range != nullptr) {
        lever.is_range = true;
        if (!range->is_array() || range->size() != 2 || !(*range)[0].is_number() ||
            !(*range)[1].is_number() || (*range)[0].get<double>() >= (*range)[1].get<double>()) {
            f.error("range", "must be [low, high] with low < high");
            return;
        }
        lever.low = (*range)[0].get<double>();
        lever.high = (*range)[1].get<double>();
        lever.step = f.number("step", false, 0.0).value_or(0.0);
        lever.cost_per_unit_per_year = f.number("cost_per_unit_per_year", false).value_or(0.0);
        if (!def->is_number() || def->get<double>() < lever.low ||
            def->get<double>() > lever.high) {
            f.error("default", "must be a number in the range [" + num(lever.low) + ", " +
                                   num(lever.high) + "] (got " + def->dump() + ")");
            return;
        }
        probes.push_back(num(lever.low));
        probes.push_back(num(lever.high));
        if (item.contains("cost_per_year"))
            f.error("cost_per_year", "is for \"allowed\" levers; use cost_per_unit_per_year");
    } else {
        if (!allowed->is_array() || allowed->empty()) {
            f.error("allowed", "must be a non-empty array of values");
            return;
        }
        for (const json& v : *allowed) {
            lever.allowed.push_back(v.dump());
            probes.push_back(v.dump());
        }
        if (std::find(lever.allowed.begin(), lever.allowed.end(), lever.default_value) ==
            lever.allowed.end()) {
            f.error("default", "must be one of the allowed values (got " + def->dump() + ")");
            return;
        }
        if (const json* costs = f.get("cost_per_year", false)) {
            if (!costs->is_array() || costs->size() != allowed->size()) {
                f.error("cost_per_year", "must list one cost per allowed value (" +
                                             std::to_string(allowed->size()) + ")");
            } else {
                for (const json& c : *costs) {
                    if (!c.is_number()) {
                        f.error("cost_per_year", "must hold numbers");
                        break;
                    }
                    lever.cost_per_year.push_back(c.get<double>());
                }
            }
        }
    }
    if (lever.path.empty())
        return;
    // Rounds become dated changes, so a lever must be a value the model can change mid-run.
    if (const std::string reason = fixed_path_reason(lever.path); !reason.empty()) {
        f.error("path", "cannot be a lever: rounds are dated changes, and " + lever.path +
                            " cannot change during a run (" + reason + ")");
        return;
    }
    if (!scenario_ok)
        return;
    std::sort(probes.begin(), probes.end());
    probes.erase(std::unique(probes.begin(), probes.end()), probes.end());
    const std::size_t before = out.size();
    std::vector<std::pair<std::string, double>> budgets;  // value -> the model's planned budget
    for (const std::string& v : probes) {
        const auto budget = check_setting(scenario_path, lever.path, v, f.path("path"), out);
        if (out.size() > before)
            return;  // one message per lever is enough
        if (budget)
            budgets.emplace_back(v, *budget);
    }
    if (budgets.size() == probes.size())
        price_lever(f, budgets, lever);
}

void read_card(const json& item, const std::string& at, const std::string& scenario_path,
               bool scenario_ok, std::size_t rounds, WorkshopCard& card,
               std::vector<Diagnostic>& out) {
    if (!item.is_object()) {
        out.push_back({at, "must be an object", "", 0, 0});
        return;
    }
    const Fields f(item, at, out);
    f.only({"id", "title", "text", "round", "draw_between", "changes"});
    card.id = f.text("id", true);
    card.title = f.text("title", true);
    card.text = f.text("text", true);
    const json* round = f.get("round", false);
    const json* draw = f.get("draw_between", false);
    const double last = static_cast<double>(std::max<std::size_t>(rounds, 1));
    if ((round == nullptr) == (draw == nullptr)) {
        f.error("round", "give exactly one of \"round\": N and \"draw_between\": [first, last]");
    } else if (round != nullptr) {
        if (const auto r = f.number("round", true, 1.0, last); r && *r == std::floor(*r))
            card.round = static_cast<std::size_t>(*r);
        else if (r)
            f.error("round", "must be a whole round number");
    } else if (!draw->is_array() || draw->size() != 2 || !(*draw)[0].is_number_unsigned() ||
               !(*draw)[1].is_number_unsigned() || (*draw)[0].get<std::size_t>() < 1 ||
               (*draw)[1].get<std::size_t>() > rounds ||
               (*draw)[0].get<std::size_t>() > (*draw)[1].get<std::size_t>()) {
        f.error("draw_between", "must be [first, last] rounds with 1 <= first <= last <= " +
                                    std::to_string(rounds) + " (got " + draw->dump() + ")");
    } else {
        card.draw = std::pair((*draw)[0].get<std::size_t>(), (*draw)[1].get<std::size_t>());
    }
    const json* changes = f.get("changes", true);
    if (changes == nullptr)
        return;
    if (!changes->is_object() || changes->empty()) {
        f.error("changes", "must be an object of scenario path: value (at least one)");
        return;
    }
    for (const auto& [path, value] : changes->items()) {
        card.changes.push_back({path, value.dump()});
        if (const std::string reason = fixed_path_reason(path); !reason.empty()) {
            out.push_back({f.path("changes") + "." + path,
                           "cannot change during a run (a card is a dated change): " + reason, "",
                           0, 0});
            continue;
        }
        if (scenario_ok)
            check_setting(scenario_path, path, value.dump(), f.path("changes") + "." + path, out);
    }
}

void read_score(const json& item, const std::string& at, WorkshopScoreTerm& term,
                std::vector<Diagnostic>& out) {
    if (!item.is_object()) {
        out.push_back({at, "must be an object", "", 0, 0});
        return;
    }
    const Fields f(item, at, out);
    f.only({"group", "metric", "weight", "better"});
    term.group = f.text("group", true);
    if (!term.group.empty() && term.group != "children" && term.group != "staff" &&
        term.group != "money")
        f.error("group",
                "must be \"children\", \"staff\" or \"money\" (got \"" + term.group + "\")");
    term.metric = f.text("metric", true);
    const std::vector<std::string> metrics = cssim::department::metric_names();
    if (!term.metric.empty() &&
        std::find(metrics.begin(), metrics.end(), term.metric) == metrics.end()) {
        const std::string near = closest_name(term.metric, metrics);
        f.error("metric", "\"" + term.metric + "\" is not a department metric" +
                              (near.empty() ? "" : "; did you mean \"" + near + "\"?"));
    }
    term.weight = f.number("weight", false, 0.0, 1000.0).value_or(1.0);
    const std::string better = f.text("better", true);
    if (better == "higher")
        term.direction = +1;
    else if (better == "lower")
        term.direction = -1;
    else if (!better.empty())
        f.error("better", "must be \"higher\" or \"lower\" (got \"" + better + "\")");
}

/**
 * @brief `overall_weights`: {"children": w, "staff": w, "money": w}, each 0 to 1000 (missing:
 * the default). A family the file weights above 0 must have score terms, and one family must
 * count.
 */
void read_overall_weights(const Fields& f, const json& d, Workshop& w,
                          std::vector<Diagnostic>& out) {
    const json* weights = f.get("overall_weights", false);
    if (weights == nullptr)
        return;
    if (!weights->is_object()) {
        f.error("overall_weights",
                "must be an object {\"children\": w, \"staff\": w, \"money\": w}");
        return;
    }
    (void)d;
    const Fields g(*weights, f.path("overall_weights"), out);
    g.only({"children", "staff", "money"});
    const std::size_t before = out.size();
    w.overall_weights.children = g.number("children", false, 0.0, 1000.0).value_or(2.0);
    w.overall_weights.staff = g.number("staff", false, 0.0, 1000.0).value_or(1.0);
    w.overall_weights.money = g.number("money", false, 0.0, 1000.0).value_or(1.0);
    if (out.size() > before)
        return;
    double counted = 0.0;
    const std::pair<std::string, double> families[] = {{"children", w.overall_weights.children},
                                                       {"staff", w.overall_weights.staff},
                                                       {"money", w.overall_weights.money}};
    for (const auto& family : families) {
        const bool scored = std::any_of(w.score.begin(), w.score.end(), [&](const auto& t) {
            return t.group == family.first && t.weight > 0.0;
        });
        // A family the file weights by name must be scored; a default weight of a family the
        // score leaves out is simply not counted (overall_scores leaves it out).
        if (weights->contains(family.first) && family.second > 0.0 && !scored && !w.score.empty())
            g.error(family.first,
                    "weights a family the score has no term for (give it a score "
                    "term with a weight above 0, or weight it 0)");
        counted += scored ? family.second : 0.0;
    }
    if (counted <= 0.0 && out.size() == before)
        f.error("overall_weights", "must give a weight above 0 to at least one scored family");
}

template <typename Item, typename Read>
void read_array(const Fields& f, const json& document, const std::string& key, bool required,
                std::vector<Item>& out, Read read) {
    const json* a = f.get(key, required);
    if (a == nullptr)
        return;
    if (!a->is_array() || a->empty()) {
        f.error(key, "must be a non-empty array");
        return;
    }
    (void)document;
    for (std::size_t i = 0; i < a->size(); ++i)
        read((*a)[i], at_index(key, i), out.emplace_back());
}

}  // namespace

WorkshopLoadResult load_workshop_text(const std::string& text, const std::string& source_path) {
    WorkshopLoadResult result;
    auto& out = result.diagnostics;
    std::optional<json> document = parse_scenario_text(text, source_path, out);
    if (!document)
        return result;
    if (!document->is_object()) {
        out.push_back({"", "a workshop file must be a JSON object", "", 0, 0});
        return result;
    }
    const json& d = *document;
    const Fields f(d, "", out);
    f.only({"workshop", "description", "scenario", "minutes", "round_months", "rounds",
            "budget_per_year", "levers", "cards", "score", "debrief", "overall_weights"});
    Workshop w;
    w.source_path = source_path;
    w.title = f.text("workshop", true);
    if (d.contains("description"))
        w.description = f.text("description", false);
    const std::string scenario = f.text("scenario", true);
    bool scenario_ok = false;
    if (!scenario.empty()) {
        w.scenario_path = resolve_relative(source_path, scenario);
        const LoadResult base = load_scenario(w.scenario_path);
        if (base.is_missing_input)
            result.is_missing_input = true;
        if (!base.scenario) {
            f.error("scenario", "\"" + w.scenario_path + "\" does not load" +
                                    (base.diagnostics.empty()
                                         ? std::string()
                                         : ": " + format_diagnostic(base.diagnostics.front())));
        } else if (base.scenario->model != "department") {
            f.error("scenario",
                    "must be a department scenario (got model \"" + base.scenario->model + "\")");
        } else {
            scenario_ok = true;
        }
    }
    w.minutes = static_cast<std::size_t>(f.number("minutes", true, 10, 600).value_or(0));
    w.round_months = static_cast<std::size_t>(
        f.number("round_months", true, 1, static_cast<double>(kMaxRoundMonths)).value_or(3));
    w.rounds = static_cast<std::size_t>(
        f.number("rounds", true, 1, static_cast<double>(kMaxRounds)).value_or(0));
    w.budget_per_year = f.number("budget_per_year", false, 0.0).value_or(0.0);
    read_array(f, d, "levers", true, w.levers, [&](const json& item, std::string at, auto& lever) {
        read_lever(item, at, w.scenario_path, scenario_ok, lever, out);
    });
    std::set<std::string> ids;
    for (std::size_t i = 0; i < w.levers.size(); ++i) {
        if (!w.levers[i].id.empty() && !ids.insert(w.levers[i].id).second)
            out.push_back({at_index("levers", i) + ".id",
                           "lever \"" + w.levers[i].id + "\" is listed twice", "", 0, 0});
    }
    read_array(f, d, "cards", false, w.cards, [&](const json& item, std::string at, auto& card) {
        read_card(item, at, w.scenario_path, scenario_ok, w.rounds, card, out);
    });
    read_array(f, d, "score", true, w.score, [&](const json& item, std::string at, auto& term) {
        read_score(item, at, term, out);
    });
    read_array(f, d, "debrief", true, w.debrief,
               [&](const json& item, std::string at, std::string& question) {
                   if (!item.is_string() || item.get<std::string>().empty())
                       out.push_back({at, "must be a non-empty string", "", 0, 0});
                   else
                       question = item.get<std::string>();
               });
    read_overall_weights(f, d, w, out);
    if (out.empty())
        result.workshop = std::move(w);
    return result;
}

WorkshopLoadResult load_workshop(const std::string& path) {
    WorkshopLoadResult result;
    bool too_large = false;
    const auto text = read_scenario_file(path, result.diagnostics, &too_large);
    if (!text) {
        result.is_missing_input = !too_large;
        return result;
    }
    return load_workshop_text(*text, path);
}

}  // namespace cssim::scenario
