#pragma once
/**
 * @file department_management.hpp
 * @brief Private: the Management component — team manager posts (sickness, resignation,
 * vacancy, recruitment, posts cut: the staff-post lifecycle social worker posts share,
 * staff_post.hpp) and the supervision each team gets, with its own stream.
 *
 * The other components ask it how well a social worker is supervised and how many managers are
 * paid; they tell it when recruitment is allowed (a hiring freeze) and how much likelier leaving
 * is (inspection, blame). It schedules its own events (kManagerBack, kManagerLeaves,
 * kManagerHire) on the replication's simulation.
 */
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"
#include "cssim/department/config.hpp"
#include "department_events.hpp"
#include "department_outputs.hpp"
#include "staff_post.hpp"

namespace cssim::department::detail {

/** @brief A team manager post (issue 7: management capacity): the shared staff-post lifecycle;
 * a filled post's contract is kEmployed (no agency managers). */
struct Manager : StaffPost {};

/** @brief Team managers and supervision of one replication. */
class Management {
public:
    /** @brief `config` is read when managers act (it may change at a date). */
    Management(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
               core::Simulation& sim, Outputs& outputs, core::RandomStream management);

    /** @brief Follows a dated change of configuration. */
    void on_config_changed(const DepartmentConfig& config) { cfg_ = &config; }

    /** @brief One manager post per team: `teams` posts, all filled. */
    void initialise(int teams);

    /** @brief A working day's sickness and resignation hazards for every post (two draws per
     * post whatever its state); `resignation_multiplier` from inspection and blame. */
    void hazards(core::DayIndex day, double resignation_multiplier);

    /** @brief Recomputes each team's supervision from who is present today. */
    void update_supervision();

    /** @brief Supervision of the team of social worker post `post_index`, 0 to 1 (1 when
     * management is switched off). */
    double supervision_of(int post_index) const;

    /** @brief The manager post of each social worker post (teams); empty = one manager per
     * `workforce.team_size` consecutive posts. */
    void set_post_managers(std::vector<int> post_managers) {
        post_managers_ = std::move(post_managers);
    }

    /** @brief Supervision manager post `manager` gives its team today, 0 to 1 (1 when
     * management is switched off): 1 present, the cover share when absent. */
    double manager_supervision(int manager) const {
        if (!cfg_->management.enabled || manager < 0 ||
            static_cast<std::size_t>(manager) >= team_supervision_.size()) {
            return 1.0;
        }
        return team_supervision_[static_cast<std::size_t>(manager)];
    }

    /** @brief Event kManagerBack: a sickness spell ends. */
    void on_back(int manager, std::uint64_t generation);
    /** @brief Event kManagerLeaves: the notice ends and the post falls vacant. */
    void on_leaves(int manager, std::uint64_t generation, bool recruitment_allowed);
    /** @brief Event kManagerHire: the new manager starts (unless a freeze began meanwhile). */
    void on_hire(int manager, std::uint64_t generation, bool recruitment_allowed);
    /** @brief A vacant post is deleted (if cuts are pending) or advertised. */
    void falls_vacant(int manager, bool recruitment_allowed);
    /** @brief A hiring freeze ends: vacant posts are advertised again. */
    void readvertise(bool recruitment_allowed);
    /** @brief Deletes `fraction` of the posts, vacant ones now, the rest as they fall vacant. */
    void cut_posts(double fraction, bool recruitment_allowed);

    /** @brief Posts not vacant and not deleted. */
    int in_post() const;
    /** @brief Managers at work today (not sick, not vacant, not deleted). */
    int present() const;
    /** @brief Every manager post (deleted ones included), for tracks and the daily sums. */
    const std::vector<Manager>& posts() const { return managers_; }

private:
    void add_event(std::string kind, std::string text) {
        outputs_.add_event(sim_.now(), std::move(kind), -1, std::move(text));
    }

    const DepartmentConfig* cfg_;
    core::Simulation& sim_;
    StaffSchedule
        staff_;  ///< the shared lifecycle's events (kManagerBack, kManagerLeaves, kManagerHire)
    Outputs& outputs_;
    core::RandomStream rng_;
    std::vector<Manager> managers_;
    std::vector<double> team_supervision_;  ///< per team, 0..1
    std::vector<int> post_managers_;        ///< manager of each post (teams); empty = by team_size
    int pending_cuts_ = 0;
};

}  // namespace cssim::department::detail
