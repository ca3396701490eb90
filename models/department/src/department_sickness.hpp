#pragma once
/**
 * @file department_sickness.hpp
 * @brief Private: the daily sickness hazards of a social worker (docs/model.md 7.6). Short
 * spells and the stress-related part of long spells rise exponentially with stress; long spells
 * also have a baseline from causes beyond workload that stress does not touch. Cover during a
 * long spell (docs/model.md 7.6): the cases wait with the absent worker until the absence is
 * known to be long, then colleagues cover them, and the worker takes back on return those still
 * in their team.
 */
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "cssim/department/config.hpp"
#include "department_constants.hpp"
#include "department_stability.hpp"

namespace cssim::department::detail {

/** @brief Probabilities that a spell starts on one working day. */
struct SicknessHazards {
    double long_spell = 0.0;
    double short_spell = 0.0;
};

/** @brief The working day's hazards of a worker at `stress` (0-1) under `s`. */
inline SicknessHazards sickness_hazards(const SicknessConfig& s, double stress) {
    SicknessHazards h;
    h.long_spell =
        (s.long_spells_per_year_other_causes +
         s.long_spells_per_year_at_zero_stress * std::exp(s.long_stress_coefficient * stress)) /
        kWorkingDaysPerYear;
    h.short_spell = s.short_spells_per_year_at_zero_stress *
                    std::exp(s.short_stress_coefficient * stress) / kWorkingDaysPerYear;
    return h;
}

/** @brief A long spell's cover, kept per post by the model: the spell waiting for its cover to
 * start, and the children passed to colleagues, to go back when the worker returns. */
struct SickCover {
    std::uint64_t pending_spell = 0;  ///< the spell whose cover is still to start; 0 = none
    HolderId holder = kNoHolder;      ///< the person off sick
    /// (case index, case serial) of the children covered by colleagues.
    std::vector<std::pair<int, std::uint64_t>> covered;

    /** @brief Forgets the spell and its children. */
    void clear() {
        pending_spell = 0;
        holder = kNoHolder;
        covered.clear();
    }
};

/** @brief Where a covered child is when its worker comes back from a long spell. */
struct CoveredChild {
    bool same_child = false;      ///< the case slot still holds the child covered (its serial)
    bool active = false;          ///< still open
    bool in_queue = false;        ///< waiting, or held by its worker for a transfer
    int worker_team = -1;         ///< team of the post holding the child; -1 unallocated
    int stage_team = -1;          ///< team holding the child's stage now
    bool worker_is_back = false;  ///< held by the returning worker already
};

/** @brief True when a covered child goes back to its worker returning to team `team`: the same
 * open child, held by a colleague of that team (not waiting for allocation or a transfer), in a
 * stage the team still holds. A child who has moved team, closed, or waits stays where they are.
 */
inline bool covered_child_returns(const CoveredChild& c, int team) {
    return c.same_child && c.active && !c.in_queue && !c.worker_is_back && c.worker_team == team &&
           c.stage_team == team;
}

}  // namespace cssim::department::detail
