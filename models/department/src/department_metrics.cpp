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

/** @brief Fixed series (before the per-stage ones): name, unit, description. */
struct SeriesSpec {
    const char* name;
    const char* unit;
    const char* description;
};

constexpr SeriesSpec kSeries[] = {
    {"caseload_mean", "cases",
     "Cases held per case-holding social worker FTE in post (end of day)"},
    {"unallocated_cases", "cases", "Open cases waiting for a social worker (end of day)"},
    {"stress_mean", "share", "Mean stress of social workers in post, 0 to 1"},
    {"time_use/direct", "share", "Share of the day's hours spent in direct work with families"},
    {"time_use/admin", "share", "Share of the day's hours spent on admin and recording"},
    {"time_use/travel", "share", "Share of the day's hours spent travelling to visits"},
    {"time_use/other", "share", "Share of the day's hours in meetings, court, supervision"},
    {"agency_share", "share", "Agency workers / (agency + employed) social workers"},
    {"vacancy_rate", "share", "Posts not held by an employed social worker / posts"},
    {"sickness_absence", "share", "Share of social workers in post who are off sick"},
    {"referrals", "referrals", "Referrals received that day (new and re-referrals)"},
    {"harm_events", "events", "Serious harm events that day"},
    {"cin_per_10k", "per 10k children", "Children in need (all open social work cases)"},
    {"cp_plans_per_10k", "per 10k children", "Children on child protection plans"},
    {"looked_after_per_10k", "per 10k children", "Looked-after children"},
    {"spend_to_date", "GBP", "Spend so far in the current financial year"},
    {"budget_to_date", "GBP", "Budget so far in the current financial year"},
    {"social_workers_in_post", "FTE", "Employed and agency social workers in post"},
    {"assessments_overdue", "cases", "Assessments open longer than 45 working days"},
    {"front_door_queue", "referrals", "Referrals waiting for a screening decision"},
    {"pa_count", "FTE", "Personal assistants in post"},
    // Issue 7: system effects.
    {"prevention/capacity", "share",
     "Health visiting and early help capacity as a share of its level at the start"},
    {"prevention/referral_multiplier", "x",
     "Referral demand multiplier from prevention lost earlier (after the delay)"},
    {"inspection/judgement", "grade",
     "Latest Ofsted judgement: 0 not inspected, 1 outstanding, 2 good, 3 requires improvement, "
     "4 inadequate"},
    {"inspection/kpi_points", "points",
     "KPI points inspectors would count today (higher is worse; see docs/model.md)"},
    {"culture/harm_hazard_multiplier", "x",
     "Harm and escalation hazards relative to baseline (below 1 as a learning culture learns)"},
    {"culture/blame_active", "0/1", "1 while the department is in a blame period after harm"},
    {"management/supervision_coverage", "share",
     "Share of case-holding social workers whose team has a manager available"},
    {"management/managers_present", "FTE", "Team managers at work (not sick, not vacant)"},
    {"churn/two_plus_changes_share", "share",
     "Open cases with two or more changes of social worker in the last 12 months"},
    {"churn/social_workers_per_child", "workers",
     "Different social workers the children in open cases have had"},
};
constexpr std::size_t kFixedSeries = sizeof(kSeries) / sizeof(kSeries[0]);

const char* const kStatusNames[] = {"working",   "sick",   "long_term_sick",
                                    "on_notice", "vacant", "deleted"};
const char* const kContractNames[] = {"employed", "agency", "newly_qualified", "none"};

}  // namespace

