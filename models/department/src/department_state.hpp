#pragma once
/**
 * @file department_state.hpp
 * @brief Private: the state of one replication of the department model and its processes.
 *
 * One Model object per replication owns everything (no globals), so replications run on many
 * threads at once. Cases and posts live in vectors and are referred to by index; events carry an
 * index in `target` and a generation counter in `payload` so that stale events are ignored.
 */
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::department::detail {

inline constexpr double kDaysPerMonth = 30.4375;      ///< 365.25 / 12
inline constexpr double kWorkingDaysPerYear = 252.0;  ///< hazards per year apply per working day

enum EventKind : std::uint32_t {
    kReferral,       ///< next external referral
    kReReferral,     ///< payload: need | previous referral day << 8
    kWorkingDay,     ///< the daily process (08:00 every day; work only on working days)
    kStageEnd,       ///< target: case; payload: case generation
    kSicknessEnd,    ///< target: post; payload: post generation
    kNoticeEnd,      ///< target: post; payload: post generation
    kHireArrives,    ///< target: post; payload: recruitment generation
    kAgencyArrives,  ///< target: post; payload: recruitment generation
    kAgencyEnd,      ///< target: post; payload: post generation
    kFundingChange,  ///< target: index into money.funding_changes
    kShockStart,     ///< target: index into demand.shocks
    kFreezeEnd,      ///< payload: freeze generation
    kInspection,     ///< an Ofsted inspection (department_system.cpp)
    kManagerBack,    ///< target: manager; payload: manager generation (sickness ends)
    kManagerLeaves,  ///< target: manager; payload: manager generation (notice ends)
    kManagerHire,    ///< target: manager; payload: recruitment generation
};

enum class Contract : std::uint8_t { kEmployed = 0, kAgency = 1, kNewlyQualified = 2, kNone = 3 };
enum class Status : std::uint8_t {
    kWorking = 0,
    kSick = 1,
    kLongTermSick = 2,
    kOnNotice = 3,
    kVacant = 4,
    kDeleted = 5,
};

/** @brief A child's open episode (or a referral waiting at the front door). */
struct Case {
    int stage = 0;
    int from_stage = 0;  ///< the stage left most recently (for closure outcomes)
    int need = 0;        ///< latent need 0..4
    int perceived = 0;   ///< need as the last decision-maker judged it
    int worker = -1;     ///< post index, or -1 when unallocated
    int previous_worker = -1;
    bool active = false;
    bool in_queue = false;  ///< waiting in the unallocated queue
    bool timer_done = false;
    bool rushed = false;
    int placement = -1;
    int visits_done = 0;
    int visits_late = 0;
    int handovers = 0;
    int social_workers = 0;
    std::uint32_t generation = 0;
    core::DayIndex referral_day = 0;
    core::DayIndex previous_referral_day = -100000;
    core::DayIndex next_visit = -1;  ///< day the next statutory visit is due; -1 none
    core::DayIndex visit_open = 0;   ///< first day the worker may make that visit
    core::DayIndex next_review = -1;
    core::DayIndex handover_until = -1;
    core::DayIndex queued_day = 0;  ///< day the case last joined the unallocated queue
    /// Days of the last changes of social worker (a ring; kNoChange when unused), for churn.
    std::array<core::DayIndex, 4> changes{kNoChange, kNoChange, kNoChange, kNoChange};
    std::uint8_t change_head = 0;

    static constexpr core::DayIndex kNoChange = -1000000;
    /** @brief Records a change of social worker on `day`. */
    void record_change(core::DayIndex day) {
        changes[change_head] = day;
        change_head = static_cast<std::uint8_t>((change_head + 1) % changes.size());
    }
    /** @brief Changes of social worker in the 365 days up to `day`. */
    int recent_changes(core::DayIndex day) const {
        const std::size_t last = (change_head + changes.size() - 1) % changes.size();
        if (changes[last] <= day - 365) {
            return 0;  // the latest change is old: so are the others (most children)
        }
        int n = 0;
        for (core::DayIndex d : changes) {
            n += d > day - 365 ? 1 : 0;
        }
        return n;
    }
};

/** @brief A team manager post (issue 7: management capacity). */
struct Manager {
    bool sick = false, long_sick = false, on_notice = false, vacant = false, deleted = false;
    bool hire_pending = false;
    std::uint32_t generation = 0;
    std::uint32_t recruitment_generation = 0;
    bool is_present() const { return !sick && !vacant && !deleted; }
};

/** @brief Exponential averages of the KPIs an inspection looks at (issue 7). Ratios keep their
 * numerator and denominator apart so that a quiet day does not count as a perfect one. */
struct KpiAverages {
    double caseload = 0.0, unallocated = 0.0, open_cases = 0.0;
    double visits_on_time = 0.0, visits = 0.0, assessments_on_time = 0.0, assessments = 0.0;
    double agency = 0.0, holders = 0.0, vacant = 0.0, posts = 0.0;
    double leavers_per_year = 0.0, employed = 0.0;
    bool started = false;
};

/** @brief A social worker post and whoever holds it. */
struct Post {
    Contract contract = Contract::kNone;
    Status status = Status::kVacant;
    double stress = 0.0;
    bool on_notice = false;
    bool sick = false;
    bool long_sick = false;
    bool hire_pending = false;
    bool agency_pending = false;
    bool deleted = false;
    core::DayIndex protected_until = -1;  ///< newly qualified protection ends
    std::uint32_t generation = 0;         ///< bumped when the holder changes or a spell ends
    std::uint32_t recruitment_generation = 0;
    std::uint32_t agency_generation = 0;
    std::vector<int> cases;
    double weighted_caseload = 0.0;
    double pending_handover_hours = 0.0;
    double admin_backlog_hours = 0.0;    ///< admin left undone, carried to the next day
    double case_admin_per_week = 0.0;    ///< sum over cases of stage admin hours per week
    double case_meeting_per_week = 0.0;  ///< sum over cases of stage meeting hours per week
    double review_hours_per_week = 0.0;  ///< reviews averaged over their cadence, summed
    double visits_per_week = 0.0;        ///< statutory visits due per week, summed over cases
};

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
};

