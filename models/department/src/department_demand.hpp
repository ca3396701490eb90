#pragma once
/**
 * @file department_demand.hpp
 * @brief Private: the Demand component — new referrals (mechanism 1): the referral process
 * (monthly rates from the base rate, seasonality, trend, shocks and the prevention lost earlier;
 * within each month, daily rates from the referral calendar and the financial year's
 * overdispersed multiplier), each referral's source and need.
 *
 * Demand owns the streams "referrals" (arrival times), "need" (one draw per referral),
 * "referral_rate" (one multiplier per financial year) and "referral_source" (one draw per
 * referral when sources are set), the process and its generation (a dated change replaces the
 * process; referrals drawn from the old one are dropped), the referral calendar and the daily
 * count of new referrals by source. It schedules kReferral events on the replication's
 * simulation; Model forwards them back. It asks the rest of the model through a DemandHost for
 * prevention's effect on the rate and the need mix and for the day of a date. Re-referrals are
 * drawn where a case closes (department_pathway.cpp, stream "re_referral").
 */
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_demand_calendar.hpp"

namespace cssim::department::detail {

/** @brief What the Demand component asks of the rest of the model. */
class DemandHost {
public:
    /** @brief Prevention lost earlier returning as demand: the rate factor of the month from
     * `segment_start` (mid-month `mid_day`), advancing prevention's lagged state. */
    virtual double demand_prevention_factor(core::DayIndex segment_start, double mid_day) = 0;
    /** @brief Prevention's gap on `day` (shifts the need mix of new referrals). */
    virtual double demand_prevention_gap(core::DayIndex day) const = 0;
    /** @brief The day index of an ISO date (throws on a bad date). */
    virtual core::DayIndex demand_day_of(const std::string& iso) const = 0;

protected:
    ~DemandHost() = default;
};

/** @brief New referrals of one replication. */
class Demand {
public:
    /** @brief The streams of the replication; `config` may change at a date. */
    Demand(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
           core::Simulation& sim, DemandHost& host, std::uint64_t master_seed,
           std::uint64_t replication);
    /** @brief Follows a dated change of configuration (rebuild() applies it to the process). */
    void on_config_changed(const DepartmentConfig& config) { cfg_ = &config; }
    /** @brief Day 0: every financial year's multiplier to `end_day` (and the month after), and
     * the referral process. */
    void initialise(core::DayIndex end_day);
    /** @brief A dated change on `day` touched demand, population or prevention: years from the
     * next one redraw their multipliers if the cv changed, the process is rebuilt and the next
     * referral is drawn afresh (memoryless; the one drawn under the old rate is dropped). */
    void rebuild(core::DayIndex day);
    /** @brief Schedules the next referral after now (none at or after the horizon). */
    void schedule_next();
    /** @brief The expected number of referrals on days [0, end_day). */
    double expected_referrals(core::DayIndex end_day) const;
    /** @brief Event kReferral with `payload`: false when the process it was drawn from has been
     * replaced; otherwise its source is drawn and counted on `day`. */
    bool accept(std::uint64_t payload, core::DayIndex day);
    /** @brief The need of a new referral on `day`: one draw of "need" whatever prevention's
     * shift of the mix. */
    int draw_need(core::DayIndex day);
    /** @brief The sources with a daily series (day 0's). */
    const std::vector<std::string>& source_names() const { return source_names_; }
    /** @brief Today's new referrals per source series (the snapshot reads and resets them). */
    std::vector<int>& day_source_referrals() { return day_source_referrals_; }

private:
    void draw_yearly_multipliers(int from_fy);
    void build_process();

    const DepartmentConfig* cfg_;
    const core::WorkingCalendar& calendar_;
    core::Simulation& sim_;
    DemandHost& host_;
    core::RandomStream rng_referrals_, rng_need_, rng_rate_, rng_source_;
    core::DayIndex end_day_ = 0;
    core::PiecewisePoissonProcess process_;
    std::uint64_t generation_ = 0;           ///< bumped when a change rebuilds the process
    ReferralCalendar referral_calendar_;     ///< source weights by day (school terms, weekdays)
    std::vector<double> yearly_multiplier_;  ///< by financial year from first_fy_
    int first_fy_ = 0;
    double yearly_cv_ = 0.0;                 ///< the cv the multipliers were drawn with
    std::vector<int> day_source_referrals_;  ///< new referrals today, per series slot
    std::vector<std::string> source_names_;  ///< the sources with a series (day 0's)
    std::vector<int> source_slot_;           ///< current source -> its slot in source_names_, or -1
};

}  // namespace cssim::department::detail
