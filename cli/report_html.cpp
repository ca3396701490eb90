// The HTML of `cssim report`: sections, tables and the page's style.
#include "report_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cssim/department/run_calendar.hpp"
#include "number_format.hpp"
#include "report_parts.hpp"
#include "report_svg.hpp"

namespace cssim::cli {
namespace {

using nlohmann::json;
using report_parts::charts_section;
using report_parts::KeyMetric;
using report_parts::kKeyMetrics;
using report_parts::metric_of;

std::string pretty_path(const std::string& path) {
    std::string out;
    for (const char c : path) {
        out += c == '_' ? std::string(" ") : c == '.' ? std::string(" › ") : std::string(1, c);
    }
    return out;
}

std::string pretty_json(const std::string& text) {
    if (text.empty())
        return "(not set)";
    if (text == "true")
        return "yes";
    if (text == "false")
        return "no";
    const json j = json::parse(text, nullptr, false);
    if (j.is_number()) {
        char number[32];  // as written in a scenario file: 0.5, 2, 66500
        std::snprintf(number, sizeof number, "%.10g", j.get<double>());
        return number;
    }
    if (j.is_string())
        return j.get<std::string>();
    return text.size() > 90 ? text.substr(0, 87) + "..." : text;
}

/** @brief An interval as HTML: each bound kept on one line, "n/a" without one. */
std::string ci_html(double low, double high, const std::string& unit, bool with_sign) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return "n/a";
    return "<span class=\"nb\">" + html_escape(format_value(low, unit, with_sign)) +
           "</span> to <span class=\"nb\">" + html_escape(format_value(high, unit, with_sign)) +
           "</span>";
}

/** @brief Turnover is a share of staff per year: shown in % like the other shares. */
std::string unit_of(const std::string& metric, const std::string& unit) {
    return metric == "turnover_rate" ? "share per year" : unit;
}

std::string unit_words(const std::string& unit) {
    if (unit == "share")
        return "%";
    if (unit == "share per year")
        return "% per year";
    if (unit == "GBP per year")
        return "£ per year";
    return unit;
}

/** @brief A scenario name for a table header: may break after its underscores. */
std::string header_name(const std::string& name) {
    std::string out;
    for (const char c : name) {
        out += html_escape(std::string(1, c));
        if (c == '_')
            out += "<wbr>";
    }
    return out;
}

std::string verdict_cell(const std::string& verdict) {
    std::string cls = "neutral";
    if (verdict == "better")
        cls = "better";
    if (verdict == "worse")
        cls = "worse";
    return "<td class=\"verdict " + cls + "\">" + html_escape(verdict) + "</td>";
}

std::string label_of(const std::string& name) {
    for (const KeyMetric& k : kKeyMetrics) {
        if (name == k.metric)
            return k.label;
    }
    return name;
}

}  // namespace

std::string format_value(double value, const std::string& unit, bool with_sign) {
    if (!std::isfinite(value))
        return "n/a";
    if (value == 0.0) {
        if (unit.rfind("GBP", 0) == 0)
            return "£0";
        if (unit == "share" || unit == "share per year")
            return with_sign ? "0 pts" : "0%";
        return "0";
    }
    if (unit == "share" || unit == "share per year") {
        // A change of a share is in percentage points, not per cent of the share.
        char text[32];
        const double percent = std::fabs(value) < 0.0005 ? 0.0 : value * 100.0;  // no "-0.0%"
        std::snprintf(text, sizeof text, with_sign ? "%+.1f pts" : "%.1f%%", percent);
        return text;
    }
    if (unit.rfind("GBP", 0) == 0) {
        const double a = std::fabs(value);
        const std::string sign = value < 0 ? "-" : (with_sign && value > 0 ? "+" : "");
        char text[32];
        if (a >= 1e6) {
            std::snprintf(text, sizeof text, "£%.2fm", a / 1e6);
        } else {
            std::snprintf(text, sizeof text, "£%s", format_human(a).c_str());
        }
        return sign + text;
    }
    return format_human(value, with_sign);
}