/** @brief Per-day values kept only with detail. */
struct DailySeries {
    std::vector<std::vector<double>> values;  ///< [series][day]
};

/** @brief Misjudges a need level by one step up or down (clamped), using one draw. */
inline int misjudge_need(int need, core::RandomStream& rng) {
    const int shifted = rng.bernoulli(0.5) ? need + 1 : need - 1;
    return std::clamp(shifted, 0, static_cast<int>(kNeedLevels) - 1);
}

/** @brief One replication of the department model. */
class Model {
public:
    Model(const DepartmentConfig& config, std::uint64_t master_seed, std::uint64_t replication,
          bool with_detail);
    record::ReplicationRecord run();
    /** @brief A flag polled once per simulated day; when set, run() throws core::RunCancelled. */
    void set_cancel_flag(const std::atomic<bool>* cancel) { cancel_ = cancel; }

    /** @brief Event dispatch (called by Simulation::run_until). */
    void operator()(const core::Event& event);

private:
    // department_model.cpp: demand, front door, pathway, allocation.
    void initialise();
    void initialise_cases();
    void on_referral(int need, core::DayIndex previous_referral_day);
    void on_stage_end(int case_index);
    void enter_stage(int case_index, int stage, bool residual = false);
    void leave_stage(int case_index);
    int choose_next_stage(const Case& c);
    void close_case(int case_index, int from_stage);
    int new_case();
    void screen_referrals(core::DayIndex day);
    void allocate(core::DayIndex day);
    void assign(int case_index, int post, core::DayIndex day);
    void add_load(Post& p, const PathwayStage& s, double sign);
    /** @brief Working days before a visit's deadline from which it may be made (a quarter of
     * the interval): workers plan visits inside a window rather than on the last day. */
    static int visit_lead(const PathwayStage& s) { return s.visit_interval_wd / 4; }
    void unassign(int case_index, bool to_queue);
    void enqueue_unallocated(int case_index);
    void schedule_next_referral();
    void build_referral_process();

