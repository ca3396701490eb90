#pragma once
/**
 * @file redraw_policy.hpp
 * @brief When the viewer redraws, how long it may sleep, and how much detail it draws: the
 * decisions that keep a software renderer (Mesa llvmpipe) at the display rate. No ImGui or GL.
 *
 * Drawing a frame costs little CPU but a software rasteriser pays for every pixel it blends, so
 * the host (1) skips frames whose picture would not change — no input, no window change, the
 * clock still on the same whole day, nothing finished in the background — and (2) draws less
 * (no anti-aliasing, no rounded corners, fewer vertices) when the renderer is software.
 */
#include <cstdint>
#include <string_view>

#include "app/run_clock.hpp"

namespace cssim::viewer {

/** @brief How much the UI draws: everything, or a cheaper picture for software renderers. */
enum class DetailLevel { full, low };

/** @brief What the command line asked for (--detail auto|full|low). */
enum class DetailRequest { automatic, full, low };

/**
 * @brief True for GL_RENDERER strings of CPU rasterisers: Mesa llvmpipe, softpipe and swrast,
 * Microsoft's "GDI Generic", SwiftShader, and Apple's software renderer (case-insensitive).
 */
bool is_software_renderer(std::string_view gl_renderer);

/** @brief Low detail when asked, or automatically on a software renderer; else full. */
DetailLevel choose_detail(DetailRequest request, std::string_view gl_renderer);

/** @brief What happened since the last drawn frame that could change the picture. */
struct FrameEvents {
    bool input = false;            ///< a key, mouse, scroll or character event arrived
    bool window_changed = false;   ///< resized, focused, exposed or asked to refresh
    bool content_changed = false;  ///< update() changed what is shown (see ViewerState)
    bool typing = false;           ///< a text field has focus (its caret blinks): one frame
    bool forced = false;           ///< screenshots, measurements, PNG export
};

/**
 * @brief Decides frame by frame whether to draw. After input or a window change it draws
 * kSettleFrames frames, because Dear ImGui settles hover states, popups, tooltips and window
 * sizes over a couple of frames after the event that caused them; a change of content alone
 * (the clock reaching a new day) or a focused text field (a blinking caret) needs one frame.
 *
 * Invariant: 0 <= pending() <= kSettleFrames. A new gate draws its first kSettleFrames frames.
 */
class RedrawGate {
public:
    static constexpr int kSettleFrames = 3;

    /** @brief Whether this frame must be drawn; call once per loop iteration. */
    bool should_draw(const FrameEvents& events);
    /** @brief Frames still to draw after the last change. */
    [[nodiscard]] int pending() const { return pending_; }

private:
    int pending_ = kSettleFrames;
};

/**
 * @brief How long the host may wait for input before the next loop iteration, in seconds:
 * until the playing clock reaches its next whole day (capped to one 60 Hz frame, so the
 * shown day never lags by more than a frame), 0 at the "max" speed, and `idle_seconds`
 * when paused. Never negative.
 */
double seconds_until_next_day(const RunClock& clock, double idle_seconds = 0.25);

}  // namespace cssim::viewer
