// The department's metric catalogue: unit, meaning and which direction is good news, in the
// order run_replication() reports the metrics. compare and the viewer read it from the layout.
#include <cstddef>

#include "cssim/department/department.hpp"

namespace cssim::department {
namespace {

struct MetricRow {
    const char* name;
    const char* unit;
    int direction;  // +1 higher is better, -1 lower is better, 0 neither
    const char* description;
};

// Directions say what a children's services director would call an improvement; demand and
// population rates (children in need, on plans, looked after) are neither good nor bad in
// themselves, so they are 0.
constexpr MetricRow kMetrics[] = {
    {"direct_time_share", "share", +1,
     "Share of social workers' hours spent with children and families"},
    {"admin_time_share", "share", -1,
     "Share of social workers' hours spent on recording and admin"},
    {"caseload_mean", "cases", -1, "Cases per case-holding FTE, time-averaged"},
    {"caseload_p90", "cases", -1, "90th percentile of individual caseloads over post-days"},
    {"unallocated_cases_mean", "cases", -1, "Cases waiting for a social worker, time-averaged"},
    {"assessments_within_45wd_share", "share", +1, "Assessments completed within 45 working days"},
    {"assessment_duration_median_wd", "working days", -1, "Median assessment duration"},
    {"re_referral_share", "share", -1, "Referrals that are re-referrals of a closed case"},
    {"turnover_rate", "per year", -1, "Employed leavers per year / mean employed FTE in post"},
    {"agency_share", "share", -1, "Agency FTE / (agency + employed) FTE"},
    {"vacancy_rate", "share", -1, "Posts without an employed holder, time-averaged"},
    {"sickness_absence_rate", "share", -1, "Working days lost to sickness, employed staff"},
    {"short_term_sickness_spells_per_fte", "per FTE per year", -1, "Short sickness spells"},
    {"visits_on_time_share", "share", +1, "Statutory visits made by their due date"},
    {"harm_events_per_10k_children", "per 10k children per year", -1, "Serious harm events"},
    {"cin_per_10k", "per 10k children", 0, "Children in need (open cases), time-averaged"},
    {"cp_plans_per_10k", "per 10k children", 0, "Children on child protection plans"},
    {"looked_after_per_10k", "per 10k children", 0, "Children looked after"},
    {"spend_total", "GBP per year", -1, "Spend on every cost line"},
    {"overspend", "GBP per year", -1, "Spend minus budget (negative = underspend)"},
    {"admin_time_value_per_worker", "GBP per year", -1,
     "Social worker hours on delegable admin x hourly cost, per worker"},
    {"travel_time_share", "share", 0, "Share of hours spent travelling"},
    {"other_time_share", "share", 0, "Share of hours in meetings, court and supervision"},
    {"overtime_hours_per_week", "hours per week", -1, "Unpaid overtime per worker"},
    {"stress_mean", "0-1", -1, "Mean stress of social workers in post"},
    {"long_term_sickness_spells_per_fte", "per FTE per year", -1, "Long sickness spells"},
    {"referrals_per_year", "per year", 0, "Referrals, re-referrals included"},
    {"no_further_action_share", "share", 0, "Referrals closed with no further action"},
    {"assessed_not_in_need_share", "share", 0, "Referrals assessed as not in need"},
    {"front_door_decisions_within_1wd_share", "share", +1,
     "Referral decisions within 1 working day"},
    {"handovers_per_year", "per year", -1, "Cases handed from one social worker to another"},
    {"social_workers_per_closed_case", "workers", -1,
     "Different social workers a child had, at closure"},
    {"budget", "GBP per year", 0, "Budget after funding changes"},
    {"social_workers_in_post_mean", "FTE", +1,
     "Case-holding social workers in post, time-averaged"},
    {"pa_count", "PAs", 0, "Personal assistants (admin support) in post"},
    // Issue 7: system effects.
    {"caseload_over_30_share", "share", -1, "Post-days on which a worker held more than 30 cases"},
    {"prevention_spend", "GBP per year", 0, "Health visiting and early help spend"},
    {"high_need_referral_share", "share", -1, "Referrals arriving at high or acute need"},
    {"inspection_kpi_points_mean", "points", -1,
     "KPI points an inspection would count, time-averaged (higher is worse)"},
    {"inadequate_time_share", "share", -1, "Share of days under an inadequate judgement"},
    {"blame_time_share", "share", -1, "Share of days in a blame period after serious harm"},
    {"near_misses_reviewed_per_year", "per year", +1,
     "Near misses and harms reviewed for learning"},
    {"supervision_coverage", "share", +1,
     "Share of case-holding worker-days with a team manager available"},
    {"manager_vacancy_rate", "share", -1, "Team manager posts vacant, time-averaged"},
    {"children_two_plus_changes_share", "share", -1,
     "Open cases with two or more changes of social worker in 12 months"},
    {"social_workers_per_child_mean", "workers", -1,
     "Different social workers children in open cases have had"},
    {"harm_per_100_child_years_two_plus_changes", "per 100 child-years", -1,
     "Serious harm rate of children with two or more recent changes of worker"},
    {"harm_per_100_child_years_fewer_changes", "per 100 child-years", -1,
     "Serious harm rate of children with fewer than two recent changes of worker"},
    {"simulation_events", "events", 0, "Events the simulation processed (a diagnostic)"},
};

}  // namespace

std::vector<record::MetricInfo> metric_info(const DepartmentConfig& config) {
    std::vector<record::MetricInfo> info;
    for (const MetricRow& row : kMetrics) {
        info.push_back(record::MetricInfo{row.name, row.unit, row.description, row.direction});
    }
    for (const PathwayStage& stage : config.pathway.stages) {
        info.push_back(record::MetricInfo{"entries_per_year/" + stage.id, "per year",
                                          "Children entering stage \"" + stage.label + "\"", 0});
    }
    return info;
}

std::vector<std::string> metric_names() {
    std::vector<std::string> names;
    for (const record::MetricInfo& m : metric_info(DepartmentConfig{})) {
        names.push_back(m.name);
    }
    return names;
}

}  // namespace cssim::department