namespace {

std::string question_section(const ReportInput& input) {
    std::string out = "<h2 id=\"question\">The question</h2>";
    const ReportRun& base = input.runs.front();
    auto years = [](double y) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", y);
        return std::string(text);
    };
    auto when = [&](const ReportRun& r) {
        return "Measured over " + years(r.years - r.warmup_years) + " years after a warm-up of " +
               years(r.warmup_years) + " years, from " + r.start_date + ".";
    };
    if (input.runs.size() == 1) {
        out += "<p>What does the department look like in scenario <b>" + html_escape(base.name) +
               "</b>? " + html_escape(base.description) + "</p><p class=\"note\">" +
               html_escape(when(base)) + "</p>";
        return out;
    }
    out += "<p>Starting from <b>" + html_escape(base.name) + "</b>";
    out += base.description.empty() ? "" : " (" + html_escape(base.description) + ")";
    out += ", what happens if:</p>";
    for (std::size_t i = 1; i < input.runs.size(); ++i) {
        const ReportRun& r = input.runs[i];
        out += "<h3>" + html_escape(r.name) + "</h3>";
        if (!r.description.empty())
            out += "<p>" + html_escape(r.description) + "</p>";
        const auto changes = scenario_changes(base.scenario_json, r.scenario_json);
        if (changes.empty()) {
            out +=
                "<p class=\"note\">The two scenario files are the same apart from their "
                "names: any difference below is chance.</p>";
            continue;
        }
        out += "<ul class=\"changes\">";
        for (const ScenarioChange& c : changes) {
            out += "<li><b>" + html_escape(pretty_path(c.path)) + "</b>: <span class=\"old\">" +
                   html_escape(pretty_json(c.before)) + "</span> → " +
                   html_escape(pretty_json(c.after)) + " <code>" + html_escape(c.path) +
                   "</code></li>";
        }
        out += "</ul>";
    }
    out += "<p class=\"note\">" + html_escape(when(base)) +
           " The same random numbers drive every scenario (common random numbers), so the "
           "differences are paired replication by replication.</p>";
    return out;
}

std::string comparison_table(const ReportComparison& c, bool key_only) {
    std::string out = "<table" + std::string(key_only ? "" : " class=\"small\"") +
                      "><thead><tr><th>Measure</th><th>Unit</th><th>" + header_name(c.baseline) +
                      "</th><th>" + header_name(c.scenario) +
                      "</th><th>Change</th><th>95% interval of the change</th><th>Verdict</th>"
                      "</tr></thead><tbody>";
    auto row = [&](ReportDifference d) {
        d.unit = unit_of(d.name, d.unit);
        // Rounding noise of equal means (1e-16) is no change.
        if (std::fabs(d.difference) <=
            1e-12 * std::max(std::fabs(d.baseline_mean), std::fabs(d.scenario_mean))) {
            d.difference = 0.0;
        }
        out += "<tr><td>" + html_escape(key_only ? label_of(d.name) : d.name) + "</td><td>" +
               html_escape(unit_words(d.unit)) + "</td><td>" +
               html_escape(format_value(d.baseline_mean, d.unit)) + "</td><td>" +
               html_escape(format_value(d.scenario_mean, d.unit)) + "</td><td>" +
               html_escape(format_value(d.difference, d.unit, true)) + "</td><td class=\"ci\">" +
               ci_html(d.ci_low, d.ci_high, d.unit, true) + "</td>" + verdict_cell(d.verdict) +
               "</tr>";
    };
    if (key_only) {
        for (const KeyMetric& k : kKeyMetrics) {
            for (const ReportDifference& d : c.metrics) {
                if (d.name == k.metric)
                    row(d);
            }
        }
    } else {
        for (const ReportDifference& d : c.metrics)
            row(d);
    }
    return out + "</tbody></table>";
}

