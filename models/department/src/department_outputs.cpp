/**
 * @file department_outputs.cpp
 * @brief The Outputs component: series registered by name and written by handle, post tracks,
 * events (department_outputs.hpp).
 */
#include "department_outputs.hpp"

#include <iterator>
#include <utility>

namespace cssim::department::detail {
namespace {

/** @brief Every scalar sum of Accumulators: a period's value is the difference of two marks. */
constexpr double Accumulators::*kScalarSums[] = {
    &Accumulators::days,
    &Accumulators::working_days,
    &Accumulators::hours_direct,
    &Accumulators::hours_admin,
    &Accumulators::hours_travel,
    &Accumulators::hours_other,
    &Accumulators::hours_overtime,
    &Accumulators::delegable_admin_hours,
    &Accumulators::caseload_sum,
    &Accumulators::unallocated_sum,
    &Accumulators::cin_sum,
    &Accumulators::cp_sum,
    &Accumulators::lac_sum,
    &Accumulators::employed_fte_sum,
    &Accumulators::agency_fte_sum,
    &Accumulators::posts_sum,
    &Accumulators::employed_leavers,
    &Accumulators::employed_days_in_post,
    &Accumulators::employed_days_sick,
    &Accumulators::short_spells,
    &Accumulators::long_spells,
    &Accumulators::stress_sum,
    &Accumulators::stress_days,
    &Accumulators::visits_on_time,
    &Accumulators::visits_late,
    &Accumulators::harm_events,
    &Accumulators::referrals,
    &Accumulators::re_referrals,
    &Accumulators::no_further_action,
    &Accumulators::assessed_not_in_need,
    &Accumulators::assessments,
    &Accumulators::assessments_on_time,
    &Accumulators::screened,
    &Accumulators::screened_on_time,
    &Accumulators::spend,
    &Accumulators::budget,
    &Accumulators::handovers,
    &Accumulators::closures,
    &Accumulators::social_workers_at_closure,
    &Accumulators::prevention_spend,
    &Accumulators::referrals_high_need,
    &Accumulators::inadequate_days,
    &Accumulators::blame_days,
    &Accumulators::kpi_points_sum,
    &Accumulators::near_misses_reviewed,
    &Accumulators::supervision_sum,
    &Accumulators::supervision_days,
    &Accumulators::manager_posts_sum,
    &Accumulators::manager_vacant_sum,
    &Accumulators::churn_case_days,
    &Accumulators::churn_two_plus_days,
    &Accumulators::churn_workers_sum,
    &Accumulators::exposure_two_plus,
    &Accumulators::exposure_fewer,
    &Accumulators::harm_two_plus,
    &Accumulators::harm_fewer,
    &Accumulators::care_census_children,
    &Accumulators::care_census_three_plus,
    &Accumulators::reallocations,
    &Accumulators::transfers,
    &Accumulators::transfer_wait_wd,
    &Accumulators::out_of_team_allocations,
    &Accumulators::employed_social_worker_spend,
    &Accumulators::agency_social_worker_spend,
    &Accumulators::pa_spend,
    &Accumulators::manager_spend,
    &Accumulators::front_door_spend,
    &Accumulators::placement_spend,
};

// A sum added to Accumulators but not to kScalarSums would be missing from every financial year:
// the sizes must agree (five vectors: caseload_histogram, assessment_durations, stage_entries,
// team_cases, team_holders).
static_assert(sizeof(Accumulators) ==
                  std::size(kScalarSums) * sizeof(double) + 5 * sizeof(std::vector<double>),
              "list every new Accumulators field in kScalarSums (department_outputs.cpp), or "
              "say how a financial year's part of it is computed");

/** @brief later - earlier element by element; a missing element of `earlier` counts as 0. */
std::vector<double> difference(const std::vector<double>& later,
                               const std::vector<double>& earlier) {
    std::vector<double> out = later;
    for (std::size_t i = 0; i < out.size() && i < earlier.size(); ++i) {
        out[i] -= earlier[i];
    }
    return out;
}

}  // namespace

void Outputs::mark_period(std::int64_t day, const MetricState& state) {
    PeriodMark mark;
    mark.day = day;
    // Copy the sums but not the durations (they only grow: a mark keeps their count).
    std::vector<double> durations = std::move(acc.assessment_durations);
    mark.acc = acc;
    acc.assessment_durations = std::move(durations);
    mark.durations_end = acc.assessment_durations.size();
    mark.state = state;
    marks_.push_back(std::move(mark));
}

Accumulators Outputs::period_accumulators(std::size_t k) const {
    const PeriodMark& from = marks_.at(k);
    const PeriodMark& to = marks_.at(k + 1);
    Accumulators a;
    for (double Accumulators::*sum : kScalarSums) {
        a.*sum = to.acc.*sum - from.acc.*sum;
    }
    a.caseload_histogram = difference(to.acc.caseload_histogram, from.acc.caseload_histogram);
    a.stage_entries = difference(to.acc.stage_entries, from.acc.stage_entries);
    a.team_cases = difference(to.acc.team_cases, from.acc.team_cases);
    a.team_holders = difference(to.acc.team_holders, from.acc.team_holders);
    const auto first = acc.assessment_durations.begin();
    a.assessment_durations.assign(first + static_cast<std::ptrdiff_t>(from.durations_end),
                                  first + static_cast<std::ptrdiff_t>(to.durations_end));
    return a;
}

SeriesHandle Outputs::add_series(std::string name, std::string unit, std::string description,
                                 std::string label) {
    record::Series s;
    s.name = std::move(name);
    s.unit = std::move(unit);
    s.description = std::move(description);
    s.label = std::move(label);
    series_.push_back(std::move(s));
    return series_.size() - 1;
}

void Outputs::reserve_days(std::size_t days) {
    if (!detail_) {
        return;
    }
    for (record::Series& s : series_) {
        s.values.reserve(days);
    }
}

std::size_t Outputs::add_track(std::string label, std::string role, std::string team) {
    record::EntityTrack t;
    t.id = static_cast<std::uint32_t>(tracks_.size());
    t.label = std::move(label);
    t.role = std::move(role);
    t.team = std::move(team);
    tracks_.push_back(std::move(t));
    return tracks_.size() - 1;
}

void Outputs::add_event(std::int64_t tick, std::string kind, std::int64_t entity,
                        std::string text) {
    if (!detail_) {
        return;
    }
    events_.push_back(record::RecordedEvent{tick, std::move(kind), entity, std::move(text)});
}

void Outputs::move_into(record::ReplicationRecord& record) {
    if (!detail_) {
        return;
    }
    record.series = std::move(series_);
    record.tracks = std::move(tracks_);
    record.events = std::move(events_);
    record.episodes = std::move(episodes_);
}

}  // namespace cssim::department::detail
