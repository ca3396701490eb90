#pragma once
/**
 * @file department_redeployment.hpp
 * @brief Private: the department's answers to a team that is overwhelmed (docs/system-effects.md
 * section 6) — redeployment of a worker between teams and the front door raising its threshold —
 * as pure functions of each team's pressure, tested alone in
 * tests/models/department/redeployment_test.cpp. The model's side is in
 * department_redeployment.cpp and front_door_threshold.cpp.
 *
 * A team's pressure is its weighted cases, held and waiting, over the caseload caps of its
 * workers at work: below 1 the team has room; above 1 cases go over the cap or wait. In a
 * department under normal pressure neither mechanism fires (nor draws a random number), so base
 * runs as before.
 */
#include <vector>

namespace cssim::department::detail {

/** @brief What the managers see of one team on the day they plan the duty rota. */
struct TeamPressure {
    double load = 0.0;      ///< weighted cases its posts hold
    double waiting = 0.0;   ///< weighted cases waiting in the queue for it
    double capacity = 0.0;  ///< the caps of its workers at work
    int present = 0;        ///< workers at work (holders not sick)
    /// The cap of the worker it would give up (its present worker with fewest cases); 0 = none.
    double movable_cap = 0.0;

    /** @brief (load + waiting) / capacity; 0 for an empty team, a large number for a team with
     * cases and nobody at work. */
    double pressure() const {
        if (capacity > 0.0) {
            return (load + waiting) / capacity;
        }
        return load + waiting > 0.0 ? 1e9 : 0.0;
    }
};

/** @brief A post to move: from team `from` to team `to` (-1 = none). */
struct RedeployChoice {
    int from = -1;
    int to = -1;
};

/**
 * @brief The move the managers make: into the team under most pressure, if that is above
 * `above`, from the team under least pressure that is at least `gap` below it, keeps two workers
 * at work and, after giving up its worker (whose cases it takes back), is still under less
 * pressure than the receiving team with the worker. Ties go to the earlier team. No move when
 * `above` is 0.
 */
RedeployChoice pick_redeployment(const std::vector<TeamPressure>& teams, double above, double gap);

/**
 * @brief The share of the referrals the front door would send to assessment (at or below the
 * need the raised threshold turns away) that it turns away at assessment team pressure
 * `pressure`: (pressure - above) x per_pressure, at most `max_share`; 0 at or below `above` or
 * when `above` is 0.
 */
double threshold_share(double pressure, double above, double per_pressure, double max_share);

}  // namespace cssim::department::detail
