#pragma once
/**
 * @file department_outputs.hpp
 * @brief Private: the Outputs component of one replication — the post-warm-up accumulators of
 * the summary metrics, and (with detail) the daily series, per-post tracks and events.
 *
 * Series are registered by name and written through the handle add_series() returns, so no
 * mechanism depends on the position of a series in a table. Everything here is written only by
 * the components through this interface and read once, by make_record().
 */
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::department::detail {

/** @brief Post-warm-up accumulators for the summary metrics. */
struct Accumulators {
    double days = 0.0;  ///< calendar days measured
    double working_days = 0.0;
    double hours_direct = 0.0, hours_admin = 0.0, hours_travel = 0.0, hours_other = 0.0;
    double hours_overtime = 0.0;
    double delegable_admin_hours = 0.0;
    double caseload_sum = 0.0;  ///< sum over days of cases / case-holding FTE
    std::vector<double> caseload_histogram = std::vector<double>(401, 0.0);
    double unallocated_sum = 0.0;
    double cin_sum = 0.0, cp_sum = 0.0, lac_sum = 0.0;
    double employed_fte_sum = 0.0, agency_fte_sum = 0.0, posts_sum = 0.0;
    double employed_leavers = 0.0;
    double employed_days_in_post = 0.0, employed_days_sick = 0.0;
    double short_spells = 0.0, long_spells = 0.0;
    double stress_sum = 0.0, stress_days = 0.0;
    double visits_on_time = 0.0, visits_late = 0.0;
    double harm_events = 0.0;
    double referrals = 0.0, re_referrals = 0.0;
    double no_further_action = 0.0, assessed_not_in_need = 0.0;
    double assessments = 0.0, assessments_on_time = 0.0;
    std::vector<double> assessment_durations;
    double screened = 0.0, screened_on_time = 0.0;
    double spend = 0.0, budget = 0.0;
    double handovers = 0.0;
    double closures = 0.0, social_workers_at_closure = 0.0;
    std::vector<double> stage_entries;
    // Issue 7: system effects.
    double prevention_spend = 0.0;
    double referrals_high_need = 0.0;
    double inadequate_days = 0.0, blame_days = 0.0;
    double kpi_points_sum = 0.0;
    double near_misses_reviewed = 0.0;
    double supervision_sum = 0.0, supervision_days = 0.0;
    double manager_posts_sum = 0.0, manager_vacant_sum = 0.0;
    double churn_case_days = 0.0, churn_two_plus_days = 0.0, churn_workers_sum = 0.0;
    double exposure_two_plus = 0.0, exposure_fewer = 0.0;  ///< case-working-days
    double harm_two_plus = 0.0, harm_fewer = 0.0;
    // Social worker stability (DfE): children looked after at each 31 March census, and those of
    // them with 3 or more different social workers in the year.
    double care_census_children = 0.0, care_census_three_plus = 0.0;
    // Teams (issue 11 item 2): managers' moves of cases above the threshold; per team, sums
    // over days of the cases its case-holding workers hold and of those workers.
    double reallocations = 0.0;
    std::vector<double> team_cases, team_holders;
    // Transfers between teams (practice model "transfer"): children a receiving team took from
    // another team's worker, and the working days they were held waiting; under "same_worker",
    // children allocated outside the team holding their stage after waiting.
    double transfers = 0.0, transfer_wait_wd = 0.0, out_of_team_allocations = 0.0;
    // Money (issue 11): the spend by line, as Money::accrue pays it — staff by role, and the
    // placements of looked-after children (early help and health visiting: prevention_spend).
    double employed_social_worker_spend = 0.0, agency_social_worker_spend = 0.0;
    double pa_spend = 0.0, manager_spend = 0.0, front_door_spend = 0.0, placement_spend = 0.0;
};

/**
 * @brief What the summary metrics read besides the accumulators, as it stands at a moment
 * (the end of the run, or the end of a financial year).
 */
struct MetricState {
    double pa_count = 0.0;
    double events = 0.0;  ///< events processed since the start of the run
    double children = 0.0;
    double hourly_value = 0.0;
};

/**
 * @brief The accumulators and the metric state at the start of a day that opens a period
 * (the end of the warm-up, each 1 April, the end of the run). Assessment durations are not
 * copied: `durations_end` says how many had been recorded.
 */
struct PeriodMark {
    std::int64_t day = 0;
    Accumulators acc;
    std::size_t durations_end = 0;
    MetricState state;
};

/** @brief The handle of a registered daily series. */
using SeriesHandle = std::size_t;

/** @brief Accumulators, daily series, tracks and events of one replication. */
class Outputs {
public:
    /** @brief With `detail`, series values, tracks and events are kept; otherwise dropped. */
    explicit Outputs(bool detail) : detail_(detail) {}

    /** @brief True when series, tracks and events are kept. */
    bool detail() const { return detail_; }

    /** @brief Registers a daily series; its values are written through the returned handle.
     * Series appear in the record in the order they are registered. */
    SeriesHandle add_series(std::string name, std::string unit, std::string description,
                            std::string label);

    /** @brief Reserves room for `days` values in every series registered so far. */
    void reserve_days(std::size_t days);

    /** @brief Appends today's value of a series (ignored without detail). */
    void push(SeriesHandle series, double value) {
        if (detail_) {
            series_[series].values.push_back(value);
        }
    }

    /** @brief The latest value of a series, or `fallback` before its first day. */
    double last(SeriesHandle series, double fallback) const {
        const std::vector<double>& v = series_[series].values;
        return v.empty() ? fallback : v.back();
    }

    /** @brief Registers the daily track of a post (social worker, PA, team manager); returns
     * its handle, which is also its entity id in events. */
    std::size_t add_track(std::string label, std::string role, std::string team);

    /** @brief The track registered under `handle`. */
    record::EntityTrack& track(std::size_t handle) { return tracks_[handle]; }

    /** @brief Number of registered tracks. */
    std::size_t track_count() const { return tracks_.size(); }

    /** @brief Records a dated event for the ticker (ignored without detail). */
    void add_event(std::int64_t tick, std::string kind, std::int64_t entity, std::string text);

    /** @brief Records the accumulators as they stand at the start of `day` (a period boundary:
     * the end of the warm-up, a 1 April, the end of the run). */
    void mark_period(std::int64_t day, const MetricState& state);

    /** @brief The marks so far, in the order they were taken. */
    const std::vector<PeriodMark>& period_marks() const { return marks_; }

    /** @brief The accumulators of the period between marks k and k + 1: every sum is the
     * difference of the two marks, the assessment durations those recorded in between. */
    Accumulators period_accumulators(std::size_t k) const;

    /** @brief Records a finished stage episode (ignored without detail). */
    void add_episode(record::EpisodeRecord episode) {
        if (detail_) {
            episodes_.push_back(std::move(episode));
        }
    }

    /** @brief Counts one child looked after at a 31 March census who had `workers` different
     * social workers during the year (every replication, not only detailed ones). */
    void count_care_census(int workers) {
        acc.care_census_children += 1.0;
        acc.care_census_three_plus += workers >= 3 ? 1.0 : 0.0;
    }

    /** @brief Moves the series, tracks, events and episodes into `record` (once, at the end). */
    void move_into(record::ReplicationRecord& record);

    Accumulators acc;  ///< post-warm-up sums, written by every component while measuring

private:
    bool detail_;
    std::vector<record::Series> series_;
    std::vector<record::EntityTrack> tracks_;
    std::vector<record::RecordedEvent> events_;
    std::vector<PeriodMark> marks_;
    std::vector<record::EpisodeRecord> episodes_;
};

}  // namespace cssim::department::detail
