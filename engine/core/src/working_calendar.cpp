#include "cssim/core/working_calendar.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <utility>

namespace cssim::core {

namespace {

bool is_weekend(const Date& d) {
    const Weekday w = d.weekday();
    return w == Weekday::Saturday || w == Weekday::Sunday;
}

Date add_days(const Date& d, std::int64_t n) {
    return Date::from_days_since_epoch(d.days_since_epoch() + n);
}

// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
Date easter_sunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

Date first_monday(int year, int month) {
    Date d{year, month, 1};
    const int offset = (7 - static_cast<int>(d.weekday())) % 7;  // Monday = 0
    d.day += offset;
    return d;
}

Date last_monday(int year, int month) {
    const Date first_of_next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
    const Date last = add_days(first_of_next, -1);
    return add_days(last, -static_cast<int>(last.weekday()));
}

// Moves a holiday that falls at a weekend, or on a day already taken by an earlier holiday, to
// the next weekday that is free (the statutory "substitute day").
Date substitute(Date d, const std::vector<Date>& taken) {
    while (is_weekend(d) || std::find(taken.begin(), taken.end(), d) != taken.end()) {
        d = add_days(d, 1);
    }
    return d;
}

// One-off changes by royal proclamation. `moved_from` empty (year 0) means an extra holiday.
struct OneOff {
    Date moved_from;  ///< the rule-based holiday that did not happen (year 0: none)
    Date holiday;     ///< the day that was a holiday instead or in addition
};
constexpr std::array<OneOff, 13> kOneOffs{{
    {{0, 1, 1}, {1981, 7, 29}},     // wedding of the Prince of Wales
    {{1995, 5, 1}, {1995, 5, 8}},   // early May moved for the 50th anniversary of VE day
    {{0, 1, 1}, {1999, 12, 31}},    // millennium
    {{2002, 5, 27}, {2002, 6, 4}},  // spring moved for the Golden Jubilee...
    {{0, 1, 1}, {2002, 6, 3}},      // ...and the Golden Jubilee itself
    {{0, 1, 1}, {2011, 4, 29}},     // royal wedding
    {{2012, 5, 28}, {2012, 6, 4}},  // spring moved for the Diamond Jubilee...
    {{0, 1, 1}, {2012, 6, 5}},      // ...and the Diamond Jubilee itself
    {{2020, 5, 4}, {2020, 5, 8}},   // early May moved to Friday for the 75th VE day
    {{2022, 5, 30}, {2022, 6, 2}},  // spring moved to Thursday for the Platinum Jubilee
    {{0, 1, 1}, {2022, 6, 3}},      // ...and the Platinum Jubilee itself
    {{0, 1, 1}, {2022, 9, 19}},     // state funeral of Queen Elizabeth II
    {{0, 1, 1}, {2023, 5, 8}},      // coronation of King Charles III
}};

/// Days in `month` of `year`.
int calendar_month_days(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

/// The day after `d`.
Date calendar_next_date(Date d) {
    if (d.day < calendar_month_days(d.year, d.month)) {
        ++d.day;
    } else if (d.month < 12) {
        d.day = 1;
        ++d.month;
    } else {
        d = Date{d.year + 1, 1, 1};
    }
    return d;
}

/// The year's bank holidays, kept for the year last asked (per thread: the calendars are shared
/// between threads), so a walk past the table does not rebuild them for every day it passes.
const std::vector<Date>& calendar_holidays_of(int year) {
    thread_local int cached_year = 0;
    thread_local std::vector<Date> cached;
    thread_local bool filled = false;
    if (!filled || cached_year != year) {
        cached = bank_holidays(year);
        cached_year = year;
        filled = true;
    }
    return cached;
}

bool calendar_is_working_date(const Date& date) {
    if (is_weekend(date)) {
        return false;
    }
    const std::vector<Date>& holidays = calendar_holidays_of(date.year);
    return !std::binary_search(holidays.begin(), holidays.end(), date);
}

}  // namespace

std::vector<Date> bank_holidays(int year) {
    std::vector<Date> days;
    days.push_back(substitute(Date{year, 1, 1}, days));
    const Date easter = easter_sunday(year);
    days.push_back(add_days(easter, -2));  // Good Friday
    days.push_back(add_days(easter, 1));   // Easter Monday
    if (year >= 1978) {
        days.push_back(first_monday(year, 5));  // early May bank holiday, since 1978
    }
    days.push_back(last_monday(year, 5));  // spring bank holiday
    days.push_back(last_monday(year, 8));  // summer bank holiday
    days.push_back(substitute(Date{year, 12, 25}, days));
    days.push_back(substitute(Date{year, 12, 26}, days));

    for (const OneOff& change : kOneOffs) {
        if (change.holiday.year != year) {
            continue;
        }
        if (change.moved_from.year != 0) {
            days.erase(std::remove(days.begin(), days.end(), change.moved_from), days.end());
        }
        days.push_back(change.holiday);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool is_bank_holiday(const Date& date) {
    const std::vector<Date> days = bank_holidays(date.year);
    return std::binary_search(days.begin(), days.end(), date);
}

WorkingCalendar::WorkingCalendar(Date start, int years)
    : start_(start), start_epoch_day_(start.days_since_epoch()) {
    if (!start.is_valid()) {
        throw std::invalid_argument("WorkingCalendar: start date " + start.to_string() +
                                    " is not a valid date");
    }
    if (years < 1) {
        years = 1;
    }
    const std::size_t span = static_cast<std::size_t>(years) * 366;
    std::vector<std::int32_t> cumulative(span + 1, 0);
    int cached_year = start.year - 1;
    std::vector<Date> holidays;
    std::int32_t count = 0;
    std::vector<std::int32_t> working_days;
    working_days.reserve(span * 5 / 7 + 1);
    for (std::size_t d = 0; d < span; ++d) {
        const Date date = Date::from_days_since_epoch(start_epoch_day_ + static_cast<int>(d));
        if (date.year != cached_year) {
            cached_year = date.year;
            holidays = bank_holidays(cached_year);
        }
        if (!is_weekend(date) && !std::binary_search(holidays.begin(), holidays.end(), date)) {
            ++count;
            working_days.push_back(static_cast<std::int32_t>(d));
        }
        cumulative[d + 1] = count;
    }
    table_ = std::make_shared<const std::vector<std::int32_t>>(std::move(cumulative));
    working_days_ = std::make_shared<const std::vector<std::int32_t>>(std::move(working_days));
}

WorkingCalendar WorkingCalendarCache::get(Date start, int years) {
    const Key key{start.days_since_epoch(), years};
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [k, calendar] : entries_) {
        if (k == key) {
            return calendar;
        }
    }
    if (entries_.size() >= kMaxEntries) {
        entries_.clear();  // a sweep over many start dates: keep the memory bounded
    }
    entries_.emplace_back(key, WorkingCalendar(start, years));
    return entries_.back().second;
}

Date WorkingCalendar::date_of(DayIndex day) const {
    return Date::from_days_since_epoch(start_epoch_day_ + day);
}

DayIndex WorkingCalendar::day_index_of(const Date& date) const {
    return date.days_since_epoch() - start_epoch_day_;
}

Weekday WorkingCalendar::weekday(DayIndex day) const {
    return date_of(day).weekday();
}

bool WorkingCalendar::is_working_day(DayIndex day) const {
    if (day >= 0 && day + 1 < static_cast<DayIndex>(table_->size())) {
        return (*table_)[static_cast<std::size_t>(day) + 1] !=
               (*table_)[static_cast<std::size_t>(day)];
    }
    return calendar_is_working_date(date_of(day));
}

DayIndex WorkingCalendar::next_working_day(DayIndex day) const {
    // At most a few days: the longest run of non-working days is a long Christmas weekend.
    while (!is_working_day(day)) {
        ++day;
    }
    return day;
}

DayIndex WorkingCalendar::add_working_days(DayIndex day, int n) const {
    if (n < 0) {
        throw std::invalid_argument("WorkingCalendar::add_working_days: n must be >= 0");
    }
    if (n == 0) {
        return next_working_day(day);
    }
    const DayIndex table_days = static_cast<DayIndex>(table_->size()) - 1;
    if (day >= 0 && day < table_days) {
        // Smallest d > day with table[d + 1] - table[day + 1] == n: the working day whose count
        // from the start (itself included) is table[day + 1] + n.
        const std::int64_t target =
            static_cast<std::int64_t>((*table_)[static_cast<std::size_t>(day) + 1]) + n;
        if (target <= static_cast<std::int64_t>(working_days_->size())) {
            return (*working_days_)[static_cast<std::size_t>(target - 1)];
        }
    }
    // Outside the table: walk day by day (exact, only slower), the date and weekday carried
    // along and the year's holidays looked up once a year; whole years at a time while the
    // working days left in the year are fewer than those still to add.
    int remaining = n;
    Date date = date_of(day);
    int wday = static_cast<int>(date.weekday());  // Monday 0 .. Sunday 6
    int year_checked = date.year - 1;             // the year whose rest was last weighed for a skip
    while (remaining > 0) {
        const Date year_end{date.year, 12, 31};
        const std::int64_t days_left =
            date.year != year_checked ? year_end.days_since_epoch() - (start_epoch_day_ + day) : 0;
        year_checked = date.year;
        if (days_left > 0) {
            // Working days in (day, 31 December]: weekdays less the holidays among them.
            std::int64_t weekdays = days_left / 7 * 5;
            for (std::int64_t k = 1; k <= days_left % 7; ++k) {
                weekdays += (wday + k) % 7 < 5 ? 1 : 0;
            }
            for (const Date& h : calendar_holidays_of(date.year)) {
                weekdays -= h > date && !is_weekend(h) ? 1 : 0;
            }
            if (weekdays < remaining) {
                remaining -= static_cast<int>(weekdays);
                day += days_left;
                date = year_end;
                wday = static_cast<int>((wday + days_left) % 7);
                continue;
            }
        }
        ++day;
        date = calendar_next_date(date);
        wday = (wday + 1) % 7;
        if (wday < 5) {
            const std::vector<Date>& holidays = calendar_holidays_of(date.year);
            if (!std::binary_search(holidays.begin(), holidays.end(), date)) {
                --remaining;
            }
        }
    }
    return day;
}

std::int64_t WorkingCalendar::working_days_between(DayIndex from, DayIndex to) const {
    if (to <= from) {
        return 0;
    }
    const DayIndex table_days = static_cast<DayIndex>(table_->size()) - 1;
    if (from >= -1 && to < table_days) {
        return (*table_)[static_cast<std::size_t>(to + 1)] -
               (*table_)[static_cast<std::size_t>(from + 1)];
    }
    std::int64_t count = 0;
    for (DayIndex d = from + 1; d <= to; ++d) {
        if (is_working_day(d)) {
            ++count;
        }
    }
    return count;
}

int WorkingCalendar::financial_year(DayIndex day) const {
    const Date date = date_of(day);
    return date.month >= 4 ? date.year : date.year - 1;
}

DayIndex WorkingCalendar::financial_year_start(int fy) const {
    return day_index_of(Date{fy, 4, 1});
}

}  // namespace cssim::core
