/**
 * @file workforce_vacancies.cpp
 * @brief The Workforce component (workforce.hpp) after a resignation: notice, vacancy,
 * recruitment delays, newly qualified starters, agency cover and its renewals, and the hiring
 * freeze, agency ban and post cuts of a funding change (mechanisms 6 and 9).
 */
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "department_constants.hpp"
#include "workforce.hpp"

namespace cssim::department::detail {

void Workforce::on_notice_end(int post, std::uint64_t generation) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (!p.is_current_notice(generation)) {
        return;
    }
    if (p.contract != Contract::kAgency) {  // an agency worker's departure is not turnover
        host_.count_leaver();
        if (measuring()) {
            outputs_.acc.employed_leavers += 1.0;
        }
    }
    if (detail_) {
        add_event(
            "leaver", post,
            post_label(post) + " leaves; " + std::to_string(p.cases.size()) + " cases handed over");
    }
    host_.hand_over_cases(post);
    p.holder_leaves();
    falls_vacant(post);
}

void Workforce::falls_vacant(int post) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (pending_post_cuts(p.team) > 0) {
        p.delete_post();
        p.agency_pending = false;
        ++p.agency_generation;
        --team_post_cuts_[static_cast<std::size_t>(p.team)];
        return;
    }
    if (!p.hire_pending && recruitment_allowed()) {
        start_recruitment(post);
    }
    request_agency(post);
}

void Workforce::start_recruitment(int post) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    const RecruitmentConfig& r = cfg_->recruitment;
    // A council judged inadequate recruits slowly: a fixed scenario setting, or the period after
    // an inadequate judgement in the inspection submodel.
    const bool inadequate_now = host_.is_inadequate(today());
    const double months = r.months_to_fill.sample(rng_.recruitment) *
                          (r.inspection_inadequate ? r.inadequate_fill_multiplier : 1.0) *
                          (inadequate_now ? cfg_->inspection.fill_multiplier : 1.0);
    staff_.advertise(p, post, std::max(1.0, months * kDaysPerMonth));
}

void Workforce::request_agency(int post) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (!agency_allowed() || p.agency_pending || p.deleted || p.contract != Contract::kNone) {
        return;
    }
    p.agency_pending = true;
    ++p.agency_generation;
    const double wd = std::max(1.0, cfg_->recruitment.agency_start_wd.sample(rng_.agency));
    const core::DayIndex start =
        calendar_.add_working_days(today(), static_cast<int>(std::ceil(wd)));
    sim_.schedule_at(tick_at(start, kWorkforceStartHour), kAgencyArrives,
                     static_cast<std::uint32_t>(post), p.agency_generation);
}

void Workforce::on_hire(int post, std::uint64_t generation) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (!p.is_current_hire(generation)) {
        return;
    }
    if (p.on_notice) {
        // The new starter arrives before the leaver has gone: start when the notice ends.
        sim_.schedule_after(core::kTicksPerDay * kWorkforceStarterWaitDays, kHireArrives,
                            static_cast<std::uint32_t>(post), generation);
        return;
    }
    p.hire_pending = false;
    if (!recruitment_allowed()) {
        return;
    }
    const RecruitmentConfig& r = cfg_->recruitment;
    const bool agency_leaving = p.contract == Contract::kAgency;
    const core::DayIndex day = today();
    const bool newly_qualified = rng_.recruitment.bernoulli(r.newly_qualified_share_of_hires);
    p.take_up(newly_qualified ? Contract::kNewlyQualified : Contract::kEmployed);
    p.holder = next_holder_++;
    p.protected_until =
        newly_qualified
            ? day + static_cast<core::DayIndex>(r.newly_qualified_protected_months * kDaysPerMonth)
            : -1;
    p.stress = cfg_->initial.stress;
    p.agency_pending = false;
    ++p.agency_generation;
    // The agency worker's children pass to the new starter in the same post.
    host_.cases_to_new_holder(post, day);
    if (detail_) {
        add_event("hire", post,
                  post_label(post) + ": " +
                      (newly_qualified ? "newly qualified social worker starts"
                                       : "experienced social worker starts") +
                      (agency_leaving ? " (agency cover ends)" : ""));
    }
}

void Workforce::on_agency_arrives(int post, std::uint64_t generation) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (p.agency_generation != generation || !p.agency_pending) {
        return;
    }
    p.agency_pending = false;
    if (!agency_allowed() || p.deleted || p.contract != Contract::kNone) {
        return;
    }
    p.take_up(Contract::kAgency);
    p.holder = next_holder_++;
    p.stress = cfg_->initial.stress;
    const double months = std::max(kWorkforceShortestAgencyMonths,
                                   cfg_->recruitment.agency_contract_months.sample(rng_.agency));
    sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kAgencyEnd,
                        static_cast<std::uint32_t>(post), p.generation);
    if (detail_) {
        add_event("agency_start", post, post_label(post) + ": agency social worker starts");
    }
}

