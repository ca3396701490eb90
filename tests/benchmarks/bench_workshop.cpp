// Replaying a workshop round from day 0 (issue 14: "under a second for a 5-year workshop of
// base"). The PA workshop on scenarios/base.json, its rounds a quarter each, the table moving a
// lever every round (a dated change per round, the worst case), played to its last round:
//   Rounds:12  the run is 5 years (2 of warm-up, 3 of play) and round 12 replays all of it;
//   Rounds:20  5 years of play (7 years from day 0), the longer reading of "5-year workshop".
// Each iteration builds and checks the table's scenario (Session::play does both) and runs one
// replication with the detail an archive needs (series, tracks, events).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cssim/workshop/play.hpp"

namespace {

using namespace cssim;

scenario::Workshop pa_workshop(std::size_t rounds) {
    const auto r = scenario::load_workshop(std::string(CSSIM_SOURCE_DIR) +
                                           "/scenarios/workshops/pa_decision.json");
    if (!r.workshop) {
        for (const auto& d : r.diagnostics) {
            std::cerr << scenario::format_diagnostic(d) << '\n';
        }
        std::abort();
    }
    scenario::Workshop w = *r.workshop;
    w.rounds = rounds;
    return w;
}

/** A table that moves the PA lever every round: 0, 6, 4, 3, 0, 6, ... */
workshop::Table busy_table(const scenario::Workshop& w) {
    scenario::DecisionFile d;
    d.table = "Busy table";
    const std::vector<std::string>& allowed = w.levers[0].allowed;
    for (std::size_t k = 1; k <= w.rounds; ++k) {
        d.rounds.push_back({k, {{w.levers[0].id, allowed[k % allowed.size()]}}});
    }
    return {d.table, d};
}

void BM_WorkshopReplayLastRound(benchmark::State& state) {
    const auto rounds = static_cast<std::size_t>(state.range(0));
    const workshop::Session session(pa_workshop(rounds));
    const workshop::Table table = busy_table(session.workshop());
    double days = 0.0;
    for (auto _ : state) {
        workshop::PlayedRound played = session.play(table, rounds, true);
        if (!played.scenario) {
            state.SkipWithError("the table's scenario does not load");
            break;
        }
        days = static_cast<double>(played.layout.days);
        benchmark::DoNotOptimize(played);
    }
    state.counters["simulated_days"] = days;
}

/** The scenario alone (building and checking the document with its dated changes). */
void BM_WorkshopTableScenario(benchmark::State& state) {
    const auto rounds = static_cast<std::size_t>(state.range(0));
    const workshop::Session session(pa_workshop(rounds));
    const workshop::Table table = busy_table(session.workshop());
    for (auto _ : state) {
        auto loaded = scenario::table_scenario(session.workshop(), &*table.decisions,
                                               session.dealt(), rounds, session.seed());
        benchmark::DoNotOptimize(loaded);
    }
}

BENCHMARK(BM_WorkshopReplayLastRound)
    ->ArgName("Rounds")
    ->Arg(12)
    ->Arg(20)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);
BENCHMARK(BM_WorkshopTableScenario)
    ->ArgName("Rounds")
    ->Arg(12)
    ->Arg(20)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
