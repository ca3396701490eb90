#include "host/glfw_host.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <iostream>

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

int run_viewer_window(ViewerState& state, const ViewerOptions& options, Clock::time_point started) {
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

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the dashboard is laid out by code; nothing to remember
    const UiFonts fonts = load_fonts(io);
    apply_theme(state.presenter);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int exit_code = 0;
    int frame = 0;
    long measured_frames = 0;
    Clock::time_point measure_start{};
    Clock::time_point last = Clock::now();
    while (glfwWindowShouldClose(window) == 0 && !state.quit_requested) {
        const bool idle =
            !state.clock.is_playing() && state.loads.empty() && !state.what_if.process && !headless;
        if (idle) {
            glfwWaitEventsTimeout(0.25);  // a paused viewer should not spin a shared CPU
        } else {
            glfwPollEvents();
        }
        const Clock::time_point now = Clock::now();
        const double dt = options.screenshot ? 0.0 : std::min(seconds_between(last, now), 0.25);
        last = now;
        update(state, dt);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (headless)
            hide_mouse();
        ImGui::NewFrame();
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
            if (!state.clock.is_playing()) {  // reached the end: replay from the start
                state.clock.scrub_to(static_cast<double>(state.clock.first_day()));
                state.clock.play();
            }
            const double elapsed = seconds_between(measure_start, Clock::now());
            if (elapsed >= options.measure_seconds) {
                std::printf(
                    "frames=%ld seconds=%.2f fps=%.1f triangles=%d size=%dx%d "
                    "renderer=%s\n",
                    measured_frames, elapsed, static_cast<double>(measured_frames) / elapsed,
                    ImGui::GetDrawData()->TotalIdxCount / 3, fb_w, fb_h,
                    reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
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
