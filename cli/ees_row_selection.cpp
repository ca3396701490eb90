// `cssim init --ees`, before any value is mapped: the file read as CSV, the mapping that
// recognises it, and the council's row for the year wanted, with a clear error for each miss.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cssim/scenario/scenario.hpp"
#include "ees_rows.hpp"
#include "exit_codes.hpp"
#include "text.hpp"

namespace cssim::cli::ees_rows {
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

}  // namespace

std::string cell(const CsvTable& t, std::size_t row, const char* column) {
    return t.rows[row][*t.column(column)];
}

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

}  // namespace cssim::cli::ees_rows
