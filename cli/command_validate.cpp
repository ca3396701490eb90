// `cssim validate` and `cssim schema`, plus the scenario loading every command shares.
#include <cmath>
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "cssim/scenario/workshop.hpp"
#include "exit_codes.hpp"
#include "scenario_loading.hpp"

namespace cssim::cli {

int report_load_failure(const scenario::LoadResult& result, const std::string& raw_path) {
    const std::string path = scenario::escape_control(raw_path);
    for (const scenario::Diagnostic& diagnostic : result.diagnostics) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(),
                     scenario::format_diagnostic(diagnostic).c_str());
    }
    if (result.is_missing_input) {
        return kExitMissingInput;
    }
    if (result.is_bad_command_line) {
        return kExitUsage;
    }
    std::fprintf(stderr, "%s: %zu problem%s; nothing was run\n", path.c_str(),
                 result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
    return kExitInvalidScenario;
}

std::size_t print_warnings(const scenario::Scenario& scenario, const std::string& path) {
    for (const scenario::Diagnostic& warning : scenario.warnings) {
        std::fprintf(stderr, "%s: warning: %s\n", path.c_str(),
                     scenario::format_diagnostic(warning).c_str());
    }
    return scenario.warnings.size();
}

namespace {

/** @brief Diagnostics of a workshop or decision file, then its exit code (66 or 65). */
int report_problems(const std::vector<scenario::Diagnostic>& diagnostics, bool missing,
                    const std::string& path) {
    for (const scenario::Diagnostic& diagnostic : diagnostics) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(),
                     scenario::format_diagnostic(diagnostic).c_str());
    }
    if (missing)
        return kExitMissingInput;
    std::fprintf(stderr, "%s: %zu problem%s\n", path.c_str(), diagnostics.size(),
                 diagnostics.size() == 1 ? "" : "s");
    return kExitInvalidScenario;
}

/**
 * @brief Problems of playing every round of `w` with `decisions` (null: the defaults): the
 * decisions and cards as dated changes, read as `cssim workshop` reads them.
 */
std::vector<scenario::Diagnostic> play_problems(const scenario::Workshop& w,
                                                const scenario::DecisionFile* decisions) {
    const scenario::LoadResult base = scenario::load_scenario(w.scenario_path);
    const std::uint64_t seed = base.scenario ? base.scenario->seed : 1;
    const scenario::LoadResult played =
        scenario::table_scenario(w, decisions, scenario::deal_cards(w, seed), w.rounds);
    return played.scenario ? std::vector<scenario::Diagnostic>{} : played.diagnostics;
}

/** @brief Pounds with thousands separators, to the pound: "£740,544", "-£2,174,107". */
std::string pounds(double v) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.0f", std::fabs(v));
    std::string whole(buffer);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(static_cast<std::size_t>(i), ",");
    return std::string(std::lround(v) < 0 ? "-" : "") + "£" + whole;
}

/**
 * @brief The levers' price list (the decision sheet, docs/workshop.md): each lever's values and
 * what they cost a year against its default, as the reader priced them from the model.
 */
std::string price_list(const scenario::Workshop& w) {
    std::string out =
        "  budget for decisions: " +
        (w.budget_per_year > 0.0 ? pounds(w.budget_per_year) + " a year" : std::string("none")) +
        "\n";
    for (const scenario::WorkshopLever& lever : w.levers) {
        out += "  " + lever.id + " (" + lever.label + "): ";
        if (lever.is_range) {
            char range[96];
            std::snprintf(range, sizeof range, "%g to %g, default %s, ", lever.low, lever.high,
                          lever.default_value.c_str());
            out += range + pounds(lever.cost_per_unit_per_year) + " a year per unit\n";
            continue;
        }
        for (std::size_t i = 0; i < lever.allowed.size(); ++i) {
            out += (i == 0 ? "" : ", ") + lever.allowed[i] + " " +
                   pounds(i < lever.cost_per_year.size() ? lever.cost_per_year[i] : 0.0);
        }
        out += " a year (default " + lever.default_value + ")\n";
    }
    return out;
}

/** @brief `cssim validate` of a workshop file (a top-level "workshop") or a decision file. */
int validate_workshop_files(const std::string& path, scenario::FileKind kind) {
    if (kind == scenario::FileKind::workshop) {
        const auto r = scenario::load_workshop(path);
        if (!r.workshop)
            return report_problems(r.diagnostics, r.is_missing_input, path);
        if (const auto problems = play_problems(*r.workshop, nullptr); !problems.empty())
            return report_problems(problems, false, path);
        const scenario::Workshop& w = *r.workshop;
        std::printf(
            "%s: valid workshop '%s' (%zu rounds of %zu months, %zu levers, %zu cards, "
            "scenario %s)\n",
            path.c_str(), w.title.c_str(), w.rounds, w.round_months, w.levers.size(),
            w.cards.size(), w.scenario_path.c_str());
        const std::string prices = price_list(w);
        std::fwrite(prices.data(), 1, prices.size(), stdout);
        return kExitOk;
    }
    const auto r = scenario::load_decisions(path);
    if (!r.decisions)
        return report_problems(r.diagnostics, r.is_missing_input, path);
    if (r.workshop) {
        if (const auto problems = play_problems(*r.workshop, &*r.decisions); !problems.empty())
            return report_problems(problems, false, path);
    }
    std::printf("%s: valid decisions of table '%s' (%zu rounds decided, workshop %s)\n",
                path.c_str(), r.decisions->table.c_str(), r.decisions->rounds.size(),
                r.decisions->workshop_path.c_str());
    return kExitOk;
}

}  // namespace

int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides,
                     bool strict) {
    if (const auto kind = scenario::file_kind(scenario_path);
        kind != scenario::FileKind::scenario && overrides.empty()) {
        return validate_workshop_files(scenario_path, kind);
    }
    const scenario::LoadResult result = scenario::load_scenario(scenario_path, overrides);
    if (!result.scenario) {
        return report_load_failure(result, scenario_path);
    }
    const scenario::Scenario& s = *result.scenario;
    const std::size_t warnings = print_warnings(s, scenario_path);
    if (strict && warnings > 0) {
        std::fprintf(stderr, "%s: %zu warning%s, errors under --strict; nothing was run\n",
                     scenario_path.c_str(), warnings, warnings == 1 ? "" : "s");
        return kExitInvalidScenario;
    }
    std::printf("%s: valid %s scenario '%s' (%zu replications, seed %llu, sha256 %.12s)\n",
                scenario::escape_control(scenario_path).c_str(), s.model.c_str(),
                scenario::escape_control(s.name).c_str(), s.replications,
                static_cast<unsigned long long>(s.seed), s.sha256.c_str());
    if (!s.council.empty()) {
        std::printf("The council it will simulate:\n");
        for (const std::string& line : s.council) {
            std::printf("  %s\n", line.c_str());
        }
    }
    if (warnings > 0) {
        std::printf("%zu warning%s (on stderr; --strict makes them errors)\n", warnings,
                    warnings == 1 ? "" : "s");
    }
    return kExitOk;
}

int schema_command() {
    const std::string schema = scenario::json_schema();
    std::fwrite(schema.data(), 1, schema.size(), stdout);
    if (schema.empty() || schema.back() != '\n') {
        std::fputc('\n', stdout);
    }
    return kExitOk;
}

}  // namespace cssim::cli
