// cssim-view --workshop: playing rounds through the workshop library, keeping each table's
// decision file, and putting the tables' runs on the viewer's clock.
#include "app/workshop_state.hpp"

#include <unistd.h>

#include <fstream>
#include <thread>

#include "app/viewer_state.hpp"

namespace cssim::viewer {
namespace {

namespace fs = std::filesystem;

LoadedRun to_loaded_run(const workshop::PlayedRound& played, const std::string& table) {
    record::RunInfo info;
    info.scenario_name = table;
    info.model = played.scenario ? played.scenario->model : "department";
    info.scenario_json = played.scenario ? played.scenario->canonical_json : "";
    info.master_seed = played.record.seed;
    info.replications = 1;
    info.stream_names = played.streams;
    info.layout = played.layout;
    return LoadedRun(
        make_memory_run_source("workshop table " + table, std::move(info), {played.record}));
}

/**
 * The workshop as the decision file names it: relative to the file (as the shipped examples
 * do), unless the two share no folder below the root, when the absolute path reads better.
 */
std::string workshop_reference(const fs::path& workshop, const fs::path& file) {
    std::error_code ec;
    const fs::path dir = fs::weakly_canonical(fs::absolute(file, ec), ec).parent_path();
    const fs::path target = fs::weakly_canonical(fs::absolute(workshop, ec), ec);
    const fs::path relative = fs::relative(target, dir, ec);
    std::size_t up = 0;
    for (const auto& part : relative)
        up += part == ".." ? 1 : 0;
    const std::size_t depth =
        static_cast<std::size_t>(std::distance(dir.begin(), dir.end())) - 1;  // below the root
    if (ec || relative.empty() || up >= depth)
        return target.generic_string();
    return relative.generic_string();
}

}  // namespace

const char* workshop_screen_name(WorkshopScreen screen) {
    switch (screen) {
        case WorkshopScreen::round:
            return "round";
        case WorkshopScreen::play:
            return "play";
        case WorkshopScreen::scoreboard:
            return "scoreboard";
        case WorkshopScreen::debrief:
            return "debrief";
    }
    return "round";
}

bool workshop_finished(const WorkshopState& w) {
    return w.session && w.played >= w.session->workshop().rounds;
}

PlayOutcome play_tables(const workshop::Session& session, const std::vector<TableRound>& tables,
                        std::size_t round) {
    PlayOutcome outcome;
    outcome.round = round;
    outcome.played.resize(tables.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        threads.emplace_back([&, t] {
            const workshop::Table table{tables[t].name, decision_file(tables[t])};
            outcome.played[t] = session.play(table, round, true);
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (!outcome.played[t].scenario) {
            outcome.error =
                tables[t].name + ": round " + std::to_string(round) + " cannot be played";
            if (!outcome.played[t].diagnostics.empty()) {
                outcome.error += ": " + outcome.played[t].diagnostics.front().path + ": " +
                                 outcome.played[t].diagnostics.front().message;
            }
            break;
        }
    }
    return outcome;
}

void start_play(WorkshopState& w) {
    if (w.playing || workshop_finished(w) || !w.session)
        return;
    const std::size_t round = next_round(w);
    for (auto& table : w.tables)
        commit_round(w.session->workshop(), table, round);
    w.status = "playing round " + std::to_string(round) + "...";
    w.playing =
        std::async(std::launch::async, [session = w.session.get(), tables = w.tables, round] {
            return play_tables(*session, tables, round);
        });
}

void apply_outcome(WorkshopState& w, PlayOutcome outcome) {
    if (!outcome.error.empty()) {
        w.status = outcome.error;
        return;
    }
    w.runs.resize(w.tables.size());
    for (std::size_t t = 0; t < w.tables.size() && t < outcome.played.size(); ++t) {
        TableRun& r = w.runs[t];
        r.run.emplace(to_loaded_run(outcome.played[t], w.tables[t].name));
        if (r.scores.size() < outcome.round)
            r.scores.resize(outcome.round);
        r.scores[outcome.round - 1] = std::move(outcome.played[t].score);
        w.tables[t].pending = values_in_force(w.session->workshop(), w.tables[t], outcome.round);
    }
    w.played = outcome.round;
    w.status = "round " + std::to_string(outcome.round) + " played";
}

bool collect_play(WorkshopState& w, ViewerState& state, bool wait) {
    if (!w.playing)
        return false;
    if (!wait && w.playing->wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    PlayOutcome outcome = w.playing->get();
    w.playing.reset();
    const bool ok = outcome.error.empty();
    apply_outcome(w, std::move(outcome));
    if (ok) {
        if (const std::string error = save_decisions(w); !error.empty())
            w.status = error;
        set_screen(w, state, WorkshopScreen::play);
    }
    return true;
}

fs::path table_file(const fs::path& dir, std::size_t index) {
    return dir / ("table_" + std::to_string(index + 1) + ".json");
}

std::string save_decisions(const WorkshopState& w) {
    for (std::size_t t = 0; t < w.tables.size() && t < w.save_paths.size(); ++t) {
        const fs::path& path = w.save_paths[t];
        std::error_code ec;
        if (path.has_parent_path())
            fs::create_directories(path.parent_path(), ec);
        // A name of this process's own, so that no file it did not write is replaced.
        const fs::path temporary = path.string() + ".part" + std::to_string(::getpid());
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << decision_file_text(w.tables[t], workshop_reference(w.workshop_path, path));
            out.close();
            if (!out)
                return "cannot write " + temporary.string();
        }
        fs::rename(temporary, path, ec);
        if (ec)
            return "cannot write " + path.string() + ": " + ec.message();
    }
    return {};
}

void show_play(WorkshopState& w, ViewerState& state, bool start_playing) {
    if (w.played == 0 || w.table >= w.runs.size() || !w.runs[w.table].run)
        return;
    state.sides[kSideB].run.reset();
    state.sides[kSideA].run = *w.runs[w.table].run;
    realign(state);
    const auto& days = w.session->calendar().round_days;
    const std::int64_t first = state.alignment.shared_day(kSideA, days[w.played - 1]);
    const std::int64_t last =
        std::min(state.alignment.shared_day(kSideA, days[w.played] - 1), state.clock.last_day());
    state.clock.scrub_to(static_cast<double>(first));
    state.clock.run_until(last);
    state.clock.set_speed_index(3);  // a week a second: a quarter in about 13 seconds
    if (start_playing)
        state.clock.play();
    else
        state.clock.pause();
}

std::vector<SeriesDifference> run_differences(const LoadedRun& a, const LoadedRun& b,
                                              std::int64_t first, std::int64_t last) {
    std::vector<SeriesDifference> out;
    for (const std::string& name : a.series_names()) {
        const record::Series* sb = b.find_series(name);
        const record::Series* sa = a.find_series(name);
        if (sa == nullptr || sb == nullptr)
            continue;
        std::vector<double> va, vb;
        for (std::int64_t day = first; day <= last; ++day) {
            const auto x = a.series_value(name, day);
            const auto y = b.series_value(name, day);
            if (x && y) {
                va.push_back(*x);
                vb.push_back(*y);
            }
        }
        out.push_back(series_difference(name, sa->label.empty() ? name : sa->label, va, vb));
    }
    return out;
}

void show_debrief(WorkshopState& w, ViewerState& state) {
    w.loops.clear();
    const auto [ta, tb] = w.debrief_tables;
    if (w.played == 0 || ta >= w.runs.size() || tb >= w.runs.size() || !w.runs[ta].run ||
        !w.runs[tb].run)
        return;
    state.sides[kSideA].run = *w.runs[ta].run;
    state.sides[kSideB].run = *w.runs[tb].run;
    realign(state);
    const auto& days = w.session->calendar().round_days;
    const std::int64_t first = days[0];
    const std::int64_t last = days[w.played] - 1;
    state.clock.scrub_to(static_cast<double>(state.alignment.shared_day(kSideA, first)));
    state.clock.set_speed_index(5);  // a month a second: two years in under half a minute
    state.clock.pause();
    w.loops = name_loops(run_differences(*w.runs[ta].run, *w.runs[tb].run, first, last));
}

void set_screen(WorkshopState& w, ViewerState& state, WorkshopScreen screen) {
    w.screen = screen;
    if (screen == WorkshopScreen::play)
        show_play(w, state, true);
    else if (screen == WorkshopScreen::debrief)
        show_debrief(w, state);
    else
        state.clock.pause();
}

}  // namespace cssim::viewer
