// cssim-view --workshop: checking the files, setting up the tables, resuming their rounds.
#include "app/workshop_start.hpp"

#include <algorithm>

namespace cssim::viewer {
namespace {

namespace fs = std::filesystem;

constexpr int kExitUsage = 64;
constexpr int kExitInvalid = 65;
constexpr int kExitMissing = 66;
constexpr int kExitCannotCreate = 73;

int file_problems(const std::vector<scenario::Diagnostic>& diagnostics, bool missing,
                  const std::string& path, std::string& error) {
    for (const auto& d : diagnostics)
        error += path + ": " + scenario::format_diagnostic(d) + "\n";
    if (missing)
        return kExitMissing;
    error += path + ": " + std::to_string(diagnostics.size()) +
             (diagnostics.size() == 1 ? " problem" : " problems") +
             "; the workshop was not opened\n";
    return kExitInvalid;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ea, eb;
    const fs::path x = fs::weakly_canonical(a, ea);
    const fs::path y = fs::weakly_canonical(b, eb);
    return !ea && !eb && x == y;
}

}  // namespace

int open_workshop(const ViewerOptions& o, WorkshopState& w, std::string& error) {
    const std::string workshop_path = o.workshop->string();
    scenario::WorkshopLoadResult loaded = scenario::load_workshop(workshop_path);
    if (!loaded.workshop)
        return file_problems(loaded.diagnostics, loaded.is_missing_input, workshop_path, error);
    std::vector<scenario::DecisionFile> files;
    for (const fs::path& path : o.decisions) {
        scenario::DecisionLoadResult d = scenario::load_decisions(path.string(), &*loaded.workshop);
        if (!d.decisions)
            return file_problems(d.diagnostics, d.is_missing_input, path.string(), error);
        files.push_back(std::move(*d.decisions));
    }
    const scenario::Workshop& ws = *loaded.workshop;
    std::size_t played = 0;
    for (const auto& f : files)
        played = std::max(played, last_round_decided(f));
    if (o.played) {
        if (*o.played > ws.rounds) {
            error = "cssim-view: --played " + std::to_string(*o.played) +
                    ": the workshop has rounds 1 to " + std::to_string(ws.rounds) + "\n";
            return kExitUsage;
        }
        played = *o.played;
    }
    try {
        w.session = std::make_unique<workshop::Session>(ws);
    } catch (const std::exception& e) {
        error = workshop_path + ": " + e.what() + "\n";
        return kExitInvalid;
    }
    w.workshop_path = *o.workshop;
    const std::size_t n =
        o.tables != 0 ? static_cast<std::size_t>(o.tables) : std::max<std::size_t>(2, files.size());
    for (std::size_t t = 0; t < n; ++t) {
        if (t < files.size())
            w.tables.push_back(resumed_table(ws, files[t], played));
        else
            w.tables.push_back(
                resumed_table(ws, {"", "Table " + std::to_string(t + 1), {}}, played));
    }
    if (o.table != 0 && static_cast<std::size_t>(o.table) > n) {
        error = "cssim-view: --table " + std::to_string(o.table) + ": there are " +
                std::to_string(n) + " tables\n";
        return kExitUsage;
    }
    w.table = o.table != 0 ? static_cast<std::size_t>(o.table - 1) : 0;
    w.debrief_tables = {0, n > 1 ? 1u : 0u};
    // Each table's decisions go to DIR/table_N.json; a file there is replaced only when it is
    // the one this table was resumed from (the session carries it on), never anything else.
    const fs::path dir = o.save_dir.value_or("workshop-tables");
    for (std::size_t t = 0; t < n; ++t) {
        const fs::path path = table_file(dir, t);
        std::error_code ec;
        const bool resumed_here = t < o.decisions.size() && same_file(path, o.decisions[t]);
        if (fs::exists(path, ec) && !resumed_here) {
            error = path.string() +
                    ": exists and is not the decision file this table was resumed from; it is "
                    "not overwritten (resume it with --decisions " +
                    path.string() + ", or choose another --save folder)\n";
            return kExitCannotCreate;
        }
        w.save_paths.push_back(path);
    }
    if (played > 0) {
        PlayOutcome outcome = play_tables(*w.session, w.tables, played);
        if (!outcome.error.empty()) {
            error = outcome.error + "\n";
            return kExitInvalid;
        }
        apply_outcome(w, std::move(outcome));
    }
    if (const std::string e = save_decisions(w); !e.empty()) {
        error = e + "\n";
        return kExitCannotCreate;
    }
    w.status = played > 0 ? "resumed after round " + std::to_string(played) : "ready for round 1";
    return 0;
}

}  // namespace cssim::viewer
