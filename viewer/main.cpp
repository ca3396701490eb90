// cssim-view: replay and compare cssim run archives (DESIGN §6). Parses the command line,
// opens the runs, and hands over to the window host.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/start_options.hpp"
#include "app/viewer_options.hpp"
#include "app/viewer_state.hpp"
#include "app/workshop_start.hpp"
#include "host/glfw_host.hpp"
#include "views/workshop_views.hpp"

namespace {

using cssim::viewer::LoadedRun;
using cssim::viewer::ViewerOptions;
using cssim::viewer::ViewerState;

/** Opens A and B from the command line; false (message printed) on a missing/damaged run. */
bool open_runs(ViewerState& state, const ViewerOptions& o) {
    const std::array<std::optional<std::filesystem::path>, 2> paths{o.run_a, o.run_b};
    const std::array<std::optional<std::uint64_t>, 2> reps{o.replication_a, o.replication_b};
    for (int side = 0; side < 2; ++side) {
        const auto& path = paths[static_cast<std::size_t>(side)];
        if (!path)
            continue;
        try {
            cssim::viewer::set_run(state, side,
                                   LoadedRun(cssim::viewer::open_archive_run_source(*path),
                                             reps[static_cast<std::size_t>(side)]));
        } catch (const std::exception& e) {
            std::cerr << "cssim-view: " << e.what() << "\n";
            return false;
        }
    }
    return true;
}

bool apply_options(ViewerState& state, const ViewerOptions& o) {
    state.results_dir = o.results_dir;
    if (o.scenarios_dir)
        state.what_if.scenarios_dir = *o.scenarios_dir;
    const std::string error = cssim::viewer::apply_start_options(state, o);
    if (!error.empty()) {
        std::cerr << "cssim-view: " << error << "\n";
        return false;
    }
    return true;
}

/** cssim-view --workshop: the workshop's screens instead of the replay dashboard. */
int run_workshop(const ViewerOptions& options, std::chrono::steady_clock::time_point started) {
    auto w = std::make_unique<cssim::viewer::WorkshopState>();
    std::string error;
    if (const int code = cssim::viewer::open_workshop(options, *w, error); code != 0) {
        std::cerr << error;
        return code;
    }
    ViewerState state;
    state.presenter = true;  // the high-contrast theme: a room reads it from the back
    using cssim::viewer::WorkshopScreen;
    WorkshopScreen screen = w->played > 0 ? WorkshopScreen::scoreboard : WorkshopScreen::round;
    for (WorkshopScreen s : {WorkshopScreen::round, WorkshopScreen::play,
                             WorkshopScreen::scoreboard, WorkshopScreen::debrief}) {
        if (options.screen && *options.screen == cssim::viewer::workshop_screen_name(s))
            screen = s;
    }
    cssim::viewer::set_screen(*w, state, screen);
    if (options.screenshot &&
        (screen == WorkshopScreen::play || screen == WorkshopScreen::debrief)) {
        // A still for a document: the last day played, so the charts show the whole story.
        state.clock.pause();
        state.clock.scrub_to(static_cast<double>(state.clock.last_day()));
    }
    cssim::viewer::WindowHooks hooks;
    hooks.draw = [&w](ViewerState& s, const cssim::viewer::UiFonts& fonts) {
        cssim::viewer::draw_workshop(s, *w, fonts);
    };
    hooks.update = [&w](ViewerState& s) { return cssim::viewer::collect_play(*w, s); };
    return cssim::viewer::run_viewer_window(state, options, started, hooks);
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    const std::vector<std::string> args(argv, argv + argc);
    const auto parsed = cssim::viewer::parse_viewer_options(args);
    if (!parsed.error.empty()) {
        std::cerr << "cssim-view: " << parsed.error << "\n" << cssim::viewer::viewer_usage();
        return 64;
    }
    const ViewerOptions& options = parsed.options;
    if (options.show_help) {
        std::cout << cssim::viewer::viewer_usage();
        return 0;
    }
    if (options.workshop)
        return run_workshop(options, started);
    ViewerState state;
    state.align_mode = options.align;
    if (!open_runs(state, options))
        return 66;
    if (options.measure_seconds > 0.0) {
        const double open =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("open_seconds=%.3f\n", open);
    }
    if (!apply_options(state, options))
        return 64;
    if (!options.run_a)
        state.show.run_picker = true;
    return cssim::viewer::run_viewer_window(state, options, started);
}
