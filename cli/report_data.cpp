// Loading the run and compare folders for `cssim report`, and the charts' points.
#include "report_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cssim/core/statistics.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/errors.hpp"
#include "exit_codes.hpp"

namespace cssim::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ReportError(kExitMissingInput, path.string() + ": cannot be read");
    }
    std::ostringstream text;
    text << in.rdbuf();
    json j = json::parse(text.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw ReportError(kExitInvalidScenario, path.string() + ": not a JSON object (damaged?)");
    }
    return j;
}

double number(const json& j, const char* key) {
    if (!j.contains(key) || !j.at(key).is_number())
        return kNaN;
    return j.at(key).get<double>();
}

ReportRun load_run(const fs::path& dir) {
    const json manifest = read_json(dir / "manifest.json");
    if (manifest.value("format", "") != "cssim-manifest") {
        throw ReportError(kExitInvalidScenario,
                          (dir / "manifest.json").string() + ": not a cssim manifest");
    }
    const json summary = read_json(dir / "summary.json");
    ReportRun run;
    run.dir = dir.string();
    run.name = manifest.value("scenario_name", dir.filename().string());
    run.version = manifest.value("version", "");
    run.git_sha = manifest.value("git_sha", "");
    run.created_utc = manifest.value("created_utc", "");
    run.scenario_sha256 = manifest.value("scenario_sha256", "");
    run.command_line = manifest.value("command_line", "");
    run.status = manifest.value("status", "");
    run.seed = manifest.value("master_seed", std::uint64_t{0});
    run.replications = manifest.value("replications", std::uint64_t{0});
    if (manifest.contains("scenario") && manifest.at("scenario").is_object()) {
        const json& s = manifest.at("scenario");
        run.scenario_json = s.dump();
        run.description = s.value("description", "");
        if (s.contains("run") && s.at("run").is_object()) {
            run.start_date = s.at("run").value("start_date", "");
            run.years = s.at("run").value("years", 0.0);
            run.warmup_years = s.at("run").value("warmup_years", 0.0);
        }
    }
    std::map<std::string, record::MetricInfo> info;
    std::map<std::string, std::size_t> order;
    if (fs::exists(dir / "run.sqlite")) {
        run.archive = (dir / "run.sqlite").string();
        try {
            const record::ArchiveReader reader(run.archive);
            for (const record::MetricInfo& m : reader.info().layout.metrics) {
                order.emplace(m.name, order.size());
                info[m.name] = m;
            }
            if (run.start_date.empty())
                run.start_date = reader.info().layout.start_date;
        } catch (const record::ArchiveError& e) {
            throw ReportError(kExitInvalidScenario, e.what());
        }
    }
    if (!summary.contains("metrics") || !summary.at("metrics").is_object()) {
        throw ReportError(kExitInvalidScenario, (dir / "summary.json").string() +
                                                    ": no metrics (a sweep? report reads run "
                                                    "and compare folders)");
    }
    for (const auto& [name, m] : summary.at("metrics").items()) {
        ReportMetric metric;
        metric.name = name;
        const auto it = info.find(name);
        if (it != info.end()) {
            metric.unit = it->second.unit;
            metric.description = it->second.description;
            metric.direction = it->second.direction;
        }
        metric.mean = number(m, "mean");
        metric.low = number(m, "ci95_low");
        metric.high = number(m, "ci95_high");
        metric.n = m.value("n", std::size_t{0});
        run.metrics.push_back(std::move(metric));
    }
    if (summary.contains("periods") && summary.at("periods").is_array()) {
        for (const json& p : summary.at("periods")) {
            if (!p.is_object() || !p.contains("metrics") || !p.at("metrics").is_object())
                continue;
            ReportPeriod period;
            period.label = p.value("period", "");
            period.from = p.value("from", "");
            period.days = number(p, "days");
            period.partial = p.value("partial", true);
            for (const auto& [name, m] : p.at("metrics").items()) {
                ReportMetric metric;
                metric.name = name;
                metric.mean = number(m, "mean");
                metric.low = number(m, "ci95_low");
                metric.high = number(m, "ci95_high");
                metric.n = m.value("n", std::size_t{0});
                period.metrics.push_back(std::move(metric));
            }
            run.periods.push_back(std::move(period));
        }
    }
    // summary.json's keys are sorted: put the metrics back in the model's order.
    if (!order.empty()) {
        const std::size_t last = order.size();
        std::stable_sort(run.metrics.begin(), run.metrics.end(),
                         [&](const ReportMetric& a, const ReportMetric& b) {
                             const auto ia = order.find(a.name);
                             const auto ib = order.find(b.name);
                             return (ia == order.end() ? last : ia->second) <
                                    (ib == order.end() ? last : ib->second);
                         });
    }
    return run;
}

