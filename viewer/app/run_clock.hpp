#pragma once
/**
 * @file run_clock.hpp
 * @brief The shared replay clock: play, pause, speed, step, scrub and run-until.
 */
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cssim::viewer {

/** @brief One rung of the speed ladder. */
struct ClockSpeed {
    std::string_view label;
    double days_per_second = 1.0;  ///< ignored when `is_max`
    bool is_max = false;           ///< "as fast as possible": kMaxDaysPerFrame days every frame
};

/** @brief Replay speeds from slow to as fast as possible; the default is index 3 (1 week/s). */
inline constexpr std::array<ClockSpeed, 9> kClockSpeeds{{
    {"1 day/s", 1.0, false},
    {"2 days/s", 2.0, false},
    {"4 days/s", 4.0, false},
    {"1 week/s", 7.0, false},
    {"2 weeks/s", 14.0, false},
    {"1 month/s", 30.4375, false},
    {"1 quarter/s", 91.3125, false},
    {"1 year/s", 365.25, false},
    {"max", 0.0, true},
}};

/** @brief Days the clock moves per frame at the "max" speed (10 years in about 2 s at 60 fps). */
inline constexpr double kMaxDaysPerFrame = 30.0;

/**
 * @brief The viewer's clock, in the shared day numbering of RunAlignment.
 *
 * Invariant: first_day() <= day() <= last_day(); the clock pauses by itself on reaching the last
 * day or the run-until target. Days are fractional while playing so that slow speeds move
 * smoothly; whole_day() is the day whose data is shown.
 */
class RunClock {
public:
    /** @brief Sets the playable range (inclusive) and clamps the current day into it. */
    void set_range(std::int64_t first_day, std::int64_t last_day);

    [[nodiscard]] double day() const { return day_; }
    /** @brief The day whose data is shown: the current day rounded down. */
    [[nodiscard]] std::int64_t whole_day() const;
    [[nodiscard]] std::int64_t first_day() const { return first_; }
    [[nodiscard]] std::int64_t last_day() const { return last_; }
    [[nodiscard]] bool is_playing() const { return playing_; }
    [[nodiscard]] std::size_t speed_index() const { return speed_index_; }
    [[nodiscard]] const ClockSpeed& speed() const { return kClockSpeeds[speed_index_]; }
    [[nodiscard]] std::optional<std::int64_t> run_until_day() const { return until_; }

    /** @brief Starts playing; from the last day it restarts at the first day. */
    void play();
    /** @brief Stops playing and cancels any run-until target. */
    void pause();
    void toggle_play();
    /** @brief Picks a rung of kClockSpeeds (clamped). */
    void set_speed_index(std::size_t index);
    void faster();
    void slower();

    /** @brief Pauses and moves by whole days (negative = back), landing on a whole day. */
    void step_days(std::int64_t days);
    /** @brief Moves to a day (clamped) without changing play/pause; used by the scrubber. */
    void scrub_to(double day);
    /** @brief Plays until `day` (clamped), then pauses exactly there. */
    void run_until(std::int64_t day);

    /**
     * @brief Proposed day after `seconds` of wall time (one frame), honouring speed, range and
     * run-until, without moving. Equal to day() when paused.
     */
    [[nodiscard]] double proposed_advance(double seconds) const;
    /**
     * @brief Moves to `day` (from proposed_advance, possibly cut short by a pause condition).
     * Pauses when the range end or the run-until target is reached.
     */
    void commit_advance(double day);

private:
    double day_ = 0.0;
    std::int64_t first_ = 0;
    std::int64_t last_ = 0;
    bool playing_ = false;
    std::size_t speed_index_ = 3;
    std::optional<std::int64_t> until_;
};

}  // namespace cssim::viewer
