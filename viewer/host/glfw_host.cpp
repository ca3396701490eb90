#include "host/glfw_host.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <cstdio>
#include <iostream>
#include <thread>

#include "host/png_export.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

void glfw_error(int code, const char* description) {
    std::fprintf(stderr, "cssim-view: GLFW error %d: %s\n", code, description);
}

std::string window_title(const ViewerState& state) {
    std::string title = "cssim-view";
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (run)
            title += std::string(side == 0 ? " - " : " vs ") + run->info().scenario_name;
    }
    return title;
}

// Screenshots and measurements must not depend on where the X pointer happens to be.
void hide_mouse() {
    ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

/** What arrived through GLFW's callbacks since the last loop iteration (window user pointer). */
struct InputFlags {
    bool input = false;
    bool window_changed = false;
};

InputFlags& flags_of(GLFWwindow* window) {
    return *static_cast<InputFlags*>(glfwGetWindowUserPointer(window));
}

// Installed before ImGui's backend, which chains to them, so the redraw gate sees every event.
void install_input_callbacks(GLFWwindow* window, InputFlags* flags) {
    glfwSetWindowUserPointer(window, flags);
    glfwSetCursorPosCallback(window,
                             [](GLFWwindow* w, double, double) { flags_of(w).input = true; });
    glfwSetMouseButtonCallback(window,
                               [](GLFWwindow* w, int, int, int) { flags_of(w).input = true; });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { flags_of(w).input = true; });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { flags_of(w).input = true; });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { flags_of(w).input = true; });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { flags_of(w).input = true; });
    glfwSetWindowFocusCallback(window,
                               [](GLFWwindow* w, int) { flags_of(w).window_changed = true; });
    glfwSetFramebufferSizeCallback(
        window, [](GLFWwindow* w, int, int) { flags_of(w).window_changed = true; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { flags_of(w).window_changed = true; });
}

/** Builds and renders one ImGui frame into the back buffer (no swap). */
void render_frame(ViewerState& state, const UiFonts& fonts, GLFWwindow* window, bool headless,
                  const WindowHooks& hooks = {}) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (headless)
        hide_mouse();
    ImGui::NewFrame();
    if (hooks.draw)
        hooks.draw(state, fonts);
    else
        draw_viewer(state, fonts);
    ImGui::Render();
    int fb_w = 0;
    int fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    // The tiled panels have no background (see begin_panel): clear to the window colour.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

/** Restarts playback from the first day when a measurement reaches the end of the run. */
void keep_playing(ViewerState& state) {
    if (!state.clock.is_playing()) {
        state.clock.scrub_to(static_cast<double>(state.clock.first_day()));
        state.clock.play();
    }
}

/**
 * --measure, second phase: a 60 Hz display simulated with a sleep to each tick. Each tick runs
 * update() and draws only when the redraw gate says the picture changed; a drawn frame is
 * "late" when it finishes (glFinish) after the next tick. Prints one line.
 */
void measure_paced(ViewerState& state, const UiFonts& fonts, GLFWwindow* window, double seconds) {
    constexpr double kTick = 1.0 / 60.0;
    RedrawGate gate;
    long ticks = 0;
    long drawn = 0;
    long late = 0;
    double busy = 0.0;
    const Clock::time_point start = Clock::now();
    Clock::time_point last = start;
    while (seconds_between(start, Clock::now()) < seconds) {
        const Clock::time_point tick =
            start + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(kTick * static_cast<double>(ticks)));
        std::this_thread::sleep_until(tick);
        ++ticks;
        glfwPollEvents();
        const Clock::time_point now = Clock::now();
        const bool changed = update(state, seconds_between(last, now));
        last = now;
        keep_playing(state);
        if (!gate.should_draw(FrameEvents{false, false, changed, false, false}))
            continue;
        render_frame(state, fonts, window, true);
        glfwSwapBuffers(window);
        glFinish();
        ++drawn;
        const double took = seconds_between(now, Clock::now());
        busy += took;
        if (took > kTick)
            ++late;
    }
    std::printf(
        "paced_60hz: ticks=%ld drawn=%ld late=%ld drawn_per_second=%.1f "
        "mean_draw_ms=%.1f busy_share=%.2f\n",
        ticks, drawn, late, static_cast<double>(drawn) / seconds,
        drawn > 0 ? 1000.0 * busy / static_cast<double>(drawn) : 0.0, busy / seconds);
}

bool save_screenshot(ViewerState& state, GLFWwindow* window, const std::filesystem::path& path,
                     bool with_panels) {
    int fb_w = 0;
    int fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    int win_w = 0;
    int win_h = 0;
    glfwGetWindowSize(window, &win_w, &win_h);
    std::string error;
    if (!write_framebuffer_png(path, fb_w, fb_h, &error)) {
        std::cerr << "cssim-view: " << error << "\n";
        state.status_message = error;
        return false;
    }
    if (with_panels) {
        const float sx = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
        const float sy = win_h > 0 ? static_cast<float>(fb_h) / static_cast<float>(win_h) : 1.0f;
        const std::filesystem::path json = path.string() + ".panels.json";
        if (!write_panel_rects_json(json, state.panel_rects, fb_w, fb_h, sx, sy, &error)) {
            std::cerr << "cssim-view: " << error << "\n";
            return false;
        }
    }
    state.status_message = "saved " + path.string();
    return true;
}

}  // namespace

