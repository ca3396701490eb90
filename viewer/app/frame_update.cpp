// One frame of viewer logic: background loads, the what-if child process, and the clock with
// its pause conditions and bookmarks.
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "app/viewer_state.hpp"

namespace cssim::viewer {
namespace {

LoadOutcome load_run(std::filesystem::path path, std::optional<std::uint64_t> replication) {
    LoadOutcome out;
    try {
        out.run.emplace(open_archive_run_source(path), replication);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

void collect_loads(ViewerState& state, bool block) {
    for (auto it = state.loads.begin(); it != state.loads.end();) {
        if (!block && it->outcome.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        LoadOutcome outcome = it->outcome.get();
        const int side = it->side;
        if (outcome.run) {
            state.status_message = std::string(side_name(side)) + ": opened " + it->what;
            set_run(state, side, std::move(*outcome.run));
        } else {
            state.sides[static_cast<std::size_t>(side)].error = outcome.error;
            state.status_message = outcome.error;
        }
        it = state.loads.erase(it);
    }
}

void poll_what_if(ViewerState& state) {
    auto& w = state.what_if;
    if (!w.process)
        return;
    const auto st = w.process->poll();
    if (st == ChildProcess::State::running)
        return;
    const int code = w.process->exit_code();
    w.process.reset();
    if (st == ChildProcess::State::succeeded) {
        w.status = "finished in " +
                   std::to_string(static_cast<int>(state.elapsed_seconds - w.started_at)) +
                   " s; loading " + w.out_dir.string();
        start_background_load(state, w.target_side, w.out_dir);
    } else {
        w.status =
            "cssim exited with code " + std::to_string(code) + "; see " + w.log_path.string();
    }
}

void advance_clock(ViewerState& state, double seconds) {
    RunClock& clock = state.clock;
    const double from = clock.day();
    const double to = clock.proposed_advance(seconds);
    if (!(to > from))
        return;
    const auto from_day = static_cast<std::int64_t>(std::floor(from));
    const auto to_day = static_cast<std::int64_t>(std::floor(to));
    const SeriesLookup lookup = [&state](int side, const std::string& series, std::int64_t day) {
        return series_value_at(state, side, series, day);
    };
    const auto trigger = first_pause_trigger(state.pause_conditions, lookup, from_day, to_day);
    const auto bookmark =
        state.pause_at_bookmarks ? state.bookmarks.first_in(from_day, to_day) : std::nullopt;
    if (trigger && (!bookmark || trigger->day <= bookmark->day)) {
        clock.commit_advance(static_cast<double>(trigger->day));
        clock.pause();
        state.status_message = "paused on " + state.alignment.label(trigger->day) + ": " +
                               side_name(trigger->side) + " " +
                               describe(state.pause_conditions[trigger->condition]);
    } else if (bookmark) {
        clock.commit_advance(static_cast<double>(bookmark->day));
        clock.pause();
        state.status_message =
            "bookmark " + state.alignment.label(bookmark->day) + ": " + bookmark->label;
    } else {
        clock.commit_advance(to);
    }
}

}  // namespace

bool update(ViewerState& state, double seconds) {
    const double elapsed_before = state.elapsed_seconds;
    const std::int64_t day_before = state.clock.whole_day();
    const bool playing_before = state.clock.is_playing();
    const std::size_t loads_before = state.loads.size();
    const bool what_if_before = state.what_if.process.has_value();
    const std::string status_before = state.status_message;

    state.elapsed_seconds += std::max(seconds, 0.0);
    collect_loads(state, false);
    poll_what_if(state);
    advance_clock(state, seconds);

    // Panels show the whole day, so a fractional step within a day changes nothing on screen;
    // a running load or what-if shows its elapsed seconds, so those redraw once a second.
    const bool waiting = !state.loads.empty() || state.what_if.process.has_value();
    return state.clock.whole_day() != day_before || state.clock.is_playing() != playing_before ||
           state.loads.size() != loads_before ||
           state.what_if.process.has_value() != what_if_before ||
           state.status_message != status_before ||
           (waiting && std::floor(state.elapsed_seconds) != std::floor(elapsed_before));
}

void start_background_load(ViewerState& state, int side, const std::filesystem::path& path,
                           std::optional<std::uint64_t> replication) {
    PendingLoad p;
    p.side = side;
    p.what = path.string();
    p.outcome = std::async(std::launch::async, load_run, path, replication);
    state.loads.push_back(std::move(p));
}

void finish_background_loads(ViewerState& state) {
    collect_loads(state, true);
}

bool start_what_if(ViewerState& state) {
    auto& w = state.what_if;
    if (w.process) {
        w.status = "a what-if run is already going";
        return false;
    }
    if (w.presets.empty() || w.preset_index >= w.presets.size()) {
        w.status = "no preset scenarios found in " + w.scenarios_dir.string();
        return false;
    }
    if (!w.cssim_executable) {
        const char* path_env = std::getenv("PATH");
        w.cssim_executable = find_cssim_executable(current_executable_path("cssim-view"),
                                                   path_env != nullptr ? path_env : "");
    }
    if (!w.cssim_executable) {
        w.status = "cannot find the cssim program next to cssim-view or on PATH";
        return false;
    }
    w.log_path.clear();
    try {
        // cssim refuses a non-empty --out, so the log sits beside the run directory.
        const std::filesystem::path work = make_what_if_directory();
        w.out_dir = work / "run";
        w.log_path = work / "cssim.log";
        WhatIfRequest request{w.presets[w.preset_index].path, w.levers, w.replications, w.seed};
        const auto argv = build_what_if_command(*w.cssim_executable, request, w.out_dir);
        w.last_command.clear();
        for (const auto& a : argv)
            w.last_command += (w.last_command.empty() ? "" : " ") + a;
        w.process.emplace(ChildProcess::start(argv, w.log_path));
        w.started_at = state.elapsed_seconds;
        w.status = "running " + w.presets[w.preset_index].name + "...";
        return true;
    } catch (const std::exception& e) {
        w.status = e.what();
        if (!w.log_path.empty()) {  // nothing ran: leave no empty temporary directory behind
            std::error_code ec;
            std::filesystem::remove_all(w.log_path.parent_path(), ec);
        }
        return false;
    }
}

void cancel_what_if(ViewerState& state) {
    auto& w = state.what_if;
    if (!w.process)
        return;
    w.process->terminate();
    w.process.reset();
    w.status = "cancelled";
}

}  // namespace cssim::viewer
