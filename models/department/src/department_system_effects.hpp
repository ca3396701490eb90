#pragma once
/**
 * @file department_system_effects.hpp
 * @brief Private: the SystemEffects component (issue 7) — prevention by health visiting and
 * early help, Ofsted inspection and its judgement, and the organisation's culture after harm.
 *
 * It owns its state and its two random streams ("inspection", "culture"). The other components
 * tell it what happened (visits, assessments, leavers, harm, near misses, the day's KPIs) and ask
 * it how the system bears on them (blame, an inadequate judgement, the hazard multiplier, the
 * referral demand lost prevention returns as).
 */
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_constants.hpp"
#include "department_outputs.hpp"

namespace cssim::department::detail {

/** @brief Exponential averages of the KPIs an inspection looks at (issue 7). Ratios keep their
 * numerator and denominator apart so that a quiet day does not count as a perfect one. */
struct KpiAverages {
    double caseload = 0.0, unallocated = 0.0, open_cases = 0.0;
    double visits_on_time = 0.0, visits = 0.0, assessments_on_time = 0.0, assessments = 0.0;
    double agency = 0.0, holders = 0.0, vacant = 0.0, posts = 0.0;
    double leavers_per_year = 0.0, employed = 0.0;
    bool started = false;
};

/** @brief The day's workforce and caseload figures the KPIs average. */
struct KpiDay {
    double caseload = 0.0, unallocated = 0.0, open_cases = 0.0, agency = 0.0, holders = 0.0,
           vacant = 0.0, posts = 0.0, employed = 0.0;
};

/** @brief Prevention, inspection and culture of one replication. */
class SystemEffects {
public:
    /** @brief `config` is read when the effects act (it may change at a date). */
    SystemEffects(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
                  const core::Simulation& sim, Outputs& outputs, core::RandomStream inspection,
                  core::RandomStream culture);

    /** @brief Follows a dated change of configuration (culture mode and KPI names re-read). */
    void on_config_changed(const DepartmentConfig& config);

    // Prevention -------------------------------------------------------------------------------
    /** @brief Prevention capacity on `day` as a share of its level at the start (the dated
     * funding changes' cuts to health visiting and early help, weighted). */
    double prevention_capacity_on(double day) const;
    /** @brief Advances the lagged prevention gap to the month starting `segment_start`
     * (midpoint `mid_day`); returns the month's referral multiplier. Months in order. */
    double advance_prevention(core::DayIndex segment_start, double mid_day);
    /** @brief Forgets the months advanced (the referral process is rebuilt). */
    void reset_prevention();
    /** @brief The lagged prevention gap in force on `day` (0 before the first month). */
    double prevention_gap_at(core::DayIndex day) const;
    /** @brief The capacity share of the month holding `day`, for the series. */
    double prevention_capacity_at(core::DayIndex day) const;

    // Inspection -------------------------------------------------------------------------------
    /** @brief A statutory visit was made (on time or late). */
    void count_visit(bool on_time) {
        ++day_visits_;
        day_visits_on_time_ += on_time ? 1 : 0;
    }
    /** @brief An assessment was completed (within its deadline or not). */
    void count_assessment(bool on_time) {
        ++day_assessments_;
        day_assessments_on_time_ += on_time ? 1 : 0;
    }
    /** @brief An employed social worker left. */
    void count_leaver() { ++day_leavers_; }
    /** @brief Blends the day's figures (and the day's counts, then cleared) into the averages. */
    void update_kpis(const KpiDay& today);
    /** @brief KPI points inspectors would count now (higher is worse). */
    double kpi_points() const;
    /** @brief Inspects on `day`: judges, records the event; returns the judgement (1-4). */
    int inspect(core::DayIndex day);
    /** @brief One draw per post in a resignation wave: does this worker resign? */
    bool joins_resignation_wave() {
        return rng_inspection_.bernoulli(cfg_->inspection.resignation_wave_share);
    }
    /** @brief Latest judgement: 0 not inspected, 1 outstanding ... 4 inadequate. */
    int judgement() const { return judgement_; }
    /** @brief True while an inadequate judgement has effect (inspection switched on). */
    bool is_inadequate(core::DayIndex day) const {
        return cfg_->inspection.enabled && day < inadequate_until_;
    }

    // Culture ----------------------------------------------------------------------------------
    /** @brief True during a blame period (blame culture only). */
    bool in_blame(core::DayIndex day) const { return blame_mode_ && day < blame_until_; }
    /** @brief Harm and escalation hazards relative to baseline (a learning culture learns). */
    double culture_hazard_multiplier() const;
    /** @brief Resignation hazard multiplier from an inadequate judgement and blame. */
    double resignation_multiplier(core::DayIndex day) const;
    /** @brief A decision-maker's view of need under blame: moderate need may be treated as high
     * (defensive practice; draws only in a blame period at moderate need). */
    int defensive_need(int perceived, core::DayIndex day);
    /** @brief One working day of learning fading without new reviews. */
    void decay_learning();
    /** @brief Serious harm to a child whose worker is `worker` (-1 none); returns the review
     * hours the worker spends on it (a learning culture), else 0. */
    double on_harm(int worker, core::DayIndex day, bool measuring);
    /** @brief A near miss (risk rose, nobody hurt); returns the worker's review hours, or 0. */
    double on_near_miss(bool measuring);

private:
    double review_incident();
    void add_event(std::string kind, std::int64_t entity, std::string text) {
        outputs_.add_event(sim_.now(), std::move(kind), entity, std::move(text));
    }
    core::DayIndex day_of_date(const std::string& iso) const;

    const DepartmentConfig* cfg_;
    const core::WorkingCalendar& calendar_;
    const core::Simulation& sim_;
    Outputs& outputs_;
    core::RandomStream rng_inspection_, rng_culture_;
    // Prevention (monthly lagged gap, parallel to the referral process's segments).
    std::vector<core::DayIndex> prevention_day_;
    std::vector<double> prevention_gap_, prevention_capacity_;
    double prevention_last_mid_ = 0.0, prevention_lag_ = 0.0;
    // Inspection.
    KpiAverages kpi_;
    std::vector<int> kpi_ids_;  ///< per inspection.kpis entry: its KpiId, -1 unknown
    int day_visits_on_time_ = 0, day_visits_ = 0, day_assessments_on_time_ = 0,
        day_assessments_ = 0, day_leavers_ = 0;
    int judgement_ = 0;  ///< 0 not inspected, 1 outstanding, 2 good, 3 RI, 4 inadequate
    int inspections_done_ = 0;
    core::DayIndex inadequate_until_ = -1;
    // Culture.
    bool blame_mode_ = false, learning_mode_ = false;
    core::DayIndex blame_until_ = -1;
    double learning_ = 0.0;
};

}  // namespace cssim::department::detail
