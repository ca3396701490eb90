/**
 * @file changes_reader.cpp
 * @brief Dated changes of levers: `"changes": [{"date": "2026-04-01", "set": {"path": value}}]`.
 *
 * Each change's `set` is applied, as `--set` would apply it, to the document as it stood after
 * the previous change; the result is read as a whole scenario, so every path and value is checked
 * with the scenario's own rules, and the model receives each change as a complete configuration.
 * Some paths cannot change during a run (they fix its length, its starting state, or the number
 * of things the model has counted out at the start): those are reported with the reason.
 */
#include "changes_reader.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "cssim/core/time.hpp"
#include "cssim/department/run_calendar.hpp"
#include "document_loader.hpp"

namespace cssim::scenario {
namespace {

using nlohmann::json;

/** @brief At most this many changes (a scenario is written by people). */
constexpr std::size_t kMaxChanges = 1000;

struct Fixed {
    std::string_view path;
    std::string_view reason;
};

/// Paths a change may not set, and why.
constexpr Fixed kFixedPaths[] = {
    {"name", "it names the scenario"},
    {"description", "it describes the scenario"},
    {"seed", "the random streams are seeded once"},
    {"replications", "it is not a lever of the department"},
    {"extends", "it is resolved before the run"},
    {"model", "it chooses the model"},
    {"changes", "changes cannot nest"},
    {"run", "it fixes the run's dates and length"},
    {"initial", "it is the state at day 0"},
    {"workforce.social_worker_posts",
     "the posts are counted out at the start (a funding change can delete posts)"},
    {"workforce.team_size", "the teams are formed at the start"},
    {"teams", "the teams are formed at the start"},
    {"money.funding_changes", "funding changes are dated already"},
    {"demand.shocks", "demand shocks are dated already"},
};

bool under(std::string_view path, std::string_view prefix) {
    return path == prefix || (path.size() > prefix.size() && path.starts_with(prefix) &&
                              (path[prefix.size()] == '.' || path[prefix.size()] == '['));
}

void add(std::vector<Diagnostic>& diagnostics, std::string path, std::string message) {
    diagnostics.push_back(Diagnostic{std::move(path), std::move(message), {}, 0, 0});
}

std::int64_t run_days(const department::DepartmentConfig& c) {
    return department::days_in_years(c.run.start_date, c.run.years);
}

}  // namespace

std::string fixed_path_reason(std::string_view path) {
    for (const Fixed& f : kFixedPaths) {
        if (under(path, f.path)) {
            return std::string(f.reason);
        }
    }
    return "";
}

void read_changes(const json& document, Scenario& scenario, std::vector<Diagnostic>& diagnostics,
                  const DocumentRead& read_document) {
    const auto it = document.find("changes");
    if (it == document.end() || !scenario.department) {
        return;
    }
    department::DepartmentConfig& base = *scenario.department;
    const json& list = *it;
    if (!list.is_array()) {
        add(diagnostics, "changes",
            "must be an array of {\"date\": \"YYYY-MM-DD\", \"set\": {\"path\": value}}");
        return;
    }
    if (list.size() > kMaxChanges) {
        add(diagnostics, "changes",
            "at most " + std::to_string(kMaxChanges) + " changes (got " +
                std::to_string(list.size()) + ")");
        return;
    }
    core::Date start;
    core::Date::parse(base.run.start_date, start);  // checked by the run reader
    const std::int64_t days = run_days(base);
    json current = document;
    current.erase("changes");
    std::int64_t previous_day = 0;
    std::vector<department::DatedChange> changes;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "changes[" + std::to_string(i) + "]";
        const json& item = list[i];
        const std::size_t before = diagnostics.size();
        if (!item.is_object()) {
            add(diagnostics, at, "must be an object {\"date\": ..., \"set\": {...}}");
            continue;
        }
        for (const auto& [key, value] : item.items()) {
            if (key != "date" && key != "set" && key != "label") {
                add(diagnostics, at + "." + key, "unknown key (a change has date, set, label)");
            }
        }
        department::DatedChange change;
        if (item.contains("label")) {
            if (item["label"].is_string()) {
                change.label = item["label"].get<std::string>();
            } else {
                add(diagnostics, at + ".label", "must be a string");
            }
        }
        core::Date date;
        const json* date_node = item.contains("date") ? &item["date"] : nullptr;
        if (date_node == nullptr) {
            add(diagnostics, at + ".date", "required: the day the change applies, YYYY-MM-DD");
        } else if (!date_node->is_string() ||
                   !core::Date::parse(date_node->get<std::string>(), date)) {
            add(diagnostics, at + ".date",
                "must be a date YYYY-MM-DD (got " + date_node->dump() + ")");
        } else {
            change.date = date_node->get<std::string>();
            const std::int64_t day = date.days_since_epoch() - start.days_since_epoch();
            if (day <= 0 || day >= days) {
                add(diagnostics, at + ".date",
                    "must fall inside the run, after its first day " + base.run.start_date +
                        " and before its end (got " + change.date + ")");
            } else if (day < previous_day) {
                add(diagnostics, at + ".date",
                    "changes must be in date order (" + change.date +
                        " is before the previous "
                        "change's date)");
            } else {
                previous_day = day;
            }
        }
        const json* set = item.contains("set") ? &item["set"] : nullptr;
        if (set == nullptr || !set->is_object() || set->empty()) {
            add(diagnostics, at + ".set",
                "required: an object of levers to set, e.g. {\"admin_support.workers_per_pa\": 3}");
            continue;
        }
        const json previous = current;  // a change with problems is not carried to the next
        bool applied = true;            // every path that may change was set without a problem
        for (const auto& [path, value] : set->items()) {
            const std::string where = at + ".set." + path;
            if (const std::string reason = fixed_path_reason(path); !reason.empty()) {
                add(diagnostics, where, "cannot change during a run: " + reason);
                continue;
            }
            std::vector<Diagnostic> set_problems;
            bool bad_path = false;
            std::string created;
            apply_override(current, path + "=" + value.dump(), set_problems, bad_path, created);
            applied = applied && set_problems.empty();
            for (Diagnostic& d : set_problems) {
                std::string message = d.message;
                if (message.starts_with("--set")) {
                    message = message.substr(message.find(' ') + 1);
                }
                if (bad_path) {
                    message =
                        "not a path (expected e.g. admin_support.workers_per_pa or "
                        "pathway.stages[2].duration_wd)";
                }
                add(diagnostics, where, message);
            }
            change.paths.push_back(path);
        }
        if (!applied) {
            current = previous;
            continue;
        }
        // The configuration from this date on, read and checked as a whole scenario.
        Scenario changed;
        std::vector<Diagnostic> problems;
        read_document(current, changed, problems);
        for (Diagnostic& d : problems) {
            bool from_set = false;
            for (const std::string& path : change.paths) {
                from_set = from_set || under(d.path, path) || under(path, d.path);
            }
            if (from_set) {
                add(diagnostics, at + ".set." + d.path, d.message);
            } else {
                add(diagnostics, at,
                    "after this change, " + (d.path.empty() ? "" : d.path + ": ") + d.message);
            }
        }
        if (diagnostics.size() != before || !changed.department) {
            current = previous;
            continue;
        }
        const department::DepartmentConfig& next = *changed.department;
        bool same_stages = next.pathway.stages.size() == base.pathway.stages.size();
        for (std::size_t s = 0; same_stages && s < next.pathway.stages.size(); ++s) {
            same_stages = next.pathway.stages[s].id == base.pathway.stages[s].id;
        }
        if (!same_stages) {
            add(diagnostics, at + ".set",
                "a change cannot add, remove, rename or reorder pathway stages");
            current = previous;
            continue;
        }
        if (next.money.placements.size() != base.money.placements.size()) {
            add(diagnostics, at + ".set",
                "a change cannot add or remove placement types (their costs may change)");
            current = previous;
            continue;
        }
        change.config = std::make_shared<const department::DepartmentConfig>(next);
        changes.push_back(std::move(change));
    }
    base.changes = std::move(changes);
}

}  // namespace cssim::scenario
