#pragma once
/**
 * @file viewer_options.hpp
 * @brief The cssim-view command line.
 */
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/redraw_policy.hpp"
#include "app/run_alignment.hpp"

namespace cssim::viewer {

/**
 * @brief What --view shows first: in presenter mode a full-window page, on the dashboard the
 * tab or colouring it names (e.g. the pathway tab, the office floor coloured by stress).
 */
enum class StartView {
    charts,
    system_effects,
    pathway,
    office_floor,
    office_floor_stress,
    time_use,
    events,
    comparison
};

/** @brief "pathway", "office-floor-stress", ... for --view and --help. */
const char* start_view_name(StartView view);
/** @brief Every --view name, for messages. */
std::string start_view_names();

/** @brief Parsed command line. Paths are as given (resolved when opened). */
struct ViewerOptions {
    std::optional<std::filesystem::path> run_a;
    std::optional<std::filesystem::path> run_b;  ///< --compare
    std::optional<std::uint64_t> replication_a;  ///< --replication
    std::optional<std::uint64_t> replication_b;  ///< --replication-b
    std::optional<std::filesystem::path> screenshot;
    std::optional<std::string> day;  ///< --day: day index of A, or an ISO date
    bool presenter = false;
    std::optional<StartView> view;  ///< --view
    int width = 1280;
    int height = 800;
    std::filesystem::path results_dir = "results";
    std::optional<std::filesystem::path> scenarios_dir;
    AlignMode align = AlignMode::calendar;
    std::vector<std::string> pause_conditions;  ///< --pause-when, parsed later
    std::vector<std::string> bookmarks;         ///< --bookmark DAY[=label], parsed later
    double measure_seconds = 0.0;               ///< --measure: play and report timing, then exit
    DetailRequest detail = DetailRequest::automatic;  ///< --detail auto|full|low
    bool show_help = false;
    /// --workshop FILE: workshop mode (round, play, scoreboard and debrief screens).
    std::optional<std::filesystem::path> workshop;
    int tables = 0;                                 ///< --tables N (0: unset)
    std::vector<std::filesystem::path> decisions;   ///< --decisions FILE, one per table
    std::optional<std::filesystem::path> save_dir;  ///< --save DIR for the decision files
    std::optional<std::size_t> played;              ///< --played K rounds before the first screen
    std::optional<std::string> screen;              ///< --screen round|play|scoreboard|debrief
    int table = 0;  ///< --table N: the table in focus first (0: unset)
};

/** @brief Usage text for --help and command-line errors. */
std::string viewer_usage();

/** @brief Result of parsing: options, or an error sentence (exit code 64). */
struct ParsedOptions {
    ViewerOptions options;
    std::string error;
};

/** @brief Parses argv (argv[0] is skipped). */
ParsedOptions parse_viewer_options(const std::vector<std::string>& args);

}  // namespace cssim::viewer
