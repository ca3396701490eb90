#include "number_format.hpp"

#include <cmath>
#include <cstdio>

namespace cssim::cli {

std::string format_human(double value, bool with_sign) {
    if (std::isnan(value)) {
        return "undefined";  // a metric with no defined value (e.g. a share of nothing)
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    const double magnitude = std::fabs(value);
    char buffer[64];
    if (magnitude >= 1e9 || (magnitude > 0 && magnitude < 1e-4)) {
        std::snprintf(buffer, sizeof buffer, with_sign ? "%+.3e" : "%.3e", value);
        return buffer;
    }
    if (magnitude >= 1000) {
        // Thousands separators for money and counts.
        std::snprintf(buffer, sizeof buffer, "%.0f", std::fabs(value));
        std::string digits = buffer;
        std::string grouped;
        const int n = static_cast<int>(digits.size());
        for (int i = 0; i < n; ++i) {
            grouped += digits[static_cast<std::size_t>(i)];
            if ((n - i - 1) % 3 == 0 && i != n - 1) {
                grouped += ',';
            }
        }
        const char* sign = value < 0 ? "-" : (with_sign ? "+" : "");
        return sign + grouped;
    }
    const int decimals = magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3 : 4;
    std::snprintf(buffer, sizeof buffer, with_sign ? "%+.*f" : "%.*f", decimals, value);
    return buffer;
}

std::string format_interval(double low, double high, bool with_sign) {
    if (!std::isfinite(low) || !std::isfinite(high)) {
        return "n/a";
    }
    return "[" + format_human(low, with_sign) + ", " + format_human(high, with_sign) + "]";
}

std::string display_unit(const std::string& unit) {
    std::string out = unit;
    const auto replace = [&out](const std::string& from, const std::string& to) {
        const std::size_t at = out.find(from);
        if (at != std::string::npos) {
            out.replace(at, from.size(), to);
        }
    };
    replace("GBP", "£");
    replace("per 10k children", "per 10k");
    replace(" per year", "/year");
    replace(" per week", "/week");
    return out;
}

}  // namespace cssim::cli
