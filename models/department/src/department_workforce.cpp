/**
 * @file department_workforce.cpp
 * @brief Posts and the people in them: sickness and resignation as hazards of stress, notice,
 * recruitment delays, newly qualified starters, agency cover, handovers, and the council's
 * response to funding changes (mechanisms 6, 7 and 9).
 */
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "department_sickness.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {
namespace {

std::string post_label(int index) {
    return "SW " + std::to_string(index + 1);
}

}  // namespace

bool Model::is_case_holder(const Post& p) const {
    return !p.deleted && p.contract != Contract::kNone;
}

bool Model::can_take_cases(const Post& p, core::DayIndex day) const {
    return is_case_holder(p) && !p.sick && !p.on_notice && cap_of(p, day) > p.weighted_caseload;
}

double Model::cap_of(const Post& p, core::DayIndex day) const {
    const bool protected_nq = p.contract == Contract::kNewlyQualified && day < p.protected_until;
    return team_cap(p.team) * (protected_nq ? cfg_->allocation.newly_qualified_cap_share : 1.0);
}

void Model::initialise_posts() {
    const WorkforceConfig& w = cfg_->workforce;
    const RecruitmentConfig& r = cfg_->recruitment;
    const int n = static_cast<int>(std::lround(w.social_worker_posts));
    posts_.assign(static_cast<std::size_t>(std::max(0, n)), Post{});
    const double protected_days = r.newly_qualified_protected_months * kDaysPerMonth;
    for (int i = 0; i < n; ++i) {
        Post& p = posts_[i];
        const double u = rng_initial_.uniform01();
        p.stress = cfg_->initial.stress;
        if (u < w.initial_vacancy_share + w.initial_agency_share) {
            // A vacancy, covered by agency or not; recruitment is already under way.
            p.contract = u < w.initial_vacancy_share ? Contract::kNone : Contract::kAgency;
            p.hire_pending = true;
            const double months = residual_of(r.months_to_fill) *
                                  (r.inspection_inadequate ? r.inadequate_fill_multiplier : 1.0);
            sim_.schedule_at(core::ticks_from_days(std::max(1.0, months * kDaysPerMonth)),
                             kHireArrives, static_cast<std::uint32_t>(i), p.recruitment_generation);
            if (p.contract == Contract::kAgency) {
                const double contract = residual_of(r.agency_contract_months);
                sim_.schedule_at(core::ticks_from_days(std::max(1.0, contract * kDaysPerMonth)),
                                 kAgencyEnd, static_cast<std::uint32_t>(i), p.generation);
            } else {
                request_agency(i);
            }
        } else if (rng_initial_.uniform01() < w.initial_newly_qualified_share) {
            p.contract = Contract::kNewlyQualified;
            p.protected_until =
                static_cast<core::DayIndex>(protected_days * rng_initial_.uniform01());
        } else {
            p.contract = Contract::kEmployed;
        }
        if (p.contract != Contract::kNone) {
            p.holder = next_holder_++;
        }
    }
    pa_count_ = pa_posts_for(*cfg_, n);
    build_teams();  // the teams, and manager_count_ (one per team_size posts without teams)

    money_.set_initial_budget(StaffAtStart{n, pa_count_, manager_count_, health_visitors_});
}

WorkforceBounds Model::workforce_bounds() const {
    // Stress only changes in each post's own work_one_post, after that post's hazards, so the
    // day's lowest and highest stress bound every post's exponent. Rates or multipliers below
    // zero (or not finite) give no shortcut.
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const Post& p : posts_) {
        low = std::min(low, p.stress);
        high = std::max(high, p.stress);
    }
    const double inf = std::numeric_limits<double>::infinity();
    if (!(low <= high)) {
        return {inf, inf};
    }
    auto most_exp = [&](double coefficient) {
        return std::exp(std::max(coefficient * low, coefficient * high));
    };
    constexpr double kMargin = 1.0 + 1e-9;  // far above the rounding of exp and the products
    const SicknessConfig& s = cfg_->sickness;
    const WorkforceConfig& w = cfg_->workforce;
    WorkforceBounds b;
    b.sick = (s.long_spells_per_year_other_causes +
              s.long_spells_per_year_at_zero_stress * most_exp(s.long_stress_coefficient) +
              s.short_spells_per_year_at_zero_stress * most_exp(s.short_stress_coefficient)) /
             kWorkingDaysPerYear * kMargin;
    if (!(s.long_spells_per_year_other_causes >= 0.0 &&
          s.long_spells_per_year_at_zero_stress >= 0.0 &&
          s.short_spells_per_year_at_zero_stress >= 0.0 && std::isfinite(b.sick))) {
        b.sick = inf;
    }
    b.resign_before_multiplier = w.resignation_rate_at_zero_stress *
                                 most_exp(w.resignation_stress_coefficient) / kWorkingDaysPerYear *
                                 kMargin;
    if (!(w.resignation_rate_at_zero_stress >= 0.0 && std::isfinite(b.resign_before_multiplier))) {
        b.resign_before_multiplier = inf;
    }
    return b;
}

