#include "app/redraw_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>

namespace cssim::viewer {

bool is_software_renderer(std::string_view gl_renderer) {
    std::string lower(gl_renderer);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    constexpr std::array<std::string_view, 6> kSoftware{
        "llvmpipe", "softpipe", "swrast", "gdi generic", "swiftshader", "software renderer"};
    return std::any_of(kSoftware.begin(), kSoftware.end(), [&](std::string_view name) {
        return lower.find(name) != std::string::npos;
    });
}

DetailLevel choose_detail(DetailRequest request, std::string_view gl_renderer) {
    switch (request) {
        case DetailRequest::full:
            return DetailLevel::full;
        case DetailRequest::low:
            return DetailLevel::low;
        default:
            return is_software_renderer(gl_renderer) ? DetailLevel::low : DetailLevel::full;
    }
}

bool RedrawGate::should_draw(const FrameEvents& e) {
    if (e.input || e.window_changed || e.forced) {
        pending_ = kSettleFrames;
    } else if (e.content_changed || e.typing) {
        // The clock moving on a day, or a caret blinking, needs one frame: nothing in ImGui
        // has to settle. (The host wakes a few times a second while a field has focus.)
        pending_ = std::max(pending_, 1);
    }
    if (pending_ == 0)
        return false;
    --pending_;
    return true;
}

double seconds_until_next_day(const RunClock& clock, double idle_seconds) {
    idle_seconds = std::max(0.0, idle_seconds);
    if (!clock.is_playing())
        return idle_seconds;
    if (clock.speed().is_max)
        return 0.0;
    const double day = clock.day();
    const double to_next = (std::floor(day) + 1.0 - day) / clock.speed().days_per_second;
    // Below a millisecond the wait would cost more than it saves.
    return to_next < 1e-3 ? 0.0 : std::min(to_next, idle_seconds);
}

}  // namespace cssim::viewer
