// `cssim workshop FILE [--decisions TABLE.json ...] --out DIR`: plays a workshop's rounds
// headless (docs/workshop.md). Every round of every table is replayed from day 0 with the
// workshop's seed (models/workshop); the last round's run of each table is archived as a run
// folder, and every round's score goes to scoreboard.csv. Published all at once, like `run`.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "commands.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/version.hpp"
#include "cssim/workshop/play.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "output_directory.hpp"
#include "progress.hpp"
#include "run_support.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

/** @brief Problems of a workshop or decision file, each with its JSON path; 66 or 65. */
int report_file_problems(const std::vector<scenario::Diagnostic>& diagnostics, bool missing,
                         const std::string& raw_path) {
    const std::string path = scenario::escape_control(raw_path);
    for (const scenario::Diagnostic& d : diagnostics) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), scenario::format_diagnostic(d).c_str());
    }
    if (missing) {
        return kExitMissingInput;
    }
    std::fprintf(stderr, "%s: %zu problem%s; nothing was played\n", path.c_str(),
                 diagnostics.size(), diagnostics.size() == 1 ? "" : "s");
    return kExitInvalidScenario;
}

record::RunInfo run_info(const workshop::PlayedRound& played, const WorkshopCommand& command,
                         double wall_seconds) {
    record::RunInfo info;
    info.scenario_name = played.scenario->name;
    info.model = played.scenario->model;
    info.scenario_json = played.scenario->canonical_json;
    info.scenario_sha256 = played.scenario->sha256;
    info.master_seed = played.record.seed;
    info.replications = 1;
    info.threads =
        command.settings.threads > 0 ? command.settings.threads : parallel::hardware_threads();
    info.wall_seconds = wall_seconds;
    info.command_line = command.settings.command_line;
    info.version = kVersion;
    info.git_sha = kGitSha;
    info.created_utc = utc_now_iso8601();
    info.stream_names = played.streams;
    info.layout = played.layout;
    return info;
}

/** @brief workshop.json: what was played, which folder holds which table (the folder marker). */
std::string workshop_json(const workshop::Session& session, const WorkshopCommand& command,
                          const std::vector<workshop::Table>& tables,
                          const std::vector<std::string>& folders, std::size_t rounds,
                          const std::vector<workshop::ScoreItem>& items) {
    using nlohmann::json;
    const scenario::Workshop& w = session.workshop();
    json cards = json::array();
    for (std::size_t c = 0; c < w.cards.size(); ++c) {
        cards.push_back({{"id", w.cards[c].id},
                         {"title", w.cards[c].title},
                         {"round", session.dealt()[c]},
                         {"date", session.calendar().round_dates[session.dealt()[c] - 1]}});
    }
    // Each table's score after the last round played (points 0-100, docs/workshop.md).
    const std::vector<workshop::OverallScore> scores = workshop::overall_scores(w, items, rounds);
    auto points = [](double v) { return std::isnan(v) ? json(nullptr) : json(v); };
    json list = json::array();
    for (std::size_t t = 0; t < tables.size(); ++t) {
        json score = nullptr;
        for (const workshop::OverallScore& s : scores) {
            if (s.table == tables[t].name) {
                score = {{"children", points(s.children)},
                         {"staff", points(s.staff)},
                         {"money", points(s.money)},
                         {"overall", points(s.overall)}};
            }
        }
        list.push_back(
            {{"table", tables[t].name},
             {"folder", folders[t]},
             {"decisions",
              t < command.decision_paths.size() ? json(command.decision_paths[t]) : json(nullptr)},
             {"score", score}});
    }
    json round_dates = session.calendar().round_dates;
    const json document = {{"cssim-workshop", 1},
                           {"workshop", w.title},
                           {"workshop_file", command.workshop_path},
                           {"scenario", w.scenario_path},
                           {"seed", session.seed()},
                           {"rounds", w.rounds},
                           {"rounds_played", rounds},
                           {"round_months", w.round_months},
                           {"round_dates", round_dates},
                           {"cards", cards},
                           {"overall_weights",
                            {{"children", w.overall_weights.children},
                             {"staff", w.overall_weights.staff},
                             {"money", w.overall_weights.money}}},
                           {"tables", list},
                           {"version", kVersion}};
    return document.dump(2) + "\n";
}

}  // namespace

