// The report's SVG charts.
#include "report_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "number_format.hpp"

namespace cssim::cli {
namespace {

constexpr double kWidth = 680.0;
constexpr double kHeight = 250.0;
constexpr double kLeft = 64.0;
constexpr double kRight = 16.0;
constexpr double kTop = 30.0;
constexpr double kBottom = 34.0;

std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

struct Range {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    bool empty() const { return !(low <= high); }
};

/** @brief Pads a data range and takes in zero when the data sit close to it. */
Range y_range(Range r) {
    if (r.empty())
        return Range{0.0, 1.0};
    if (r.low >= 0.0 && r.low < 0.35 * r.high)
        r.low = 0.0;
    if (r.high <= 0.0 && r.high > 0.35 * r.low)
        r.high = 0.0;
    double span = r.high - r.low;
    if (span <= 0.0)
        span = std::max(std::fabs(r.high), 1.0) * 0.1;
    return Range{r.low == 0.0 ? 0.0 : r.low - 0.08 * span, r.high + 0.08 * span};
}

std::string svg_open(const std::string& title, double height) {
    return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
           num(kWidth) + " " + num(height) + "\" role=\"img\" aria-label=\"" + html_escape(title) +
           "\"><title>" + html_escape(title) + "</title>";
}

std::string text(double x, double y, const std::string& s, const char* anchor,
                 const char* cls = "tick") {
    return "<text class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
           "\" text-anchor=\"" + anchor + "\">" + html_escape(s) + "</text>";
}

/** @brief A tick label with just the decimals the step needs. */
std::string tick_label(double v, double step) {
    int decimals = 0;
    while (decimals < 6 && std::fabs(step * std::pow(10.0, decimals) -
                                     std::round(step * std::pow(10.0, decimals))) > 1e-6) {
        ++decimals;
    }
    if (std::fabs(v) >= 1000.0 && decimals == 0)
        return format_human(v);
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

double tick_step(const std::vector<double>& ticks) {
    return ticks.size() >= 2 ? ticks[1] - ticks[0] : 1.0;
}

std::string y_axis(const Range& r, double top, double bottom, double left, double right,
                   const std::string& unit, std::vector<double>& ticks) {
    std::string out;
    ticks = nice_ticks(r.low, r.high, 5);
    for (double t : ticks) {
        const double y = bottom - (t - r.low) / (r.high - r.low) * (bottom - top);
        out += "<line class=\"grid\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" +
               num(y) + "\" y2=\"" + num(y) + "\"/>";
        out += text(left - 6, y + 4, tick_label(t, tick_step(ticks)), "end");
    }
    out += text(left, top - 10, unit, "start", "unit");
    return out;
}

}  // namespace

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<double> nice_ticks(double low, double high, int count) {
    std::vector<double> ticks;
    if (!(high > low) || count < 2)
        return ticks;
    const double raw = (high - low) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= raw)
            break;
    }
    for (double t = std::ceil(low / step) * step; t <= high + 1e-9 * step; t += step) {
        ticks.push_back(std::fabs(t) < 1e-12 * step ? 0.0 : t);
    }
    return ticks;
}

