#pragma once
/**
 * @file department_sickness.hpp
 * @brief Private: the daily sickness hazards of a social worker (docs/model.md 7.6). Short
 * spells and the stress-related part of long spells rise exponentially with stress; long spells
 * also have a baseline from causes beyond workload that stress does not touch.
 */
#include <cmath>

#include "cssim/department/config.hpp"
#include "department_constants.hpp"

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

}  // namespace cssim::department::detail
