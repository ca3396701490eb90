// `cssim sweep`: a design (grid, Latin hypercube, Morris or CSV) x replications, committed job
// by job to a results store so that a crashed or interrupted sweep resumes where it stopped,
// optionally as one shard of a Slurm job array.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "commands.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "interrupt.hpp"
#include "model_binding.hpp"
#include "output_directory.hpp"
#include "progress.hpp"
#include "run_support.hpp"
#include "sweep_plan.hpp"
#include "sweep_writer.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

/** @brief Reads a non-negative integer environment variable; nullopt if unset or malformed. */
std::optional<std::size_t> env_number(const char* name) {
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0') {
        return std::nullopt;
    }
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (end == text || *end != '\0') {
        return std::nullopt;
    }
    return static_cast<std::size_t>(value);
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
    } else if (const auto id = env_number("SLURM_ARRAY_TASK_ID")) {
        const auto slurm_count = env_number("SLURM_ARRAY_TASK_COUNT");
        if (!slurm_count) {
            std::fprintf(stderr,
                         "cssim: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not\n");
            return false;
        }
        // Arrays need not start at 0 (--array=1-3): the shard is the offset from the minimum.
        const std::size_t minimum = env_number("SLURM_ARRAY_TASK_MIN").value_or(0);
        if (*id < minimum) {
            std::fprintf(stderr, "cssim: SLURM_ARRAY_TASK_ID %zu < SLURM_ARRAY_TASK_MIN %zu\n", *id,
                         minimum);
            return false;
        }
        index = *id - minimum;
        count = *slurm_count;
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

/**
 * @brief Makes `dir` ready for this sweep: creates it, or resumes into it if it holds the same
 * sweep (same identity and shard). Returns 0, or the exit code after printing why not.
 */
int prepare_directory(const fs::path& dir, const scenario::SweepState& state, bool force) {
    const fs::path state_path = dir / kSweepStateFile;
    std::error_code ec;
    if (fs::exists(state_path, ec)) {
        std::string error;
        const auto old = scenario::parse_sweep_state(read_text_file(state_path), error);
        const bool same = old && old->identity == state.identity &&
                          old->task_index == state.task_index &&
                          old->task_count == state.task_count;
        if (same) {
            return 0;
        }
        if (!force) {
            if (!old) {
                std::fprintf(stderr, "cssim: %s: %s; not resuming into %s\n",
                             state_path.string().c_str(), error.c_str(), dir.string().c_str());
            } else if (old->identity != state.identity) {
                std::fprintf(stderr,
                             "cssim: %s holds another sweep ('%s', identity %.12s), not this one "
                             "('%s', identity %.12s): the sweep file, its base scenario or its "
                             "design changed. Use another --out, or --force to discard the old "
                             "results\n",
                             dir.string().c_str(), old->sweep_name.c_str(), old->identity.c_str(),
                             state.sweep_name.c_str(), state.identity.c_str());
            } else {
                std::fprintf(stderr,
                             "cssim: %s holds shard %zu of %zu of this sweep, not shard %zu of "
                             "%zu. Use another --out, or --force to discard it\n",
                             dir.string().c_str(), old->task_index, old->task_count,
                             state.task_index, state.task_count);
            }
            return kExitCannotCreate;
        }
        fs::remove_all(dir, ec);
    } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
        // Never delete a folder that is not a sweep directory, even with --force.
        std::fprintf(stderr,
                     "cssim: %s exists and is not a sweep directory (no %s); choose another "
                     "--out\n",
                     dir.string().c_str(), kSweepStateFile);
        return kExitCannotCreate;
    }
    fs::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "cssim: cannot create %s: %s\n", dir.string().c_str(),
                     ec.message().c_str());
        return kExitCannotCreate;
    }
    record::write_text_file_atomically(state_path, scenario::sweep_state_json(state));
    record::write_text_file_atomically(dir / "design.csv", design_csv(state));
    return 0;
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
    try {
        if (const int code = prepare_directory(dir, state, command.force); code != 0) {
            return code;
        }
        record::ResultsStore store(dir / kSweepStoreFile, state.identity);

        const std::size_t total = sweep_job_count(state);
        std::set<std::size_t> done;
        for (const record::JobKey& key : store.done_jobs()) {
            done.insert(sweep_job_index(state, key));
        }
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

        std::vector<ModelBinding> models;
        models.reserve(plan.scenarios.size());
        for (const scenario::Scenario& s : plan.scenarios) {
            models.push_back(bind_model(s));
        }

        ProgressReporter progress(progress_mode_of(command.settings), state.sweep_name,
                                  pending.size());
        parallel::RunnerOptions options;
        options.threads = command.settings.threads;
        options.cancel = &interrupt_flag();
        options.on_progress = [&progress](std::size_t n, std::size_t) { progress.update(n); };
        StoreWriter writer(store);
        const auto start = std::chrono::steady_clock::now();
        const parallel::RunnerOutcome outcome = parallel::run_jobs(
            pending.size(),
            [&](std::size_t i) {
                const record::JobKey key = sweep_job_key(state, pending[i]);
                record::ReplicationRecord r =
                    models[key.design_point].run(state.seed, key.replication, false);
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
        const std::vector<record::ReplicationRecord> records = store.load_jobs();
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
        std::fprintf(stderr, "cssim: %s\n", error.what());
        return kExitCannotCreate;
    } catch (const record::OutputError& error) {
        std::fprintf(stderr, "cssim: cannot write output: %s\n", error.what());
        return exit_code_for(error);
    }
}

}  // namespace cssim::cli
