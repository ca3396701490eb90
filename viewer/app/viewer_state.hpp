#pragma once
/**
 * @file viewer_state.hpp
 * @brief Everything the viewer shows and remembers: the application-owned state that the UI
 * re-issues every frame (Dear ImGui's model). No ImGui types appear here.
 *
 * Per-side state lives in two-element arrays indexed 0 = A, 1 = B and is drawn by the same
 * code for both sides.
 */
#include <array>
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/bookmarks.hpp"
#include "app/chart_table.hpp"
#include "app/chart_zoom.hpp"
#include "app/child_process.hpp"
#include "app/loaded_run.hpp"
#include "app/pause_condition.hpp"
#include "app/recent_runs.hpp"
#include "app/redraw_policy.hpp"
#include "app/run_alignment.hpp"
#include "app/run_clock.hpp"
#include "app/viewer_options.hpp"
#include "app/what_if.hpp"

namespace cssim::viewer {

inline constexpr int kSideA = 0;
inline constexpr int kSideB = 1;

/** @brief "A" or "B". */
constexpr const char* side_name(int side) {
    return side == kSideA ? "A" : "B";
}

/** @brief Which panels are shown (each view's show flag). */
struct PanelVisibility {
    bool kpi_cards = true;
    bool charts = true;
    bool office_floor = true;
    bool pathway = true;
    bool time_use = true;
    bool events = true;
    bool comparison = true;
    bool system_effects = true;  ///< drawn only when the runs have system series
    bool pause_bookmarks = false;
    bool what_if = false;
    bool run_picker = false;
    bool help = false;
};

/** @brief What the office-floor tiles are coloured by. */
enum class FloorColouring { caseload, stress };

/**
 * @brief What a chart's line and band show. `replay`: the replication being replayed (the one
 * on the office floor and in the ticker) inside the range of all replications (min to max);
 * `mean`: the mean of the replications inside its 95% confidence interval. The line always
 * belongs to its band; the chart's legend says which.
 */
enum class BandMode { replay, mean };

/** @brief One chart: the series it shows for both sides, and its zoom. */
struct ChartSlot {
    std::string series;
    ChartZoom zoom;
};

/** @brief One side's run, or the error that stopped it loading. */
struct SideState {
    std::optional<LoadedRun> run;
    std::string error;
};

/** @brief Outcome of a background load: a run, or an error sentence. */
struct LoadOutcome {
    std::optional<LoadedRun> run;
    std::string error;
};

/** @brief An archive being opened on a worker thread so that the UI keeps drawing. */
struct PendingLoad {
    int side = kSideA;
    std::string what;  ///< shown while loading, e.g. the path
    std::future<LoadOutcome> outcome;
};

/** @brief The live what-if panel's settings and its running child process, if any. */
struct WhatIfState {
    std::filesystem::path scenarios_dir = "scenarios";
    std::vector<ScenarioPreset> presets;
    std::size_t preset_index = 0;
    std::vector<WhatIfLever> levers = default_what_if_levers();
    std::uint64_t replications = 3;
    std::uint64_t seed = 1;
    int target_side = kSideB;
    std::optional<std::filesystem::path> cssim_executable;
    std::optional<ChildProcess> process;
    std::filesystem::path out_dir;   ///< the run's --out (inside a fresh temporary directory)
    std::filesystem::path log_path;  ///< cssim's stdout and stderr, beside out_dir
    double started_at = 0.0;         ///< ViewerState::elapsed_seconds when launched
    std::string status;              ///< last sentence for the panel
    std::string last_command;
};

/** @brief A panel's rectangle in window pixels, recorded by the UI each frame. */
struct PanelRect {
    std::string name;
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
};

/** @brief Text the user is typing into panels (kept here: widgets hold no state). */
struct TextInputs {
    std::string run_until;      ///< a date or day index for "run until"
    std::string new_condition;  ///< e.g. "unallocated_cases > 50"
    std::string bookmark_label;
    std::string open_path;  ///< an archive path typed into the run picker
};

/** @brief The whole viewer state. The host owns one; views read and edit it. */
struct ViewerState {
    std::array<SideState, 2> sides;
    AlignMode align_mode = AlignMode::calendar;
    RunAlignment alignment;
    RunClock clock;

    std::vector<PauseCondition> pause_conditions;
    BookmarkList bookmarks;
    bool pause_at_bookmarks = true;
    std::string status_message;  ///< why the clock last paused, load results, exports

    PanelVisibility show;
    bool presenter = false;
    bool presenter_system_effects = false;  ///< presenter mode shows System effects, not charts
    /// Presenter mode shows this dashboard panel full-window instead of the charts (--view).
    std::optional<StartView> presenter_page;
    bool select_pathway_tab = false;         ///< one-shot, like select_system_tab
    DetailLevel detail = DetailLevel::full;  ///< low on software renderers (set by the host)
    FloorColouring floor_colouring = FloorColouring::caseload;
    bool show_bands = true;
    BandMode band_mode = BandMode::replay;
    std::vector<ChartSlot> charts;            ///< analyst charts
    std::vector<ChartSlot> presenter_charts;  ///< 3-5 big charts
    std::vector<std::string> kpi_series;
    std::map<std::string, ChartZoom, std::less<>> system_chart_zoom;  ///< small charts' zooms
    /// One-shot: select the System effects tab (it shares a slot with the pathway) next frame.
    bool select_system_tab = true;
    std::vector<std::string> hidden_event_kinds;  ///< the ticker's filter

