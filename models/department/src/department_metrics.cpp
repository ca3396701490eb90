/**
 * @file department_metrics.cpp
 * @brief The daily snapshot, the summary metrics (DESIGN §3 names), the detail record (series,
 * post tracks, events), the run layout, and the public entry points.
 */
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cssim/core/statistics.hpp"
#include "cssim/department/department.hpp"
#include "department_state.hpp"

namespace cssim::department {
namespace detail {
namespace {

/** @brief A daily series: the handle it is written through, its name, unit, description and
 * the label charts show. */
struct SeriesSpec {
    SeriesHandle DailySeriesHandles::*handle;
    const char* name;
    const char* unit;
    const char* description;
    const char* label;  // the title charts show
};

constexpr SeriesSpec kSeries[] = {
    {&DailySeriesHandles::caseload, "caseload_mean", "cases",
     "Cases held per case-holding social worker FTE in post (end of day)", "Caseload per worker"},
    {&DailySeriesHandles::unallocated, "unallocated_cases", "cases",
     "Open cases waiting for a social worker (end of day)", "Unallocated cases"},
    {&DailySeriesHandles::stress, "stress_mean", "0-1",
     "Mean stress of social workers in post, an index from 0 to 1", "Stress index"},
    {&DailySeriesHandles::direct, "time_use/direct", "share",
     "Share of the day's hours spent in direct work with families", "Direct work"},
    {&DailySeriesHandles::admin, "time_use/admin", "share",
     "Share of the day's hours spent on admin and recording", "Admin and recording"},
    {&DailySeriesHandles::travel, "time_use/travel", "share",
     "Share of the day's hours spent travelling to visits", "Travel"},
    {&DailySeriesHandles::other, "time_use/other", "share",
     "Share of the day's hours in meetings, court, supervision", "Meetings, court, supervision"},
    {&DailySeriesHandles::agency, "agency_share", "share",
     "Agency workers / (agency + employed) social workers", "Agency workers"},
    {&DailySeriesHandles::vacancy, "vacancy_rate", "share",
     "Posts not held by an employed social worker / posts", "Vacancy rate"},
    {&DailySeriesHandles::sickness, "sickness_absence", "share",
     "Share of social workers in post who are off sick", "Off sick"},
    {&DailySeriesHandles::referrals, "referrals", "referrals",
     "Referrals received that day (new and re-referrals)", "Referrals per day"},
    {&DailySeriesHandles::harm, "harm_events", "events", "Serious harm events that day",
     "Serious harm events"},
    {&DailySeriesHandles::cin, "cin_per_10k", "per 10k children",
     "Children in need (all open social work cases)", "Children in need"},
    {&DailySeriesHandles::cp, "cp_plans_per_10k", "per 10k children",
     "Children on child protection plans", "Child protection plans"},
    {&DailySeriesHandles::lac, "looked_after_per_10k", "per 10k children", "Looked-after children",
     "Children looked after"},
    {&DailySeriesHandles::spend, "spend_to_date", "GBP",
     "Spend so far in the current financial year", "Spend this year"},
    {&DailySeriesHandles::budget, "budget_to_date", "GBP",
     "Budget so far in the current financial year", "Budget this year"},
    {&DailySeriesHandles::in_post, "social_workers_in_post", "FTE",
     "Employed and agency social workers in post", "Social workers in post"},
    {&DailySeriesHandles::assessments_overdue, "assessments_overdue", "cases",
     "Assessments open longer than 45 working days", "Assessments overdue"},
    {&DailySeriesHandles::front_door_queue, "front_door_queue", "referrals",
     "Referrals waiting for a screening decision", "Front-door queue"},
    {&DailySeriesHandles::pa_count, "pa_count", "FTE", "Personal assistants in post",
     "Personal assistants"},
    // Issue 7: system effects.
    {&DailySeriesHandles::prevention_capacity, "prevention/capacity", "share",
     "Health visiting and early help capacity as a share of its level at the start",
     "Early help capacity"},
    {&DailySeriesHandles::prevention_multiplier, "prevention/referral_multiplier", "x",
     "Referral demand multiplier from prevention lost earlier (after the delay)",
     "Demand from lost prevention"},
    {&DailySeriesHandles::judgement, "inspection/judgement", "grade",
     "Latest Ofsted judgement: 0 not inspected, 1 outstanding, 2 good, 3 requires improvement, "
     "4 inadequate",
     "Ofsted judgement"},
    {&DailySeriesHandles::kpi_points, "inspection/kpi_points", "points",
     "KPI points inspectors would count today (higher is worse; see docs/model.md)",
     "Inspection warning points"},
    {&DailySeriesHandles::culture_multiplier, "culture/harm_hazard_multiplier", "x",
     "Harm and escalation hazards relative to baseline (below 1 as a learning culture learns)",
     "Harm risk vs baseline"},
    {&DailySeriesHandles::blame, "culture/blame_active", "0/1",
     "1 while the department is in a blame period after harm", "Blame period"},
    {&DailySeriesHandles::supervision, "management/supervision_coverage", "share",
     "Share of case-holding social workers whose team has a manager available",
     "Supervision coverage"},
    {&DailySeriesHandles::managers_present, "management/managers_present", "FTE",
     "Team managers at work (not sick, not vacant)", "Team managers at work"},
    {&DailySeriesHandles::churn_two_plus, "churn/two_plus_changes_share", "share",
     "Open cases with two or more changes of social worker in the last 12 months",
     "Children with 2+ changes of worker"},
    {&DailySeriesHandles::churn_workers, "churn/social_workers_per_child", "workers",
     "Different social workers the children in open cases have had", "Social workers per child"},
};

}  // namespace

void Model::add_event(std::string kind, std::int64_t entity, std::string text) {
    outputs_.add_event(sim_.now(), std::move(kind), entity, std::move(text));
}

void Model::register_outputs() {
    for (const SeriesSpec& spec : kSeries) {
        series_.*spec.handle =
            outputs_.add_series(spec.name, spec.unit, spec.description, spec.label);
    }
    series_.stages.clear();
    for (const PathwayStage& st : cfg_->pathway.stages) {
        series_.stages.push_back(
            outputs_.add_series("stage/" + st.id, "cases",
                                "Children in stage \"" + st.label + "\" (end of day)", st.label));
    }
    series_.sources.clear();
    for (const std::string& name : demand_.source_names()) {
        series_.sources.push_back(outputs_.add_series(
            "referral_source/" + name, "referrals",
            "New referrals from source \"" + name + "\" that day (re-referrals not included)",
            "Referrals from " + name));
    }
    outputs_.reserve_days(static_cast<std::size_t>(end_day_));
    if (!detail_) {
        return;
    }
    const int team = std::max(1, cfg_->workforce.team_size);
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        outputs_.add_track("SW " + std::to_string(i + 1), "social_worker",
                           post_team_label(static_cast<int>(i)));
    }
    // Room for the most PAs any dated change provides (the rest show as deleted posts).
    int pa_tracks = pa_count_;
    double pa_span = cfg_->admin_support.workers_per_pa;  // workers per PA, for the team labels
    for (const DatedChange& change : changes_) {
        const int n = pa_posts_for(*change.config, static_cast<int>(posts_.size()));
        if (n > pa_tracks) {
            pa_tracks = n;
            pa_span = change.config->admin_support.workers_per_pa;
        }
    }
    for (int k = 0; k < pa_tracks; ++k) {
        outputs_.add_track("PA " + std::to_string(k + 1), "pa",
                           "Team " + std::to_string(static_cast<int>(k * pa_span) / team + 1));
    }
    for (int k = 0; k < manager_count_; ++k) {
        outputs_.add_track("TM " + std::to_string(k + 1), "team_manager",
                           "Team " + std::to_string(k + 1));
    }
}

std::string Model::post_team_label(int post) const {
    if (allocation_.teams().front().config_index >= 0) {
        return allocation_
            .teams()[static_cast<std::size_t>(posts_[static_cast<std::size_t>(post)].team)]
            .label;
    }
    return "Team " + std::to_string(post / std::max(1, cfg_->workforce.team_size) + 1);
}

void Model::snapshot(core::DayIndex day) {
    double held = 0.0, holders = 0.0, employed = 0.0, agency = 0.0, posts = 0.0, sick = 0.0;
    double stress = 0.0, supervised = 0.0;
    const bool measure = measuring();
    for (const Post& p : posts_) {
        if (p.deleted) {
            continue;
        }
        posts += 1.0;
        if (!is_case_holder(p)) {
            continue;
        }
        holders += 1.0;
        supervised += managers_.supervision_of(static_cast<int>(&p - posts_.data()));
        held += static_cast<double>(p.cases.size());
        stress += p.stress;
        if (p.sick) {
            sick += 1.0;
        }
        if (p.contract == Contract::kAgency) {
            agency += 1.0;
        } else {
            employed += 1.0;
        }
        if (measure) {
            const std::size_t bin =
                std::min<std::size_t>(p.cases.size(), outputs_.acc.caseload_histogram.size() - 1);
            outputs_.acc.caseload_histogram[bin] += 1.0;
            outputs_.acc.team_cases[static_cast<std::size_t>(p.team)] +=
                static_cast<double>(p.cases.size());
            outputs_.acc.team_holders[static_cast<std::size_t>(p.team)] += 1.0;
            if (calendar_.is_working_day(day) && p.contract != Contract::kAgency) {
                outputs_.acc.employed_days_in_post += 1.0;
                if (p.sick) {
                    outputs_.acc.employed_days_sick += 1.0;
                }
            }
        }
    }
    double cin = 0.0;
    for (std::size_t s = 0; s < stage_counts_.size(); ++s) {
        if (cfg_->pathway.stages[s].kind == StageKind::SocialWork) {
            cin += stage_counts_[s];
        }
    }
    const double per_10k = 10000.0 / std::max(1.0, cfg_->population.children);
    const double cp = cp_stage_ >= 0 ? stage_counts_[cp_stage_] : 0.0;
    const double lac = lac_stage_ >= 0 ? stage_counts_[lac_stage_] : 0.0;
    const double caseload = holders > 0.0 ? held / holders : 0.0;
    supervision_coverage_ = holders > 0.0 ? supervised / holders : 1.0;
    system_.update_kpis(KpiDay{caseload, static_cast<double>(allocation_.waiting()), cin, agency,
                               holders, posts - employed, posts, employed});
    const double points = cfg_->inspection.enabled ? system_.kpi_points() : 0.0;
    int managers_present = managers_.present();
    if (!cfg_->management.enabled) {
        managers_present = manager_count_;
    }
    if (measure) {
        outputs_.acc.inadequate_days += system_.is_inadequate(day) ? 1.0 : 0.0;
        outputs_.acc.blame_days += system_.in_blame(day) ? 1.0 : 0.0;
        outputs_.acc.kpi_points_sum += points;
        outputs_.acc.supervision_sum += supervised;
        outputs_.acc.supervision_days += holders;
        if (cfg_->management.enabled) {
            for (const Manager& m : managers_.posts()) {
                outputs_.acc.manager_posts_sum += m.deleted ? 0.0 : 1.0;
                outputs_.acc.manager_vacant_sum += m.is_vacant() ? 1.0 : 0.0;
            }
        }
        outputs_.acc.days += 1.0;
        outputs_.acc.caseload_sum += caseload;
        outputs_.acc.unallocated_sum += allocation_.waiting();
        outputs_.acc.cin_sum += cin * per_10k;
        outputs_.acc.cp_sum += cp * per_10k;
        outputs_.acc.lac_sum += lac * per_10k;
        outputs_.acc.employed_fte_sum += employed;
        outputs_.acc.agency_fte_sum += agency;
        outputs_.acc.posts_sum += posts;
        outputs_.acc.stress_sum += stress;
        outputs_.acc.stress_days += holders;
    }
    if (!detail_) {
        for (std::size_t s = 0; s < series_.sources.size(); ++s) {
            outputs_.push(series_.sources[s], demand_.day_source_referrals()[s]);
            demand_.day_source_referrals()[s] = 0;
        }
        day_referrals_ = 0;
        quality_.clear_harm_today();
        return;
    }
    const DailySeriesHandles& h = series_;
    const double worked = day_direct_ + day_admin_ + day_travel_ + day_other_;
    auto share = [&](SeriesHandle series, double x) {
        // Weekends and bank holidays carry the last working day's time use forward.
        outputs_.push(series, worked > 0.0 ? x / worked : outputs_.last(series, 0.0));
    };
    outputs_.push(h.caseload, caseload);
    outputs_.push(h.unallocated, allocation_.waiting());
    outputs_.push(h.stress, holders > 0.0 ? stress / holders : 0.0);
    share(h.direct, day_direct_);
    share(h.admin, day_admin_);
    share(h.travel, day_travel_);
    share(h.other, day_other_);
    outputs_.push(h.agency, employed + agency > 0.0 ? agency / (employed + agency) : 0.0);
    outputs_.push(h.vacancy, posts > 0.0 ? (posts - employed) / posts : 0.0);
    outputs_.push(h.sickness, holders > 0.0 ? sick / holders : 0.0);
    outputs_.push(h.referrals, day_referrals_);
    outputs_.push(h.harm, quality_.harm_today());
    outputs_.push(h.cin, cin * per_10k);
    outputs_.push(h.cp, cp * per_10k);
    outputs_.push(h.lac, lac * per_10k);
    outputs_.push(h.spend, money_.year_spend());
    outputs_.push(h.budget, money_.year_budget());
    outputs_.push(h.in_post, employed + agency);
    double overdue = 0.0;
    if (assessment_stage_ >= 0) {
        const int deadline = cfg_->pathway.stages[assessment_stage_].deadline_wd;
        for (const Case& c : cases_) {
            if (c.active && c.stage == assessment_stage_ &&
                calendar_.working_days_between(c.referral_day, day) > deadline) {
                overdue += 1.0;
            }
        }
    }
    outputs_.push(h.assessments_overdue, overdue);
    outputs_.push(h.front_door_queue, static_cast<double>(screening_queue_.size()));
    outputs_.push(h.pa_count, pa_count_);
    {
        outputs_.push(h.prevention_capacity, system_.prevention_capacity_at(day));
        outputs_.push(h.prevention_multiplier,
                      cfg_->prevention.enabled
                          ? std::max(0.0, 1.0 + cfg_->prevention.referral_elasticity *
                                                    system_.prevention_gap_at(day))
                          : 1.0);
    }
    outputs_.push(h.judgement, system_.judgement());
    outputs_.push(h.kpi_points, points);
    outputs_.push(h.culture_multiplier, system_.culture_hazard_multiplier());
    outputs_.push(h.blame, system_.in_blame(day) ? 1.0 : 0.0);
    outputs_.push(h.supervision, supervision_coverage_);
    outputs_.push(h.managers_present, managers_present);
    outputs_.push(h.churn_two_plus, quality_.churn().two_plus_share);
    outputs_.push(h.churn_workers, quality_.churn().workers_mean);
    for (std::size_t s = 0; s < stage_counts_.size(); ++s) {
        outputs_.push(h.stages[s], stage_counts_[s]);
    }
    for (std::size_t s = 0; s < series_.sources.size(); ++s) {
        outputs_.push(series_.sources[s], demand_.day_source_referrals()[s]);
        demand_.day_source_referrals()[s] = 0;
    }
    day_referrals_ = 0;
    quality_.clear_harm_today();

    for (std::size_t i = 0; i < posts_.size(); ++i) {
        const Post& p = posts_[i];
        record::EntityTrack& t = outputs_.track(i);
        t.status.push_back(static_cast<std::uint8_t>(p.status()));
        t.contract.push_back(static_cast<std::uint8_t>(p.contract));
        t.caseload.push_back(static_cast<float>(p.cases.size()));
        t.stress.push_back(static_cast<float>(p.stress));
    }
    const std::size_t tracks = outputs_.track_count();
    const std::size_t pa_posts = tracks - posts_.size() - static_cast<std::size_t>(manager_count_);
    for (std::size_t k = 0; k < pa_posts; ++k) {
        record::EntityTrack& t = outputs_.track(posts_.size() + k);
        const bool filled = static_cast<int>(k) < pa_count_;
        t.status.push_back(static_cast<std::uint8_t>(filled ? Status::kWorking : Status::kDeleted));
        t.contract.push_back(
            static_cast<std::uint8_t>(filled ? Contract::kEmployed : Contract::kNone));
        t.caseload.push_back(0.0f);
        t.stress.push_back(0.0f);
    }
    for (std::size_t k = posts_.size() + pa_posts; k < tracks; ++k) {
        record::EntityTrack& t = outputs_.track(k);
        const std::size_t mi = k - posts_.size() - pa_posts;
        Status status = Status::kWorking;
        if (mi < managers_.posts().size()) {
            status = managers_.posts()[mi].status();
        }
        t.status.push_back(static_cast<std::uint8_t>(status));
        t.contract.push_back(static_cast<std::uint8_t>(
            status == Status::kVacant || status == Status::kDeleted ? Contract::kNone
                                                                    : Contract::kEmployed));
        t.caseload.push_back(0.0f);
        t.stress.push_back(0.0f);
    }
}

record::ReplicationRecord Model::run() {
    plan_periods();
    mark_due_periods();  // a run without warm-up: its first period starts before day 0's set-up
    initialise();
    register_outputs();
    sim_.run_until(core::start_of_day(end_day_), *this);
    while (next_mark_ < period_days_.size()) {  // the end of the run (and any boundary left)
        outputs_.mark_period(period_days_[next_mark_++], metric_state());
    }
    return make_record();
}

}  // namespace detail

std::vector<std::string> series_names(const DepartmentConfig& config) {
    std::vector<std::string> names;
    for (const detail::SeriesSpec& spec : detail::kSeries) {
        names.emplace_back(spec.name);
    }
    for (const PathwayStage& st : config.pathway.stages) {
        names.push_back("stage/" + st.id);
    }
    return names;
}

}  // namespace cssim::department