int run_viewer_window(ViewerState& state, const ViewerOptions& options, Clock::time_point started,
                      const WindowHooks& hooks) {
#if defined(__GLIBC__)
    // Every frame the GL driver allocates and frees vertex and index buffers of a few MB; with
    // glibc's defaults the freed top of the heap is returned to the kernel and faulted back in
    // (zeroed) the next frame (perf showed the viewer's main thread in page faults and
    // clear_page). Keeping it costs a few MB; on llvmpipe two paired runs went from 52 to 55
    // and from 44 to 56 fps (docs/performance.md, Viewer).
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    glfwSetErrorCallback(glfw_error);
    if (glfwInit() == 0) {
        std::cerr << "cssim-view: cannot open a window (is DISPLAY set? for headless use run "
                     "under xvfb-run)\n";
        return 70;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height,
                                          window_title(state).c_str(), nullptr, nullptr);
    if (window == nullptr) {
        std::cerr << "cssim-view: cannot create a " << options.width << "x" << options.height
                  << " OpenGL 3 window\n";
        glfwTerminate();
        return 70;
    }
    glfwMakeContextCurrent(window);
    const bool measuring = options.measure_seconds > 0.0;
    const bool headless = options.screenshot.has_value() || measuring;
    glfwSwapInterval(headless ? 0 : 1);
    InputFlags input_flags;
    install_input_callbacks(window, &input_flags);

    const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string renderer_name = renderer != nullptr ? renderer : "";
    // A screenshot is one frame for a document: always full detail unless asked otherwise.
    const DetailRequest request = options.screenshot && options.detail == DetailRequest::automatic
                                      ? DetailRequest::full
                                      : options.detail;
    state.detail = choose_detail(request, renderer_name);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the dashboard is laid out by code; nothing to remember
    const UiFonts fonts = load_fonts(io);
    apply_theme(state);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int exit_code = 0;
    int frame = 0;
    long measured_frames = 0;
    RedrawGate gate;
    Clock::time_point measure_start{};
    Clock::time_point last = Clock::now();
    while (glfwWindowShouldClose(window) == 0 && !state.quit_requested) {
        if (headless || gate.pending() > 0) {
            glfwPollEvents();
        } else {
            // Nothing to draw until input arrives or the clock reaches the next day: sleep
            // instead of redrawing an unchanged picture (a shared CPU, a software renderer).
            // A load or what-if run is polled ten times a second; a focused text field's caret
            // blinks (ImGui: 0.8 s on, 0.4 s off), so it is redrawn five times a second.
            const bool waiting = !state.loads.empty() || state.what_if.process.has_value();
            const double cap = waiting ? 0.1 : io.WantTextInput ? 0.2 : 0.25;
            const double wait = std::min(seconds_until_next_day(state.clock), cap);
            if (wait > 0.0) {
                glfwWaitEventsTimeout(wait);
            } else {
                glfwPollEvents();
            }
        }
        const Clock::time_point now = Clock::now();
        const double dt = options.screenshot ? 0.0 : std::min(seconds_between(last, now), 0.25);
        last = now;
        bool changed = update(state, dt);
        if (hooks.update && hooks.update(state))
            changed = true;
        const FrameEvents events{input_flags.input, input_flags.window_changed, changed,
                                 io.WantTextInput,
                                 headless || state.png_export_request.has_value()};
        input_flags = InputFlags{};
        if (!gate.should_draw(events))
            continue;

        render_frame(state, fonts, window, headless, hooks);
        if (state.png_export_request) {
            save_screenshot(state, window, *state.png_export_request, false);
            state.png_export_request.reset();
        }
        // ImGui settles window sizes over the first frames; the third frame is final.
        if (options.screenshot && frame == 2) {
            exit_code = save_screenshot(state, window, *options.screenshot, true) ? 0 : 74;
            break;
        }
        glfwSwapBuffers(window);
        ++frame;
        if (frame == 1) {
            const double first = seconds_between(started, Clock::now());
            if (measuring) {
                std::printf("first_frame_seconds=%.3f\n", first);
                state.clock.set_speed_index(5);  // one month per second: a typical replay pace
                state.clock.play();
                measure_start = Clock::now();
            }
        }
        if (measuring && frame > 1) {
            ++measured_frames;
            keep_playing(state);
            const double elapsed = seconds_between(measure_start, Clock::now());
            if (elapsed >= options.measure_seconds) {
                int fb_w = 0;
                int fb_h = 0;
                glfwGetFramebufferSize(window, &fb_w, &fb_h);
                std::printf(
                    "frames=%ld seconds=%.2f fps=%.1f triangles=%d size=%dx%d detail=%s "
                    "renderer=%s\n",
                    measured_frames, elapsed, static_cast<double>(measured_frames) / elapsed,
                    ImGui::GetDrawData()->TotalIdxCount / 3, fb_w, fb_h,
                    state.detail == DetailLevel::low ? "low" : "full", renderer_name.c_str());
                std::fflush(stdout);
                measure_paced(state, fonts, window, options.measure_seconds);
                break;
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace cssim::viewer