void Model::add_event(std::string kind, std::int64_t entity, std::string text) {
    if (!detail_) {
        return;
    }
    events_.push_back(record::RecordedEvent{sim_.now(), std::move(kind), entity, std::move(text)});
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
        supervised += supervision_of(static_cast<int>(&p - posts_.data()));
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
                std::min<std::size_t>(p.cases.size(), acc_.caseload_histogram.size() - 1);
            acc_.caseload_histogram[bin] += 1.0;
            if (calendar_.is_working_day(day) && p.contract != Contract::kAgency) {
                acc_.employed_days_in_post += 1.0;
                if (p.sick) {
                    acc_.employed_days_sick += 1.0;
                }
            }
        }
    }
    double cin = 0.0;
    for (std::size_t s = 0; s < stage_counts_.size(); ++s) {
        if (cfg_.pathway.stages[s].kind == StageKind::SocialWork) {
            cin += stage_counts_[s];
        }
    }
    const double per_10k = 10000.0 / std::max(1.0, cfg_.population.children);
    const double cp = cp_stage_ >= 0 ? stage_counts_[cp_stage_] : 0.0;
    const double lac = lac_stage_ >= 0 ? stage_counts_[lac_stage_] : 0.0;
    const double caseload = holders > 0.0 ? held / holders : 0.0;
    supervision_coverage_ = holders > 0.0 ? supervised / holders : 1.0;
    update_kpis(caseload, cin, agency, holders, posts - employed, posts, employed);
    const double points = cfg_.inspection.enabled ? kpi_points() : 0.0;
    int managers_present = 0;
    for (const Manager& m : managers_) {
        managers_present += m.is_present() ? 1 : 0;
    }
    if (!cfg_.management.enabled) {
        managers_present = manager_count_;
    }
    if (measure) {
        acc_.inadequate_days += cfg_.inspection.enabled && is_inadequate(day) ? 1.0 : 0.0;
        acc_.blame_days += blame_mode_ && is_blame(day) ? 1.0 : 0.0;
        acc_.kpi_points_sum += points;
        acc_.supervision_sum += supervised;
        acc_.supervision_days += holders;
        if (cfg_.management.enabled) {
            for (const Manager& m : managers_) {
                acc_.manager_posts_sum += m.deleted ? 0.0 : 1.0;
                acc_.manager_vacant_sum += (m.vacant && !m.deleted) ? 1.0 : 0.0;
            }
        }
        acc_.days += 1.0;
        acc_.caseload_sum += caseload;
        acc_.unallocated_sum += unallocated_count_;
        acc_.cin_sum += cin * per_10k;
        acc_.cp_sum += cp * per_10k;
        acc_.lac_sum += lac * per_10k;
        acc_.employed_fte_sum += employed;
        acc_.agency_fte_sum += agency;
        acc_.posts_sum += posts;
        acc_.stress_sum += stress;
        acc_.stress_days += holders;
    }
    if (!detail_) {
        day_referrals_ = day_harm_ = 0;
        return;
    }
    auto& v = daily_.values;
    const double worked = day_direct_ + day_admin_ + day_travel_ + day_other_;
    auto share = [&](std::size_t series, double x) {
        // Weekends and bank holidays carry the last working day's time use forward.
        const double carried = v[series].empty() ? 0.0 : v[series].back();
        v[series].push_back(worked > 0.0 ? x / worked : carried);
    };
    v[0].push_back(caseload);
    v[1].push_back(unallocated_count_);
    v[2].push_back(holders > 0.0 ? stress / holders : 0.0);
    share(3, day_direct_);
    share(4, day_admin_);
    share(5, day_travel_);
    share(6, day_other_);
    v[7].push_back(employed + agency > 0.0 ? agency / (employed + agency) : 0.0);
    v[8].push_back(posts > 0.0 ? (posts - employed) / posts : 0.0);
    v[9].push_back(holders > 0.0 ? sick / holders : 0.0);
    v[10].push_back(day_referrals_);
    v[11].push_back(day_harm_);
    v[12].push_back(cin * per_10k);
    v[13].push_back(cp * per_10k);
    v[14].push_back(lac * per_10k);
    v[15].push_back(fy_spend_);
    v[16].push_back(fy_budget_);
    v[17].push_back(employed + agency);
    double overdue = 0.0;
    if (assessment_stage_ >= 0) {
        for (const Case& c : cases_) {
            if (c.active && c.stage == assessment_stage_ &&
                calendar_.working_days_between(c.referral_day, day) > 45) {
                overdue += 1.0;
            }
        }
    }
    v[18].push_back(overdue);
    v[19].push_back(static_cast<double>(screening_queue_.size()));
    v[20].push_back(pa_count_);
    {
        const std::size_t at = static_cast<std::size_t>(
            std::upper_bound(prevention_day_.begin(), prevention_day_.end(), day) -
            prevention_day_.begin());
        const std::size_t segment = at > 0 ? at - 1 : 0;
        v[21].push_back(prevention_capacity_.empty() ? 1.0 : prevention_capacity_[segment]);
        v[22].push_back(
            cfg_.prevention.enabled
                ? std::max(0.0, 1.0 + cfg_.prevention.referral_elasticity * prevention_gap_at(day))
                : 1.0);
    }
    v[23].push_back(judgement_);
    v[24].push_back(points);
    v[25].push_back(culture_hazard_multiplier());
    v[26].push_back(blame_mode_ && is_blame(day) ? 1.0 : 0.0);
    v[27].push_back(supervision_coverage_);
    v[28].push_back(managers_present);
    v[29].push_back(churn_two_plus_share_);
    v[30].push_back(churn_workers_mean_);
    for (std::size_t s = 0; s < stage_counts_.size(); ++s) {
        v[kFixedSeries + s].push_back(stage_counts_[s]);
    }
    day_referrals_ = day_harm_ = 0;

    for (std::size_t i = 0; i < posts_.size(); ++i) {
        const Post& p = posts_[i];
        record::EntityTrack& t = tracks_[i];
        Status status = Status::kWorking;
        if (p.deleted) {
            status = Status::kDeleted;
        } else if (p.contract == Contract::kNone) {
            status = Status::kVacant;
        } else if (p.sick) {
            status = p.long_sick ? Status::kLongTermSick : Status::kSick;
        } else if (p.on_notice) {
            status = Status::kOnNotice;
        }
        t.status.push_back(static_cast<std::uint8_t>(status));
        t.contract.push_back(static_cast<std::uint8_t>(p.contract));
        t.caseload.push_back(static_cast<float>(p.cases.size()));
        t.stress.push_back(static_cast<float>(p.stress));
    }
    const std::size_t pa_posts =
        tracks_.size() - posts_.size() - static_cast<std::size_t>(manager_count_);
    for (std::size_t k = 0; k < pa_posts; ++k) {
        record::EntityTrack& t = tracks_[posts_.size() + k];
        const bool filled = static_cast<int>(k) < pa_count_;
        t.status.push_back(static_cast<std::uint8_t>(filled ? Status::kWorking : Status::kDeleted));
        t.contract.push_back(
            static_cast<std::uint8_t>(filled ? Contract::kEmployed : Contract::kNone));
        t.caseload.push_back(0.0f);
        t.stress.push_back(0.0f);
    }
    for (std::size_t k = posts_.size() + pa_posts; k < tracks_.size(); ++k) {
        record::EntityTrack& t = tracks_[k];
        const std::size_t mi = k - posts_.size() - pa_posts;
        Status status = Status::kWorking;
        if (mi < managers_.size()) {
            const Manager& m = managers_[mi];
            if (m.deleted) {
                status = Status::kDeleted;
            } else if (m.vacant) {
                status = Status::kVacant;
            } else if (m.sick) {
                status = m.long_sick ? Status::kLongTermSick : Status::kSick;
            } else if (m.on_notice) {
                status = Status::kOnNotice;
            }
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
    initialise();
    if (detail_) {
        daily_.values.assign(kFixedSeries + cfg_.pathway.stages.size(), {});
        for (auto& v : daily_.values) {
            v.reserve(static_cast<std::size_t>(end_day_));
        }
        const int team = std::max(1, cfg_.workforce.team_size);
        for (std::size_t i = 0; i < posts_.size(); ++i) {
            record::EntityTrack t;
            t.id = static_cast<std::uint32_t>(i);
            t.label = "SW " + std::to_string(i + 1);
            t.role = "social_worker";
            t.team = "Team " + std::to_string(i / team + 1);
            tracks_.push_back(std::move(t));
        }
        for (int k = 0; k < pa_count_; ++k) {
            record::EntityTrack t;
            t.id = static_cast<std::uint32_t>(tracks_.size());
            t.label = "PA " + std::to_string(k + 1);
            t.role = "pa";
            t.team =
                "Team " +
                std::to_string(static_cast<int>(k * cfg_.admin_support.workers_per_pa) / team + 1);
            tracks_.push_back(std::move(t));
        }
        for (int k = 0; k < manager_count_; ++k) {
            record::EntityTrack t;
            t.id = static_cast<std::uint32_t>(tracks_.size());
            t.label = "TM " + std::to_string(k + 1);
            t.role = "team_manager";
            t.team = "Team " + std::to_string(k + 1);
            tracks_.push_back(std::move(t));
        }
    }
    sim_.run_until(core::start_of_day(end_day_), *this);
    return make_record();
}

record::ReplicationRecord Model::make_record() {
    record::ReplicationRecord r;
    r.replication = replication_;
    r.seed = seed_;
    const Accumulators& a = acc_;
    const double years = std::max(1e-9, a.days / 365.25);
    const double days = std::max(1.0, a.days);
    const double worked = a.hours_direct + a.hours_admin + a.hours_travel + a.hours_other;
    // A share of nothing (no assessments, no visits due, no managers) is undefined in this
    // replication: NaN, which the outputs report as undefined and leave out of `n`, never 0.
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    auto ratio = [](double x, double y) { return y > 0.0 ? x / y : kUndefined; };
    const double employed_mean = a.employed_fte_sum / days;
    const double agency_mean = a.agency_fte_sum / days;
    const double holders_mean = employed_mean + agency_mean;
    // P90 of individual caseloads over post-days, from the integer histogram.
    double caseload_p90 = 0.0;
    {
        const double total =
            std::accumulate(a.caseload_histogram.begin(), a.caseload_histogram.end(), 0.0);
        double cumulative = 0.0;
        for (std::size_t k = 0; k < a.caseload_histogram.size(); ++k) {
            cumulative += a.caseload_histogram[k];
            if (total > 0.0 && cumulative >= 0.9 * total) {
                caseload_p90 = static_cast<double>(k);
                break;
            }
        }
    }
    const double children_10k = std::max(1e-9, cfg_.population.children / 10000.0);
    auto add = [&](const char* name, double value) {
        r.metrics.push_back(record::MetricValue{name, value});  // NaN stays: undefined
    };
    add("direct_time_share", ratio(a.hours_direct, worked));
    add("admin_time_share", ratio(a.hours_admin, worked));
    add("caseload_mean", a.caseload_sum / days);
    add("caseload_p90", caseload_p90);
    add("unallocated_cases_mean", a.unallocated_sum / days);
    add("assessments_within_45wd_share", ratio(a.assessments_on_time, a.assessments));
    add("assessment_duration_median_wd",
        a.assessment_durations.empty() ? kUndefined : core::median(a.assessment_durations));
    add("re_referral_share", ratio(a.re_referrals, a.referrals));
    add("turnover_rate", ratio(a.employed_leavers / years, employed_mean));
    add("agency_share", ratio(agency_mean, holders_mean));
    add("vacancy_rate", ratio(a.posts_sum - a.employed_fte_sum, a.posts_sum));
    add("sickness_absence_rate", ratio(a.employed_days_sick, a.employed_days_in_post));
    add("short_term_sickness_spells_per_fte", ratio(a.short_spells / years, holders_mean));
    add("visits_on_time_share", ratio(a.visits_on_time, a.visits_on_time + a.visits_late));
    add("harm_events_per_10k_children", a.harm_events / years / children_10k);
    add("cin_per_10k", a.cin_sum / days);
    add("cp_plans_per_10k", a.cp_sum / days);
    add("looked_after_per_10k", a.lac_sum / days);
    add("spend_total", a.spend / years);
    add("overspend", (a.spend - a.budget) / years);
    add("admin_time_value_per_worker",
        ratio(a.delegable_admin_hours * cfg_.time_use.hourly_value / years, holders_mean));
    // More than DESIGN requires:
    add("travel_time_share", ratio(a.hours_travel, worked));
    add("other_time_share", ratio(a.hours_other, worked));
    add("overtime_hours_per_week", ratio(a.hours_overtime, a.working_days) * 5.0);
    add("stress_mean", ratio(a.stress_sum, a.stress_days));
    add("long_term_sickness_spells_per_fte", ratio(a.long_spells / years, holders_mean));
    add("referrals_per_year", a.referrals / years);
    add("no_further_action_share", ratio(a.no_further_action, a.referrals));
    add("assessed_not_in_need_share", ratio(a.assessed_not_in_need, a.referrals));
    add("front_door_decisions_within_1wd_share", ratio(a.screened_on_time, a.screened));
    add("handovers_per_year", a.handovers / years);
    add("social_workers_per_closed_case", ratio(a.social_workers_at_closure, a.closures));
    add("budget", a.budget / years);
    add("social_workers_in_post_mean", holders_mean);
    add("pa_count", pa_count_);
    // Issue 7: system effects.
    add("caseload_over_30_share", [&] {
        double over = 0.0, all = 0.0;
        for (std::size_t k = 0; k < a.caseload_histogram.size(); ++k) {
            all += a.caseload_histogram[k];
            over += k > 30 ? a.caseload_histogram[k] : 0.0;
        }
        return ratio(over, all);
    }());
    add("prevention_spend", a.prevention_spend / years);
    add("high_need_referral_share", ratio(a.referrals_high_need, a.referrals));
    add("inspection_kpi_points_mean", a.kpi_points_sum / days);
    add("inadequate_time_share", a.inadequate_days / days);
    add("blame_time_share", a.blame_days / days);
    add("near_misses_reviewed_per_year", a.near_misses_reviewed / years);
    add("supervision_coverage",
        a.supervision_days > 0.0 ? a.supervision_sum / a.supervision_days : 1.0);
    add("manager_vacancy_rate", ratio(a.manager_vacant_sum, a.manager_posts_sum));
    add("children_two_plus_changes_share", ratio(a.churn_two_plus_days, a.churn_case_days));
    add("social_workers_per_child_mean", ratio(a.churn_workers_sum, a.churn_case_days));
    // Harm per 100 child-years (252 working days) by the child's recent churn.
    add("harm_per_100_child_years_two_plus_changes",
        ratio(a.harm_two_plus * 100.0 * 252.0, a.exposure_two_plus));
    add("harm_per_100_child_years_fewer_changes",
        ratio(a.harm_fewer * 100.0 * 252.0, a.exposure_fewer));
    add("simulation_events", static_cast<double>(sim_.events_processed()));
    for (std::size_t i = 0; i < a.stage_entries.size(); ++i) {
        const std::string name = "entries_per_year/" + cfg_.pathway.stages[i].id;
        r.metrics.push_back(record::MetricValue{name, a.stage_entries[i] / years});
    }
    if (detail_) {
        for (std::size_t i = 0; i < daily_.values.size(); ++i) {
            record::Series s;
            if (i < kFixedSeries) {
                s.name = kSeries[i].name;
                s.unit = kSeries[i].unit;
                s.description = kSeries[i].description;
            } else {
                const PathwayStage& st = cfg_.pathway.stages[i - kFixedSeries];
                s.name = "stage/" + st.id;
                s.unit = "cases";
                s.description = "Children in stage \"" + st.label + "\" (end of day)";
            }
            s.values = std::move(daily_.values[i]);
            r.series.push_back(std::move(s));
        }
        r.tracks = std::move(tracks_);
        r.events = std::move(events_);
    }
    return r;
}

}  // namespace detail

