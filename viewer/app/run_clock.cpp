#include "app/run_clock.hpp"

#include <algorithm>
#include <cmath>

namespace cssim::viewer {

void RunClock::set_range(std::int64_t first_day, std::int64_t last_day) {
    first_ = first_day;
    last_ = std::max(first_day, last_day);
    day_ = std::clamp(day_, static_cast<double>(first_), static_cast<double>(last_));
    if (until_)
        until_ = std::clamp(*until_, first_, last_);
}

std::int64_t RunClock::whole_day() const {
    return static_cast<std::int64_t>(std::floor(day_));
}

void RunClock::play() {
    if (day_ >= static_cast<double>(last_) && !until_)
        day_ = static_cast<double>(first_);
    playing_ = day_ < static_cast<double>(last_);
}

void RunClock::pause() {
    playing_ = false;
    until_.reset();
}

void RunClock::toggle_play() {
    if (playing_) {
        pause();
    } else {
        play();
    }
}

void RunClock::set_speed_index(std::size_t index) {
    speed_index_ = std::min(index, kClockSpeeds.size() - 1);
}

void RunClock::faster() {
    set_speed_index(speed_index_ + 1);
}

void RunClock::slower() {
    if (speed_index_ > 0)
        set_speed_index(speed_index_ - 1);
}

void RunClock::step_days(std::int64_t days) {
    pause();
    const std::int64_t target = std::clamp(whole_day() + days, first_, last_);
    day_ = static_cast<double>(target);
}

void RunClock::scrub_to(double day) {
    if (!std::isfinite(day))
        return;
    day_ = std::clamp(day, static_cast<double>(first_), static_cast<double>(last_));
}

void RunClock::run_until(std::int64_t day) {
    const std::int64_t target = std::clamp(day, first_, last_);
    if (static_cast<double>(target) <= day_) {
        // A target behind the clock means "go there": a replay has no reason to refuse.
        day_ = static_cast<double>(target);
        pause();
        return;
    }
    until_ = target;
    playing_ = true;
}

double RunClock::proposed_advance(double seconds) const {
    if (!playing_)
        return day_;
    const ClockSpeed& s = speed();
    const double delta = s.is_max ? kMaxDaysPerFrame : s.days_per_second * std::max(seconds, 0.0);
    double limit = static_cast<double>(last_);
    if (until_)
        limit = std::min(limit, static_cast<double>(*until_));
    return std::min(day_ + delta, limit);
}

void RunClock::commit_advance(double day) {
    scrub_to(day);
    if (until_ && day_ >= static_cast<double>(*until_)) {
        day_ = static_cast<double>(*until_);
        pause();
    }
    if (day_ >= static_cast<double>(last_)) {
        day_ = static_cast<double>(last_);
        pause();
    }
}

}  // namespace cssim::viewer
