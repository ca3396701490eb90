/**
 * @file department_money.cpp
 * @brief The Money component (mechanism 9): budget, spend by financial year, placements.
 */
#include "department_money.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "cssim/department/department.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {
namespace {

/// Looked-after children per 10,000 children at the start, for the default budget (DfE CLA 2024).
constexpr double kLookedAfterPer10k = 70.0;

}  // namespace

Money::Money(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
             core::RandomStream placements)
    : cfg_(&config),
      calendar_(calendar),
      rng_(std::move(placements)),
      placement_counts_(config.money.placements.size(), 0) {}

double budget_for(const DepartmentConfig& config, const StaffAtStart& staff) {
    const MoneyConfig& m = config.money;
    if (m.budget_per_year > 0.0) {
        return m.budget_per_year;
    }
    double early_help_days = 120.0 * 7.0 / 5.0;
    for (const PathwayStage& s : config.pathway.stages) {
        if (s.kind == StageKind::EarlyHelp) {
            early_help_days = std::max(1.0, s.duration_wd.mean() * 7.0 / 5.0);
            break;
        }
    }
    double weekly_placement = 0.0;
    for (const PlacementType& t : m.placements) {
        weekly_placement += t.share * t.weekly_cost;
    }
    const double looked_after = kLookedAfterPer10k * config.population.children / 10000.0;
    return (staff.social_worker_posts * m.employed_social_worker_cost + staff.pas * m.pa_cost +
            staff.health_visitors * config.prevention.health_visitor_cost +
            staff.managers * m.manager_cost +
            config.front_door.screening_fte * m.front_door_fte_cost +
            config.early_help.capacity_families * config.early_help.cost_per_family * kDaysPerYear /
                early_help_days +
            looked_after * weekly_placement * kDaysPerYear / 7.0) *
           (1.0 + m.budget_headroom);
}

void Money::set_initial_budget(const StaffAtStart& staff) {
    budget_per_year_ = budget_for(*cfg_, staff);
}

void Money::spend_on_prevention(double amount, bool measuring, Accumulators& acc) {
    fy_spend_ += amount;
    if (measuring) {
        acc.spend += amount;
        acc.prevention_spend += amount;
    }
}

int Money::place_child() {
    if (placement_counts_.empty()) {
        return -1;
    }
    const std::vector<PlacementType>& types = cfg_->money.placements;
    double u = rng_.uniform01();
    int chosen = static_cast<int>(types.size()) - 1;
    for (std::size_t i = 0; i < types.size(); ++i) {
        u -= types[i].share;
        if (u < 0.0) {
            chosen = static_cast<int>(i);
            break;
        }
    }
    ++placement_counts_[static_cast<std::size_t>(chosen)];
    return chosen;
}

void Money::accrue(core::DayIndex day, const PaidStaff& staff, bool measuring, Accumulators& acc) {
    const MoneyConfig& m = cfg_->money;
    if (day >= next_financial_year_day_) {
        // 1 April: the spend and budget "to date" series restart with the financial year.
        fy_spend_ = 0.0;
        fy_budget_ = 0.0;
        next_financial_year_day_ =
            calendar_.financial_year_start(calendar_.financial_year(day) + 1);
    }
    double placements = 0.0;
    for (std::size_t i = 0; i < placement_counts_.size(); ++i) {
        placements += placement_counts_[i] * m.placements[i].weekly_cost / 7.0;
    }
    const double per_day = 1.0 / kDaysPerYear;
    const double health_visiting =
        staff.health_visitors * cfg_->prevention.health_visitor_cost * per_day;
    // The staff lines, each a day's pay: summed in this order so that spend is what it was
    // before they were counted apart (outputs byte-identical).
    const double employed = staff.employed * m.employed_social_worker_cost;
    const double agency = staff.agency * m.agency_social_worker_cost;
    const double pas = staff.pas * m.pa_cost;
    const double managers = staff.managers * m.manager_cost;
    const double front_door = cfg_->front_door.screening_fte * m.front_door_fte_cost;
    const double spend =
        (employed + agency + pas + managers + front_door) * per_day + placements + health_visiting;
    if (measuring) {
        acc.prevention_spend += health_visiting;
        acc.employed_social_worker_spend += employed * per_day;
        acc.agency_social_worker_spend += agency * per_day;
        acc.pa_spend += pas * per_day;
        acc.manager_spend += managers * per_day;
        acc.front_door_spend += front_door * per_day;
        acc.placement_spend += placements;
    }
    const double budget = budget_per_year_ * per_day;
    fy_spend_ += spend;
    fy_budget_ += budget;
    if (measuring) {
        acc.spend += spend;
        acc.budget += budget;
    }
}

}  // namespace cssim::department::detail

namespace cssim::department {

int team_manager_posts(const DepartmentConfig& config) {
    const int posts =
        std::max(0, static_cast<int>(std::lround(config.workforce.social_worker_posts)));
    std::vector<int> stage_team;
    const std::vector<detail::TeamLayout> teams = detail::plan_teams(config, posts, stage_team);
    return teams.empty() ? 0 : teams.back().end_manager;
}

double planned_budget_per_year(const DepartmentConfig& config) {
    // The staff a run counts out at day 0 (Model::initialise_posts and the model's constructor).
    detail::StaffAtStart staff;
    staff.social_worker_posts =
        std::max(0, static_cast<int>(std::lround(config.workforce.social_worker_posts)));
    staff.pas = detail::pa_posts_for(config, staff.social_worker_posts);
    staff.managers = team_manager_posts(config);  // per team, as the model counts them
    staff.health_visitors = config.prevention.enabled ? config.prevention.health_visitors : 0.0;
    return detail::budget_for(config, staff);
}

}  // namespace cssim::department
