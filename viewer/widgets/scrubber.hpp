#pragma once
/**
 * @file scrubber.hpp
 * @brief The clock's scrubber: a track from the first to the last day, bookmark ticks, and a
 * handle the user drags to move the clock.
 */
#include <imgui.h>

#include <span>

namespace cssim::viewer {

/**
 * @brief Draws the scrubber at the cursor. While dragged, `day` follows the mouse (clamped to
 * [first, last]). Returns true when `day` changed.
 */
bool draw_scrubber(const char* id, double& day, double first, double last,
                   std::span<const double> marks, ImVec2 size, ImU32 accent);

}  // namespace cssim::viewer