int workshop_command(const WorkshopCommand& command) {
    const scenario::WorkshopLoadResult loaded = scenario::load_workshop(command.workshop_path);
    if (!loaded.workshop) {
        return report_file_problems(loaded.diagnostics, loaded.is_missing_input,
                                    command.workshop_path);
    }
    const scenario::Workshop& w = *loaded.workshop;
    const std::size_t rounds = command.rounds.value_or(w.rounds);
    if (rounds < 1 || rounds > w.rounds) {
        std::fprintf(stderr, "cssim workshop: --rounds %zu: the workshop has rounds 1 to %zu\n",
                     rounds, w.rounds);
        return kExitUsage;
    }
    std::vector<workshop::Table> tables;
    std::vector<fs::path> inputs{command.workshop_path, w.scenario_path};
    for (const std::string& path : command.decision_paths) {
        scenario::DecisionLoadResult d = scenario::load_decisions(path, &w);
        if (!d.decisions) {
            return report_file_problems(d.diagnostics, d.is_missing_input, path);
        }
        tables.push_back({d.decisions->table, std::move(d.decisions)});
        inputs.emplace_back(path);
    }
    if (tables.empty()) {
        tables.push_back({"Default decisions", std::nullopt});
    }
    const workshop::Session session(w, command.settings.seed);
    // Every table's whole play is checked before anything runs (the last round holds every change).
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const scenario::LoadResult s =
            scenario::table_scenario(w, tables[t].decisions ? &*tables[t].decisions : nullptr,
                                     session.dealt(), rounds, session.seed());
        if (!s.scenario) {
            return report_file_problems(s.diagnostics, s.is_missing_input,
                                        t < command.decision_paths.size()
                                            ? command.decision_paths[t]
                                            : command.workshop_path);
        }
    }
    std::vector<std::string> folders;
    std::set<std::string> taken{"workshop.json", "scoreboard.csv"};
    for (const workshop::Table& table : tables) {
        std::string name = safe_file_name(table.name);
        for (int n = 2; taken.count(name) != 0; ++n) {
            name = safe_file_name(table.name) + "-" + std::to_string(n);
        }
        taken.insert(name);
        folders.push_back(name);
    }

    const fs::path destination(command.out_dir);
    try {
        StagedDirectory folder(destination, command.force, inputs);
        // One job per table x round: round k replays day 0 to k's end (the last with detail).
        const std::size_t jobs = tables.size() * rounds;
        std::vector<workshop::PlayedRound> slots(jobs);
        ProgressReporter progress(progress_mode_of(command.settings), w.title, jobs);
        parallel::RunnerOptions options;
        options.threads = command.settings.threads;
        options.cancel = &interrupt_flag();
        options.on_progress = [&](std::size_t done, std::size_t) { progress.update(done); };
        const auto started = std::chrono::steady_clock::now();
        parallel::RunnerOutcome outcome;
        try {
            outcome = parallel::run_jobs(
                jobs,
                [&](std::size_t i) {
                    const std::size_t round = i % rounds + 1;
                    slots[i] =
                        session.play(tables[i / rounds], round, round == rounds, &interrupt_flag());
                },
                options);
        } catch (const core::RunCancelled&) {
            outcome.cancelled = true;
        }
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (outcome.cancelled || outcome.finished_count != jobs) {
            progress.finish("cancelled");
            std::fprintf(stderr, "cssim workshop: interrupted; nothing was written\n");
            return kExitInterrupted;
        }
        progress.finish("done");
        std::vector<workshop::ScoreItem> items;
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const workshop::PlayedRound& last = slots[t * rounds + rounds - 1];
            if (!last.scenario) {  // checked above; a failure here is a bug
                return report_file_problems(last.diagnostics, false, command.workshop_path);
            }
            const fs::path table_folder = folder.staging() / folders[t];
            std::error_code ec;
            fs::create_directory(table_folder, ec);
            if (ec) {
                throw record::OutputError(table_folder, "cannot create directory: " + ec.message(),
                                          ec.value());
            }
            write_run_folder(table_folder, run_info(last, command, wall), {last.record});
        }
        for (std::size_t r = 0; r < rounds; ++r) {  // rows by round, then table
            for (std::size_t t = 0; t < tables.size(); ++t) {
                const auto& score = slots[t * rounds + r].score;
                items.insert(items.end(), score.begin(), score.end());
            }
        }
        record::write_text_file_atomically(folder.staging() / "scoreboard.csv",
                                           workshop::scoreboard_csv(w, items, session.calendar()));
        record::write_text_file_atomically(
            folder.staging() / "workshop.json",
            workshop_json(session, command, tables, folders, rounds, items));
        folder.publish();
        const std::string text = workshop::scoreboard_text(session, items, rounds);
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (!command.settings.quiet) {
            std::fprintf(stderr, "cssim: %zu table%s x %zu round%s of '%s' written to %s\n",
                         tables.size(), tables.size() == 1 ? "" : "s", rounds,
                         rounds == 1 ? "" : "s", w.title.c_str(),
                         scenario::escape_control(destination.string()).c_str());
        }
        return kExitOk;
    } catch (const OutputExistsError& error) {
        return report_failure(error);
    } catch (const record::OutputError& error) {
        return report_failure(error);
    }
}

}  // namespace cssim::cli
