/**
 * @file department_workforce.cpp
 * @brief The model's side of the Workforce component (workforce.hpp): the posts at day 0 with
 * the PAs, teams and budget that follow from them, the cases of a holder who leaves or of an
 * agency worker replaced by a starter, caseload caps, and the council's response to a funding
 * change (mechanism 9).
 */
#include <algorithm>
#include <cmath>
#include <sstream>

#include "department_state.hpp"

namespace cssim::department::detail {

bool Model::can_take_cases(const Post& p, core::DayIndex day) const {
    return is_case_holder(p) && !p.sick && !p.on_notice && cap_of(p, day) > p.weighted_caseload;
}

double Model::cap_of(const Post& p, core::DayIndex day) const {
    const bool protected_nq = p.contract == Contract::kNewlyQualified && day < p.protected_until;
    return team_cap(p.team) * (protected_nq ? cfg_->allocation.newly_qualified_cap_share : 1.0);
}

void Model::initialise_posts() {
    workforce_.initialise(rng_initial_, warmup_day_);
    time_use_.reset(posts_.size());
    const int n = static_cast<int>(std::lround(cfg_->workforce.social_worker_posts));
    pa_count_ = pa_posts_for(*cfg_, n);
    build_teams();  // the teams, and manager_count_ (one per team_size posts without teams)
    sick_cover_.assign(posts_.size(), SickCover{});

    money_.set_initial_budget(StaffAtStart{n, pa_count_, manager_count_, health_visitors_});
}

void Model::cases_to_new_holder(int post_index, core::DayIndex day) {
    // The agency worker's children pass to the new starter in the same post: a handover each.
    Post& p = posts_[static_cast<std::size_t>(post_index)];
    for (int index : p.cases) {
        Case& c = cases_[index];
        ++c.handovers;
        ++c.social_workers;
        worker_takes_over(index, post_index);
        c.record_change(day);
        c.handover_until = calendar_.add_working_days(day, cfg_->quality.handover_risk_wd);
        p.pending_handover_hours += cfg_->time_use.handover_hours_per_case;
        if (measuring()) {
            outputs_.acc.handovers += 1.0;
        }
    }
}

void Model::handover_all(int post_index) {
    Post& p = posts_[post_index];
    const std::vector<int> held = p.cases;
    for (int index : held) {
        unassign(index, true);
    }
    p.cases.clear();
    p.weighted_caseload = 0.0;
    time_use_.clear_load(post_index);
    p.pending_handover_hours = 0.0;
    time_use_.backlog(post_index) =
        0.0;  // the new worker starts from the handover, not the backlog
}

void Model::long_spell_starts(int post_index, core::DayIndex day) {
    // Cover during a long spell (docs/model.md 7.6): the children stay with the absent worker
    // until the absence is known to be long (the end of self-certification), then the team
    // manager passes them to colleagues through the queue.
    SickCover& cover = sick_cover_[static_cast<std::size_t>(post_index)];
    cover.clear();
    cover.holder = posts_[static_cast<std::size_t>(post_index)].holder;
    const int wait = cfg_->sickness.cover_after_wd;
    if (wait <= 0) {
        on_cover_starts(post_index, 0);
        return;
    }
    cover.pending_spell = ++last_spell_;
    const core::DayIndex from = calendar_.add_working_days(day, wait);
    sim_.schedule_at(tick_of(from, kWorkforceStartHour), kCoverStarts,
                     static_cast<std::uint32_t>(post_index), cover.pending_spell);
}

void Model::on_cover_starts(int post_index, std::uint64_t spell) {
    SickCover& cover = sick_cover_[static_cast<std::size_t>(post_index)];
    const Post& p = posts_[static_cast<std::size_t>(post_index)];
    if (cover.pending_spell != spell || !p.sick || !p.long_sick || p.holder != cover.holder) {
        return;  // back already, or the post changed hands
    }
    cover.pending_spell = 0;
    for (int index : p.cases) {
        cover.covered.emplace_back(index, cases_[static_cast<std::size_t>(index)].serial);
    }
    handover_all(post_index);
}

void Model::long_spell_ends(int post_index) {
    SickCover& cover = sick_cover_[static_cast<std::size_t>(post_index)];
    const Post& p = posts_[static_cast<std::size_t>(post_index)];
    if (cfg_->sickness.covered_cases_return && p.holder == cover.holder && p.is_case_holder() &&
        !p.on_notice) {
        const core::DayIndex day = today();
        for (const auto& [index, serial] : cover.covered) {
            const Case& c = cases_[static_cast<std::size_t>(index)];
            CoveredChild child;
            child.same_child = c.serial == serial;
            child.active = c.active;
            child.in_queue = c.in_queue;
            child.worker_team =
                c.worker >= 0 ? posts_[static_cast<std::size_t>(c.worker)].team : -1;
            child.stage_team = allocation_.team_of_stage(c.stage);
            child.worker_is_back = c.worker == post_index;
            if (covered_child_returns(child, p.team)) {
                // Handed back in person by the colleague who covered: reading-in, no risk window.
                release(index, c.worker);
                assign(index, post_index, day, HandoverKind::kInPerson);
            }
        }
    }
    cover.clear();
}

void Model::on_funding_change(int index) {
    const FundingChange& f = cfg_->money.funding_changes[index];
    money_.scale_budget(1.0 + f.budget_change);
    std::ostringstream os;
    if (f.budget_change == 0.0) {
        os << f.label << ": budget unchanged";
    } else {
        os << f.label << ": budget " << (f.budget_change < 0 ? "cut by " : "raised by ")
           << std::lround(std::fabs(f.budget_change) * 100) << "%";
    }
    if (f.hiring_freeze) {
        workforce_.start_hiring_freeze(f.hiring_freeze_months);
        os << "; hiring freeze";
        if (f.hiring_freeze_months > 0.0) {
            os << " for " << std::lround(f.hiring_freeze_months) << " months";
        }
    }
    if (f.agency_ban) {
        workforce_.ban_agency();
        os << "; agency ban";
    }
    if (f.cut_pas && pa_count_ > 0) {
        pa_count_ = 0;
        os << "; PA posts cut";
    }
    if (f.early_help_cut > 0.0) {
        early_help_capacity_ *= 1.0 - f.early_help_cut;
        os << "; early help cut by " << std::lround(f.early_help_cut * 100) << "%";
    }
    if (f.health_visiting_cut > 0.0) {
        health_visitors_ *= 1.0 - f.health_visiting_cut;
        os << "; health visitors cut by " << std::lround(f.health_visiting_cut * 100) << "%";
        add_event("prevention_change", -1,
                  "Prevention capacity falls to " +
                      std::to_string(std::lround(
                          system_.prevention_capacity_on(static_cast<double>(today())) * 100)) +
                      "% of its level: unmet need will surface as referrals over about " +
                      std::to_string(std::lround(cfg_->prevention.delay_months)) + " months");
    } else if (f.early_help_cut > 0.0 && cfg_->prevention.enabled) {
        add_event("prevention_change", -1,
                  "Prevention capacity falls to " +
                      std::to_string(std::lround(
                          system_.prevention_capacity_on(static_cast<double>(today())) * 100)) +
                      "% of its level");
    }
    if (f.manager_posts_cut > 0.0 && !managers_.posts().empty()) {
        managers_.cut_posts(f.manager_posts_cut, workforce_.recruitment_allowed());
        os << "; " << std::lround(f.manager_posts_cut * 100) << "% of team manager posts cut";
    }
    if (f.posts_cut > 0.0) {
        os << "; " << workforce_.cut_posts(f.posts_cut) << " social worker posts to be deleted";
    }
    add_event("funding_change", -1, os.str());
}

}  // namespace cssim::department::detail