std::vector<ReportComparison> load_comparison(const fs::path& file) {
    const json root = read_json(file);
    std::vector<ReportComparison> list;
    if (!root.contains("comparisons") || !root.at("comparisons").is_array()) {
        throw ReportError(kExitInvalidScenario, file.string() + ": no comparisons");
    }
    for (const json& pair : root.at("comparisons")) {
        ReportComparison c;
        c.baseline = pair.value("baseline", "");
        c.scenario = pair.value("scenario", "");
        if (pair.contains("metrics") && pair.at("metrics").is_object()) {
            // comparison.json keeps the model's order (an ordered object).
            for (const auto& [name, m] : pair.at("metrics").items()) {
                ReportDifference d;
                d.name = name;
                d.unit = m.value("unit", "");
                d.direction = m.value("direction", 0);
                d.baseline_mean = number(m, "baseline_mean");
                d.scenario_mean = number(m, "scenario_mean");
                d.difference = number(m, "difference");
                d.ci_low = number(m, "ci_low");
                d.ci_high = number(m, "ci_high");
                d.n = m.value("n", std::size_t{0});
                d.verdict = m.value("verdict", "");
                c.metrics.push_back(std::move(d));
            }
        }
        list.push_back(std::move(c));
    }
    return list;
}

}  // namespace

ReportInput load_report_input(const std::vector<std::string>& dirs) {
    ReportInput input;
    for (const std::string& d : dirs) {
        const fs::path dir(d);
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            throw ReportError(kExitMissingInput, d + ": no such folder");
        }
        if (fs::exists(dir / "comparison.json")) {
            const auto comparisons = load_comparison(dir / "comparison.json");
            // The runs of a compare folder are its sub-folders, named after the scenarios.
            std::vector<fs::path> subs;
            for (const auto& entry : fs::directory_iterator(dir)) {
                if (entry.is_directory() && fs::exists(entry.path() / "manifest.json")) {
                    subs.push_back(entry.path());
                }
            }
            std::sort(subs.begin(), subs.end());
            std::vector<ReportRun> runs;
            for (const fs::path& s : subs)
                runs.push_back(load_run(s));
            // Baseline first, then in the comparison's order.
            std::vector<std::string> order;
            if (!comparisons.empty())
                order.push_back(comparisons.front().baseline);
            for (const ReportComparison& c : comparisons)
                order.push_back(c.scenario);
            for (const std::string& name : order) {
                for (ReportRun& r : runs) {
                    if (r.name == name && !r.dir.empty()) {
                        input.runs.push_back(r);
                        r.dir.clear();
                    }
                }
            }
            input.comparisons.insert(input.comparisons.end(), comparisons.begin(),
                                     comparisons.end());
        } else if (fs::exists(dir / "manifest.json")) {
            input.runs.push_back(load_run(dir));
        } else {
            throw ReportError(kExitInvalidScenario,
                              d + ": neither a run folder (manifest.json, summary.json) nor a "
                                  "compare folder (comparison.json)");
        }
    }
    if (input.runs.empty()) {
        throw ReportError(kExitInvalidScenario, "no runs found in the folders given");
    }
    return input;
}

