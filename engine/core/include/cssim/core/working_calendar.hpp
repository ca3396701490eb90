#pragma once
/**
 * @file working_calendar.hpp
 * @brief Working days (Mon-Fri less England and Wales bank holidays) relative to a start date.
 *
 * Statutory timescales are in working days ("an assessment within 45 working days", "visits every
 * 10 working days"), so the model needs exact working-day arithmetic. Bank holidays follow the
 * statutory rules (New Year's Day, Good Friday, Easter Monday, the early May, spring and summer
 * bank holidays, Christmas Day, Boxing Day, with substitute days when they fall at a weekend) and a
 * table of one-off changes proclaimed by royal proclamation (e.g. 2012 and 2022 jubilees, 2020 VE
 * day, 2022 state funeral, 2023 coronation).
 */
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "cssim/core/time.hpp"

namespace cssim::core {

/** @brief True when `date` is an England and Wales bank holiday. */
bool is_bank_holiday(const Date& date);
/** @brief Every England and Wales bank holiday in `year`, in date order. */
std::vector<Date> bank_holidays(int year);

/**
 * @brief Working-day arithmetic anchored at a start date (day index 0).
 *
 * Precomputes a table of working days for a span of years after the start, so every query is
 * O(1). Queries outside the table are computed directly (slower, still exact).
 * The table is immutable and shared: copies are cheap (one shared pointer) and may be used from
 * any number of threads at once.
 */
class WorkingCalendar {
public:
    /** @brief `years` is how far ahead lookups are fast; later days still work. */
    explicit WorkingCalendar(Date start, int years = 60);

    const Date& start() const { return start_; }
    Date date_of(DayIndex day) const;
    DayIndex day_index_of(const Date& date) const;
    Weekday weekday(DayIndex day) const;
    bool is_working_day(DayIndex day) const;

    /**
     * @brief The working day that is n working days after `day` (n >= 0).
     * With n == 0 returns `day` if it is a working day, else the next working day.
     */
    DayIndex add_working_days(DayIndex day, int n) const;
    /** @brief The first working day on or after `day`. */
    DayIndex next_working_day(DayIndex day) const;
    /**
     * @brief Working days in the half-open span (from, to]: how many working days have elapsed
     * from `from` to `to`. Zero when to <= from.
     */
    std::int64_t working_days_between(DayIndex from, DayIndex to) const;

    /** @brief Financial year (April-March) that contains `day`, named by its starting year. */
    int financial_year(DayIndex day) const;
    /** @brief Day index of 1 April of financial year `fy`. */
    DayIndex financial_year_start(int fy) const;

private:
    Date start_;
    std::int64_t start_epoch_day_;
    /// (*table_)[d] = working days in days [0, d); sized years*366+1. Never null, never mutated.
    std::shared_ptr<const std::vector<std::int32_t>> table_;
    /// (*working_days_)[k] = the day index of the (k+1)-th working day of the table's span, so
    /// add_working_days is one lookup. Never null, never mutated.
    std::shared_ptr<const std::vector<std::int32_t>> working_days_;
};

/**
 * @brief Builds each (start date, years) calendar once and hands out copies that share its table,
 * so replications and threads stop rebuilding the same table. Thread-safe; holds at most
 * kMaxEntries calendars (then starts afresh). An object, not a global: its owner decides how long
 * the calendars live.
 */
class WorkingCalendarCache {
public:
    static constexpr std::size_t kMaxEntries = 64;
    /** @brief The calendar WorkingCalendar(start, years) would build, built at most once. */
    WorkingCalendar get(Date start, int years);

private:
    using Key = std::pair<std::int64_t, int>;  ///< (start as days since the epoch, years)
    std::mutex mutex_;
    std::vector<std::pair<Key, WorkingCalendar>> entries_;
};

}  // namespace cssim::core