void Model::workforce_hazards(int post_index, core::DayIndex day, const WorkforceBounds& bounds) {
    Post& p = posts_[post_index];
    // Draw for every post every working day whatever its state, so that scenarios keep the same
    // draws for the same post and day (common random numbers).
    const double u_sick = rng_sickness_.uniform01();
    const double u_leave = rng_resignation_.uniform01();
    if (!is_case_holder(p) || p.sick) {
        return;
    }
    // A draw at or above the day's bound decides nothing: the exact hazards (two or three
    // exponentials) are only formed below it, with the same comparisons as always.
    if (u_sick < bounds.sick) {
        const SicknessHazards h = sickness_hazards(cfg_->sickness, p.stress);
        if (u_sick < h.long_spell) {
            start_sickness(post_index, true, day);
        } else if (u_sick < h.long_spell + h.short_spell) {
            start_sickness(post_index, false, day);
        }
    }
    if (p.contract == Contract::kAgency || p.on_notice) {
        return;  // agency staff leave at contract ends
    }
    const WorkforceConfig& w = cfg_->workforce;
    // An inadequate judgement or a blame period makes leaving likelier (department_system.cpp).
    const double multiplier = system_.resignation_multiplier(day);
    if (!(multiplier >= 0.0) || u_leave < bounds.resign_before_multiplier * multiplier) {
        const double p_resign = w.resignation_rate_at_zero_stress *
                                std::exp(w.resignation_stress_coefficient * p.stress) * multiplier /
                                kWorkingDaysPerYear;
        if (u_leave < p_resign) {
            resign(post_index, day, nullptr);
        }
    }
}

void Model::resign(int post_index, core::DayIndex day, const char* why) {
    Post& p = posts_[post_index];
    p.on_notice = true;
    const core::DayIndex leave =
        calendar_.add_working_days(day, std::max(1, cfg_->workforce.notice_wd));
    sim_.schedule_at(tick_of(leave, 18), kNoticeEnd, static_cast<std::uint32_t>(post_index),
                     p.generation);
    if (!p.hire_pending && recruitment_allowed()) {
        start_recruitment(post_index);
    }
    if (detail_) {
        std::ostringstream os;
        os << post_label(post_index) << " resigns (stress " << std::lround(p.stress * 100) << "%, "
           << p.cases.size() << " cases" << (why ? std::string(", ") + why : std::string()) << ")";
        add_event("resignation", post_index, os.str());
    }
}

void Model::start_sickness(int post_index, bool long_spell, core::DayIndex day) {
    Post& p = posts_[post_index];
    const SicknessConfig& s = cfg_->sickness;
    const double days = std::max(
        1.0, (long_spell ? s.long_duration_wd : s.short_duration_wd).sample(rng_sickness_));
    p.sick = true;
    p.long_sick = long_spell;
    if (measuring()) {
        (long_spell ? outputs_.acc.long_spells : outputs_.acc.short_spells) += 1.0;
    }
    const core::DayIndex back = calendar_.add_working_days(day, static_cast<int>(std::ceil(days)));
    sim_.schedule_at(tick_of(back, 7), kSicknessEnd, static_cast<std::uint32_t>(post_index),
                     p.generation);
    if (long_spell) {
        handover_all(post_index);  // a long absence: the children need another worker
    }
}

void Model::on_sickness_end(int post_index, std::uint64_t generation) {
    Post& p = posts_[post_index];
    if (p.generation != generation) {
        return;
    }
    p.sick = false;
    p.long_sick = false;
}

