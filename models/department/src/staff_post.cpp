/**
 * @file staff_post.cpp
 * @brief The events of the staff-post lifecycle (staff_post.hpp): a sickness spell's return, a
 * notice's end and a recruitment's arrival, shared by social workers and team managers.
 */
#include "staff_post.hpp"

#include <algorithm>
#include <cmath>

#include "department_events.hpp"

namespace cssim::department::detail {

double StaffSchedule::start_sickness(StaffPost& p, int post, bool long_spell,
                                     const core::Distribution& duration, core::RandomStream& rng,
                                     core::DayIndex day) const {
    const double days = std::max(1.0, duration.sample(rng));
    p.fall_sick(long_spell);
    const core::DayIndex back = calendar_.add_working_days(day, static_cast<int>(std::ceil(days)));
    sim_.schedule_at(tick_at(back, kWorkforceStartHour), kinds_.sickness_end,
                     static_cast<std::uint32_t>(post), p.generation);
    return days;
}

void StaffSchedule::give_notice(StaffPost& p, int post, core::DayIndex day, int notice_wd) const {
    p.on_notice = true;
    const core::DayIndex leave = calendar_.add_working_days(day, std::max(1, notice_wd));
    sim_.schedule_at(tick_at(leave, kWorkforceLeaveHour), kinds_.notice_end,
                     static_cast<std::uint32_t>(post), p.generation);
}

void StaffSchedule::advertise(StaffPost& p, int post, double days) const {
    const std::uint32_t generation = p.advertise();
    sim_.schedule_after(core::ticks_from_days(days), kinds_.hire, static_cast<std::uint32_t>(post),
                        generation);
}

}  // namespace cssim::department::detail
