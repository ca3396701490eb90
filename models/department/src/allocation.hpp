#pragma once
/**
 * @file allocation.hpp
 * @brief Private: the Allocation component (issue 11 item 1) — the unallocated queue, the team
 * layout (teams, the team holding each stage, the in_turn rota positions), the managers' daily
 * allocation budgets, and the choice of which worker takes a case: allocation within the team
 * holding the case's stage, over-cap placement after the wait, same_worker's own-team-first rule,
 * reallocation above a team's threshold and the timing of transfers between teams.
 *
 * Allocation decides; Model moves the cases. It reads the posts and the waiting cases through an
 * AllocationHost and calls back `assign` / `release` for every move, so the case and post
 * bookkeeping (loads, handovers, histories) stays in one place. Invariant: Allocation writes only
 * its own state and a case's queue fields (`in_queue`, `queued_day`, through the host); Model
 * keeps the order of the day (screening, then allocate, then reallocate). Tested alone on
 * hand-built states in tests/models/department/allocation_test.cpp.
 */
#include <deque>
#include <vector>

#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_teams.hpp"
#include "workforce.hpp"

namespace cssim::department::detail {

/** @brief What Allocation reads of a case in (or leaving) the queue. */
struct QueueEntry {
    bool active = false;
    bool in_queue = false;  ///< waiting in the unallocated queue (or held for a transfer)
    int stage = 0;
    int worker = -1;  ///< >= 0 while a transfer waits: the worker holding the case meanwhile
    core::DayIndex queued_day = 0;
};

/** @brief How a case reaches its new worker. `kFromQueue`: allocated from the queue, where it
 * waited without a worker (a first allocation, or a cold handover after its worker left, went
 * off sick or ended a contract). `kInPerson`: handed over by the worker who holds it and is at
 * work (a transfer at its transfer point, a reallocation), who passes the history on. */
enum class HandoverKind { kFromQueue, kInPerson };

/** @brief The allocation counts the run reports (counted by the host while measuring). */
enum class AllocationCount { kOutOfTeam, kTransfer, kTransferWaitWd, kReallocation };

/** @brief What Allocation asks of, and tells, the rest of the model. */
class AllocationHost {
public:
    /** @brief The social worker posts (read only: the host moves the cases). */
    virtual const std::vector<Post>& allocation_posts() const = 0;
    /** @brief The queue fields of case `case_index`. */
    virtual QueueEntry queue_entry(int case_index) const = 0;
    /** @brief Sets the queue fields of case `case_index`. */
    virtual void set_queue_entry(int case_index, bool in_queue, core::DayIndex queued_day) = 0;
    /** @brief True when the post is held, present and under its cap. */
    virtual bool can_take_cases(const Post& p, core::DayIndex day) const = 0;
    /** @brief The post's caseload cap today (its team's, less for protected starters). */
    virtual double cap_of(const Post& p, core::DayIndex day) const = 0;
    /** @brief Manager `manager`'s share of a full supervision day today (0 when absent). */
    virtual double allocation_manager_time(int manager) const = 0;
    /** @brief Post `post` takes the case (a handover when it had a worker before; `kind` says
     * whether the worker before handed it over in person). */
    virtual void assign(int case_index, int post, core::DayIndex day, HandoverKind kind) = 0;
    /** @brief The case's worker `post` lets it go (its load leaves the post). */
    virtual void release(int case_index, int post) = 0;
    /** @brief Adds `amount` to a count (the host counts only while measuring). */
    virtual void count_allocation(AllocationCount what, double amount) = 0;
    /** @brief Throws when the run is cancelled (polled in long loops). */
    virtual void poll_cancel() const = 0;

protected:
    ~AllocationHost() = default;
};

/** @brief The unallocated queue, the teams and the team managers' allocation choices. */
class Allocation {
public:
    Allocation(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
               AllocationHost& host)
        : cfg_(&config), calendar_(calendar), host_(host) {}

    /** @brief The scenario's dated change: reads `config` from now on (the layout stays). */
    void on_config_changed(const DepartmentConfig& config) { cfg_ = &config; }
    /** @brief Lays out the teams over `posts` social worker posts (plan_teams). */
    void build(int posts);

    /** @brief The teams (one department-wide team without `teams`). */
    const std::vector<TeamLayout>& teams() const { return teams_; }
    /** @brief The team holding pathway stage `stage` (-1 none). */
    int team_of_stage(int stage) const { return stage_team_[static_cast<std::size_t>(stage)]; }
    /** @brief The caseload cap of a team (its own, or allocation.caseload_cap). */
    double team_cap(int team) const;
    /** @brief The weight of a case in stage `s` under team `team`'s cap. */
    double weight_in_team(int team, const PathwayStage& s) const;

    /** @brief Cases waiting for a worker (transfers held by a worker are not counted). */
    int waiting() const { return unallocated_count_; }
    /** @brief The host moved a case into (+1) or out of (-1) the waiting count. */
    void count_waiting(int delta) { unallocated_count_ += delta; }
    /** @brief Case `case_index` joins the back of the queue, counted as waiting. */
    void enqueue(int case_index) {
        ++unallocated_count_;
        unallocated_.push_back(case_index);
    }
    /** @brief Under "transfer": a case whose stage another team holds joins the queue for that
     * team on `day`, held by its worker until the team takes it from its transfer point on
     * (`at_once`: from today, as when a redeployed worker hands the team's cases back). */
    void queue_transfer(int case_index, core::DayIndex day, bool at_once = false);
    /** @brief Redeployment (department_redeployment.cpp): post `post` leaves team `from_team`'s
     * members for `to_team`'s (the host changes the post's team and moves its cases). */
    void move_post(int post, int from_team, int to_team);
    /** @brief The weighted cases waiting unheld in the queue for each team (a transfer its worker
     * holds is not waiting); `cases` bounds the case indices. */
    void waiting_by_team(std::vector<double>& out, int cases);
    /** @brief Cases team `team`'s managers can allocate today (infinite when unlimited). */
    double budget(int team) const;
    /** @brief Allocates queued cases within the team holding each case's stage; `unlimited`
     * ignores the managers' budgets (the open cases of day 0). */
    void allocate(core::DayIndex day, bool unlimited = false);
    /** @brief Moves the last case of each worker above the team's threshold to the worker with
     * most room, when that narrows the spread, within the managers' budgets. */
    void reallocate(core::DayIndex day);

private:
    const DepartmentConfig* cfg_;
    const core::WorkingCalendar& calendar_;
    AllocationHost& host_;
    std::deque<int> unallocated_;  ///< the queue, oldest first (stale entries skipped lazily)
    int unallocated_count_ = 0;
    std::vector<TeamLayout> teams_;
    std::vector<int> stage_team_;
    // Scratch of allocate() and reallocate(), kept so that a day allocates no memory (both run
    // every working day; neither calls itself through the host).
    std::vector<std::vector<int>> scratch_candidates_, scratch_positions_;
    std::vector<std::vector<double>> scratch_rooms_;
    std::vector<double> scratch_budgets_;
    std::vector<int> scratch_ids_;
    std::vector<double> scratch_loads_;
    std::vector<int> scratch_seen_;                    ///< allocate(): rota positions
    std::vector<unsigned char> scratch_waiting_seen_;  ///< waiting_by_team(): entries met
};

}  // namespace cssim::department::detail
