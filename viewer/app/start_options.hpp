#pragma once
/**
 * @file start_options.hpp
 * @brief Applying the command line to opened runs: pause conditions, bookmarks, the start day
 * and the page shown. Every value is checked against the runs, so that a typo is an error
 * (exit 64) with the valid range or a did-you-mean, never silently ignored or clamped.
 */
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/viewer_options.hpp"
#include "app/viewer_state.hpp"

namespace cssim::viewer {

/** @brief Levenshtein distance (for did-you-mean suggestions). */
std::size_t edit_distance(std::string_view a, std::string_view b);

/**
 * @brief The closest of `candidates` to `typed` when it is close enough to be a typo (at most a
 * third of the longer name's letters differ), else nullopt.
 */
std::optional<std::string> closest_name(std::string_view typed,
                                        const std::vector<std::string>& candidates);

/**
 * @brief Parses a day for --day or --bookmark and checks it lies in the runs' shared range.
 * @return the shared day, or nullopt with `error` naming the valid range.
 */
std::optional<std::int64_t> checked_day(const ViewerState& state, const std::string& text,
                                        std::string* error);

/**
 * @brief Applies --presenter, --view, --pause-when, --bookmark and --day to a state whose runs
 * are open. @return "" on success, else the message for exit 64 (without the program name).
 */
std::string apply_start_options(ViewerState& state, const ViewerOptions& options);

}  // namespace cssim::viewer