// Howard Hinnant's days-from-civil and civil-from-days (public-domain algorithms).
long long days_from_iso(const std::string& iso_date) {
    int y = 1970;
    unsigned m = 1;
    unsigned d = 1;
    if (std::sscanf(iso_date.c_str(), "%d-%u-%u", &y, &m, &d) != 3)
        return 0;
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::string iso_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
    char text[32];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", y, m, d);
    return text;
}

namespace {

/** @brief Bucket key of a day: year*12+month (monthly) or the financial year's first year. */
long long bucket_of(long long epoch_day, Aggregation aggregation) {
    const std::string iso = iso_from_days(epoch_day);
    const int y = std::stoi(iso.substr(0, 4));
    const int m = std::stoi(iso.substr(5, 2));
    if (aggregation == Aggregation::MonthlyMean)
        return static_cast<long long>(y) * 12 + (m - 1);
    return m >= 4 ? y : y - 1;
}

}  // namespace

ChartLine period_line(const ReportRun& run, const std::string& metric, double scale) {
    ChartLine line;
    if (run.start_date.empty())
        return line;
    const long long start = days_from_iso(run.start_date);
    for (const ReportPeriod& p : run.periods) {
        if (p.partial || p.from.empty() || !std::isfinite(p.days))
            continue;
        for (const ReportMetric& m : p.metrics) {
            if (m.name != metric || !std::isfinite(m.mean))
                continue;
            const double middle = static_cast<double>(days_from_iso(p.from) - start) + 0.5 * p.days;
            line.points.push_back({middle, m.mean * scale, m.low * scale, m.high * scale});
        }
    }
    line.replications = line.points.empty() ? 0 : static_cast<std::size_t>(run.replications);
    return line;
}

ChartLine chart_line(const std::string& archive, const std::string& series, Aggregation aggregation,
                     double scale, const std::string& start_date) {
    ChartLine line;
    if (archive.empty())
        return line;
    const record::ArchiveReader reader(archive);
    const auto names = reader.series_names();
    if (std::find(names.begin(), names.end(), series) == names.end())
        return line;
    const long long start = days_from_iso(start_date);
    // bucket -> per-replication values; bucket -> (first day, last day) covered.
    std::map<long long, std::vector<double>> values;
    std::map<long long, std::pair<long long, long long>> span;
    const auto copies = reader.load_series(series);
    for (const record::ReplicationSeries& copy : copies) {
        std::map<long long, std::pair<double, long long>> acc;  // sum or last value, count
        for (std::size_t i = 0; i < copy.series.values.size(); ++i) {
            const double v = copy.series.values[i];
            if (!std::isfinite(v))
                continue;
            const long long day = copy.series.first_day + static_cast<long long>(i);
            const long long b = bucket_of(start + day, aggregation);
            auto& [sum, count] = acc[b];
            sum = aggregation == Aggregation::YearEndValue ? v : sum + v;
            ++count;
            auto [it, fresh] = span.try_emplace(b, day, day);
            if (!fresh) {
                it->second.first = std::min(it->second.first, day);
                it->second.second = std::max(it->second.second, day);
            }
        }
        for (const auto& [b, sc] : acc) {
            const double v = aggregation == Aggregation::MonthlyMean
                                 ? sc.first / static_cast<double>(sc.second)
                                 : sc.first;
            values[b].push_back(v * scale);
        }
    }
    line.replications = copies.size();
    for (const auto& [b, list] : values) {
        const auto [first, last] = span.at(b);
        if (aggregation != Aggregation::MonthlyMean && last - first < 360)
            continue;  // partial
        const double n = static_cast<double>(list.size());
        double mean = 0.0;
        for (double v : list)
            mean += v / n;
        ChartPoint p{0.5 * static_cast<double>(first + last) + 0.5, mean, kNaN, kNaN};
        if (list.size() >= 2) {
            double ss = 0.0;
            for (double v : list)
                ss += (v - mean) * (v - mean);
            const double half =
                core::student_t_quantile(0.975, n - 1.0) * std::sqrt(ss / (n - 1.0) / n);
            p.low = mean - half;
            p.high = mean + half;
        }
        line.points.push_back(p);
    }
    return line;
}

}  // namespace cssim::cli