    WhatIfState what_if;
    TextInputs inputs;
    std::vector<PendingLoad> loads;
    std::filesystem::path results_dir = "results";
    std::vector<RecentRun> recent_runs;
    bool recent_runs_scanned = false;

    double elapsed_seconds = 0.0;                             ///< wall time fed to update()
    std::vector<PanelRect> panel_rects;                       ///< filled by the UI every frame
    std::optional<std::filesystem::path> png_export_request;  ///< the host writes it
    bool quit_requested = false;
};

/** @brief Whether side A or B has a run. */
inline bool has_run(const ViewerState& s, int side) {
    return s.sides[static_cast<std::size_t>(side)].run.has_value();
}

/** @brief Shows `view` first (see StartView): a presenter page, a tab or a floor colouring. */
void apply_start_view(ViewerState& state, StartView view);

/**
 * @brief Presenter text scale for a window: 1 at 1280×800, growing with the smaller of the
 * width and height ratios (1.35 at 1920×1080), between 0.6 and 3.
 */
float presenter_text_scale(float width, float height);

/** @brief Puts a run on a side, realigns the clock and fills empty series choices. */
void set_run(ViewerState& state, int side, LoadedRun run);
/** @brief Removes a side's run and realigns. */
void clear_run(ViewerState& state, int side);
/** @brief Recomputes the alignment and the clock range after a change of runs or mode. */
void realign(ViewerState& state);
/** @brief Switches the replayed replication of one side; errors go to status_message. */
void select_replication(ViewerState& state, int side, std::uint64_t replication);

/** @brief The day shown: the clock's whole day (shared numbering). */
inline std::int64_t current_day(const ViewerState& s) {
    return s.clock.whole_day();
}

/** @brief A side's series value on a shared day (nullopt: no run, no series or no data). */
std::optional<double> series_value_at(const ViewerState& state, int side, std::string_view series,
                                      std::int64_t shared_day);
/** @brief Metadata of a series from whichever side has it (A first), or null. */
const record::Series* find_series_any(const ViewerState& state, std::string_view series);
/** @brief The human title of a series (its archive label; the name when it has none). */
std::string series_title(const ViewerState& state, std::string_view series);
/** @brief A metric's label from the catalogue, else its name. */
std::string metric_title(const std::vector<record::MetricInfo>* catalogue, std::string_view name);

/**
 * @brief A chart's line and band for one side, as BandMode says: `values` the line (the
 * replayed replication or the mean), `low`/`high` its band (empty without one), `legend` e.g.
 * "A: replication 1" or "A: mean of 10", `band_note` e.g. "band: range of 10 replications".
 */
struct ChartSideData {
    std::span<const double> values;
    std::int64_t first_day = 0;  ///< the side's own day of values[0]
    std::span<const double> low;
    std::span<const double> high;
    std::int64_t band_first_day = 0;
    std::string legend;
    std::string band_note;
};
/** @brief What one side contributes to a chart of `series` (nullopt: no run or no series). */
std::optional<ChartSideData> chart_side_data(ViewerState& state, int side,
                                             const std::string& series);

/**
 * @brief One sentence saying what every chart's lines and bands are, for the top of the Charts
 * panel and presenter mode, e.g. "Lines: replication 0 of A and of B. Bands: the range of all
 * replications."
 */
std::string chart_lines_note(const ViewerState& state);

/** @brief Series names of A then those only B has, in archive order. */
std::vector<std::string> all_series_names(const ViewerState& state);

/**
 * @brief Picks up to `count` series: names from `preferred` that either run has, then the
 * remaining series in archive order. Used for the default KPI cards and charts.
 */
std::vector<std::string> choose_series(const ViewerState& state,
                                       const std::vector<std::string>& preferred,
                                       std::size_t count);

/**
 * @brief Puts a series in a main chart (presenter charts in presenter mode): nothing changes
 * when one already shows it, else the last chart switches to it (zoom reset). Returns the
 * chart's index, or nullopt when there are no charts.
 */
std::optional<std::size_t> show_in_main_chart(ViewerState& state, const std::string& series);

/** @brief What a chart shows (visible range, A and B lines and bands) as a table. */
ChartTable make_chart_table(ViewerState& state, const ChartSlot& chart);

/**
 * @brief One frame of logic: collects finished background loads and what-if runs, then moves
 * the clock by `seconds` of wall time, stopping at the first pause condition or bookmark
 * crossed (the status message says which). Returns whether anything shown changed: the whole
 * day, play/pause, a load or what-if starting or ending, the status message, or (while one is
 * running) the whole second of its elapsed time. The host skips drawing when it returns false
 * and no input arrived (see RedrawGate).
 */
bool update(ViewerState& state, double seconds);

/** @brief Opens an archive on a worker thread; set_run happens in a later update(). */
void start_background_load(ViewerState& state, int side, const std::filesystem::path& path,
                           std::optional<std::uint64_t> replication = std::nullopt);
/** @brief Waits for every background load to finish and applies it (screenshots, tests). */
void finish_background_loads(ViewerState& state);

/** @brief Launches the what-if run as a child process. False (and status set) on failure. */
bool start_what_if(ViewerState& state);
/** @brief Stops a running what-if child. */
void cancel_what_if(ViewerState& state);

}  // namespace cssim::viewer
