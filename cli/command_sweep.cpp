// `cssim sweep`: a design (grid, Latin hypercube, Morris or CSV) x replications, committed job
// by job to a results store so that a crashed or interrupted sweep resumes where it stopped,
// optionally as one shard of a Slurm job array.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

#include "commands.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "model_binding.hpp"
#include "output_directory.hpp"
#include "progress.hpp"
#include "run_support.hpp"
#include "sweep_directory.hpp"
#include "sweep_plan.hpp"
#include "sweep_writer.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

/**
 * @brief Reads a non-negative integer environment variable into `value` (nullopt if unset or
 * empty). A variable that is set to anything else (`abc`, `-1`, `3x`, too large) is an error:
 * returns false after saying why, rather than running the whole sweep unsharded.
 */
bool env_number(const char* name, std::optional<std::size_t>& value) {
    value.reset();
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0') {
        return true;
    }
    const std::string s = text;
    std::size_t parsed = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (ec != std::errc() || end != s.data() + s.size()) {
        std::string shown;
        for (const char c : s.substr(0, 40)) {
            shown += (c >= 0x20 && c < 0x7f) ? std::string(1, c) : std::string("?");
        }
        std::fprintf(stderr,
                     "cssim: %s is '%s', not a non-negative integer; refusing to guess which "
                     "shard this is (unset it, or give --task-index and --task-count)\n",
                     name, shown.c_str());
        return false;
    }
    value = parsed;
    return true;
}

/** @brief Resolves the shard from the options or, failing them, Slurm's job-array variables. */
bool resolve_shard(const SweepCommand& command, std::size_t& index, std::size_t& count) {
    index = 0;
    count = 1;
    if (command.task_count || command.task_index) {
        if (!command.task_count || !command.task_index) {
            std::fprintf(stderr, "cssim: --task-index and --task-count go together\n");
            return false;
        }
        index = *command.task_index;
        count = *command.task_count;
    } else {
        std::optional<std::size_t> id;
        std::optional<std::size_t> slurm_count;
        std::optional<std::size_t> slurm_min;
        if (!env_number("SLURM_ARRAY_TASK_ID", id) ||
            !env_number("SLURM_ARRAY_TASK_COUNT", slurm_count) ||
            !env_number("SLURM_ARRAY_TASK_MIN", slurm_min)) {
            return false;
        }
        if (id) {
            if (!slurm_count) {
                std::fprintf(
                    stderr,
                    "cssim: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not\n");
                return false;
            }
            // Arrays need not start at 0 (--array=1-3): the shard is the offset from the minimum.
            const std::size_t minimum = slurm_min.value_or(0);
            if (*id < minimum) {
                std::fprintf(stderr, "cssim: SLURM_ARRAY_TASK_ID %zu < SLURM_ARRAY_TASK_MIN %zu\n",
                             *id, minimum);
                return false;
            }
            index = *id - minimum;
            count = *slurm_count;
        }
    }
    if (count == 0 || index >= count) {
        std::fprintf(stderr,
                     "cssim: the task index must be below the task count (got index %zu of %zu; "
                     "Slurm arrays with steps such as --array=0-9:2 are not supported)\n",
                     index, count);
        return false;
    }
    return true;
}

/** @brief Whether `dir` exists with files in it but is no sweep directory (checked before
 *  the lock file is made, so that nothing is ever added to a folder of the user's). */
bool is_foreign_folder(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        return false;
    }
    if (!fs::is_directory(dir, ec)) {
        return true;
    }
    if (fs::exists(dir / kSweepStateFile, ec)) {
        return false;
    }
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename() != kSweepLockFile) {
            return true;
        }
    }
    return false;
}

/** @brief The store's jobs that this shard owns, checked: a damaged store is refused. */
std::set<std::size_t> verified_done_jobs(const record::ResultsStore& store,
                                         const scenario::SweepState& state) {
    std::set<std::size_t> done;
    for (const record::ReplicationRecord& r : store.load_jobs()) {
        if (r.design_point >= state.points.size() || r.replication >= state.replications ||
            r.seed != state.seed) {
            throw record::ArchiveError(
                store.path(), "results store damaged: it holds design point " +
                                  std::to_string(r.design_point) + " replication " +
                                  std::to_string(r.replication) + " (seed " +
                                  std::to_string(r.seed) +
                                  "), which is not a job of this sweep; re-run with --force to "
                                  "discard it and start again");
        }
        done.insert(sweep_job_index(state, {r.design_point, r.replication}));
    }
    return done;
}

}  // namespace

