#pragma once
/**
 * @file event_ticker.hpp
 * @brief The event ticker's rows, its filter by kind, and a colour for every kind. No ImGui.
 *
 * Event kinds are whatever the archive carries; the viewer knows a few long-standing ones
 * (resignation, hire, harm, ...) by colour and gives every other kind a stable colour of its
 * own made from its name, so new kinds need no viewer change.
 */
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/system_series.hpp"
#include "app/viewer_state.hpp"

namespace cssim::viewer {

/** @brief One ticker line: an event of side A or B on a shared day. */
struct TickerRow {
    std::int64_t shared_day = 0;
    int side = kSideA;
    const record::RecordedEvent* event = nullptr;  ///< points into the side's LoadedRun
};

/**
 * @brief The latest events of A and B up to the clock's day whose kind is not hidden, newest
 * first (A before B on the same day), at most `max_rows`. Pointers stay valid until a run
 * changes.
 */
std::vector<TickerRow> ticker_rows(const ViewerState& state, std::size_t max_rows);

/** @brief A kind and how many events of it A and B have in total. */
struct EventKindCount {
    std::string kind;
    std::size_t count = 0;
};

/** @brief Every event kind in A and B, alphabetically, with counts. */
std::vector<EventKindCount> event_kinds(const ViewerState& state);

/** @brief Whether events of `kind` are shown (not in state.hidden_event_kinds). */
bool is_event_kind_shown(const ViewerState& state, std::string_view kind);
/** @brief Shows or hides a kind. */
void set_event_kind_shown(ViewerState& state, std::string_view kind, bool shown);

/**
 * @brief The kind's colour: a fixed one for the long-standing kinds, otherwise a saturated
 * colour whose hue comes from a hash of the name (the same every run, never grey).
 */
Rgb event_kind_colour(std::string_view kind);

}  // namespace cssim::viewer
