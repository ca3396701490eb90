// Workshop files (docs/workshop.md): read with nlohmann, every problem a Diagnostic with its
// JSON path; card changes checked with load_scenario's `--set` handling against the workshop's
// own scenario. Levers are read in workshop_levers.cpp, decision files in decision_reader.cpp.
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
using workshop_fields::check_setting;
using workshop_fields::Fields;
using workshop_fields::num;
using workshop_fields::read_lever;
using workshop_fields::resolve_relative;

namespace {

constexpr std::size_t kMaxRounds = 100;
constexpr std::size_t kMaxRoundMonths = 24;

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