record::ReplicationRecord run_replication(const DepartmentConfig& config, std::uint64_t master_seed,
                                          std::uint64_t replication, bool with_detail,
                                          const std::atomic<bool>* cancel) {
    detail::Model model(config, master_seed, replication, with_detail);
    model.set_cancel_flag(cancel);
    return model.run();
}

std::vector<std::string> stream_names() {
    return {"referrals",     "need",        "front_door", "pathway",   "durations",   "sickness",
            "resignation",   "recruitment", "agency",     "quality",   "re_referral", "placements",
            "initial_state", "inspection",  "culture",    "management"};
}

record::RunLayout layout(const DepartmentConfig& config) {
    record::RunLayout l;
    l.metrics = metric_info(config);
    l.start_date = config.run.start_date;
    l.days = static_cast<std::int64_t>(std::llround(config.run.years * 365.25));
    l.warmup_days = static_cast<std::int64_t>(std::llround(config.run.warmup_years * 365.25));
    for (const char* s : detail::kStatusNames) {
        l.status_names.emplace_back(s);
    }
    for (const char* s : detail::kContractNames) {
        l.contract_names.emplace_back(s);
    }
    for (const PathwayStage& s : config.pathway.stages) {
        l.nodes.push_back(record::GraphNode{s.id, s.label, "stage/" + s.id});
    }
    for (const PathwayTransition& t : config.pathway.transitions) {
        double p = t.probability;
        if (!t.probability_by_need.empty()) {
            // One number for the drawing: the mean over need levels.
            p = 0.0;
            for (double x : t.probability_by_need) {
                p += x;
            }
            p /= static_cast<double>(t.probability_by_need.size());
        }
        l.edges.push_back(record::GraphEdge{t.from, t.to, p});
    }
    return l;
}

}  // namespace cssim::department
