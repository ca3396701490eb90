#pragma once
/**
 * @file department_events.hpp
 * @brief Private: the kinds of event one replication schedules (target and payload as noted).
 */
#include <cstdint>

#include "cssim/core/simulation.hpp"

namespace cssim::department::detail {

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
    kConfigChange,   ///< target: index into config.changes (00:00 of its date)
    kCareCensus,     ///< 23:59 on 31 March: children looked after and their social workers
    kCoverStarts,    ///< target: post; payload: the long spell (SickCover::pending_spell)
};

/** @brief The tick of `hour` o'clock on `day`. */
inline core::Tick tick_at(core::DayIndex day, int hour) {
    return core::start_of_day(day) + static_cast<core::Tick>(hour) * core::kTicksPerHour;
}

}  // namespace cssim::department::detail
