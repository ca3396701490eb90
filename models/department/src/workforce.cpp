/**
 * @file workforce.cpp
 * @brief The Workforce component (workforce.hpp): the posts at day 0, and sickness and
 * resignation as hazards of stress (mechanisms 6 and 7). What follows a resignation is in
 * workforce_vacancies.cpp.
 */
#include "workforce.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "department_constants.hpp"
#include "department_sickness.hpp"

namespace cssim::department::detail {
WorkforceStreams WorkforceStreams::derive(std::uint64_t master_seed, std::uint64_t replication) {
    return {core::RandomStream::derive(master_seed, replication, "sickness"),
            core::RandomStream::derive(master_seed, replication, "resignation"),
            core::RandomStream::derive(master_seed, replication, "recruitment"),
            core::RandomStream::derive(master_seed, replication, "agency")};
}

double residual_spell(const core::Distribution& d, core::RandomStream& rng) {
    // At a random moment, the spell in progress is length-biased (long spells are more likely to
    // be under way): accept a draw with probability proportional to its length, then take a
    // uniform part of it as what remains.
    const double cap = 4.0 * std::max(1e-9, d.mean());
    double x = std::max(0.0, d.sample(rng));
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (rng.uniform01() * cap < std::min(x, cap)) {
            break;
        }
        x = std::max(0.0, d.sample(rng));
    }
    return x * rng.uniform01();
}

Workforce::Workforce(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
                     core::Simulation& sim, Outputs& outputs, WorkforceHost& host,
                     WorkforceStreams streams, bool detail)
    : cfg_(&config),
      calendar_(calendar),
      sim_(sim),
      staff_(calendar, sim, StaffEventKinds{kSicknessEnd, kNoticeEnd, kHireArrives}),
      outputs_(outputs),
      host_(host),
      rng_(std::move(streams)),
      detail_(detail) {}

void Workforce::initialise(core::RandomStream& initial, core::DayIndex measure_from) {
    measure_from_ = measure_from;
    const WorkforceConfig& w = cfg_->workforce;
    const RecruitmentConfig& r = cfg_->recruitment;
    const int n = static_cast<int>(std::lround(w.social_worker_posts));
    posts_.assign(static_cast<std::size_t>(std::max(0, n)), Post{});
    const double protected_days = r.newly_qualified_protected_months * kDaysPerMonth;
    for (int i = 0; i < n; ++i) {
        Post& p = posts_[static_cast<std::size_t>(i)];
        const double u = initial.uniform01();
        p.stress = cfg_->initial.stress;
        if (u < w.initial_vacancy_share + w.initial_agency_share) {
            // A vacancy, covered by agency or not; recruitment is already under way.
            p.contract = u < w.initial_vacancy_share ? Contract::kNone : Contract::kAgency;
            p.hire_pending = true;
            const double months = residual_spell(r.months_to_fill, initial) *
                                  (r.inspection_inadequate ? r.inadequate_fill_multiplier : 1.0);
            sim_.schedule_at(core::ticks_from_days(std::max(1.0, months * kDaysPerMonth)),
                             kHireArrives, static_cast<std::uint32_t>(i), p.recruitment_generation);
            if (p.contract == Contract::kAgency) {
                const double contract = residual_spell(r.agency_contract_months, initial);
                sim_.schedule_at(core::ticks_from_days(std::max(1.0, contract * kDaysPerMonth)),
                                 kAgencyEnd, static_cast<std::uint32_t>(i), p.generation);
            } else {
                request_agency(i);
            }
        } else if (initial.uniform01() < w.initial_newly_qualified_share) {
            p.contract = Contract::kNewlyQualified;
            p.protected_until = static_cast<core::DayIndex>(protected_days * initial.uniform01());
        } else {
            p.contract = Contract::kEmployed;
        }
        if (p.contract != Contract::kNone) {
            p.holder = next_holder_++;
        }
    }
}

WorkforceBounds Workforce::bounds() const {
    // Stress only changes in each post's own day's work, after that post's hazards, so the
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

void Workforce::hazards(int post, core::DayIndex day, const WorkforceBounds& bounds,
                        double resignation_multiplier) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    // Draw for every post every working day whatever its state, so that scenarios keep the same
    // draws for the same post and day (common random numbers).
    const double u_sick = rng_.sickness.uniform01();
    const double u_leave = rng_.resignation.uniform01();
    if (!p.is_case_holder() || p.sick) {
        return;
    }
    // A draw at or above the day's bound decides nothing: the exact hazards (two or three
    // exponentials) are only formed below it, with the same comparisons as always.
    if (u_sick < bounds.sick) {
        const SicknessHazards h = sickness_hazards(cfg_->sickness, p.stress);
        const Spell spell = spell_from_draw(u_sick, h.long_spell, h.short_spell);
        if (spell != Spell::kNone) {
            start_sickness(post, spell == Spell::kLong, day);
        }
    }
    if (p.on_notice) {
        return;
    }
    const bool agency = p.contract == Contract::kAgency;
    if (agency && !(cfg_->recruitment.agency_resignation_multiplier > 0.0)) {
        return;  // agency staff leave at contract ends only
    }
    const WorkforceConfig& w = cfg_->workforce;
    // An inadequate judgement or a blame period makes leaving likelier (department_system.cpp);
    // an agency worker may walk out of an assignment too (same draw, docs/model.md 7.7).
    const double multiplier =
        resignation_multiplier * (agency ? cfg_->recruitment.agency_resignation_multiplier : 1.0);
    if (!(multiplier >= 0.0) || u_leave < bounds.resign_before_multiplier * multiplier) {
        const double p_resign = w.resignation_rate_at_zero_stress *
                                std::exp(w.resignation_stress_coefficient * p.stress) * multiplier /
                                kWorkingDaysPerYear;
        if (u_leave < p_resign) {
            resign(post, day, nullptr);
        }
    }
}

void Workforce::resign(int post, core::DayIndex day, const char* why) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    const int notice = p.contract == Contract::kAgency ? cfg_->recruitment.agency_notice_wd
                                                       : cfg_->workforce.notice_wd;
    staff_.give_notice(p, post, day, notice);
    if (!p.hire_pending && recruitment_allowed()) {
        start_recruitment(post);
    }
    if (detail_) {
        std::ostringstream os;
        os << post_label(post) << " resigns (stress " << std::lround(p.stress * 100) << "%, "
           << p.cases.size() << " cases" << (why ? std::string(", ") + why : std::string()) << ")";
        add_event("resignation", post, os.str());
    }
}

void Workforce::start_sickness(int post, bool long_spell, core::DayIndex day) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    const SicknessConfig& s = cfg_->sickness;
    staff_.start_sickness(p, post, long_spell,
                          long_spell ? s.long_duration_wd : s.short_duration_wd, rng_.sickness,
                          day);
    if (measuring()) {
        (long_spell ? outputs_.acc.long_spells : outputs_.acc.short_spells) += 1.0;
    }
    if (long_spell) {
        host_.long_spell_starts(post, day);  // a long absence: the children need cover
    }
}

void Workforce::on_sickness_end(int post, std::uint64_t generation) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    const bool was_long = p.long_sick;
    if (p.sickness_ends(generation) && was_long) {
        host_.long_spell_ends(post);
    }
}

}  // namespace cssim::department::detail
