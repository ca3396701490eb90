#pragma once
/**
 * @file civil_date.hpp
 * @brief ISO dates (YYYY-MM-DD) to and from day numbers, for labelling the viewer's clock.
 *
 * Day numbers count days since 1970-01-01 in the proleptic Gregorian calendar, so that two runs
 * with different start dates can be put on one calendar axis.
 */
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cssim::viewer {

/** @brief Days since 1970-01-01 of an ISO date "YYYY-MM-DD", or nullopt if it is not one. */
std::optional<std::int64_t> day_number_from_iso_date(std::string_view iso_date);

/** @brief The ISO date "YYYY-MM-DD" of a day number (days since 1970-01-01). */
std::string iso_date_from_day_number(std::int64_t day_number);

/** @brief Short label "Mar 2019" for axis ticks. */
std::string month_year_label(std::int64_t day_number);

}  // namespace cssim::viewer
