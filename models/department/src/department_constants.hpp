#pragma once
/**
 * @file department_constants.hpp
 * @brief Private: the calendar constants of the department model (public in
 * cssim/department/calendar_constants.hpp), under the names the model's sources use.
 */
#include "cssim/department/calendar_constants.hpp"

namespace cssim::department::detail {

using cssim::department::kDaysPerMonth;        ///< kDaysPerYear / 12
using cssim::department::kDaysPerYear;         ///< calendar days in a mean year
using cssim::department::kWorkingDaysPerYear;  ///< hazards per year apply per working day

}  // namespace cssim::department::detail
