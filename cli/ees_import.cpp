// `cssim init --ees`: the file's mapping, the council's row, fallbacks for suppressed values.
#include "ees_import.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cssim/scenario/scenario.hpp"
#include "ees_expression.hpp"
#include "exit_codes.hpp"
#include "text.hpp"

namespace cssim::cli {

namespace {

/** @brief The geography columns every EES underlying-data file starts with. */
constexpr const char* kGeography[] = {
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    "region_code", "region_name",     "old_la_code",      "new_la_code",  "la_name"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

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

/** @brief A published number: "1,388.8" and "17" parse; symbols and text do not. */
std::optional<double> parse_number(std::string_view cell) {
    std::string s;
    for (char c : cell) {
        if (c != ',')
            s += c;
    }
    s = trim(s);
    if (s.empty())
        return std::nullopt;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

double round_to(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

std::string column_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

bool year_matches(const std::string& period, const std::string& wanted) {
    if (period == wanted)
        return true;
    // "2023" also picks the financial or academic year 2022/23 ("202223").
    return wanted.size() == 4 && period.size() == 6 && period.substr(4) == wanted.substr(2);
}

}  // namespace

bool is_ees_symbol(std::string_view cell) {
    const std::string s = trim(cell);
    return s.empty() || s == "c" || s == "x" || s == "z" || s == "low" || s == "u" || s == ":";
}

namespace {

const EesMapping& mapping_for(const CsvTable& table, const std::string& file,
                              const std::vector<EesMapping>& candidates) {
    std::vector<std::string> missing_geography;
    for (const char* g : kGeography) {
        if (!table.column(g))
            missing_geography.emplace_back(g);
    }
    if (!missing_geography.empty()) {
        throw EesError(kExitInvalidScenario,
                       file +
                           ": not an Explore Education Statistics underlying-data file of "
                           "councils: the geography column" +
                           (missing_geography.size() > 1 ? "s " : " ") +
                           column_list(missing_geography) + " missing");
    }
    for (const EesMapping& m : candidates) {
        const bool all = std::all_of(m.recognise_by.begin(), m.recognise_by.end(),
                                     [&](const std::string& c) { return table.column(c); });
        if (all) {
            if (m.is_template) {
                throw EesError(
                    kExitInvalidScenario,
                    file + ": looks like \"" + m.title + "\", whose mapping (scenarios/ees/" +
                        m.name +
                        ".json) is a template with unverified column names: check them "
                        "against the file, remove \"template\", and pass it with --mapping");
            }
            return m;
        }
    }
    std::vector<std::string> indicators;
    for (const std::string& c : table.columns) {
        if (std::find(std::begin(kGeography), std::end(kGeography), c) == std::end(kGeography)) {
            indicators.push_back(c);
        }
    }
    std::string known;
    for (const EesMapping& m : candidates) {
        known += "\n  " + m.name + (m.is_template ? " (template)" : "") + ": needs " +
                 column_list(m.recognise_by);
    }
    throw EesError(kExitInvalidScenario,
                   file +
                       ": no mapping knows this file (another release or layout?). Its "
                       "indicator columns: " +
                       column_list(indicators) + ". Mappings:" + known);
}

}  // namespace
}  // namespace cssim::cli

namespace cssim::cli {
namespace {

/** @brief Why a value could not be computed: a suppressed cell or a missing scenario field. */
struct Unavailable {
    std::string reason;
};

struct FileSelection {
    std::string file;  ///< file name for messages
    const EesMapping* mapping = nullptr;
    CsvTable table;
    std::size_t row = 0;
};

std::string cell(const CsvTable& t, std::size_t row, const char* column) {
    return t.rows[row][*t.column(column)];
}

bool is_la_row(const CsvTable& t, std::size_t row) {
    return lower(trim(cell(t, row, "geographic_level"))) == "local authority";
}

bool la_matches(const CsvTable& t, std::size_t row, const std::string& wanted) {
    const std::string w = lower(trim(wanted));
    return lower(trim(cell(t, row, "la_name"))) == w ||
           lower(trim(cell(t, row, "new_la_code"))) == w ||
           lower(trim(cell(t, row, "old_la_code"))) == w;
}

[[noreturn]] void unknown_la(const CsvTable& t, const std::string& file, const std::string& la) {
    std::vector<std::string> candidates;
    std::set<std::string> names;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string w = lower(trim(la));
        if (lower(trim(cell(t, r, "region_name"))) == w ||
            lower(trim(cell(t, r, "country_name"))) == w) {
            throw EesError(kExitUsage, file + ": \"" + la +
                                           "\" is a region or a country; cssim simulates one "
                                           "council: give a local authority's name or code");
        }
        if (!is_la_row(t, r))
            continue;
        const std::string name = trim(cell(t, r, "la_name"));
        if (names.insert(name).second) {
            candidates.push_back(name);
            candidates.push_back(trim(cell(t, r, "new_la_code")));
            candidates.push_back(trim(cell(t, r, "old_la_code")));
        }
    }
    std::string message = file + ": no local authority \"" + la + "\" (searched la_name, " +
                          "new_la_code and old_la_code)";
    // Councils that file a joint return (DfE workforce and CIN notes).
    static constexpr std::pair<const char*, const char*> kJoint[] = {
        {"richmond upon thames", "Kingston upon Thames (Kingston and Richmond file one return)"},
        {"west northamptonshire",
         "North Northamptonshire (both Northamptonshire councils are reported there)"},
    };
    for (const auto& [council, reported] : kJoint) {
        if (lower(trim(la)) == council) {
            throw EesError(kExitUsage, message + "; it is reported with " + reported);
        }
    }
    std::string guess = scenario::closest_name(la, candidates);
    if (guess.empty()) {
        for (const std::string& name : names) {
            if (lower(name).find(lower(trim(la))) != std::string::npos && !trim(la).empty()) {
                guess = name;
                break;
            }
        }
    }
    if (!guess.empty()) {
        message += "; did you mean \"" + guess + "\"?";
    } else if (names.empty()) {
        message += "; the file has no local-authority rows";
    } else {
        message +=
            "; the file has " + std::to_string(names.size()) + " councils, e.g. " + *names.begin();
    }
    throw EesError(kExitUsage, message);
}

double period_key(const std::string& period) {
    return parse_number(period).value_or(0.0);
}

FileSelection select_row(CsvTable table, const std::string& file, const EesMapping& mapping,
                         const EesRequest& request, std::string& chosen_la) {
    for (const auto& [column, value] : mapping.filters) {
        if (!table.column(column)) {
            throw EesError(kExitInvalidScenario,
                           file + ": the mapping " + mapping.name + " filters on column \"" +
                               column + "\", which the file does not have (another layout?)");
        }
    }
    const std::string wanted = request.la.empty() ? chosen_la : request.la;
    std::vector<std::size_t> rows;
    std::set<std::string> councils;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (!is_la_row(table, r))
            continue;
        councils.insert(trim(cell(table, r, "la_name")));
        if (!wanted.empty() && !la_matches(table, r, wanted))
            continue;
        bool keep = true;
        for (const auto& [column, value] : mapping.filters) {
            keep = keep && trim(table.rows[r][*table.column(column)]) == value;
        }
        if (keep)
            rows.push_back(r);
    }
    if (wanted.empty()) {
        if (councils.size() != 1) {
            std::string some;
            std::size_t shown = 0;
            for (const std::string& c : councils) {
                if (shown++ == 5) {
                    some += ", ...";
                    break;
                }
                some += (some.empty() ? "\"" : ", \"") + c + "\"";
            }
            throw EesError(kExitUsage, file + ": has " + std::to_string(councils.size()) +
                                           " councils; choose one with --la NAME_OR_CODE (" + some +
                                           ")");
        }
        chosen_la = *councils.begin();
        return select_row(std::move(table), file, mapping, request, chosen_la);
    }
    if (rows.empty()) {
        bool any = false;
        for (std::size_t r = 0; r < table.rows.size() && !any; ++r) {
            any = is_la_row(table, r) && la_matches(table, r, wanted);
        }
        if (!any)
            unknown_la(table, file, wanted);
        std::string filters;
        for (const auto& [column, value] : mapping.filters) {
            filters += (filters.empty() ? "" : ", ") + column + " = \"" + value + "\"";
        }
        throw EesError(kExitInvalidScenario, file + ": no row of \"" + wanted + "\" has " +
                                                 filters + " (another release?)");
    }
    std::vector<std::string> years;
    for (std::size_t r : rows) {
        const std::string p = trim(cell(table, r, "time_period"));
        if (std::find(years.begin(), years.end(), p) == years.end())
            years.push_back(p);
    }
    std::sort(years.begin(), years.end(), [](const std::string& a, const std::string& b) {
        return period_key(a) < period_key(b);
    });
    std::string year = years.back();
    if (!request.year.empty()) {
        const auto it = std::find_if(years.begin(), years.end(), [&](const std::string& p) {
            return year_matches(p, request.year);
        });
        if (it == years.end()) {
            throw EesError(kExitUsage, file + ": no year " + request.year + " for " +
                                           trim(cell(table, rows.front(), "la_name")) +
                                           "; the file has " + column_list(years));
        }
        year = *it;
    }
    std::vector<std::size_t> in_year;
    for (std::size_t r : rows) {
        if (trim(cell(table, r, "time_period")) == year)
            in_year.push_back(r);
    }
    if (in_year.size() > 1) {
        throw EesError(kExitInvalidScenario,
                       file + ": " + std::to_string(in_year.size()) + " rows for " + wanted +
                           " in " + year + " (lines " +
                           std::to_string(table.row_lines[in_year[0]]) + " and " +
                           std::to_string(table.row_lines[in_year[1]]) +
                           "): the file has filter columns this mapping does not fix");
    }
    FileSelection s;
    s.file = file;
    s.mapping = &mapping;
    s.row = in_year.front();
    s.table = std::move(table);
    return s;
}

CsvTable read_table(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw EesError(kExitMissingInput, path + ": no such file");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        throw EesError(kExitMissingInput, path + ": cannot be read");
    }
    try {
        return parse_csv(text.str());
    } catch (const CsvError& e) {
        throw EesError(kExitInvalidScenario,
                       path + ": " + e.what() + " (is it a CSV file of published statistics?)");
    }
}

}  // namespace

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
