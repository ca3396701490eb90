#pragma once
/**
 * @file workshop_state.hpp
 * @brief `cssim-view --workshop`: the session's state without ImGui. The tables, their rounds
 * (workshop_round.hpp), the runs the workshop library played for them (models/workshop,
 * Session::play from day 0 with common random numbers) as viewer runs, their scores per round,
 * the screen shown and the decision files kept for each table.
 */
#include <array>
#include <cstddef>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/loaded_run.hpp"
#include "app/workshop_loops.hpp"
#include "app/workshop_round.hpp"
#include "cssim/workshop/play.hpp"

namespace cssim::viewer {

struct ViewerState;

/** @brief The four workshop screens, in the order a round goes through them. */
enum class WorkshopScreen { round, play, scoreboard, debrief };

/** @brief "round", "play", "scoreboard" or "debrief". */
const char* workshop_screen_name(WorkshopScreen screen);

/** @brief One table's played run (through the last round played) as the viewer shows it. */
struct TableRun {
    std::optional<LoadedRun> run;
    /// The score after each round played, [round - 1] (empty where not played in this session).
    std::vector<std::vector<workshop::ScoreItem>> scores;
};

/** @brief What a background play returns: every table's round, or the first problem. */
struct PlayOutcome {
    std::size_t round = 0;
    std::vector<workshop::PlayedRound> played;  ///< one per table
    std::string error;
};

/** @brief The whole workshop session. */
struct WorkshopState {
    std::unique_ptr<workshop::Session> session;
    std::filesystem::path workshop_path;  ///< as given on the command line
    std::vector<TableRound> tables;
    std::vector<TableRun> runs;                     ///< parallel to tables
    std::vector<std::filesystem::path> save_paths;  ///< each table's decision file
    std::size_t played = 0;                         ///< rounds every table has played
    std::size_t table = 0;                          ///< the table in focus
    std::size_t lever = 0;                          ///< the lever in focus on the round screen
    WorkshopScreen screen = WorkshopScreen::round;
    std::array<std::size_t, 2> debrief_tables{0, 1};  ///< the two tables the debrief replays
    std::vector<NamedLoop> loops;                     ///< of the debrief pair (set by show_debrief)
    std::size_t question = 0;                         ///< the debrief question shown
    std::optional<std::future<PlayOutcome>> playing;  ///< a round being played in background
    std::string status;                               ///< last sentence for the footer
    bool show_keys = true;                            ///< the key list on screen
};

/** @brief The round the tables decide next (played + 1; rounds + 1 when all are played). */
inline std::size_t next_round(const WorkshopState& w) {
    return w.played + 1;
}
/** @brief Whether every round has been played. */
bool workshop_finished(const WorkshopState& w);

/**
 * @brief Plays round `round` for every table (their decisions up to it, from day 0), each on
 * its own thread. Runs on the caller's thread; start_play wraps it in a future.
 */
PlayOutcome play_tables(const workshop::Session& session, const std::vector<TableRound>& tables,
                        std::size_t round);

/**
 * @brief Commits every table's pending values as the next round's decisions and plays the
 * round in the background (the UI keeps drawing). No-op when a play is running or all are done.
 */
void start_play(WorkshopState& w);

/**
 * @brief Takes a finished play (or, when `wait`, waits for it): the runs and scores of every
 * table, the decision files saved, then the play screen. Returns whether anything changed.
 */
bool collect_play(WorkshopState& w, ViewerState& state, bool wait = false);

/** @brief Stores a played round's runs and scores (what collect_play does with an outcome). */
void apply_outcome(WorkshopState& w, PlayOutcome outcome);

/** @brief Writes every table's decision file; an error sentence, or empty. */
std::string save_decisions(const WorkshopState& w);

/** @brief The decision file path for table `index` (0-based) in folder `dir`. */
std::filesystem::path table_file(const std::filesystem::path& dir, std::size_t index);

/** @brief Puts the table in focus on the clock and replays the last round played. */
void show_play(WorkshopState& w, ViewerState& state, bool start_playing);
/**
 * @brief Puts the debrief pair on one clock (A and B) over every round played, and names the
 * loops behind their difference (name_loops over the series both have).
 */
void show_debrief(WorkshopState& w, ViewerState& state);
/** @brief Switches screen, setting up the clock for play and debrief. */
void set_screen(WorkshopState& w, ViewerState& state, WorkshopScreen screen);

/** @brief The series differences of two runs over shared days [first, last] (own day numbers). */
std::vector<SeriesDifference> run_differences(const LoadedRun& a, const LoadedRun& b,
                                              std::int64_t first, std::int64_t last);

}  // namespace cssim::viewer
