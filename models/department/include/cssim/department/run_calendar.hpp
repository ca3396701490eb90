#pragma once
/**
 * @file run_calendar.hpp
 * @brief How many days `run.years` and `run.warmup_years` are, by the calendar.
 *
 * Whole years are calendar years from the start date (2023-04-01 plus 5 years is 2028-04-01, so
 * a run that starts on 1 April ends on 1 April and its financial years are whole); a fraction of a
 * year is that fraction of the next calendar year's days, rounded to a whole day. A start on
 * 29 February moves to 28 February in years that have none. Every part of cssim that turns years
 * into days (the model, the archive's layout, dated changes, warnings, workshops) uses these.
 */
#include <cstdint>
#include <string>

namespace cssim::department {

/** @brief Days from `start_date` (ISO) to `years` later; 0 if the date does not parse or
 * `years` is negative, NaN or over 100,000 (the scenario reader allows at most 200). */
std::int64_t days_in_years(const std::string& start_date, double years);

/**
 * @brief The inverse: the `years` whose days_in_years from `start_date` is exactly `days`
 * (days >= 0), so a run can be cut at a given day (the workshop's rounds).
 */
double years_for_days(const std::string& start_date, std::int64_t days);

}  // namespace cssim::department
