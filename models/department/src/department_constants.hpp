#pragma once
/**
 * @file department_constants.hpp
 * @brief Private: the calendar constants of the department model, named once.
 */

namespace cssim::department::detail {

inline constexpr double kDaysPerYear = 365.25;        ///< calendar days in a mean year
inline constexpr double kDaysPerMonth = 30.4375;      ///< kDaysPerYear / 12
inline constexpr double kWorkingDaysPerYear = 252.0;  ///< hazards per year apply per working day

}  // namespace cssim::department::detail
