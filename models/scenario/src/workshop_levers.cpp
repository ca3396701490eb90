// The levers of a workshop file (docs/workshop.md): each lever's path and values checked with
// load_scenario's `--set` handling against the workshop's scenario, and its cost a year taken
// from the model's planned budget.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "changes_reader.hpp"
#include "cssim/department/department.hpp"
#include "cssim/scenario/workshop.hpp"
#include "document_loader.hpp"
#include "workshop_fields.hpp"

namespace cssim::scenario::workshop_fields {
namespace {

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

}  // namespace

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

}  // namespace cssim::scenario::workshop_fields
