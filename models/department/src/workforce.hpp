#pragma once
/**
 * @file workforce.hpp
 * @brief Private: the Workforce component — the social worker posts and the people in them:
 * sickness spells, resignation and notice, vacancy, recruitment (newly qualified starters),
 * agency cover, and the hiring freeze, agency ban and post cuts of a funding change.
 *
 * Workforce owns the posts (`Post`), the holder numbering and four random streams ("sickness",
 * "resignation", "recruitment", "agency"); it schedules its own events (kSicknessEnd,
 * kNoticeEnd, kHireArrives, kAgencyArrives, kAgencyEnd, kFreezeEnd) on the replication's
 * simulation, and Model forwards them back. It tells the rest of the model what happened
 * through a WorkforceHost: a holder left or fell long-term sick (the host moves the cases), a new
 * starter took over an agency worker's cases. The lifecycle a post shares with the team manager
 * posts (sickness, notice, vacancy, recruitment; staff_post.hpp) is `StaffPost`'s and its events
 * are scheduled through a `StaffSchedule`. Invariant: Workforce writes the lifecycle fields of a
 * Post (StaffPost's, and stress to agency_generation); the host writes the workload fields
 * (cases, weighted_caseload, pending_handover_hours, team)
 * and Workforce only reads them. The weekly hours and the admin backlog live in TimeUse.
 */
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_events.hpp"
#include "department_outputs.hpp"
#include "department_stability.hpp"
#include "staff_post.hpp"

namespace cssim::department::detail {

/** @brief A social worker post and whoever holds it: the shared staff-post lifecycle
 * (`StaffPost`: contract, notice, sickness, recruitment, deletion, generations) and what only
 * social worker posts have. */
struct Post : StaffPost {
    // Lifecycle: written by Workforce.
    double stress = 0.0;  ///< reset by Workforce for a starter; the day process moves it
    bool agency_pending = false;
    core::DayIndex protected_until = -1;  ///< newly qualified protection ends
    HolderId holder = kNoHolder;          ///< the person in the post (a new number per starter)
    std::uint32_t agency_generation = 0;
    // Workload: written by the rest of the model (allocation, the day process).
    std::vector<int> cases;
    double weighted_caseload = 0.0;
    /// Admin hours (handovers, serious case reviews) waiting for the post's next working day
    /// (TimeUse's day takes them as admin). The weekly workload and the admin backlog are
    /// TimeUse's (time_use.hpp).
    double pending_handover_hours = 0.0;
    int team = 0;  ///< the team the post belongs to (department_teams)

    /** @brief True when someone holds the post (employed, newly qualified or agency). */
    bool is_case_holder() const { return is_filled(); }
};

/** @brief Days a new starter who arrives before the leaver has gone waits, at a time. */
inline constexpr int kWorkforceStarterWaitDays = 7;
/** @brief The shortest agency contract, in months (a draw below it is raised to it). */
inline constexpr double kWorkforceShortestAgencyMonths = 0.5;

/** @brief Upper bounds, for one working day, of a post's chance of falling sick and (before the
 * system's resignation multiplier) of resigning: draws at or above them decide nothing. */
struct WorkforceBounds {
    double sick = 0.0;
    double resign_before_multiplier = 0.0;
};

/** @brief The Workforce's random streams, one per process (common random numbers). */
struct WorkforceStreams {
    core::RandomStream sickness, resignation, recruitment, agency;
    /** @brief The streams "sickness", "resignation", "recruitment" and "agency" of a
     * replication. */
    static WorkforceStreams derive(std::uint64_t master_seed, std::uint64_t replication);
};

/** @brief What happens to a spell already under way at day 0: a length-biased draw from `d`
 * (long spells are likelier to be in progress), of which a uniform part remains. */
double residual_spell(const core::Distribution& d, core::RandomStream& rng);

/** @brief What the Workforce tells, and asks of, the rest of the model. */
class WorkforceHost {
public:
    /** @brief Post `post`'s holder has gone or fell long-term sick: its cases go back to be
     * allocated and its workload is cleared. */
    virtual void hand_over_cases(int post) = 0;
    /** @brief A new starter in post `post` takes over its (agency worker's) cases on `day`. */
    virtual void cases_to_new_holder(int post, core::DayIndex day) = 0;
    /** @brief True while the council is judged inadequate on `day`. */
    virtual bool is_inadequate(core::DayIndex day) const = 0;
    /** @brief An employed social worker has left (leavers feed the inspection's indicators). */
    virtual void count_leaver() = 0;
    /** @brief Post `post`'s holder fell long-term sick on `day`: by default the cases are handed
     * over at once (the model's host covers them once the absence is known, docs/model.md 7.6). */
    virtual void long_spell_starts(int post, core::DayIndex day) {
        (void)day;
        hand_over_cases(post);
    }
    /** @brief Post `post`'s holder is back from a long spell (07:00 of the day back). */
    virtual void long_spell_ends(int post) { (void)post; }

protected:
    ~WorkforceHost() = default;
};

/** @brief The social worker posts of one replication and their lifecycle. */
class Workforce {
public:
    /** @brief `config` is read when posts change (it may change at a date); with `detail`,
     * the lifecycle is written to the event log. */
    Workforce(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
              core::Simulation& sim, Outputs& outputs, WorkforceHost& host,
              WorkforceStreams streams, bool detail);

