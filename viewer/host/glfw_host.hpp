#pragma once
/**
 * @file glfw_host.hpp
 * @brief The window: GLFW + OpenGL 3 + Dear ImGui backends around draw_viewer(), including
 * headless screenshots, PNG export of the window and the --measure timing mode.
 */
#include <chrono>
#include <functional>

#include "app/viewer_options.hpp"
#include "app/viewer_state.hpp"
#include "views/views.hpp"

namespace cssim::viewer {

/**
 * @brief What a mode other than the replay dashboard (workshop mode) draws and updates: `draw`
 * replaces draw_viewer; `update` runs every loop after update() and returns whether anything
 * shown changed (e.g. a round finished playing in the background).
 */
struct WindowHooks {
    std::function<void(ViewerState&, const UiFonts&)> draw;
    std::function<bool(ViewerState&)> update;
};

/**
 * @brief Opens the window and runs until closed (or, with --screenshot, renders one frame to
 * the PNG and exits; with --measure, plays and prints timings). `started` is when the process
 * started, for the time-to-first-frame figure. Returns the process exit code.
 */
int run_viewer_window(ViewerState& state, const ViewerOptions& options,
                      std::chrono::steady_clock::time_point started, const WindowHooks& hooks = {});

}  // namespace cssim::viewer
