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
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "allocation.hpp"
#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "cssim/record/run_data.hpp"
#include "department_constants.hpp"
#include "department_demand.hpp"
#include "department_demand_calendar.hpp"
#include "department_durations.hpp"
#include "department_events.hpp"
#include "department_management.hpp"
#include "department_money.hpp"
#include "department_outputs.hpp"
#include "department_sickness.hpp"
#include "department_redeployment.hpp"
#include "department_stability.hpp"
#include "department_system_effects.hpp"
#include "department_teams.hpp"
#include "quality.hpp"
#include "time_use.hpp"
#include "workforce.hpp"

namespace cssim::department::detail {

/** @brief A day index kept in 32 bits inside `Case` (a run's days fit many times over), so that
 * the fields the daily loops read share one cache line; it reads and writes as a core::DayIndex. */
class CaseDay {
public:
    constexpr CaseDay(core::DayIndex day = 0)  // NOLINT(google-explicit-constructor): a day
        : day_(static_cast<std::int32_t>(day)) {}
    constexpr operator core::DayIndex() const { return day_; }  // NOLINT: reads as a day

private:
    std::int32_t day_;
};

/** @brief A child's open episode (or a referral waiting at the front door). Its first 64 bytes,
 * one cache line, hold every field the daily loops read for every case: the quality hazards
 * (active, stage, need, social workers, the recent changes) and each worker's day (review and
 * visit days, assessment work); what they read only now and then, and what is read when the
 * case moves, comes after. */
struct alignas(64) Case {
    int stage = 0;
    int need = 0;  ///< latent need 0..4
    int social_workers = 0;
    CaseDay next_visit = -1;  ///< day the next statutory visit is due; -1 none
    CaseDay visit_open = 0;   ///< first day the worker may make that visit
    CaseDay next_review = -1;
    /// Days of the last changes of social worker (a ring; kNoChange when unused), for churn.
    std::array<std::int32_t, 4> changes{kNoChange, kNoChange, kNoChange, kNoChange};
    bool active = false;
    bool in_queue = false;  ///< waiting in the unallocated queue
    bool timer_done = false;
    bool rushed = false;
    std::uint8_t change_head = 0;
    double assess_left = -1.0;    ///< hours of an open assessment's work left; < 0 none
    double assess_writing = 0.0;  ///< of assess_left, the last hours: writing it up (admin)
    // Read by the hazards only for the few draws under the day's bound, and when the case moves.
    int worker = -1;  ///< post index, or -1 when unallocated
    core::DayIndex handover_until = -1;
    core::DayIndex assess_push = -1;  ///< first day it is pushed forward (deadline near)
    int visits_done = 0;
    int visits_late = 0;
    // Read when the case moves, not daily.
    int from_stage = 0;  ///< the stage left most recently (for closure outcomes)
    int perceived = 0;   ///< need as the last decision-maker judged it
    int previous_worker = -1;
    int placement = -1;
    int handovers = 0;
    std::uint32_t generation = 0;
    std::uint64_t serial = 0;  ///< the case's number in this replication (episode records)
    core::DayIndex referral_day = 0;
    core::DayIndex previous_referral_day = -100000;
    core::DayIndex queued_day = 0;  ///< day the case last joined the unallocated queue
    // Durations from work and reviews (department_durations.hpp).
    core::DayIndex assess_start = 0;  ///< its clock's start (the referral, or the day opened)
    core::DayIndex assess_deadline = -1;
    int reviews_held = 0;                ///< review conferences held in this stage
    core::DayIndex early_exit_day = -1;  ///< day of an early exit (e.g. into care); -1 none

