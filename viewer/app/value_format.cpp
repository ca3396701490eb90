#include "app/value_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cssim::viewer {
namespace {

std::string plain(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string scaled(double v, bool axis) {
    const double a = std::fabs(v);
    if (a >= 1e9)
        return plain(v / 1e9, axis ? 1 : 2) + "bn";
    if (a >= 1e6)
        return plain(v / 1e6, axis ? 1 : 2) + "M";
    if (a >= 1e4)
        return plain(v / 1e3, axis ? 0 : 1) + "k";
    if (a >= 100)
        return plain(v, 0);
    if (a >= 10)
        return plain(v, axis ? 0 : 1);
    if (a == 0.0)
        return "0";
    if (a >= 1)
        return plain(v, axis ? 1 : 2);
    return plain(v, axis ? 2 : 3);
}

}  // namespace

bool is_share_unit(std::string_view unit) {
    return unit == "share" || unit == "fraction" || unit == "proportion";
}

std::string format_value(double value, std::string_view unit) {
    if (!std::isfinite(value))
        return "-";
    if (is_share_unit(unit))
        return plain(100.0 * value, 1) + "%";
    if (unit.rfind("GBP", 0) == 0) {  // "GBP", "GBP per year"...
        return (value < 0 ? "-\xC2\xA3" : "\xC2\xA3") + scaled(std::fabs(value), false);
    }
    return scaled(value, false);
}

std::string format_difference(double value, std::string_view unit) {
    if (!std::isfinite(value))
        return "-";
    const std::string sign = value > 0 ? "+" : value < 0 ? "-" : "";
    if (is_share_unit(unit))
        return sign + plain(100.0 * std::fabs(value), 1) + " pts";
    return sign + format_value(std::fabs(value), unit);
}

std::string format_axis_value(double value, std::string_view unit) {
    if (!std::isfinite(value))
        return "";
    if (value == 0.0)
        return is_share_unit(unit) ? "0%" : "0";
    if (is_share_unit(unit))
        return plain(100.0 * value, std::fabs(value) < 0.1 ? 1 : 0) + "%";
    const std::string body = scaled(std::fabs(value), true);
    const std::string sign = value < 0 ? "-" : "";
    return unit == "GBP" ? sign + "\xC2\xA3" + body : sign + body;
}

std::vector<std::string> format_axis_ticks(const std::vector<double>& ticks,
                                           std::string_view unit) {
    std::vector<std::string> labels;
    for (double v : ticks)
        labels.push_back(format_axis_value(v, unit));
    bool clash = false;
    for (std::size_t i = 1; i < labels.size(); ++i)
        clash = clash || labels[i] == labels[i - 1];
    if (!clash || ticks.size() < 2)
        return labels;
    const bool share = is_share_unit(unit);
    const double step = std::fabs(ticks[1] - ticks[0]) * (share ? 100.0 : 1.0);
    if (!(step > 0.0) || !std::isfinite(step))
        return labels;
    const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 9);
    for (std::size_t i = 0; i < ticks.size(); ++i)
        labels[i] = plain(share ? 100.0 * ticks[i] : ticks[i], decimals) + (share ? "%" : "");
    return labels;
}

}  // namespace cssim::viewer
