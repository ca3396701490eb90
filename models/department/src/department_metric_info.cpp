// The department's metric catalogue: unit, meaning and which direction is good news, in the
// order run_replication() reports the metrics. compare and the viewer read it from the layout.
#include <cstddef>

#include "cssim/department/department.hpp"
#include "department_teams.hpp"

namespace cssim::department {
namespace {

struct MetricRow {
    const char* name;
    const char* unit;
    int direction;  // +1 higher is better, -1 lower is better, 0 neither
    const char* description;
    const char* label;  // the title charts and tables show
};

// Directions say what a children's services director would call an improvement; demand and
// population rates (children in need, on plans, looked after) are neither good nor bad in
// themselves, so they are 0.
constexpr MetricRow kMetrics[] = {
    {"direct_time_share", "share", +1,
     "Share of social workers' hours spent with children and families",
     "Direct work (share of hours)"},
    {"admin_time_share", "share", -1, "Share of social workers' hours spent on recording and admin",
     "Admin and recording (share of hours)"},
    {"caseload_mean", "cases", -1, "Cases per case-holding FTE, time-averaged",
     "Caseload per worker"},
    {"caseload_p90", "cases", -1, "90th percentile of individual caseloads over post-days",
     "Caseload, 90th percentile"},
    {"unallocated_cases_mean", "cases", -1, "Cases waiting for a social worker, time-averaged",
     "Unallocated cases"},
    {"assessments_within_45wd_share", "share", +1, "Assessments completed within 45 working days",
     "Assessments within 45 working days"},
    {"assessment_duration_median_wd", "working days", -1, "Median assessment duration",
     "Assessment duration (median)"},
    {"re_referral_share", "share", -1, "Referrals that are re-referrals of a closed case",
     "Re-referrals"},
    {"turnover_rate", "per year", -1, "Employed leavers per year / mean employed FTE in post",
     "Staff turnover"},
    {"agency_share", "share", -1, "Agency FTE / (agency + employed) FTE", "Agency workers"},
    {"vacancy_rate", "share", -1, "Posts without an employed holder, time-averaged",
     "Vacancy rate"},
    {"sickness_absence_rate", "share", -1, "Working days lost to sickness, employed staff",
     "Sickness absence"},
    {"short_term_sickness_spells_per_fte", "per FTE per year", -1, "Short sickness spells",
     "Short sickness spells"},
    {"visits_on_time_share", "share", +1, "Statutory visits made by their due date",
     "Visits on time"},
    {"harm_events_per_10k_children", "per 10k children per year", -1, "Serious harm events",
     "Serious harm"},
    {"cin_per_10k", "per 10k children", 0, "Children in need (open cases), time-averaged",
     "Children in need"},
    {"cp_plans_per_10k", "per 10k children", 0, "Children on child protection plans",
     "Child protection plans"},
    {"looked_after_per_10k", "per 10k children", 0, "Children looked after",
     "Children looked after"},
    {"spend_total", "GBP per year", -1, "Spend on every cost line", "Spend"},
    {"overspend", "GBP per year", -1, "Spend minus budget (negative = underspend)", "Overspend"},
    {"admin_time_value_per_worker", "GBP per year", -1,
     "Social worker hours on delegable admin x hourly cost, per worker",
     "Cost of admin time per worker"},
    {"travel_time_share", "share", 0, "Share of hours spent travelling", "Travel (share of hours)"},
    {"other_time_share", "share", 0, "Share of hours in meetings, court and supervision",
     "Meetings, court, supervision (share of hours)"},
    {"overtime_hours_per_week", "hours per week", -1, "Unpaid overtime per worker",
     "Unpaid overtime"},
    {"stress_mean", "0-1", -1, "Mean stress of social workers in post", "Stress index"},
    {"long_term_sickness_spells_per_fte", "per FTE per year", -1, "Long sickness spells",
     "Long sickness spells"},
    {"referrals_per_year", "per year", 0, "Referrals, re-referrals included", "Referrals"},
    {"no_further_action_share", "share", 0, "Referrals closed with no further action",
     "No further action"},
    {"assessed_not_in_need_share", "share", 0, "Referrals assessed as not in need",
     "Assessed as not in need"},
    {"front_door_decisions_within_1wd_share", "share", +1,
     "Referral decisions within 1 working day", "Front-door decisions within 1 day"},
    {"handovers_per_year", "per year", -1, "Cases handed from one social worker to another",
     "Handovers between workers"},
    {"social_workers_per_closed_case", "workers", -1,
     "Different social workers a child had, at closure", "Social workers per closed case"},
    {"budget", "GBP per year", 0, "Budget after funding changes", "Budget"},
    {"social_workers_in_post_mean", "FTE", +1, "Case-holding social workers in post, time-averaged",
     "Social workers in post"},
    {"pa_count", "PAs", 0, "Personal assistants (admin support) in post", "Personal assistants"},
    // Issue 7: system effects.
    {"caseload_over_30_share", "share", -1, "Post-days on which a worker held more than 30 cases",
     "Caseloads over 30"},
    {"prevention_spend", "GBP per year", 0, "Health visiting and early help spend",
     "Early help and health visiting spend"},
    {"high_need_referral_share", "share", -1, "Referrals arriving at high or acute need",
     "Referrals at high need"},
    {"inspection_kpi_points_mean", "points", -1,
     "KPI points an inspection would count, time-averaged (higher is worse)",
     "Inspection warning points"},
    {"inadequate_time_share", "share", -1, "Share of days under an inadequate judgement",
     "Time judged inadequate"},
    {"blame_time_share", "share", -1, "Share of days in a blame period after serious harm",
     "Time in a blame period"},
    {"near_misses_reviewed_per_year", "per year", +1, "Near misses and harms reviewed for learning",
     "Near misses reviewed"},
    {"supervision_coverage", "share", +1,
     "Share of case-holding worker-days with a team manager available", "Supervision coverage"},
    {"manager_vacancy_rate", "share", -1, "Team manager posts vacant, time-averaged",
     "Team manager vacancies"},
    {"children_two_plus_changes_share", "share", -1,
     "Open cases with two or more changes of social worker in 12 months",
     "Children with 2+ changes of worker"},
    {"social_workers_per_child_mean", "workers", -1,
     "Different social workers children in open cases have had", "Social workers per child"},
    {"harm_per_100_child_years_two_plus_changes", "per 100 child-years", -1,
     "Serious harm rate of children with two or more recent changes of worker",
     "Harm rate, 2+ changes of worker"},
    {"harm_per_100_child_years_fewer_changes", "per 100 child-years", -1,
     "Serious harm rate of children with fewer than two recent changes of worker",
     "Harm rate, fewer changes of worker"},
    {"looked_after_three_plus_workers_share", "share", -1,
     "Children looked after on 31 March with 3 or more different social workers in the year "
     "(DfE stability measure; NaN without a looked_after stage)",
     "Looked-after children with 3+ social workers"},
    {"assessments_per_10k", "per 10k children per year", 0,
     "Child and family assessments completed (those carried by section 47 enquiries and "
     "re-assessments included)",
     "Assessments completed"},
    {"caseload_p10", "cases", 0,
     "10th percentile of individual caseloads over case-holding worker-days (daily)",
     "Caseload, 10th percentile"},
    {"caseload_p50", "cases", -1,
     "Median of individual caseloads over case-holding worker-days (daily)", "Caseload, median"},
    {"caseload_share_over_20", "share", -1,
     "Case-holding worker-days on which a worker held more than 20 cases",
     "Workers above 20 cases"},
    {"caseload_share_over_25", "share", -1,
     "Case-holding worker-days on which a worker held more than 25 cases",
     "Workers above 25 cases"},
    {"reallocations_per_year", "per year", 0,
     "Cases a team manager moved from a worker above the team's threshold to another",
     "Reallocations"},
    {"transfers_per_year", "per year", 0,
     "Children a receiving team took from another team's worker at a change of stage "
     "(practice model transfer)",
     "Transfers between teams"},
    {"transfer_wait_wd_mean", "working days", -1,
     "Working days a transferred child waited, held by the old worker, for the receiving team "
     "after its transfer point (0 without transfers)",
     "Transfer wait"},
    {"out_of_team_allocations_per_year", "per year", 0,
     "Children allocated, after waiting, to a worker of a team that does not hold their stage "
     "(practice model same_worker)",
     "Allocations outside the team"},
    // Issue 11: the spend by line; staff + placements + prevention_spend = spend_total.
    {"staff_cost_per_year", "GBP per year", 0,
     "Pay of social workers (employed and agency), team managers, personal assistants and "
     "front-door screening staff",
     "Staff spend"},
    {"social_worker_cost_per_year", "GBP per year", 0,
     "Pay of social workers in post, employed (newly qualified included) and agency",
     "Social worker spend"},
    {"agency_cost_per_year", "GBP per year", -1,
     "Pay of agency social workers (part of social_worker_cost_per_year)", "Agency spend"},
    {"manager_cost_per_year", "GBP per year", 0, "Pay of team managers in post",
     "Team manager spend"},
    {"pa_cost_per_year", "GBP per year", 0, "Pay of personal assistants (admin support)",
     "PA spend"},
    {"placement_cost_per_year", "GBP per year", 0,
     "Placements of looked-after children, by type at their weekly costs", "Placement spend"},
    {"simulation_events", "events", 0, "Events the simulation processed (a diagnostic)",
     "Simulation events"},
};

}  // namespace

std::vector<record::MetricInfo> metric_info(const DepartmentConfig& config) {
    std::vector<record::MetricInfo> info;
    for (const MetricRow& row : kMetrics) {
        info.push_back(
            record::MetricInfo{row.name, row.unit, row.description, row.direction, row.label});
    }
    for (const PathwayStage& stage : config.pathway.stages) {
        info.push_back(record::MetricInfo{"entries_per_year/" + stage.id, "per year",
                                          "Children entering stage \"" + stage.label + "\"", 0,
                                          "Entering " + stage.label});
    }
    for (const TeamConfig& team : config.teams) {
        if (team.posts_share > 0.0 && detail::has_teams(config)) {
            const std::string label = team.label.empty() ? team.id : team.label;
            info.push_back(record::MetricInfo{
                "caseload_mean/" + team.id, "cases",
                "Cases per case-holding worker in team \"" + label + "\", time-averaged", -1,
                "Caseload, " + label});
        }
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