std::string runs_table(const ReportInput& input, const std::vector<std::string>& names,
                       bool key_only) {
    std::string out = "<table" + std::string(key_only ? "" : " class=\"small\"") +
                      "><thead><tr><th>Measure</th><th>Unit</th>";
    for (const ReportRun& r : input.runs) {
        out += "<th>" + header_name(r.name) + " (95% interval)</th>";
    }
    out += "</tr></thead><tbody>";
    for (const std::string& name : names) {
        const ReportMetric* first = metric_of(input.runs.front(), name);
        if (first == nullptr)
            continue;
        const std::string unit = unit_of(name, first->unit);
        out += "<tr><td>" + html_escape(key_only ? label_of(name) : name) + "</td><td>" +
               html_escape(unit_words(unit)) + "</td>";
        for (const ReportRun& r : input.runs) {
            const ReportMetric* m = metric_of(r, name);
            out += "<td class=\"ci\">" +
                   (m == nullptr ? std::string("—")
                                 : html_escape(format_value(m->mean, unit)) +
                                       " <span "
                                       "class=\"note\">(" +
                                       ci_html(m->low, m->high, unit, false) + ")</span>") +
                   "</td>";
        }
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

std::string costs_section(const ReportInput& input) {
    std::vector<std::string> names;
    for (const ReportMetric& m : input.runs.front().metrics) {
        if (m.unit.rfind("GBP", 0) == 0)
            names.push_back(m.name);
    }
    if (names.empty())
        return "";
    std::string out = "<h2 id=\"costs\">Costs</h2>";
    if (!input.comparisons.empty()) {
        for (const ReportComparison& c : input.comparisons) {
            ReportComparison costs = c;
            costs.metrics.clear();
            for (const ReportDifference& d : c.metrics) {
                if (d.unit.rfind("GBP", 0) == 0)
                    costs.metrics.push_back(d);
            }
            out += comparison_table(costs, false);
        }
    } else {
        out += runs_table(input, names, false);
    }
    return out +
           "<p class=\"note\">Yearly averages over the measured period, in pounds at the "
           "scenario's prices (money section of the scenario).</p>";
}

std::string provenance_section(const ReportInput& input, const std::string& generated_utc) {
    std::string out =
        "<h2 id=\"provenance\">Provenance</h2><table class=\"small\"><thead><tr><th>Scenario</th>"
        "<th>cssim</th><th>Seed</th><th>Replications</th><th>Run at (UTC)</th>"
        "<th>Scenario SHA-256</th></tr></thead><tbody>";
    for (const ReportRun& r : input.runs) {
        out += "<tr><td>" + html_escape(r.name) + "</td><td>" + html_escape(r.version) + " (" +
               html_escape(r.git_sha.substr(0, 12)) + ")</td><td>" + std::to_string(r.seed) +
               "</td><td>" + std::to_string(r.replications) + "</td><td>" +
               html_escape(r.created_utc) + "</td><td><code>" +
               html_escape(r.scenario_sha256.substr(0, 16)) + "…</code></td></tr>";
    }
    out += "</tbody></table>";
    for (const ReportRun& r : input.runs) {
        if (!r.command_line.empty()) {
            out += "<p class=\"note\">" + html_escape(r.name) + ": <code>" +
                   html_escape(r.command_line) + "</code>" +
                   (r.status != "complete" ? " — status: " + html_escape(r.status) : "") + "</p>";
        }
    }
    out += "<p class=\"note\">Report made " + html_escape(generated_utc) +
           " by <code>cssim report</code>. The SHA-256 is of the resolved scenario (extends and "
           "--set applied): equal hashes mean equal inputs.</p>";
    return out;
}

}  // namespace

std::string report_html(const ReportInput& input, const std::string& generated_utc) {
    std::string names;
    for (const ReportRun& r : input.runs)
        names += (names.empty() ? "" : " vs ") + r.name;
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>cssim report: " +
        html_escape(names) + "</title><style>" + report_css() + "</style><script>" +
        report_self_check_js() + "</script></head><body>";
    out += "<h1>" + html_escape(names) +
           "</h1><p class=\"sub\">A children's social care "
           "department simulated by cssim: what the model says, with its uncertainty.</p>";
    out += question_section(input);
    out += "<h2 id=\"headline\">Headline results</h2>";
    std::vector<std::string> key;
    for (const KeyMetric& k : kKeyMetrics)
        key.emplace_back(k.metric);
    if (!input.comparisons.empty()) {
        for (const ReportComparison& c : input.comparisons)
            out += comparison_table(c, true);
        out +=
            "<p class=\"note\">Means over the measured period. The interval is the 95% "
            "confidence interval of the paired change; \"no clear difference\" means it "
            "includes zero. Better/worse follow what a director would call an improvement.</p>";
    } else {
        out += runs_table(input, key, true);
    }
    out += charts_section(input);
    out += costs_section(input);
    out += "<h2 id=\"all\">Every measure</h2>";
    if (!input.comparisons.empty()) {
        for (const ReportComparison& c : input.comparisons)
            out += comparison_table(c, false);
    } else {
        std::vector<std::string> all;
        for (const ReportMetric& m : input.runs.front().metrics)
            all.push_back(m.name);
        out += runs_table(input, all, false);
    }
    out += provenance_section(input, generated_utc);
    out += "</body></html>\n";
    return out;
}

}  // namespace cssim::cli
