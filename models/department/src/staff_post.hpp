#pragma once
/**
 * @file staff_post.hpp
 * @brief Private: the lifecycle of one staff post, shared by the social worker posts
 * (Workforce, workforce.hpp) and the team manager posts (Management,
 * department_management.hpp).
 *
 * A post is filled (present or sick, short or long term), on notice, vacant with a hire pending
 * or not, or deleted. `StaffPost` holds that state and its transitions, with no random draws and
 * no events; `StaffSchedule` schedules the events that end a sickness spell, a notice and a
 * recruitment, each carrying the generation it was scheduled for, so an event that finds the
 * generation moved on (a new holder, a new advertisement) is stale and ignored. Each owner keeps
 * its own rates, distributions, random streams and event kinds, and decides when a transition
 * happens (the hazards, what a vacancy starts); the draws stay in each owner's order.
 */
#include <cstdint>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/core/working_calendar.hpp"

namespace cssim::department::detail {

/** @brief Who holds a post (the codes of a post track's `contract`). */
enum class Contract : std::uint8_t { kEmployed = 0, kAgency = 1, kNewlyQualified = 2, kNone = 3 };
/** @brief A post's state (the codes of a post track's `status`). */
enum class Status : std::uint8_t {
    kWorking = 0,
    kSick = 1,
    kLongTermSick = 2,
    kOnNotice = 3,
    kVacant = 4,
    kDeleted = 5,
};

/** @brief The hour a worker back from sickness or a new agency worker starts (before the
 * working day's 08:00 process, so they work that day). */
inline constexpr int kWorkforceStartHour = 7;
/** @brief The hour a leaver goes on the last day of their notice (after the day's work). */
inline constexpr int kWorkforceLeaveHour = 18;

/** @brief A sickness spell a day's draw starts, if any. */
enum class Spell : std::uint8_t { kNone, kShort, kLong };

/** @brief The spell a uniform draw `u` starts when a day's chances are `p_long` of a long-term
 * spell and `p_short` of a short one (long first: u < p_long, then u < p_long + p_short). */
inline Spell spell_from_draw(double u, double p_long, double p_short) {
    if (u < p_long) {
        return Spell::kLong;
    }
    return u < p_long + p_short ? Spell::kShort : Spell::kNone;
}

/** @brief The lifecycle state of one staff post and its transitions (no draws, no events). */
struct StaffPost {
    Contract contract = Contract::kNone;  ///< kNone: vacant (or deleted)
    bool on_notice = false;
    bool sick = false;
    bool long_sick = false;
    bool hire_pending = false;
    bool deleted = false;
    std::uint32_t generation = 0;  ///< bumped when the holder changes (sickness and notice events)
    std::uint32_t recruitment_generation = 0;  ///< bumped when recruitment starts or stops

    /** @brief True when someone holds the post. */
    bool is_filled() const { return !deleted && contract != Contract::kNone; }
    /** @brief True when the post exists and nobody holds it. */
    bool is_vacant() const { return !deleted && contract == Contract::kNone; }
    /** @brief True when the holder is at work (filled and not sick). */
    bool is_present() const { return is_filled() && !sick; }
    /** @brief The post's state as its daily track records it. */
    Status status() const {
        if (deleted) {
            return Status::kDeleted;
        }
        if (contract == Contract::kNone) {
            return Status::kVacant;
        }
        if (sick) {
            return long_sick ? Status::kLongTermSick : Status::kSick;
        }
        return on_notice ? Status::kOnNotice : Status::kWorking;
    }

    /** @brief The holder falls sick (a long-term spell when `long_spell`). */
    void fall_sick(bool long_spell) {
        sick = true;
        long_sick = long_spell;
    }
    /** @brief A sickness spell's end event for `event_generation`: the holder is back unless
     * the event is stale. Returns true when it applied. */
    bool sickness_ends(std::uint64_t event_generation) {
        if (generation != event_generation) {
            return false;
        }
        sick = long_sick = false;
        return true;
    }
    /** @brief True when a notice's end event for `event_generation` is the current one. */
    bool is_current_notice(std::uint64_t event_generation) const {
        return generation == event_generation && on_notice;
    }
    /** @brief The holder goes (notice or contract ended): the post is vacant. */
    void holder_leaves() {
        contract = Contract::kNone;
        on_notice = sick = long_sick = false;
        ++generation;
    }
    /** @brief Recruitment starts; returns the generation its hire event carries. */
    std::uint32_t advertise() {
        hire_pending = true;
        return ++recruitment_generation;
    }
    /** @brief Recruitment under way stops (its hire event becomes stale). */
    void cancel_recruitment() {
        hire_pending = false;
        ++recruitment_generation;
    }
    /** @brief The post is deleted (any recruitment stops). */
    void delete_post() {
        deleted = true;
        cancel_recruitment();
    }
    /** @brief True when a hire event for `event_generation` is the current one. */
    bool is_current_hire(std::uint64_t event_generation) const {
        return recruitment_generation == event_generation && hire_pending && !deleted;
    }
    /** @brief A new holder on `new_contract` takes the post, present and not on notice. */
    void take_up(Contract new_contract) {
        contract = new_contract;
        sick = long_sick = on_notice = false;
        ++generation;
    }
};

/** @brief The event kinds of one kind of staff post. */
struct StaffEventKinds {
    std::uint32_t sickness_end = 0;  ///< target: post; payload: post generation
    std::uint32_t notice_end = 0;    ///< target: post; payload: post generation
    std::uint32_t hire = 0;          ///< target: post; payload: recruitment generation
};

/** @brief Schedules a staff post's lifecycle events on the replication's simulation. */
class StaffSchedule {
public:
    /** @brief Events of `kinds` on `sim`, working days counted on `calendar`. */
    StaffSchedule(const core::WorkingCalendar& calendar, core::Simulation& sim,
                  StaffEventKinds kinds)
        : calendar_(calendar), sim_(sim), kinds_(kinds) {}

    /** @brief Post `post` falls sick on `day` for a spell drawn from `duration` with `rng`
     * (at least one working day): back at kWorkforceStartHour on the working day the spell
     * ends. Returns the working days drawn. */
    double start_sickness(StaffPost& p, int post, bool long_spell,
                          const core::Distribution& duration, core::RandomStream& rng,
                          core::DayIndex day) const;
    /** @brief The holder of post `post` gives notice on `day`: they go at kWorkforceLeaveHour
     * on the `notice_wd`-th working day after it (at least one). */
    void give_notice(StaffPost& p, int post, core::DayIndex day, int notice_wd) const;
    /** @brief Recruitment to post `post` starts: the new holder arrives `days` from now. */
    void advertise(StaffPost& p, int post, double days) const;

private:
    const core::WorkingCalendar& calendar_;
    core::Simulation& sim_;
    StaffEventKinds kinds_;
};

}  // namespace cssim::department::detail