void Model::on_notice_end(int post_index, std::uint64_t generation) {
    Post& p = posts_[post_index];
    if (p.generation != generation || !p.on_notice) {
        return;
    }
    system_.count_leaver();
    if (measuring()) {
        outputs_.acc.employed_leavers += 1.0;
    }
    if (detail_) {
        add_event("leaver", post_index,
                  post_label(post_index) + " leaves; " + std::to_string(p.cases.size()) +
                      " cases handed over");
    }
    handover_all(post_index);
    p.contract = Contract::kNone;
    p.on_notice = p.sick = p.long_sick = false;
    ++p.generation;
    post_falls_vacant(post_index, today());
}

void Model::post_falls_vacant(int post_index, core::DayIndex /*day*/) {
    Post& p = posts_[post_index];
    if (pending_post_cuts_ > 0) {
        p.deleted = true;
        p.hire_pending = p.agency_pending = false;
        ++p.recruitment_generation;
        ++p.agency_generation;
        --pending_post_cuts_;
        return;
    }
    if (!p.hire_pending && recruitment_allowed()) {
        start_recruitment(post_index);
    }
    request_agency(post_index);
}

void Model::start_recruitment(int post_index) {
    Post& p = posts_[post_index];
    const RecruitmentConfig& r = cfg_->recruitment;
    // A council judged inadequate recruits slowly: a fixed scenario setting, or the period after
    // an inadequate judgement in the inspection submodel.
    const bool inadequate_now = system_.is_inadequate(today());
    const double months = r.months_to_fill.sample(rng_recruitment_) *
                          (r.inspection_inadequate ? r.inadequate_fill_multiplier : 1.0) *
                          (inadequate_now ? cfg_->inspection.fill_multiplier : 1.0);
    p.hire_pending = true;
    ++p.recruitment_generation;
    sim_.schedule_after(core::ticks_from_days(std::max(1.0, months * kDaysPerMonth)), kHireArrives,
                        static_cast<std::uint32_t>(post_index), p.recruitment_generation);
}

void Model::request_agency(int post_index) {
    Post& p = posts_[post_index];
    if (!agency_allowed() || p.agency_pending || p.deleted || p.contract != Contract::kNone) {
        return;
    }
    p.agency_pending = true;
    ++p.agency_generation;
    const double wd = std::max(1.0, cfg_->recruitment.agency_start_wd.sample(rng_agency_));
    const core::DayIndex start =
        calendar_.add_working_days(today(), static_cast<int>(std::ceil(wd)));
    sim_.schedule_at(tick_of(start, 7), kAgencyArrives, static_cast<std::uint32_t>(post_index),
                     p.agency_generation);
}

void Model::on_hire(int post_index, std::uint64_t generation) {
    Post& p = posts_[post_index];
    if (p.recruitment_generation != generation || !p.hire_pending || p.deleted) {
        return;
    }
    if (p.on_notice) {
        // The new starter arrives before the leaver has gone: start when the notice ends.
        sim_.schedule_after(core::kTicksPerDay * 7, kHireArrives,
                            static_cast<std::uint32_t>(post_index), generation);
        return;
    }
    p.hire_pending = false;
    if (!recruitment_allowed()) {
        return;
    }
    const RecruitmentConfig& r = cfg_->recruitment;
    const bool agency_leaving = p.contract == Contract::kAgency;
    const core::DayIndex day = today();
    const bool newly_qualified = rng_recruitment_.bernoulli(r.newly_qualified_share_of_hires);
    p.contract = newly_qualified ? Contract::kNewlyQualified : Contract::kEmployed;
    p.holder = next_holder_++;
    p.protected_until =
        newly_qualified
            ? day + static_cast<core::DayIndex>(r.newly_qualified_protected_months * kDaysPerMonth)
            : -1;
    p.stress = cfg_->initial.stress;
    p.sick = p.long_sick = p.on_notice = false;
    p.agency_pending = false;
    ++p.agency_generation;
    ++p.generation;
    // The agency worker's children pass to the new starter in the same post: a handover each.
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
    if (detail_) {
        add_event("hire", post_index,
                  post_label(post_index) + ": " +
                      (newly_qualified ? "newly qualified social worker starts"
                                       : "experienced social worker starts") +
                      (agency_leaving ? " (agency cover ends)" : ""));
    }
}

