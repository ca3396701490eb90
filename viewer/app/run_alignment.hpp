#pragma once
/**
 * @file run_alignment.hpp
 * @brief Puts runs A and B on one clock, even with different start dates or lengths.
 *
 * The clock counts "shared days". A side's own day index is shared_day - offset(side).
 * In calendar mode the shared day is the day number since 1970-01-01, so 1 April 2019 lines up
 * in both runs; in elapsed mode it is the day index since each run's own start, so "day 400"
 * lines up. The shared range is the union of the two runs' ranges; a side outside its own range
 * shows no data.
 */
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace cssim::viewer {

/** @brief How two runs are lined up. */
enum class AlignMode { calendar, elapsed };

/** @brief What alignment needs to know of one side (absent sides are nullopt). */
struct SideExtent {
    std::optional<std::int64_t> start_day_number;  ///< day number of day 0, if the date parses
    std::int64_t first_day = 0;                    ///< the run's own day indices, inclusive
    std::int64_t last_day = 0;
};

/** @brief The mapping between shared days and each side's own days. */
class RunAlignment {
public:
    RunAlignment() = default;
    /**
     * @brief Aligns the present sides. Calendar mode falls back to elapsed when a present side
     * has no parseable start date (mode() then says elapsed).
     */
    static RunAlignment make(const std::array<std::optional<SideExtent>, 2>& sides,
                             AlignMode requested);

    [[nodiscard]] AlignMode mode() const { return mode_; }
    [[nodiscard]] bool has_side(int side) const { return present_[side]; }
    [[nodiscard]] std::int64_t first_shared_day() const { return first_; }
    [[nodiscard]] std::int64_t last_shared_day() const { return last_; }
    [[nodiscard]] std::int64_t offset(int side) const { return offset_[side]; }
    /** @brief The side's own day for a shared day, or nullopt outside that side's range. */
    [[nodiscard]] std::optional<std::int64_t> side_day(int side, std::int64_t shared_day) const;
    /** @brief The shared day of a side's own day. */
    [[nodiscard]] std::int64_t shared_day(int side, std::int64_t own_day) const {
        return own_day + offset_[side];
    }
    /** @brief "2019-04-01" in calendar mode, "day 400" in elapsed mode. */
    [[nodiscard]] std::string label(std::int64_t shared_day) const;
    /** @brief Short axis label: "Apr 2019" in calendar mode, "d400" otherwise. */
    [[nodiscard]] std::string axis_label(std::int64_t shared_day) const;
    /**
     * @brief Parses a day typed by the user: an ISO date (calendar mode) or a day index of
     * side A ("400"). Nullopt if it is neither.
     */
    [[nodiscard]] std::optional<std::int64_t> parse_day(const std::string& text) const;

private:
    AlignMode mode_ = AlignMode::elapsed;
    std::array<bool, 2> present_{false, false};
    std::array<std::int64_t, 2> offset_{0, 0};
    std::array<std::int64_t, 2> side_first_{0, 0};
    std::array<std::int64_t, 2> side_last_{0, 0};
    std::int64_t first_ = 0;
    std::int64_t last_ = 0;
};

}  // namespace cssim::viewer
