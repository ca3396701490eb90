#include "cssim/department/run_calendar.hpp"

#include <cmath>

#include "cssim/core/time.hpp"

namespace cssim::department {
namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/** @brief Day number (since the epoch) of the start date moved `whole` calendar years on. */
std::int64_t years_on(const core::Date& start, std::int64_t whole) {
    core::Date d = start;
    d.year = static_cast<int>(start.year + whole);
    if (d.month == 2 && d.day == 29 && !is_leap(d.year)) {
        d.day = 28;
    }
    return d.days_since_epoch();
}

}  // namespace

std::int64_t days_in_years(const std::string& start_date, double years) {
    core::Date start;
    if (!core::Date::parse(start_date, start) || !(years >= 0.0) || years > 100000.0) {
        return 0;
    }
    const double whole = std::floor(years);
    const auto n = static_cast<std::int64_t>(whole);
    const std::int64_t from = start.days_since_epoch();
    const std::int64_t at_whole = years_on(start, n);
    const std::int64_t next_year_days = years_on(start, n + 1) - at_whole;
    const auto part = std::llround((years - whole) * static_cast<double>(next_year_days));
    return at_whole - from + part;
}

double years_for_days(const std::string& start_date, std::int64_t days) {
    core::Date start;
    if (!core::Date::parse(start_date, start) || days <= 0) {
        return 0.0;
    }
    const std::int64_t from = start.days_since_epoch();
    std::int64_t whole = days / 366;  // never past the answer; step up to it
    while (years_on(start, whole + 1) - from <= days) {
        ++whole;
    }
    const std::int64_t rest = days - (years_on(start, whole) - from);
    const std::int64_t year_days = years_on(start, whole + 1) - years_on(start, whole);
    return static_cast<double>(whole) + static_cast<double>(rest) / static_cast<double>(year_days);
}

}  // namespace cssim::department
