#pragma once
/**
 * @file department_demand_calendar.hpp
 * @brief Private: the referral calendar (issue 11 item 4) — each referral source's weight on
 * each day (school terms, weekdays, weekends, bank holidays), normalised to mean 1 over every
 * financial year so the yearly rate stays what `demand.referrals_per_10k_children_per_year`
 * says, and the overdispersed yearly multiplier of the rate.
 *
 * Pure functions of the scenario and the dates (no state of the run): built once per
 * replication, and again when a dated change touches `demand`.
 */
#include <cstddef>
#include <utility>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/time.hpp"
#include "cssim/department/config.hpp"

namespace cssim::department::detail {

/** @brief An inclusive range of dates. */
using DateSpan = std::pair<core::Date, core::Date>;

/**
 * @brief The school holidays of calendar year `year` by the default English rule (inclusive
 * ranges, in date order; weekends inside them included). Christmas until the first Monday on
 * or after 4 January; February half-term, the week whose Monday falls on 11-17 February;
 * Easter, Monday before Easter Sunday to the Friday after Easter Monday; May half-term, the week
 * of the last Monday of May (the spring bank holiday); summer, from the day after the last
 * weekday on or before 22 July until the day before the first weekday on or after 3 September;
 * October half-term, the week of the last Monday of October; Christmas again from the day
 * after the Friday on or before 20 December.
 */
std::vector<DateSpan> english_school_holidays(int year);

/** @brief The financial year (April-March) of a date, named by its starting year. */
inline int financial_year_of(const core::Date& d) {
    return d.month >= 4 ? d.year : d.year - 1;
}

/**
 * @brief The per-day source weights of one run, from day 0 to `days` inclusive.
 *
 * Raw weight of a source on a date: weekday sources 1 on working days, `weekend_factor` on
 * Saturdays and Sundays, `bank_holiday_factor` on weekday bank holidays; school-term sources 1
 * on school days (term-time Monday to Friday that are not bank holidays) and 0 otherwise;
 * every-day sources 1. Each source's raw weights are divided by their mean over the financial
 * year that holds the date (a year in which a source has no day with weight, e.g. a school
 * calendar with no term, keeps weight 0: that source is silent that year).
 */
class ReferralCalendar {
public:
    ReferralCalendar() = default;
    /** @brief Builds the weights for days 0..days after `start` from `demand`. */
    ReferralCalendar(const DemandConfig& demand, const core::Date& start, core::DayIndex days);

    /** @brief Number of sources. */
    std::size_t source_count() const { return sources_; }
    /** @brief share x normalised weight of `source` on `day` (0 outside 0..days). */
    double weight(std::size_t source, core::DayIndex day) const;
    /** @brief The day's multiplier of the referral rate: the sum of weight() over the sources
     * (mean 1 over each financial year). */
    double total(core::DayIndex day) const;
    /** @brief The source of a referral on `day` from one uniform draw `u` in [0, 1): each with
     * probability weight / total (by share when the day's total is 0). */
    std::size_t draw_source(core::DayIndex day, double u) const;

private:
    std::size_t sources_ = 0;
    core::DayIndex days_ = -1;
    std::vector<double> shares_;
    std::vector<double> weights_;  ///< weights_[day * sources_ + s]
    std::vector<double> totals_;
};

/** @brief A gamma-distributed multiplier with mean 1 and coefficient of variation `cv` (one
 * draw from `rng`); exactly 1, with no draw, when cv is 0. */
double draw_yearly_multiplier(double cv, core::RandomStream& rng);

}  // namespace cssim::department::detail