    /** @brief Follows a dated change of configuration. */
    void on_config_changed(const DepartmentConfig& config) { cfg_ = &config; }

    /** @brief Lays out `workforce.social_worker_posts` posts at day 0 (vacancies with their
     * recruitment and agency cover under way, newly qualified holders part-way through their
     * protection) from the `initial` stream; spells and outputs count from `measure_from`. */
    void initialise(core::RandomStream& initial, core::DayIndex measure_from);

    /** @brief Every post, deleted ones included (the host writes only the workload fields). */
    std::vector<Post>& posts() { return posts_; }
    /** @brief Every post, deleted ones included. */
    const std::vector<Post>& posts() const { return posts_; }

    /** @brief Today's upper bounds of the sickness and resignation hazards. */
    WorkforceBounds bounds() const;
    /** @brief A working day's sickness and resignation hazards for post `post` (two draws
     * whatever its state); `resignation_multiplier` from inspection and blame. */
    void hazards(int post, core::DayIndex day, const WorkforceBounds& bounds,
                 double resignation_multiplier);
    /** @brief The holder of post `post` resigns on `day` (`why` for the event log, or null):
     * notice, and recruitment starts unless a freeze is on. */
    void resign(int post, core::DayIndex day, const char* why);

    /** @brief Event kSicknessEnd: the spell ends. */
    void on_sickness_end(int post, std::uint64_t generation);
    /** @brief Event kNoticeEnd: the leaver goes, the cases are handed over, the post is vacant. */
    void on_notice_end(int post, std::uint64_t generation);
    /** @brief Event kHireArrives: the new starter arrives (or waits for the leaver's notice). */
    void on_hire(int post, std::uint64_t generation);
    /** @brief Event kAgencyArrives: an agency worker covers the vacancy, if still allowed. */
    void on_agency_arrives(int post, std::uint64_t generation);
    /** @brief Event kAgencyEnd: the contract is renewed or ends (a vacancy again). */
    void on_agency_end(int post, std::uint64_t generation);
    /** @brief Event kFreezeEnd: returns true when it ends the freeze in force (vacant posts are
     * advertised again). */
    bool on_freeze_end(std::uint64_t generation);

    /** @brief A hiring freeze starts: pending hires and agency requests are cancelled; it ends
     * after `months` (never when `months` <= 0). */
    void start_hiring_freeze(double months);
    /** @brief No more agency cover (contracts running end as they fall due). */
    void ban_agency() { agency_ban_ = true; }
    /** @brief Deletes `fraction` of the posts (rounded), shared out among the teams in
     * proportion to each team's posts not yet deleted (largest remainders, ties to the earlier
     * team): in each team, vacant posts go now and the rest as they fall vacant, until the
     * team's quota is met. Returns the posts still to be deleted before the vacant ones go. */
    int cut_posts(double fraction);
    /** @brief Posts of team `team` still to be deleted as they fall vacant (0 for a team the
     * cuts never reached). */
    int pending_post_cuts(int team) const;
    /** @brief Posts still to be deleted as they fall vacant, over every team. */
    int pending_post_cuts() const;

    /** @brief False during a hiring freeze. */
    bool recruitment_allowed() const { return !hiring_freeze_; }
    /** @brief Agency cover allowed by the scenario, with no ban and no freeze. */
    bool agency_allowed() const {
        return cfg_->recruitment.agency_allowed && !agency_ban_ && !hiring_freeze_;
    }

private:
    void start_sickness(int post, bool long_spell, core::DayIndex day);
    void falls_vacant(int post);
    /** @brief Adds `cut` posts to the teams' quotas in proportion to their posts. */
    void share_post_cuts(int cut);
    void start_recruitment(int post);
    void request_agency(int post);
    /** @brief The post's name in the event log ("SW 3"). */
    static std::string post_label(int post) { return "SW " + std::to_string(post + 1); }
    core::DayIndex today() const { return core::day_of(sim_.now()); }
    bool measuring() const { return today() >= measure_from_; }
    void add_event(std::string kind, int post, std::string text) {
        outputs_.add_event(sim_.now(), std::move(kind), post, std::move(text));
    }

    const DepartmentConfig* cfg_;
    const core::WorkingCalendar& calendar_;
    core::Simulation& sim_;
    StaffSchedule
        staff_;  ///< the shared lifecycle's events (kSicknessEnd, kNoticeEnd, kHireArrives)
    Outputs& outputs_;
    WorkforceHost& host_;
    WorkforceStreams rng_;
    bool detail_;
    core::DayIndex measure_from_ = 0;
    std::vector<Post> posts_;
    HolderId next_holder_ = kNoHolder + 1;  ///< the number of the next person to take a post
    std::vector<int> team_post_cuts_;       ///< by team: posts to delete as they fall vacant
    bool hiring_freeze_ = false;
    std::uint64_t freeze_generation_ = 0;
    bool agency_ban_ = false;
};

}  // namespace cssim::department::detail