    // department_day.cpp: the daily process (time use, stress, quality, money).
    void on_working_day(core::DayIndex day);
    void work_one_post(int post_index, core::DayIndex day, bool working_day);
    void quality_hazards(core::DayIndex day);
    void accrue_money(core::DayIndex day);
    void snapshot(core::DayIndex day);

    // department_system.cpp: prevention, inspection and culture (issue 7).
    double prevention_capacity_on(double day) const;
    double advance_prevention(core::DayIndex segment_start, double mid_day);
    double prevention_gap_at(core::DayIndex day) const;
    int draw_referral_need();
    void update_kpis(double caseload, double open_cases, double agency, double holders,
                     double vacant, double posts, double employed);
    void resolve_kpis();  ///< KPI names to ids, once (kpi_points runs daily)
    double kpi_points() const;
    void on_inspection();
    void resignation_wave(core::DayIndex day);
    bool is_inadequate(core::DayIndex day) const { return day < inadequate_until_; }
    bool is_blame(core::DayIndex day) const { return day < blame_until_; }
    double culture_hazard_multiplier() const;
    void on_harm(int case_index, core::DayIndex day);
    void on_near_miss(int case_index, core::DayIndex day);
    void review_incident(int case_index);

    // department_management.cpp: team managers and supervision (issue 7).
    void initialise_managers();
    void manager_hazards(core::DayIndex day);
    void update_supervision();
    double supervision_of(int post_index) const;
    void on_manager_back(int manager, std::uint64_t generation);
    void on_manager_leaves(int manager, std::uint64_t generation);
    void on_manager_hire(int manager, std::uint64_t generation);
    void manager_falls_vacant(int manager);
    void cut_manager_posts(double fraction);
    int managers_in_post() const;
    double resignation_multiplier(core::DayIndex day) const;

    // department_workforce.cpp: sickness, resignation, recruitment, agency, funding.
    void initialise_posts();
    void workforce_hazards(int post_index, core::DayIndex day);
    void resign(int post_index, core::DayIndex day, const char* why);
    void start_sickness(int post_index, bool long_spell, core::DayIndex day);
    void on_sickness_end(int post_index, std::uint64_t generation);
    void on_notice_end(int post_index, std::uint64_t generation);
    void post_falls_vacant(int post_index, core::DayIndex day);
    void request_agency(int post_index);
    void start_recruitment(int post_index);
    void on_hire(int post_index, std::uint64_t generation);
    void on_agency_arrives(int post_index, std::uint64_t generation);
    void on_agency_end(int post_index, std::uint64_t generation);
    void on_funding_change(int index);
    void on_freeze_end(std::uint64_t generation);
    void handover_all(int post_index);
    bool is_case_holder(const Post& p) const;
    bool can_take_cases(const Post& p, core::DayIndex day) const;
    double cap_of(const Post& p, core::DayIndex day) const;
    bool recruitment_allowed() const { return !hiring_freeze_; }
    bool agency_allowed() const {
        return cfg_.recruitment.agency_allowed && !agency_ban_ && !hiring_freeze_;
    }

    // department_metrics.cpp
    record::ReplicationRecord make_record();
    void add_event(std::string kind, std::int64_t entity, std::string text);

    core::Tick tick_of(core::DayIndex day, int hour) const {
        return core::start_of_day(day) + static_cast<core::Tick>(hour) * core::kTicksPerHour;
    }
    core::DayIndex today() const { return core::day_of(sim_.now()); }
    bool measuring() const { return today() >= warmup_day_; }
    core::DayIndex day_of_date(const std::string& iso) const;
    /** @brief What remains at day 0 of a spell drawn from d that is already under way. */
    double residual_of(const core::Distribution& d);

private:
    const DepartmentConfig& cfg_;
    bool detail_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    const std::atomic<bool>* cancel_ = nullptr;
    core::WorkingCalendar calendar_;
    core::Simulation sim_;
    core::DayIndex end_day_ = 0;
    core::DayIndex warmup_day_ = 0;