int sweep_command(const SweepCommand& command) {
    const scenario::SweepLoadResult loaded = scenario::load_sweep(command.sweep_path);
    if (!loaded.sweep) {
        for (const scenario::Diagnostic& d : loaded.diagnostics) {
            std::fprintf(stderr, "%s: %s\n", command.sweep_path.c_str(),
                         scenario::format_diagnostic(d).c_str());
        }
        if (loaded.is_missing_input) {
            return kExitMissingInput;
        }
        std::fprintf(stderr, "%s: %zu problem%s; nothing was run\n", command.sweep_path.c_str(),
                     loaded.diagnostics.size(), loaded.diagnostics.size() == 1 ? "" : "s");
        return kExitInvalidScenario;
    }
    std::size_t task_index = 0;
    std::size_t task_count = 1;
    if (!resolve_shard(command, task_index, task_count)) {
        return kExitUsage;
    }
    SweepPlan plan;
    if (const int code = build_sweep_plan(*loaded.sweep, plan); code != 0) {
        return code;
    }
    scenario::SweepState& state = plan.state;
    state.task_index = task_index;
    state.task_count = task_count;

    fs::path dir = command.out_dir.empty()
                       ? fs::path("results") / ("sweep-" + safe_file_name(state.sweep_name))
                       : fs::path(command.out_dir);
    if (task_count > 1) {
        dir /= "shard-" + std::to_string(task_index) + "-of-" + std::to_string(task_count);
    }
    // Files the sweep reads: --force never clears a directory that holds one of them.
    std::vector<fs::path> inputs = {command.sweep_path, loaded.sweep->base_path};
    if (!loaded.sweep->design.csv_path.empty()) {
        inputs.emplace_back(loaded.sweep->design.csv_path);
    }
    if (is_foreign_folder(dir)) {
        std::fprintf(stderr,
                     "cssim: %s exists and is not a sweep directory (no %s); choose another "
                     "--out\n",
                     dir.string().c_str(), kSweepStateFile);
        return kExitCannotCreate;
    }
    const bool existed = fs::exists(dir);
    SweepLock lock;  // one process per sweep directory
    if (const int code = lock.acquire(dir); code != 0) {
        return code;
    }
    std::vector<ModelBinding> models;
    models.reserve(plan.scenarios.size());
    for (const scenario::Scenario& s : plan.scenarios) {
        models.push_back(bind_model(s));
        models.back().layout = record::RunLayout{};  // only `run` is needed per point
        models.back().series_names.clear();
    }
    std::vector<std::string> metric_names;
    for (const record::MetricInfo& m : bind_model(plan.scenarios.front()).layout.metrics) {
        metric_names.push_back(m.name);
    }
    bool fresh = false;
    std::optional<record::ResultsStore> store;
    try {
        if (const int code = prepare_sweep_directory(dir, state, command.force, inputs, fresh);
            code != 0) {
            return code;
        }
        std::set<std::size_t> done;
        try {
            store.emplace(dir / kSweepStoreFile, state.identity, record::StoreMode::CreateOrOpen,
                          metric_names);
            done = verified_done_jobs(*store, state);
        } catch (const record::ArchiveError& error) {
            if (!command.force) {
                std::fprintf(stderr,
                             "cssim: %s\n(the sweep directory is cssim's own: --force discards "
                             "its results and starts again)\n",
                             error.what());
                return kExitInvalidScenario;
            }
            // --force: the directory is this sweep's (checked above), so its damaged store
            // is cssim's own to discard.
            store.reset();
            if (const std::string why = why_not_replaceable(dir, inputs); !why.empty()) {
                std::fprintf(stderr, "cssim: not discarding %s\n", why.c_str());
                return kExitCannotCreate;
            }
            std::fprintf(stderr,
                         "cssim: %s\ncssim: the damaged store was discarded (--force); starting "
                         "the sweep again\n",
                         error.what());
            clear_sweep_directory(dir);
            write_fresh_sweep_state(dir, state);
            fresh = true;
            store.emplace(dir / kSweepStoreFile, state.identity, record::StoreMode::CreateOrOpen,
                          metric_names);
        }

        const std::size_t total = sweep_job_count(state);
        std::vector<std::size_t> pending;
        std::size_t owned = 0;
        for (std::size_t j = task_index; j < total; j += task_count) {
            ++owned;
            if (done.count(j) == 0) {
                pending.push_back(j);
            }
        }
        const bool quiet = command.settings.quiet || command.settings.progress == "quiet";
        if (!quiet && pending.size() < owned) {
            std::fprintf(stderr, "cssim: resuming %s: %zu of %zu jobs already done\n",
                         dir.string().c_str(), owned - pending.size(), owned);
        }

        ProgressReporter progress(progress_mode_of(command.settings), state.sweep_name,
                                  pending.size());
        parallel::RunnerOptions options;
        options.threads = command.settings.threads;
        options.cancel = &interrupt_flag();
        options.on_progress = [&progress](std::size_t n, std::size_t) { progress.update(n); };
        StoreWriter writer(*store);
        const auto start = std::chrono::steady_clock::now();
        const parallel::RunnerOutcome outcome = parallel::run_jobs(
            pending.size(),
            [&](std::size_t i) {
                const record::JobKey key = sweep_job_key(state, pending[i]);
                record::ReplicationRecord r =
                    models[key.design_point].run(state.seed, key.replication, false, false);
                r.design_point = key.design_point;
                r.replication = key.replication;
                r.seed = state.seed;
                writer.push(std::move(r));
            },
            options);
        writer.close();  // every finished job is committed before anything is reported
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        progress.finish(outcome.cancelled ? "cancelled" : "done");
        const std::size_t finished = owned - pending.size() + outcome.finished_count;
        if (outcome.cancelled) {
            std::fprintf(stderr,
                         "cssim: interrupted; %zu of %zu jobs are committed in %s. Re-run the "
                         "same command to resume\n",
                         finished, owned, dir.string().c_str());
            return kExitInterrupted;
        }
        if (task_count > 1) {
            std::printf("shard %zu of %zu: %zu jobs done in %s\n", task_index, task_count, owned,
                        dir.string().c_str());
            return kExitOk;
        }
        const std::vector<record::ReplicationRecord> records = store->load_jobs();
        scenario::SweepProvenance provenance;
        provenance.version = kVersion;
        provenance.git_sha = kGitSha;
        provenance.command_line = command.settings.command_line;
        provenance.created_utc = utc_now_iso8601();
        provenance.status = "complete";
        provenance.jobs = records.size();
        provenance.threads = static_cast<std::size_t>(
            command.settings.threads > 0 ? command.settings.threads : parallel::hardware_threads());
        provenance.wall_seconds = wall;
        provenance.stream_names = plan.stream_names;
        provenance.base_scenario_json = plan.base_scenario_json;
        write_sweep_outputs(dir, state, records, provenance);
        std::printf(
            "sweep '%s': %zu design points x %zu replications = %zu jobs (%zu run now, "
            "%.1f s); outputs in %s\n",
            state.sweep_name.c_str(), state.points.size(), state.replications, total,
            pending.size(), wall, dir.string().c_str());
        return kExitOk;
    } catch (const record::ArchiveError& error) {
        return report_failure(error);
    } catch (const record::OutputError& error) {
        bool nothing_kept = fresh;
        try {
            nothing_kept = nothing_kept && (!store || store->job_count() == 0);
        } catch (const std::exception&) {
            nothing_kept = false;  // cannot tell: keep everything
        }
        if (nothing_kept) {
            // Nothing of value was written (a full disk at the start): leave nothing behind.
            store.reset();
            std::error_code ec;
            if (existed) {
                clear_sweep_directory(dir);
            } else {
                fs::remove_all(dir, ec);
            }
        }
        return report_failure(error);
    }
}

}  // namespace cssim::cli
