// `cssim init --ees`: the file's mapping, the council's row, fallbacks for suppressed values.
#include "ees_import.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "cssim/scenario/scenario.hpp"
#include "ees_expression.hpp"
#include "ees_rows.hpp"
#include "exit_codes.hpp"
#include "text.hpp"

namespace cssim::cli {

using ees_rows::cell;
using ees_rows::FileSelection;
using ees_rows::mapping_for;
using ees_rows::parse_number;
using ees_rows::read_table;
using ees_rows::select_row;

namespace {

std::string symbol_meaning(std::string_view cell) {
    if (cell == "c")
        return "suppressed ('c')";
    if (cell == "x")
        return "not available ('x')";
    if (cell == "z")
        return "not applicable ('z')";
    if (cell == "low")
        return "rounds to zero ('low')";
    if (cell == "u")
        return "low reliability ('u')";
    if (cell == ":")
        return "not available (':')";
    return "empty";
}

double round_to(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

/** @brief Why a value could not be computed: a suppressed cell or a missing scenario field. */
struct Unavailable {
    std::string reason;
};

}  // namespace

bool is_ees_symbol(std::string_view cell) {
    const std::string s = trim(cell);
    return s.empty() || s == "c" || s == "x" || s == "z" || s == "low" || s == "u" || s == ":";
}

EesImport import_ees(const EesRequest& request,
                     const std::function<std::string(const std::string&)>& base_value) {
    std::vector<EesMapping> candidates = request.extra_mappings;
    for (const EesMapping& m : builtin_ees_mappings())
        candidates.push_back(m);

    std::vector<FileSelection> selections;
    std::string chosen_la;
    for (const std::string& path : request.files) {
        CsvTable table = read_table(path);
        const std::string file = std::filesystem::path(path).filename().string();
        const EesMapping& mapping = mapping_for(table, file, candidates);
        selections.push_back(select_row(std::move(table), file, mapping, request, chosen_la));
    }

    EesImport result;
    const FileSelection& first = selections.front();
    result.la_name = trim(cell(first.table, first.row, "la_name"));
    result.new_la_code = trim(cell(first.table, first.row, "new_la_code"));
    result.old_la_code = trim(cell(first.table, first.row, "old_la_code"));

    std::map<std::string, double> scenario_values;
    if (request.children)
        scenario_values["council.children"] = *request.children;

    auto value_of = [&](const FileSelection& s) {
        return [&s, &scenario_values](const std::string& name) -> double {
            if (name.find('.') != std::string::npos) {
                const auto it = scenario_values.find(name);
                if (it == scenario_values.end()) {
                    throw Unavailable{"it needs " + name +
                                      (name == "council.children" ? " (give --children N)"
                                                                  : ", which no file sets")};
                }
                return it->second;
            }
            const auto column = s.table.column(name);
            if (!column) {
                throw EesError(kExitInvalidScenario, s.file + ": has no column \"" + name +
                                                         "\" that the mapping " + s.mapping->name +
                                                         " uses (another release?)");
            }
            const std::string& text = s.table.rows[s.row][*column];
            if (is_ees_symbol(text)) {
                throw Unavailable{name + " is " + symbol_meaning(trim(text)) + " for " +
                                  trim(cell(s.table, s.row, "la_name")) + " in " +
                                  trim(cell(s.table, s.row, "time_period"))};
            }
            const std::optional<double> v = parse_number(text);
            if (!v) {
                throw EesError(kExitInvalidScenario,
                               s.file + ": line " + std::to_string(s.table.row_lines[s.row]) +
                                   ": " + name + " is \"" + text + "\", not a number");
            }
            return *v;
        };
    };

    for (const FileSelection& s : selections) {
        result.years.push_back(trim(cell(s.table, s.row, "time_period")));
        result.sources.push_back(s.mapping->title + ", from " + s.file);
    }
    // Fields that use no scenario field first, so that a later file's expression can use an
    // earlier file's field (council.children from one file, a rate per 10k from another).
    for (int pass = 0; pass < 2; ++pass) {
        for (const FileSelection& s : selections) {
            for (const EesMappedValue& f : s.mapping->fields) {
                const auto names = expression_names(f.expression);
                const bool dotted = std::any_of(names.begin(), names.end(), [](const auto& n) {
                    return n.find('.') != std::string::npos;
                });
                if (dotted != (pass == 1))
                    continue;
                try {
                    const double v =
                        round_to(evaluate_expression(f.expression, value_of(s)), f.decimals);
                    if (!std::isfinite(v))
                        throw Unavailable{"it is not a finite number"};
                    scenario_values[f.target] = v;
                    result.fields.push_back(
                        {f.target, v, f.expression, s.file + " via " + s.mapping->name, "", f.why});
                } catch (const Unavailable& u) {
                    const std::string base = base_value(f.target);
                    result.notes.push_back(
                        f.target + " keeps " +
                        (base.empty() ? "the base scenario's value" : "base.json's " + base) +
                        ": " + u.reason);
                }
            }
        }
    }
    if (!scenario_values.contains("council.children")) {
        const std::string base = base_value("council.children");
        result.notes.push_back(
            "council.children keeps " +
            (base.empty() ? "the base scenario's value" : "base.json's " + base) +
            ": no file gives the council's children (give --children N)");
    }
    for (const FileSelection& s : selections) {
        for (const EesMappedValue& p : s.mapping->published) {
            try {
                const double v =
                    round_to(evaluate_expression(p.expression, value_of(s)), p.decimals);
                if (!std::isfinite(v))
                    throw Unavailable{"it is not a finite number"};
                result.published.push_back(
                    {p.target, v, p.expression, s.file + " via " + s.mapping->name, p.unit, p.why});
            } catch (const Unavailable& u) {
                result.notes.push_back("published " + p.target + " not recorded: " + u.reason);
            }
        }
    }
    return result;
}

}  // namespace cssim::cli
