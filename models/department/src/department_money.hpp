#pragma once
/**
 * @file department_money.hpp
 * @brief Private: the Money component — the budget, spend by financial year, and the placements
 * of looked-after children (their type and weekly cost) with its own random stream.
 *
 * It owns its state; the other components tell it what was spent (early help) and how many staff
 * were paid each day, and read the financial year to date for the series.
 */
#include <cstdint>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_constants.hpp"
#include "department_outputs.hpp"

namespace cssim::department::detail {

/** @brief The people paid on one day. */
struct PaidStaff {
    double employed = 0.0;  ///< employed social workers (newly qualified included)
    double agency = 0.0;    ///< agency social workers
    int pas = 0;            ///< personal assistants
    double managers = 0.0;  ///< team managers in post
    double health_visitors = 0.0;
};

/** @brief Staff counted at the start, for the default budget. */
struct StaffAtStart {
    int social_worker_posts = 0;
    int pas = 0;
    int managers = 0;
    double health_visitors = 0.0;
};

/**
 * @brief The yearly budget a run starts with: money.budget_per_year when set, else the cost of
 * `staff` employed, early help at capacity and placements for 70 looked-after children per 10,000,
 * times (1 + budget_headroom).
 */
double budget_for(const DepartmentConfig& config, const StaffAtStart& staff);

/** @brief Budget, spend and placements of one replication. */
class Money {
public:
    /** @brief `config` is read when money is spent (it may change at a date). */
    Money(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
          core::RandomStream placements);

    /** @brief Follows a dated change of configuration (the budget is set by set_budget). */
    void on_config_changed(const DepartmentConfig& config) { cfg_ = &config; }

    /** @brief Sets the yearly budget: money.budget_per_year, or what the department costs at
     * the start plus money.budget_headroom. */
    void set_initial_budget(const StaffAtStart& staff);

    /** @brief Multiplies the yearly budget (a funding change). */
    void scale_budget(double factor) { budget_per_year_ *= factor; }

    /** @brief Sets the yearly budget outright (a dated change of money.budget_per_year). */
    void set_budget(double per_year) { budget_per_year_ = per_year; }

    /** @brief Yearly budget now. */
    double budget_per_year() const { return budget_per_year_; }

    /** @brief A one-off cost of prevention (an early-help episode starts). */
    void spend_on_prevention(double amount, bool measuring, Accumulators& acc);

    /** @brief A child becomes looked after: draws the placement type (one draw); -1 if none. */
    int place_child();

    /** @brief The placement `type` ends. */
    void end_placement(int type) { --placement_counts_[static_cast<std::size_t>(type)]; }

    /** @brief One calendar day's pay, placements and budget; restarts the financial year to
     * date on 1 April. */
    void accrue(core::DayIndex day, const PaidStaff& staff, bool measuring, Accumulators& acc);

    /** @brief Spend so far in the current financial year. */
    double year_spend() const { return fy_spend_; }
    /** @brief Budget so far in the current financial year. */
    double year_budget() const { return fy_budget_; }
    /** @brief Children in each placement type now. */
    const std::vector<int>& placement_counts() const { return placement_counts_; }

private:
    const DepartmentConfig* cfg_;
    const core::WorkingCalendar& calendar_;
    core::RandomStream rng_;
    double budget_per_year_ = 0.0;
    std::vector<int> placement_counts_;
    double fy_spend_ = 0.0, fy_budget_ = 0.0;
    core::DayIndex next_financial_year_day_ = 0;  ///< day of the next 1 April
};

}  // namespace cssim::department::detail
