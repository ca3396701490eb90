#pragma once
/**
 * @file time.hpp
 * @brief Simulation time: integer ticks of one minute, and civil dates.
 *
 * Tick 0 is 00:00 on the scenario's start date. Day index d covers ticks
 * [d * kTicksPerDay, (d + 1) * kTicksPerDay). Integer time keeps runs bit-reproducible and makes
 * "45 working days" exact.
 */
#include <cstdint>
#include <string>

namespace cssim::core {

/** @brief Simulation time in minutes since the start date (tick 0 = 00:00 on day 0). */
using Tick = std::int64_t;
/** @brief A whole-day index since the start date (day 0 = the start date). */
using DayIndex = std::int64_t;

inline constexpr Tick kTicksPerMinute = 1;
inline constexpr Tick kTicksPerHour = 60;
inline constexpr Tick kTicksPerDay = 24 * kTicksPerHour;
inline constexpr Tick kTicksPerWeek = 7 * kTicksPerDay;
/** @brief Largest representable time; used as "never". */
inline constexpr Tick kTickMax = INT64_MAX;

/** @brief The day that contains tick t (floor division, so negative ticks work too). */
constexpr DayIndex day_of(Tick t) {
    return t >= 0 ? t / kTicksPerDay : -((-t + kTicksPerDay - 1) / kTicksPerDay);
}
/** @brief The first tick (00:00) of day d. */
constexpr Tick start_of_day(DayIndex d) {
    return d * kTicksPerDay;
}
namespace detail {
/** @brief ticks_from_days for NaN (0) and magnitudes of 2^62 ticks or more (saturated). */
Tick ticks_from_large(double ticks);
}  // namespace detail

/**
 * @brief Converts a duration in (possibly fractional) days to ticks, rounding to nearest with
 * halves away from zero (exactly std::round), saturating at the Tick range; NaN gives 0.
 *
 * Inline because every sampled delay passes through it: the usual magnitudes truncate with one
 * conversion and correct by the remainder, which is exact (for |t| < 2^53 the truncated value
 * is representable and t minus it has t's own precision; above that t is already whole), so
 * this equals std::round without a libm call.
 */
inline Tick ticks_from_days(double days) {
    const double ticks = days * static_cast<double>(kTicksPerDay);
    constexpr double kFastLimit = 4611686018427387904.0;  // 2^62; NaN fails both comparisons
    if (ticks > -kFastLimit && ticks < kFastLimit) {
        const Tick whole = static_cast<Tick>(ticks);  // toward zero
        const double rest = ticks - static_cast<double>(whole);
        // Branch-free: the remainder's sign and size are random, so a branch mispredicts
        // half the time (measured: that made it twice as slow as the libm call it replaces).
        return whole + static_cast<Tick>(rest >= 0.5) - static_cast<Tick>(rest <= -0.5);
    }
    return detail::ticks_from_large(ticks);
}
/** @brief Converts ticks to fractional days. */
constexpr double days_from_ticks(Tick t) {
    return static_cast<double>(t) / kTicksPerDay;
}

/** @brief Day of the week, Monday = 0 ... Sunday = 6 (ISO order). */
enum class Weekday : int { Monday = 0, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

/** @brief A proleptic Gregorian calendar date. Invariant: a valid date when built by parse/of. */
struct Date {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31

    /** @brief Days since 1970-01-01 (negative before). */
    std::int64_t days_since_epoch() const;
    /** @brief The date that is n days after 1970-01-01. */
    static Date from_days_since_epoch(std::int64_t n);
    /** @brief Parses "YYYY-MM-DD"; returns false (and leaves out untouched) when invalid. */
    static bool parse(const std::string& text, Date& out);
    /** @brief True when year/month/day name a real date. */
    bool is_valid() const;
    Weekday weekday() const;
    /** @brief "YYYY-MM-DD". */
    std::string to_string() const;

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace cssim::core
