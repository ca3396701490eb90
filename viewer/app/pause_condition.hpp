#pragma once
/**
 * @file pause_condition.hpp
 * @brief "Pause when unallocated_cases > 50": conditions on a series that stop the clock.
 */
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cssim::viewer {

enum class Comparison { greater, greater_equal, less, less_equal };

/** @brief Which run a condition watches. */
enum class ConditionSide { a, b, either };

/**
 * @brief A pause condition. It fires on the first day it becomes true (true that day, false or
 * without data the day before), so that pressing play again does not stop at once.
 */
struct PauseCondition {
    std::string series;
    Comparison comparison = Comparison::greater;
    double threshold = 0.0;
    ConditionSide side = ConditionSide::either;
    bool enabled = true;
};

/** @brief Whether `value comparison threshold` holds. */
bool holds(const PauseCondition& condition, double value);

/** @brief "unallocated_cases > 50", "B: caseload_mean >= 20". */
std::string describe(const PauseCondition& condition);

/**
 * @brief Parses "[A:|B:] series OP threshold" with OP one of > >= < <=.
 * @return the condition, or nullopt with `error` set to a sentence saying what is wrong.
 */
std::optional<PauseCondition> parse_pause_condition(std::string_view text, std::string* error);

/** @brief Value of a series on a shared day for one side (0 = A, 1 = B), nullopt if none. */
using SeriesLookup =
    std::function<std::optional<double>(int side, const std::string& series, std::int64_t day)>;

/** @brief Which condition fired on which shared day. */
struct PauseTrigger {
    std::int64_t day = 0;
    std::size_t condition = 0;
    int side = 0;
};

/**
 * @brief The first day in (from_day, to_day] on which an enabled condition fires, scanning
 * days in order and conditions in list order. Cost: (to - from) × conditions lookups.
 */
std::optional<PauseTrigger> first_pause_trigger(const std::vector<PauseCondition>& conditions,
                                                const SeriesLookup& lookup, std::int64_t from_day,
                                                std::int64_t to_day);

}  // namespace cssim::viewer