    static constexpr core::DayIndex kNoChange = -1000000;
    /** @brief Records a change of social worker on `day`. */
    void record_change(core::DayIndex day) {
        changes[change_head] = static_cast<std::int32_t>(day);
        change_head = static_cast<std::uint8_t>((change_head + 1) % changes.size());
    }
    /** @brief Changes of social worker in the 365 days up to `day`. */
    int recent_changes(core::DayIndex day) const {
        const std::size_t last = (change_head + changes.size() - 1) % changes.size();
        if (changes[last] <= day - 365) {
            return 0;  // the latest change is old: so are the others (most children)
        }
        int n = 0;
        for (const std::int32_t d : changes) {
            n += d > day - 365 ? 1 : 0;
        }
        return n;
    }
};
static_assert(offsetof(Case, assess_writing) + sizeof(double) <= 64,
              "the fields the daily loops read for every case stay in Case's first cache line");

/** @brief Handles of the daily series the model writes (registered by name in
 * department_metrics.cpp). */
struct DailySeriesHandles {
    SeriesHandle caseload, unallocated, stress, direct, admin, travel, other, agency, vacancy,
        sickness, referrals, harm, cin, cp, lac, spend, budget, in_post, assessments_overdue,
        front_door_queue, pa_count, prevention_capacity, prevention_multiplier, judgement,
        kpi_points, culture_multiplier, blame, supervision, managers_present, churn_two_plus,
        churn_workers;
    std::vector<SeriesHandle> stages;   ///< per pathway stage
    std::vector<SeriesHandle> sources;  ///< new referrals per referral source
};

/** @brief PA posts for `social_worker_posts` workers under `config` (department_changes.cpp). */
int pa_posts_for(const DepartmentConfig& config, int social_worker_posts);

/** @brief Misjudges a need level by one step up or down (clamped), using one draw. */
inline int misjudge_need(int need, core::RandomStream& rng) {
    const int shifted = rng.bernoulli(0.5) ? need + 1 : need - 1;
    return std::clamp(shifted, 0, static_cast<int>(kNeedLevels) - 1);
}

/** @brief One replication of the department model. */
class Model : private WorkforceHost,
              private AllocationHost,
              private QualityHost,
              private DemandHost {
public:
    Model(const DepartmentConfig& config, std::uint64_t master_seed, std::uint64_t replication,
          bool with_detail, bool with_episodes = true);
    record::ReplicationRecord run();
    /** @brief A flag polled once per simulated day; when set, run() throws core::RunCancelled. */
    void set_cancel_flag(const std::atomic<bool>* cancel) { cancel_ = cancel; }
    /** @brief Throws core::RunCancelled once the cancel flag is set: the day loop polls it, and
     * so do the loops that grow with the population (the day-0 cases, allocation), so a very
     * large council stops within a second even before its first day. */
    void throw_if_cancelled() const;

    /** @brief Event dispatch (called by Simulation::run_until). */
    void operator()(const core::Event& event);

private:
    // department_model.cpp: demand, front door, pathway, allocation.
    void initialise();
    void initialise_cases();
    void on_referral(int need, core::DayIndex previous_referral_day);
    void on_stage_end(int case_index);
    void enter_stage(int case_index, int requested_stage, bool residual = false);
    /** @brief The stage a case asked to enter `stage` really enters (early help when full
     * sends it to assessment or closes it). */
    int stage_entered(const Case& c, int stage) const;
    /** @brief The case leaves its stage for `next_stage`: its episode ends (and is recorded). */
    void leave_stage(int case_index, int next_stage);
    /** @brief A social worker (post `post`, its current holder) takes the case. */
    void worker_takes_over(int case_index, int post) {
        histories_[static_cast<std::size_t>(case_index)].worker_takes_over(
            post, posts_[static_cast<std::size_t>(post)].holder);
    }
    /** @brief The 31 March census of looked-after children (social worker stability). */
    void on_care_census();
    void schedule_care_census(core::DayIndex after_day);
    int choose_next_stage(const Case& c);
    // department_pathway.cpp: durations from work and reviews (department_durations.hpp).
    /** @brief Opens an assessment on the case: its hours by need, clock from `start`. */
    void open_assessment(Case& c, core::DayIndex start);
    /** @brief The case's assessment is complete today: counted, timed against its deadline. */
    void complete_assessment(Case& c, core::DayIndex day);
    /** @brief Schedules the next decision of a stage that ends at a review conference: the next
     * review after `from` (gap `gap_wd`), or the early exit if that comes first. */
    void schedule_review_decision(int case_index, core::DayIndex from, int gap_wd);
    /** @brief Gives the post's open assessments (TimeUse::assessment_cases) their share of
     * `free` hours (department_time_use.cpp); returns the hours given. */
    double work_on_assessments(core::DayIndex day, double free, double slow);
    /** @brief Writes up the post's assessments whose work is done, as compulsory admin out of
     * `available` hours with the PA's help (`pa_left`); returns what it cost the day. */
    WritingDay write_up_assessments(core::DayIndex day, double available, double slow,
                                    double pa_left);
    /** @brief An assessment's hours are all given: its stage may end, or a carried one counts. */
    void assessment_hours_done(int case_index, core::DayIndex day);
    void close_case(int case_index, int from_stage);
    int new_case();
    void screen_referrals(core::DayIndex day);
    /** @brief Post `post` takes the case (AllocationHost: Allocation chose the post). */
    void assign(int case_index, int post, core::DayIndex day, HandoverKind kind) override;
    void add_load(Post& p, const PathwayStage& s, double sign);
    /** @brief Working days before a visit's deadline from which it may be made (a quarter of
     * the interval): workers plan visits inside a window rather than on the last day. */
    static int visit_lead(const PathwayStage& s) { return s.visit_interval_wd / 4; }
    void unassign(int case_index, bool to_queue);
    void enqueue_unallocated(int case_index);
    void build_transitions();  ///< out_ from the pathway's transitions

    // department_teams.cpp: teams (issue 11 item 2).
    /** @brief Lays the posts out in teams and maps stages and posts to teams and managers. */
    void build_teams();
    /** @brief The caseload cap of a team (Allocation::team_cap). */
    double team_cap(int team) const { return allocation_.team_cap(team); }
    /** @brief The weight of a case in stage `s` under team `team`'s cap. */
    double weight_in_team(int team, const PathwayStage& s) const {
        return allocation_.weight_in_team(team, s);
    }
    /** @brief True when a case moving to `next_stage` stays with its worker (or stays in the
     * queue): the stage is social work (a transfer to another team waits, held by the worker,
     * until that team allocates the child: Allocation::queue_transfer). */
    bool worker_keeps_case(const Case& c, int next_stage) const;

    // department_redeployment.cpp and front_door_threshold.cpp: an overwhelmed team
    // (docs/system-effects.md section 6), run before the day's screening and allocation.
    /** @brief Each team's pressure today (team_pressures_). */
    void update_team_pressures(core::DayIndex day);
    /** @brief Moves a post into the team under most pressure when the managers would. */
    void redeploy(core::DayIndex day);
    /** @brief Post `post` joins team `team`, its cases handed back or kept (practice model). */
    void move_post_to_team(int post, int team, core::DayIndex day);
    /** @brief Today's share of low-need referrals for assessment the front door turns away. */
    double front_door_threshold_share(core::DayIndex day);
    /** @brief The stage a screened referral goes to under a raised threshold (`next` if none). */
    int apply_front_door_threshold(const Case& c, int next, double share);

    // department_allocation.cpp: the model's side of the Allocation component (allocation.hpp).
    const std::vector<Post>& allocation_posts() const override { return posts_; }
    QueueEntry queue_entry(int case_index) const override {
        const Case& c = cases_[static_cast<std::size_t>(case_index)];
        return QueueEntry{c.active, c.in_queue, c.stage, c.worker, c.queued_day};
    }
    void set_queue_entry(int case_index, bool in_queue, core::DayIndex queued_day) override {
        Case& c = cases_[static_cast<std::size_t>(case_index)];
        c.in_queue = in_queue;
        c.queued_day = queued_day;
    }
    double allocation_manager_time(int manager) const override {
        return managers_.manager_supervision(manager);
    }
    void release(int case_index, int post) override;
    void count_allocation(AllocationCount what, double amount) override;
    void poll_cancel() const override { throw_if_cancelled(); }

    // department_changes.cpp: dated changes of levers (scenario `changes`).
    void schedule_changes();
    void on_config_change(int index);
    void recompute_loads();  ///< every post's workload sums from the cases it holds

    // department_day.cpp: the daily process (time use, stress, quality, money).
    void on_working_day(core::DayIndex day);
    /** @brief One post's day (department_time_use.cpp): its worker's hours (TimeUse), the
     * visits made, assessment work, pressure and stress. */
    void work_one_post(int post_index, core::DayIndex day, bool working_day,
                       const TimeUseRates& rates);
    void quality_hazards(core::DayIndex day);  ///< department_quality.cpp: Quality::hazards
    void accrue_money(core::DayIndex day);
    void snapshot(core::DayIndex day);

    // The model's side of the Demand component (department_demand.hpp).
    double demand_prevention_factor(core::DayIndex segment_start, double mid_day) override {
        return system_.advance_prevention(segment_start, mid_day);
    }
    double demand_prevention_gap(core::DayIndex day) const override {
        return system_.prevention_gap_at(day);
    }
    core::DayIndex demand_day_of(const std::string& iso) const override { return day_of_date(iso); }

    // department_quality.cpp: the model's side of the Quality component (quality.hpp).
    double quality_supervision(int post) const override { return managers_.supervision_of(post); }
    void log_harm(int case_index, core::DayIndex day) override;
    void need_rose(int case_index, core::DayIndex day) override;
    void review_incident(int case_index, bool harm, core::DayIndex day, bool measure) override;

    // department_system.cpp: prevention, inspection and culture (issue 7).
    void on_inspection();
    void resignation_wave(core::DayIndex day);

    // department_management.cpp: team managers and supervision (issue 7).

    // department_workforce.cpp: the model's side of the Workforce component (workforce.hpp),
    // funding changes.
    /** @brief The posts at day 0 (Workforce), then the PAs, the teams and the budget. */
    void initialise_posts();
    void hand_over_cases(int post_index) override { handover_all(post_index); }
    void cases_to_new_holder(int post_index, core::DayIndex day) override;
    bool is_inadequate(core::DayIndex day) const override { return system_.is_inadequate(day); }
    void count_leaver() override { system_.count_leaver(); }
    /** @brief A long spell starts: cover once the absence is known (department_sickness.hpp). */
    void long_spell_starts(int post_index, core::DayIndex day) override;
    /** @brief Back from a long spell: the covered children still in the team come back. */
    void long_spell_ends(int post_index) override;
    /** @brief Event kCoverStarts: colleagues cover the absent worker's children. */
    void on_cover_starts(int post_index, std::uint64_t spell);
    void on_funding_change(int index);
    void handover_all(int post_index);
    bool is_case_holder(const Post& p) const { return p.is_case_holder(); }
    bool can_take_cases(const Post& p, core::DayIndex day) const override;
    double cap_of(const Post& p, core::DayIndex day) const override;

    // department_metrics.cpp
    void register_outputs();
    // department_record.cpp: the summary metrics of the run and of each financial year.
    record::ReplicationRecord make_record();
    /** @brief The summary metrics from accumulators `a` and the state `s` at their end. */
    std::vector<record::MetricValue> metrics_of(const Accumulators& a, const MetricState& s) const;
    MetricState metric_state() const;
    /** @brief The period boundaries: the end of the warm-up, each 1 April after it, the end. */
    void plan_periods();
    /** @brief Marks every period boundary at or before now (called before each event). */
    void mark_due_periods() {
        while (next_mark_ < period_days_.size() &&
               sim_.now() >= core::start_of_day(period_days_[next_mark_])) {
            outputs_.mark_period(period_days_[next_mark_++], metric_state());
        }
    }
    std::vector<record::PeriodRecord> period_records() const;
    void add_event(std::string kind, std::int64_t entity, std::string text);
    /** @brief The team label of a social worker post ("Team 3"), as its track shows it: teams
     * of `workforce.team_size` consecutive posts under one manager, until teams exist. */
    std::string post_team_label(int post) const;

    core::Tick tick_of(core::DayIndex day, int hour) const {
        return core::start_of_day(day) + static_cast<core::Tick>(hour) * core::kTicksPerHour;
    }
    core::DayIndex today() const { return core::day_of(sim_.now()); }
    bool measuring() const { return today() >= warmup_day_; }
    core::DayIndex day_of_date(const std::string& iso) const;
    /** @brief What remains at day 0 of a spell drawn from d that is already under way. */
    double residual_of(const core::Distribution& d);

private:
    const DepartmentConfig* cfg_;  ///< the scenario, or the latest dated change in force
    const std::vector<DatedChange>& changes_;  ///< the scenario's dated changes
    bool detail_;
    bool episodes_;  ///< finished stage episodes are recorded (detail and with_episodes)
    std::uint64_t seed_;
    std::uint64_t replication_;
    const std::atomic<bool>* cancel_ = nullptr;
    core::WorkingCalendar calendar_;
    core::Simulation sim_;
    core::DayIndex end_day_ = 0;
    core::DayIndex warmup_day_ = 0;
    std::vector<core::DayIndex> period_days_;  ///< period boundaries (plan_periods)
    std::size_t next_mark_ = 0;                ///< the next boundary to mark

    // Streams: one per process, so scenarios differing in one process share the others' draws.
    core::RandomStream rng_front_door_, rng_pathway_, rng_durations_, rng_re_referral_,
        rng_initial_;
    Money money_;  ///< budget, spend and placements (its own "placements" stream)
    /// New referrals: their process, sources and need (streams "referrals", "need",
    /// "referral_rate", "referral_source"); it calls back through DemandHost.
    Demand demand_;

    int referral_stage_ = -1, screening_stage_ = -1, assessment_stage_ = -1, closed_stage_ = -1;
    int cp_stage_ = -1, lac_stage_ = -1;
    /// outgoing transitions per stage: (to, probability per need)
    std::vector<std::vector<std::pair<int, std::array<double, 5>>>> out_;
    std::vector<int> stage_counts_;
    std::vector<int> early_exit_stage_;  ///< per stage: the stage of its early exit, or -1

    std::vector<Case> cases_;
    /// Each case's social workers (episode and care year), beside cases_ rather than in Case so
    /// that the daily loops over cases_ stay as compact as before.
    std::vector<WorkerHistory> histories_;
    std::vector<int> free_cases_;
    std::uint64_t next_case_serial_ = 0;
    std::deque<int> screening_queue_;
    int early_help_families_ = 0;
    double early_help_capacity_ = 0.0;

    int pa_count_ = 0;
    int manager_count_ = 0;

    // Daily aggregates filled by work_one_post.
    double day_direct_ = 0.0, day_admin_ = 0.0, day_travel_ = 0.0, day_other_ = 0.0;
    int day_working_ = 0;
    int day_referrals_ = 0;
    std::vector<int> finished_;  ///< cases whose stage may end after today's visits
    double pa_hours_per_worker_ = 0.0;

    double health_visitors_ = 0.0;  ///< FTE in post (funding changes cut them)
    // Management.
    double supervision_coverage_ = 1.0;  ///< today's share of case holders supervised

    Outputs outputs_;
    DailySeriesHandles series_;
    SystemEffects system_;  ///< prevention, inspection, culture (streams "inspection", "culture")
    /// The quality hazards (stream "quality"), the day's harm and churn; it calls back through
    /// QualityHost.
    Quality quality_;
    Management managers_;  ///< team managers and supervision (stream "management")
    /// The social worker posts and their lifecycle (streams "sickness", "resignation",
    /// "recruitment", "agency"); it calls back through WorkforceHost.
    Workforce workforce_;
    /// workforce_.posts(): the model writes only their workload fields (cases, loads, team).
    std::vector<Post>& posts_;
    /// The unallocated queue, the teams and the managers' allocation choices; it calls back
    /// through AllocationHost.
    Allocation allocation_;
    /// The posts' weekly workload and admin backlog, and a worker's day in hours.
    TimeUse time_use_;
    /// Per post: its long spell's cover (department_sickness.hpp), and the last spell's number.
    std::vector<SickCover> sick_cover_;
    std::uint64_t last_spell_ = 0;
    // An overwhelmed team (department_redeployment.cpp, front_door_threshold.cpp).
    std::vector<TeamPressure> team_pressures_;  ///< today's, per team
    std::vector<double> scratch_waiting_;       ///< update_team_pressures(): waiting per team
    core::DayIndex last_redeployment_ = -1;     ///< day of the last move; -1 none
    double threshold_share_ = 0.0;              ///< the front door's share turned away now
    /// Draws only while the threshold is raised, so other streams never see it.
    core::RandomStream rng_threshold_ =
        core::RandomStream::derive(seed_, replication_, "front_door_threshold");
};

}  // namespace cssim::department::detail
