#pragma once
/** @file number_format.hpp @brief Human-readable numbers for tables on stdout. */
#include <string>

namespace cssim::cli {

/**
 * @brief About four significant figures, no exponent for everyday magnitudes: 66500 → "66,500",
 * 16.04 → "16.04", 0.3412 → "0.3412", NaN → "undefined". `with_sign` prefixes "+" to positives.
 */
std::string format_human(double value, bool with_sign = false);

/** @brief "[low, high]" with format_human, or "n/a" when either bound is not finite (one
 * replication gives no interval). */
std::string format_interval(double low, double high, bool with_sign = false);

/** @brief A metric's unit as a table prints it: "GBP per year" → "£/year", "per 10k children"
 * → "per 10k", "per FTE per year" → "per FTE/year"; others unchanged. */
std::string display_unit(const std::string& unit);

}  // namespace cssim::cli
