#pragma once
/**
 * @file calendar_constants.hpp
 * @brief The calendar constants of the department model, named once: the model (through
 * src/department_constants.hpp) and the scenario reader's ranges use these, never the raw numbers.
 */

namespace cssim::department {

/** @brief Calendar days in a mean year. */
inline constexpr double kDaysPerYear = 365.25;
/** @brief Calendar days in a mean month: kDaysPerYear / 12. */
inline constexpr double kDaysPerMonth = kDaysPerYear / 12.0;
/** @brief Working days in a year: hazards per year apply per working day. */
inline constexpr double kWorkingDaysPerYear = 252.0;

static_assert(kDaysPerMonth == 30.4375);

}  // namespace cssim::department