    // Streams: one per process, so scenarios differing in one process share the others' draws.
    core::RandomStream rng_referrals_, rng_need_, rng_front_door_, rng_pathway_, rng_durations_,
        rng_sickness_, rng_resignation_, rng_recruitment_, rng_agency_, rng_quality_,
        rng_re_referral_, rng_placements_, rng_initial_, rng_inspection_, rng_culture_,
        rng_management_;

    core::PiecewisePoissonProcess referral_process_;
    int referral_stage_ = -1, screening_stage_ = -1, assessment_stage_ = -1, closed_stage_ = -1;
    int cp_stage_ = -1, lac_stage_ = -1;
    /// outgoing transitions per stage: (to, probability per need)
    std::vector<std::vector<std::pair<int, std::array<double, 5>>>> out_;
    std::vector<int> stage_counts_;

    std::vector<Case> cases_;
    std::vector<int> free_cases_;
    std::deque<int> screening_queue_;
    std::deque<int> unallocated_;
    int unallocated_count_ = 0;
    int early_help_families_ = 0;
    double early_help_capacity_ = 0.0;

    std::vector<Post> posts_;
    int pa_count_ = 0;
    int manager_count_ = 0;
    int pending_post_cuts_ = 0;
    bool hiring_freeze_ = false;
    std::uint64_t freeze_generation_ = 0;
    bool agency_ban_ = false;
    double budget_per_year_ = 0.0;
    std::vector<int> placement_counts_;
    double fy_spend_ = 0.0, fy_budget_ = 0.0;
    core::DayIndex next_financial_year_day_ = 0;  ///< day of the next 1 April

    // Daily aggregates filled by work_one_post.
    double day_direct_ = 0.0, day_admin_ = 0.0, day_travel_ = 0.0, day_other_ = 0.0;
    int day_working_ = 0;
    int day_referrals_ = 0;
    int day_harm_ = 0;
    std::vector<int> finished_;  ///< cases whose stage may end after today's visits
    std::vector<std::pair<core::DayIndex, int>> due_;  ///< scratch: visits due for one post
    double pa_hours_per_worker_ = 0.0;

    // Issue 7: prevention (monthly lagged gap, parallel to the referral process's segments).
    std::vector<core::DayIndex> prevention_day_;
    std::vector<double> prevention_gap_, prevention_capacity_;
    double prevention_last_mid_ = 0.0, prevention_lag_ = 0.0;
    double health_visitors_ = 0.0;
    // Inspection.
    KpiAverages kpi_;
    std::vector<int> kpi_ids_;  ///< per cfg_.inspection.kpis entry: its KpiId, -1 unknown
    int day_visits_on_time_ = 0, day_visits_ = 0, day_assessments_on_time_ = 0,
        day_assessments_ = 0;
    int day_leavers_ = 0;
    int judgement_ =
        0;  ///< 0 not inspected, 1 outstanding, 2 good, 3 requires improvement, 4 inadequate
    int inspections_done_ = 0;
    core::DayIndex inadequate_until_ = -1;
    // Culture.
    bool blame_mode_ = false, learning_mode_ = false;
    core::DayIndex blame_until_ = -1;
    double learning_ = 0.0;
    // Management.
    std::vector<Manager> managers_;
    std::vector<double> team_supervision_;  ///< per team, 0..1
    int pending_manager_cuts_ = 0;
    double supervision_coverage_ = 1.0;           ///< today's share of case holders supervised
    std::vector<double> post_hazard_multiplier_;  ///< per post, from its team's supervision
    // Churn, computed with the quality hazards on working days.
    double churn_two_plus_share_ = 0.0, churn_workers_mean_ = 0.0;

    Accumulators acc_;
    std::vector<std::string> series_names_, series_units_, series_descriptions_;
    DailySeries daily_;
    std::vector<record::EntityTrack> tracks_;
    std::vector<record::RecordedEvent> events_;
};

}  // namespace cssim::department::detail
