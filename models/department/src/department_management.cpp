/**
 * @file department_management.cpp
 * @brief Team managers and supervision (issue 7; seed 001's "significant levels of management
 * sick leave" and "lack of appropriate escalation").
 *
 * One manager post per team. Managers fall sick and resign as hazards, and vacancies take
 * months to fill: the staff-post lifecycle the social worker posts share (staff_post.hpp), with
 * the managers' own rates and stream. A present manager supervises their own team and can stretch
 * to cover part of an absent colleague's team (teams_per_manager_max) at cover_supervision_share of
 * the depth; supervision of a team is the share of a manager it gets, 0 to 1. Supervision enters
 * the quality hazards (risk missed), the assessment decision (a rushed error stands) and stress
 * (the day process).
 */
#include "department_management.hpp"

#include <algorithm>
#include <cmath>

#include "department_constants.hpp"

namespace cssim::department::detail {
namespace {

std::string manager_label(int index) {
    return "TM " + std::to_string(index + 1);
}

}  // namespace

Management::Management(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
                       core::Simulation& sim, Outputs& outputs, core::RandomStream management)
    : cfg_(&config),
      sim_(sim),
      staff_(calendar, sim, StaffEventKinds{kManagerBack, kManagerLeaves, kManagerHire}),
      outputs_(outputs),
      rng_(std::move(management)) {}

void Management::initialise(int teams) {
    Manager filled;
    filled.contract = Contract::kEmployed;
    managers_.assign(static_cast<std::size_t>(std::max(0, teams)), filled);
    team_supervision_.assign(managers_.size(), 1.0);
}

int Management::in_post() const {
    int n = 0;
    for (const Manager& m : managers_) {
        n += m.is_filled() ? 1 : 0;
    }
    return n;
}

int Management::present() const {
    int n = 0;
    for (const Manager& m : managers_) {
        n += m.is_present() ? 1 : 0;
    }
    return n;
}

void Management::hazards(core::DayIndex day, double resignation_multiplier) {
    const ManagementConfig& mc = cfg_->management;
    if (!mc.enabled) {
        return;
    }
    for (std::size_t i = 0; i < managers_.size(); ++i) {
        Manager& m = managers_[i];
        // Draw for every post every working day whatever its state (common random numbers).
        const double u_sick = rng_.uniform01();
        const double u_leave = rng_.uniform01();
        if (!m.is_filled()) {
            continue;
        }
        const int index = static_cast<int>(i);
        if (!m.sick) {
            const double p_long = mc.long_spells_per_year / kWorkingDaysPerYear;
            const double p_short = mc.short_spells_per_year / kWorkingDaysPerYear;
            const Spell spell = spell_from_draw(u_sick, p_long, p_short);
            if (spell != Spell::kNone) {
                const bool long_spell = spell == Spell::kLong;
                const double days = staff_.start_sickness(
                    m, index, long_spell, long_spell ? mc.long_duration_wd : mc.short_duration_wd,
                    rng_, day);
                if (long_spell) {
                    add_event("manager_sick",
                              manager_label(index) + " off sick for about " +
                                  std::to_string(std::lround(days / 5.0)) +
                                  " weeks: the team's supervision falls to colleagues");
                }
            }
        }
        if (!m.on_notice &&
            u_leave < mc.resignation_rate * resignation_multiplier / kWorkingDaysPerYear) {
            staff_.give_notice(m, index, day, cfg_->workforce.notice_wd);
            add_event("manager_leaves", manager_label(index) + " resigns");
        }
    }
}

void Management::on_back(int manager, std::uint64_t generation) {
    managers_[manager].sickness_ends(generation);
}

void Management::on_leaves(int manager, std::uint64_t generation, bool recruitment_allowed) {
    Manager& m = managers_[manager];
    if (!m.is_current_notice(generation)) {
        return;
    }
    m.holder_leaves();
    falls_vacant(manager, recruitment_allowed);
}

void Management::falls_vacant(int manager, bool recruitment_allowed) {
    Manager& m = managers_[manager];  // vacant: the holder has left
    if (pending_cuts_ > 0) {
        m.delete_post();
        --pending_cuts_;
        add_event("manager_leaves",
                  manager_label(manager) + " post deleted: the team is supervised by others");
        return;
    }
    if (m.hire_pending || !recruitment_allowed) {
        return;
    }
    const double months = std::max(0.1, cfg_->management.months_to_fill.sample(rng_));
    staff_.advertise(m, manager, months * kDaysPerMonth);
}

void Management::on_hire(int manager, std::uint64_t generation, bool recruitment_allowed) {
    Manager& m = managers_[manager];
    if (!m.is_current_hire(generation)) {
        return;
    }
    m.hire_pending = false;
    if (!recruitment_allowed) {
        return;  // a hiring freeze began meanwhile; the freeze's end re-advertises
    }
    m.take_up(Contract::kEmployed);
    add_event("manager_starts", manager_label(manager) + " starts");
}

void Management::readvertise(bool recruitment_allowed) {
    for (std::size_t i = 0; i < managers_.size(); ++i) {
        if (managers_[i].is_vacant()) {
            managers_[i].hire_pending = false;
            falls_vacant(static_cast<int>(i), recruitment_allowed);
        }
    }
}

void Management::cut_posts(double fraction, bool recruitment_allowed) {
    pending_cuts_ +=
        static_cast<int>(std::lround(fraction * static_cast<double>(managers_.size())));
    for (std::size_t i = 0; i < managers_.size() && pending_cuts_ > 0; ++i) {
        Manager& m = managers_[i];
        if (m.is_vacant()) {
            falls_vacant(static_cast<int>(i), recruitment_allowed);
        }
    }
}

void Management::update_supervision() {
    if (!cfg_->management.enabled || managers_.empty()) {
        return;
    }
    int present = 0;
    for (const Manager& m : managers_) {
        present += m.is_present() ? 1 : 0;
    }
    const int absent = static_cast<int>(managers_.size()) - present;
    const double spare =
        static_cast<double>(present) * std::max(0.0, cfg_->management.teams_per_manager_max - 1.0);
    // Teams whose manager is away share the colleagues' spare span, at the reduced depth of
    // supervision an acting manager gives.
    const double cover =
        absent > 0 ? std::min(1.0, spare / absent) * cfg_->management.cover_supervision_share : 1.0;
    for (std::size_t t = 0; t < managers_.size(); ++t) {
        team_supervision_[t] = managers_[t].is_present() ? 1.0 : cover;
    }
}

double Management::supervision_of(int post_index) const {
    if (!cfg_->management.enabled || team_supervision_.empty()) {
        return 1.0;
    }
    if (!post_managers_.empty()) {
        return manager_supervision(post_managers_[static_cast<std::size_t>(post_index)]);
    }
    const std::size_t team = static_cast<std::size_t>(post_index) /
                             static_cast<std::size_t>(std::max(1, cfg_->workforce.team_size));
    return team_supervision_[std::min(team, team_supervision_.size() - 1)];
}

}  // namespace cssim::department::detail
