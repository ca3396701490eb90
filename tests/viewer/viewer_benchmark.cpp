// CPU cost of the viewer, without a GPU: opening a 10-year archive, and building one frame of
// the dashboard or presenter mode in a windowless ImGui context (what every frame costs before
// the renderer). Rendering cost under Xvfb is measured with `cssim-view --measure`.
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>

#include "synthetic_run.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

namespace fs = std::filesystem;

/** Writes two 10-year synthetic archives (200 posts, 60 series, 3 replications) under `dir`. */
void write_archives(const fs::path& dir) {
    testing::SyntheticSpec spec;
    testing::write_synthetic_archive(dir / "a", spec);
    spec.admin_support = true;
    spec.scenario_name = "synthetic_pa_one_per_three";
    testing::write_synthetic_archive(dir / "b", spec);
}

void open_both(ViewerState& state, const fs::path& dir) {
    set_run(state, kSideA, LoadedRun(open_archive_run_source(dir / "a")));
    set_run(state, kSideB, LoadedRun(open_archive_run_source(dir / "b")));
    for (const auto& slot : state.charts) {
        for (auto& side : state.sides)
            side.run->band(slot.series);
    }
}

/** Opening A and B as the viewer does before its first frame (runs + bands of the charts). */
void open_pair(benchmark::State& st, const fs::path& dir) {
    for (auto _ : st) {
        ViewerState state;
        open_both(state, dir);
        benchmark::DoNotOptimize(state.sides[1].run->replication().tracks.size());
    }
}

/** One frame while playing: update(), draw_viewer() and ImGui::Render(), no GPU. */
void frame(benchmark::State& st, const fs::path& dir, bool presenter) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    const UiFonts fonts = load_fonts(io);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ViewerState state;
    open_both(state, dir);
    state.presenter = presenter;
    apply_theme(presenter);
    state.clock.set_speed_index(5);
    state.clock.play();
    long triangles = 0;
    for (auto _ : st) {
        update(state, 1.0 / 60.0);
        if (!state.clock.is_playing()) {
            state.clock.scrub_to(static_cast<double>(state.clock.first_day()));
            state.clock.play();
        }
        ImGui::NewFrame();
        draw_viewer(state, fonts);
        ImGui::Render();
        triangles = ImGui::GetDrawData()->TotalIdxCount / 3;
    }
    st.counters["triangles"] = static_cast<double>(triangles);
    ImGui::DestroyContext();
}

}  // namespace
}  // namespace cssim::viewer

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("cssim-viewer-bench-" + std::to_string(::getpid()));
    cssim::viewer::write_archives(dir);
    benchmark::RegisterBenchmark("BM_OpenTenYearArchivePair", cssim::viewer::open_pair, dir)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_DashboardFrameCpu", cssim::viewer::frame, dir, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_PresenterFrameCpu", cssim::viewer::frame, dir, true)
        ->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fs::remove_all(dir);
    return 0;
}
