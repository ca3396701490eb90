#pragma once
/** @file number_format.hpp @brief Human-readable numbers for tables on stdout. */
#include <string>

namespace cssim::cli {

/**
 * @brief About four significant figures, no exponent for everyday magnitudes: 66500 → "66,500",
 * 16.04 → "16.04", 0.3412 → "0.3412", NaN → "undefined". `with_sign` prefixes "+" to positives.
 */
std::string format_human(double value, bool with_sign = false);

}  // namespace cssim::cli