void Model::on_agency_arrives(int post_index, std::uint64_t generation) {
    Post& p = posts_[post_index];
    if (p.agency_generation != generation || !p.agency_pending) {
        return;
    }
    p.agency_pending = false;
    if (!agency_allowed() || p.deleted || p.contract != Contract::kNone) {
        return;
    }
    p.contract = Contract::kAgency;
    p.holder = next_holder_++;
    p.stress = cfg_->initial.stress;
    p.sick = p.long_sick = p.on_notice = false;
    ++p.generation;
    const double months =
        std::max(0.5, cfg_->recruitment.agency_contract_months.sample(rng_agency_));
    sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kAgencyEnd,
                        static_cast<std::uint32_t>(post_index), p.generation);
    if (detail_) {
        add_event("agency_start", post_index,
                  post_label(post_index) + ": agency social worker starts");
    }
}

void Model::on_agency_end(int post_index, std::uint64_t generation) {
    Post& p = posts_[post_index];
    if (p.generation != generation || p.contract != Contract::kAgency) {
        return;
    }
    // After an inadequate judgement the council holds on to its agency staff.
    const bool inadequate_now = system_.is_inadequate(today());
    const bool renew =
        rng_agency_.bernoulli(inadequate_now ? cfg_->inspection.agency_renewal_probability
                                             : cfg_->recruitment.agency_renewal_probability);
    if (renew && agency_allowed()) {
        const double months =
            std::max(0.5, cfg_->recruitment.agency_contract_months.sample(rng_agency_));
        sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kAgencyEnd,
                            static_cast<std::uint32_t>(post_index), p.generation);
        return;
    }
    if (detail_) {
        add_event("agency_end", post_index,
                  post_label(post_index) + ": agency contract ends; " +
                      std::to_string(p.cases.size()) + " cases handed over");
    }
    handover_all(post_index);
    p.contract = Contract::kNone;
    p.sick = p.long_sick = false;
    ++p.generation;
    post_falls_vacant(post_index, today());
}

void Model::on_freeze_end(std::uint64_t generation) {
    if (generation != freeze_generation_ || !hiring_freeze_) {
        return;
    }
    hiring_freeze_ = false;
    add_event("freeze_end", -1, "Hiring freeze lifted: vacant posts are advertised again");
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        Post& p = posts_[i];
        if (p.deleted || (p.contract != Contract::kNone && !p.on_notice)) {
            continue;
        }
        if (!p.hire_pending) {
            start_recruitment(static_cast<int>(i));
        }
        request_agency(static_cast<int>(i));
    }
    managers_.readvertise(recruitment_allowed());
}

void Model::handover_all(int post_index) {
    Post& p = posts_[post_index];
    const std::vector<int> held = p.cases;
    for (int index : held) {
        unassign(index, true);
    }
    p.cases.clear();
    p.case_admin_per_week = p.case_meeting_per_week = p.weighted_caseload = 0.0;
    p.visits_per_week = p.review_hours_per_week = 0.0;
    p.pending_handover_hours = 0.0;
    p.admin_backlog_hours = 0.0;  // the new worker starts from the handover, not the backlog
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
        hiring_freeze_ = true;
        ++freeze_generation_;
        os << "; hiring freeze";
        if (f.hiring_freeze_months > 0.0) {
            os << " for " << std::lround(f.hiring_freeze_months) << " months";
            sim_.schedule_after(core::ticks_from_days(f.hiring_freeze_months * kDaysPerMonth),
                                kFreezeEnd, 0, freeze_generation_);
        }
        for (Post& p : posts_) {
            p.hire_pending = p.agency_pending = false;
            ++p.recruitment_generation;
            ++p.agency_generation;
        }
    }
    if (f.agency_ban) {
        agency_ban_ = true;
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
        managers_.cut_posts(f.manager_posts_cut, recruitment_allowed());
        os << "; " << std::lround(f.manager_posts_cut * 100) << "% of team manager posts cut";
    }
    if (f.posts_cut > 0.0) {
        pending_post_cuts_ +=
            static_cast<int>(std::lround(f.posts_cut * static_cast<double>(posts_.size())));
        os << "; " << pending_post_cuts_ << " social worker posts to be deleted";
        for (std::size_t i = 0; i < posts_.size() && pending_post_cuts_ > 0; ++i) {
            Post& p = posts_[i];
            if (!p.deleted && p.contract == Contract::kNone) {
                post_falls_vacant(static_cast<int>(i), today());
            }
        }
    }
    add_event("funding_change", -1, os.str());
}

}  // namespace cssim::department::detail