std::string time_chart_svg(const std::string& title, const std::string& unit,
                           const std::vector<SvgSeries>& series, const TimeAxis& axis) {
    // Counts, shares and money cannot be negative: a band reaching below zero is cut there.
    bool non_negative = true;
    for (const SvgSeries& s : series) {
        for (const ChartPoint& p : s.points)
            non_negative = non_negative && !(p.mean < 0.0);
    }
    auto low_of = [&](const ChartPoint& p) { return non_negative ? std::max(p.low, 0.0) : p.low; };
    Range r;
    for (const SvgSeries& s : series) {
        for (const ChartPoint& p : s.points) {
            r.add(p.mean);
            r.add(low_of(p));
            r.add(p.high);
        }
    }
    r = y_range(r);
    const double left = kLeft;
    const double right = kWidth - kRight;
    const double top = kTop;
    const double bottom = kHeight - kBottom;
    const double days = std::max(axis.days, 1.0);
    auto x_of = [&](double day) { return left + day / days * (right - left); };
    auto y_of = [&](double v) { return bottom - (v - r.low) / (r.high - r.low) * (bottom - top); };

    std::string out = svg_open(title, kHeight);
    if (axis.warmup_days > 0.0) {
        out += "<rect class=\"warmup\" x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" +
               num(x_of(axis.warmup_days) - left) + "\" height=\"" + num(bottom - top) + "\"/>";
        out += text(left + 4, top + 12, "warm-up", "start", "note");
    }
    std::vector<double> ticks;
    out += y_axis(r, top, bottom, left, right, unit, ticks);
    // x ticks: each 1 April (financial years), labelled with the year it starts.
    const long long start = days_from_iso(axis.start_date);
    const int first_year = std::stoi(axis.start_date.substr(0, 4));
    const int years = static_cast<int>(days / 365.0) + 2;
    const int every = years > 12 ? 2 : 1;
    for (int y = first_year; y <= first_year + years; ++y) {
        const double d = static_cast<double>(days_from_iso(std::to_string(y) + "-04-01") - start);
        if (d < 0.0 || d > days)
            continue;
        const double x = x_of(d);
        out += "<line class=\"axis\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" +
               num(bottom) + "\" y2=\"" + num(bottom + 4) + "\"/>";
        if ((y - first_year) % every == 0) {
            const char* anchor = x > right - 24.0 ? "end" : x < left + 24.0 ? "start" : "middle";
            // Many years: the year alone, so that labels never overlap.
            out += text(x, bottom + 16, (years > 7 ? "" : "Apr ") + std::to_string(y), anchor);
        }
    }
    out += "<line class=\"axis\" x1=\"" + num(left) + "\" x2=\"" + num(right) + "\" y1=\"" +
           num(bottom) + "\" y2=\"" + num(bottom) + "\"/>";

    for (const SvgSeries& s : series) {
        const std::string colour = html_escape(s.colour);
        if (s.markers) {
            // Scenarios side by side around the year's middle, so that their bars do not hide
            // each other.
            const double offset = 8.0 * (static_cast<double>(&s - series.data()) -
                                         0.5 * (static_cast<double>(series.size()) - 1.0));
            for (const ChartPoint& p : s.points) {
                const double x = x_of(p.day) + offset;
                if (std::isfinite(p.low) && std::isfinite(p.high)) {
                    out += "<path class=\"errorbar\" stroke=\"" + colour + "\" d=\"M" + num(x) +
                           " " + num(y_of(low_of(p))) + "V" + num(y_of(p.high)) + "M" + num(x - 4) +
                           " " + num(y_of(low_of(p))) + "h8M" + num(x - 4) + " " +
                           num(y_of(p.high)) + "h8\"/>";
                }
                out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y_of(p.mean)) +
                       "\" r=\"3.5\" fill=\"" + colour + "\"/>";
            }
            continue;
        }
        std::string band;
        bool has_band = false;
        for (const ChartPoint& p : s.points) {
            if (std::isfinite(p.high)) {
                band += (band.empty() ? "M" : "L") + num(x_of(p.day)) + " " + num(y_of(p.high));
                has_band = true;
            }
        }
        for (auto it = s.points.rbegin(); it != s.points.rend(); ++it) {
            if (std::isfinite(it->low)) {
                band += "L" + num(x_of(it->day)) + " " + num(y_of(low_of(*it)));
            }
        }
        if (has_band) {
            out += "<path class=\"band\" fill=\"" + colour + "\" d=\"" + band + "Z\"/>";
        }
        std::string line;
        for (const ChartPoint& p : s.points) {
            if (!std::isfinite(p.mean))
                continue;
            line += (line.empty() ? "M" : "L") + num(x_of(p.day)) + " " + num(y_of(p.mean));
        }
        if (!line.empty()) {
            out += "<path class=\"line\" stroke=\"" + colour + "\" d=\"" + line + "\"/>";
        }
    }
    // Legend, top right.
    double lx = right;
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
        const double w = 7.0 * static_cast<double>(it->label.size()) + 22.0;
        lx -= w;
        out += "<rect x=\"" + num(lx) + "\" y=\"" + num(top - 20) +
               "\" width=\"12\" height=\"4\" " + "fill=\"" + html_escape(it->colour) + "\"/>";
        out += text(lx + 16, top - 14, it->label, "start", "legend");
    }
    out += "</svg>";
    return out;
}

std::string interval_chart_svg(const std::string& title, const std::string& unit,
                               const std::vector<SvgInterval>& intervals) {
    Range r;
    for (const SvgInterval& i : intervals) {
        r.add(i.mean);
        r.add(i.low);
        r.add(i.high);
    }
    r = y_range(r);
    const double row = 34.0;
    const double height = kTop + row * static_cast<double>(intervals.size()) + kBottom;
    const double left = 150.0;
    const double right = kWidth - kRight;
    const double top = kTop;
    const double bottom = height - kBottom;
    auto x_of = [&](double v) { return left + (v - r.low) / (r.high - r.low) * (right - left); };
    std::string out = svg_open(title, height);
    const std::vector<double> ticks = nice_ticks(r.low, r.high, 5);
    for (double t : ticks) {
        const double x = x_of(t);
        out += "<line class=\"grid\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top) +
               "\" y2=\"" + num(bottom) + "\"/>";
        out += text(x, bottom + 16, tick_label(t, tick_step(ticks)), "middle");
    }
    out += text(right, height - 4, unit, "end", "unit");
    for (std::size_t k = 0; k < intervals.size(); ++k) {
        const SvgInterval& i = intervals[k];
        const double y = top + row * (static_cast<double>(k) + 0.5);
        const std::string colour = html_escape(i.colour);
        out += text(left - 10, y + 4, i.label, "end", "legend");
        if (std::isfinite(i.low) && std::isfinite(i.high)) {
            out += "<path class=\"errorbar\" stroke=\"" + colour + "\" d=\"M" + num(x_of(i.low)) +
                   " " + num(y) + "H" + num(x_of(i.high)) + "M" + num(x_of(i.low)) + " " +
                   num(y - 6) + "v12M" + num(x_of(i.high)) + " " + num(y - 6) + "v12\"/>";
        }
        if (std::isfinite(i.mean)) {
            out += "<circle cx=\"" + num(x_of(i.mean)) + "\" cy=\"" + num(y) +
                   "\" r=\"5\" fill=\"" + colour + "\"/>";
        }
    }
    out += "</svg>";
    return out;
}

}  // namespace cssim::cli