void Workforce::on_agency_end(int post, std::uint64_t generation) {
    Post& p = posts_[static_cast<std::size_t>(post)];
    if (p.generation != generation || p.contract != Contract::kAgency) {
        return;
    }
    // After an inadequate judgement the council holds on to its agency staff.
    const bool inadequate_now = host_.is_inadequate(today());
    const bool renew =
        rng_.agency.bernoulli(inadequate_now ? cfg_->inspection.agency_renewal_probability
                                             : cfg_->recruitment.agency_renewal_probability);
    if (renew && agency_allowed() && !p.on_notice) {  // a worker who gave notice is not renewed
        const double months =
            std::max(kWorkforceShortestAgencyMonths,
                     cfg_->recruitment.agency_contract_months.sample(rng_.agency));
        sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kAgencyEnd,
                            static_cast<std::uint32_t>(post), p.generation);
        return;
    }
    if (detail_) {
        add_event("agency_end", post,
                  post_label(post) + ": agency contract ends; " + std::to_string(p.cases.size()) +
                      " cases handed over");
    }
    host_.hand_over_cases(post);
    p.holder_leaves();  // clears a notice too (an agency worker may have given one)
    falls_vacant(post);
}

bool Workforce::on_freeze_end(std::uint64_t generation) {
    if (generation != freeze_generation_ || !hiring_freeze_) {
        return false;
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
    return true;
}

void Workforce::start_hiring_freeze(double months) {
    hiring_freeze_ = true;
    ++freeze_generation_;
    if (months > 0.0) {
        sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kFreezeEnd, 0,
                            freeze_generation_);
    }
    for (Post& p : posts_) {
        p.cancel_recruitment();
        p.agency_pending = false;
        ++p.agency_generation;
    }
}

int Workforce::pending_post_cuts(int team) const {
    return team >= 0 && static_cast<std::size_t>(team) < team_post_cuts_.size()
               ? team_post_cuts_[static_cast<std::size_t>(team)]
               : 0;
}

int Workforce::pending_post_cuts() const {
    int total = 0;
    for (int quota : team_post_cuts_) {
        total += quota;
    }
    return total;
}

void Workforce::share_post_cuts(int cut) {
    // Each team's establishment: its posts not yet deleted.
    std::vector<long long> establishment;
    for (const Post& p : posts_) {
        const auto team = static_cast<std::size_t>(std::max(0, p.team));
        if (establishment.size() <= team) {
            establishment.resize(team + 1, 0);
        }
        if (!p.deleted) {
            ++establishment[team];
        }
    }
    if (establishment.empty()) {
        establishment.push_back(0);
    }
    if (team_post_cuts_.size() < establishment.size()) {
        team_post_cuts_.resize(establishment.size(), 0);
    }
    long long total = 0;
    for (long long posts : establishment) {
        total += posts;
    }
    if (total == 0) {
        team_post_cuts_.front() += cut;  // nothing left to cut: kept as a count, as one pool did
        return;
    }
    // Largest remainders in exact integer arithmetic: each team first gets the whole part of
    // cut * establishment / total, then the posts left over go one each to the largest
    // remainders, ties to the earlier team.
    std::vector<long long> remainder(establishment.size(), 0);
    int given = 0;
    for (std::size_t t = 0; t < establishment.size(); ++t) {
        const long long share = static_cast<long long>(cut) * establishment[t];
        team_post_cuts_[t] += static_cast<int>(share / total);
        given += static_cast<int>(share / total);
        remainder[t] = share % total;
    }
    for (; given < cut; ++given) {
        std::size_t best = 0;
        for (std::size_t t = 1; t < remainder.size(); ++t) {
            if (remainder[t] > remainder[best]) {
                best = t;
            }
        }
        ++team_post_cuts_[best];
        remainder[best] = -1;
    }
}

int Workforce::cut_posts(double fraction) {
    share_post_cuts(static_cast<int>(std::lround(fraction * static_cast<double>(posts_.size()))));
    const int to_delete = pending_post_cuts();
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        const Post& p = posts_[i];
        if (!p.deleted && p.contract == Contract::kNone && pending_post_cuts(p.team) > 0) {
            falls_vacant(static_cast<int>(i));
        }
    }
    return to_delete;
}

}  // namespace cssim::department::detail
