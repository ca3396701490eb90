#include "cssim/core/time.hpp"

#include <cmath>
#include <cstdio>

namespace cssim::core {

Tick detail::ticks_from_large(double unrounded) {
    const double ticks = std::round(unrounded);
    // Saturate rather than overflow: 2^63 is exactly representable as a double.
    if (std::isnan(ticks)) {
        return 0;
    }
    if (ticks >= 9223372036854775808.0) {
        return kTickMax;
    }
    if (ticks <= -9223372036854775808.0) {
        return INT64_MIN;
    }
    return static_cast<Tick>(ticks);
}

namespace {

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Floor division for the era arithmetic below (C++ division truncates towards zero).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

}  // namespace

// Civil-date <-> day-count conversion in 400-year eras (146097 days each), with years starting
// on 1 March so that the leap day is the last day of the computational year.
std::int64_t Date::days_since_epoch() const {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t year_of_era = y - era * 400;                            // [0, 399]
    const std::int64_t shifted_month = month > 2 ? month - 3 : month + 9;      // March = 0
    const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;  // [0, 365]
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
    return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

Date Date::from_days_since_epoch(std::int64_t n) {
    const std::int64_t z = n + 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
    Date d;
    d.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    d.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

bool Date::is_valid() const {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool Date::parse(const std::string& text, Date& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int fields[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (int i = 0; i < lengths[f]; ++i) {
            const char c = text[static_cast<std::size_t>(starts[f] + i)];
            if (c < '0' || c > '9') {
                return false;
            }
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const Date candidate{fields[0], fields[1], fields[2]};
    if (!candidate.is_valid()) {
        return false;
    }
    out = candidate;
    return true;
}

Weekday Date::weekday() const {
    // 1970-01-01 was a Thursday (ISO index 3).
    const std::int64_t w = (days_since_epoch() % 7 + 7 + 3) % 7;
    return static_cast<Weekday>(w);
}

std::string Date::to_string() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace cssim::core
