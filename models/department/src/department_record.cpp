/**
 * @file department_record.cpp
 * @brief The summary metrics of one replication (DESIGN §3 names) from the Outputs
 * accumulators, the run layout, and the public entry points.
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "cssim/core/statistics.hpp"
#include "cssim/department/department.hpp"
#include "cssim/department/run_calendar.hpp"
#include "department_state.hpp"

namespace cssim::department {
namespace detail {
namespace {

const char* const kStatusNames[] = {"working",   "sick",   "long_term_sick",
                                    "on_notice", "vacant", "deleted"};
const char* const kContractNames[] = {"employed", "agency", "newly_qualified", "none"};

}  // namespace

MetricState Model::metric_state() const {
    MetricState s;
    s.pa_count = pa_count_;
    s.events = static_cast<double>(sim_.events_processed());
    s.children = cfg_->population.children;
    s.hourly_value = cfg_->time_use.hourly_value;
    return s;
}

void Model::plan_periods() {
    period_days_.clear();
    next_mark_ = 0;
    if (warmup_day_ >= end_day_) {
        return;  // nothing is measured
    }
    period_days_.push_back(warmup_day_);
    for (int fy = calendar_.financial_year(warmup_day_) + 1;; ++fy) {
        const core::DayIndex start = calendar_.financial_year_start(fy);
        if (start >= end_day_) {
            break;
        }
        period_days_.push_back(start);
    }
    period_days_.push_back(end_day_);
}

std::vector<record::PeriodRecord> Model::period_records() const {
    std::vector<record::PeriodRecord> out;
    const std::vector<PeriodMark>& marks = outputs_.period_marks();
    for (std::size_t k = 0; k + 1 < marks.size(); ++k) {
        const core::DayIndex from = marks[k].day;
        const core::DayIndex to = marks[k + 1].day;
        const int fy = calendar_.financial_year(from);
        record::PeriodRecord p;
        char label[32];
        std::snprintf(label, sizeof label, "%d-%02d", fy, (fy + 1) % 100);
        p.label = label;
        p.partial = from != calendar_.financial_year_start(fy) ||
                    to != calendar_.financial_year_start(fy + 1);
        if (p.partial) {
            p.label += " (partial)";
        }
        p.from = calendar_.date_of(from).to_string();
        p.to = calendar_.date_of(to - 1).to_string();
        p.days = to - from;
        p.metrics = metrics_of(outputs_.period_accumulators(k), marks[k + 1].state);
        out.push_back(std::move(p));
    }
    return out;
}

record::ReplicationRecord Model::make_record() {
    record::ReplicationRecord r;
    r.replication = replication_;
    r.seed = seed_;
    r.metrics = metrics_of(outputs_.acc, metric_state());
    r.periods = period_records();
    outputs_.move_into(r);
    return r;
}

std::vector<record::MetricValue> Model::metrics_of(const Accumulators& a,
                                                   const MetricState& state) const {
    std::vector<record::MetricValue> metrics;
    const double years = std::max(1e-9, a.days / kDaysPerYear);
    const double days = std::max(1.0, a.days);
    const double worked = a.hours_direct + a.hours_admin + a.hours_travel + a.hours_other;
    // A share of nothing (no assessments, no visits due, no managers) is undefined in this
    // replication: NaN, which the outputs report as undefined and leave out of `n`, never 0.
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    auto ratio = [](double x, double y) { return y > 0.0 ? x / y : kUndefined; };
    const double employed_mean = a.employed_fte_sum / days;
    const double agency_mean = a.agency_fte_sum / days;
    const double holders_mean = employed_mean + agency_mean;
    // Percentiles of individual caseloads over case-holding worker-days (sampled daily), from
    // the integer histogram: the smallest k with at least q of the worker-days at or below k.
    const double caseload_days =
        std::accumulate(a.caseload_histogram.begin(), a.caseload_histogram.end(), 0.0);
    auto caseload_quantile = [&](double q) {
        double cumulative = 0.0;
        for (std::size_t k = 0; k < a.caseload_histogram.size(); ++k) {
            cumulative += a.caseload_histogram[k];
            if (caseload_days > 0.0 && cumulative >= q * caseload_days) {
                return static_cast<double>(k);
            }
        }
        return 0.0;
    };
    auto caseload_share_over = [&](std::size_t limit) {
        double over = 0.0;
        for (std::size_t k = limit + 1; k < a.caseload_histogram.size(); ++k) {
            over += a.caseload_histogram[k];
        }
        return caseload_days > 0.0 ? over / caseload_days
                                   : std::numeric_limits<double>::quiet_NaN();
    };
    const double caseload_p90 = caseload_quantile(0.9);
    const double children_10k = std::max(1e-9, state.children / 10000.0);
    auto add = [&](const char* name, double value) {
        metrics.push_back(record::MetricValue{name, value});  // NaN stays: undefined
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
        ratio(a.delegable_admin_hours * state.hourly_value / years, holders_mean));
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
    add("pa_count", state.pa_count);
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
        ratio(a.harm_two_plus * 100.0 * kWorkingDaysPerYear, a.exposure_two_plus));
    add("harm_per_100_child_years_fewer_changes",
        ratio(a.harm_fewer * 100.0 * kWorkingDaysPerYear, a.exposure_fewer));
    // Issue 11: social worker stability as the DfE counts it (31 March censuses).
    add("looked_after_three_plus_workers_share",
        ratio(a.care_census_three_plus, a.care_census_children));
    // Issue 11 item 3: assessments completed (every section 47 enquiry carries one).
    add("assessments_per_10k", a.assessments / years / children_10k);
    // Issue 11 item 2: the spread of caseloads across case-holding workers (worker-days).
    add("caseload_p10", caseload_quantile(0.1));
    add("caseload_p50", caseload_quantile(0.5));
    add("caseload_share_over_20", caseload_share_over(20));
    add("caseload_share_over_25", caseload_share_over(25));
    add("reallocations_per_year", a.reallocations / years);
    add("transfers_per_year", a.transfers / years);
    // 0 without transfers (base, same_worker), so that the metric is defined in every run.
    add("transfer_wait_wd_mean", a.transfers > 0.0 ? a.transfer_wait_wd / a.transfers : 0.0);
    add("out_of_team_allocations_per_year", a.out_of_team_allocations / years);
    // Issue 11: the spend by line (Money::accrue). staff_cost + placement_cost +
    // prevention_spend = spend_total; staff_cost also counts the front-door screening staff.
    const double social_workers = a.employed_social_worker_spend + a.agency_social_worker_spend;
    add("staff_cost_per_year",
        (social_workers + a.manager_spend + a.pa_spend + a.front_door_spend) / years);
    add("social_worker_cost_per_year", social_workers / years);
    add("agency_cost_per_year", a.agency_social_worker_spend / years);
    add("manager_cost_per_year", a.manager_spend / years);
    add("pa_cost_per_year", a.pa_spend / years);
    add("placement_cost_per_year", a.placement_spend / years);
    add("simulation_events", state.events);
    for (std::size_t i = 0; i < a.stage_entries.size(); ++i) {
        const std::string name = "entries_per_year/" + cfg_->pathway.stages[i].id;
        metrics.push_back(record::MetricValue{name, a.stage_entries[i] / years});
    }
    // Caseload per team (cases / case-holding workers, summed over the days), for the teams
    // of the scenario that hold posts.
    for (std::size_t t = 0; t < allocation_.teams().size() && t < a.team_cases.size(); ++t) {
        const int k = allocation_.teams()[t].config_index;
        if (k >= 0 && cfg_->teams[static_cast<std::size_t>(k)].posts_share > 0.0) {
            metrics.push_back(record::MetricValue{"caseload_mean/" + allocation_.teams()[t].id,
                                                  ratio(a.team_cases[t], a.team_holders[t])});
        }
    }
    return metrics;
}

}  // namespace detail

record::ReplicationRecord run_replication(const DepartmentConfig& config, std::uint64_t master_seed,
                                          std::uint64_t replication, bool with_detail,
                                          const std::atomic<bool>* cancel, bool with_episodes) {
    detail::Model model(config, master_seed, replication, with_detail, with_episodes);
    model.set_cancel_flag(cancel);
    return model.run();
}

std::vector<std::string> stream_names() {
    return {"referrals",   "need",          "front_door",     "pathway",    "durations",
            "sickness",    "resignation",   "recruitment",    "agency",     "quality",
            "re_referral", "placements",    "initial_state",  "inspection", "culture",
            "management",  "referral_rate", "referral_source"};
}

record::RunLayout layout(const DepartmentConfig& config) {
    record::RunLayout l;
    l.metrics = metric_info(config);
    l.start_date = config.run.start_date;
    l.days = days_in_years(config.run.start_date, config.run.years);
    l.warmup_days = days_in_years(config.run.start_date, config.run.warmup_years);
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
