// `cssim merge`: the shards of a sweep (from a Slurm job array) into one sweep directory whose
// outputs are byte-identical to a single-process run of the same sweep.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "commands.hpp"
#include "cssim/parallel/job_runner.hpp"
#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "cssim/version.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "output_directory.hpp"
#include "run_support.hpp"
#include "sweep_plan.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

struct Shard {
    fs::path dir;
    scenario::SweepState state;
};

/** @brief A directory given to merge: a shard itself, or a folder of `shard-*` folders. */
std::vector<fs::path> expand(const fs::path& dir) {
    if (fs::exists(dir / kSweepStateFile)) {
        return {dir};
    }
    std::vector<fs::path> shards;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        if (e.is_directory() && e.path().filename().string().starts_with("shard-") &&
            fs::exists(e.path() / kSweepStateFile)) {
            shards.push_back(e.path());
        }
    }
    std::sort(shards.begin(), shards.end());
    return shards;
}

std::string job_text(record::JobKey key) {
    return "design point " + std::to_string(key.design_point) + " replication " +
           std::to_string(key.replication);
}

}  // namespace

int merge_command(const MergeCommand& command) {
    std::vector<Shard> shards;
    for (const std::string& given : command.shard_dirs) {
        if (!fs::exists(given)) {
            std::fprintf(stderr, "cssim: %s: no such directory\n", given.c_str());
            return kExitMissingInput;
        }
        const std::vector<fs::path> found = expand(given);
        if (found.empty()) {
            std::fprintf(stderr,
                         "cssim: %s is not a sweep shard (no %s) and holds no shard-* "
                         "folders\n",
                         given.c_str(), kSweepStateFile);
            return kExitMissingInput;
        }
        for (const fs::path& dir : found) {
            std::string error;
            auto state = scenario::parse_sweep_state(read_text_file(dir / kSweepStateFile), error);
            if (!state) {
                std::fprintf(stderr, "cssim: %s: %s\n", (dir / kSweepStateFile).string().c_str(),
                             error.c_str());
                return kExitInvalidScenario;
            }
            shards.push_back({dir, std::move(*state)});
        }
    }
    // Every shard must belong to the same sweep and the same split, each shard exactly once.
    const scenario::SweepState& first = shards.front().state;
    std::map<std::size_t, fs::path> by_index;
    for (const Shard& s : shards) {
        if (s.state.identity != first.identity) {
            std::fprintf(stderr,
                         "cssim: %s is from another sweep ('%s', identity %.12s) than %s ('%s', "
                         "identity %.12s); refusing to merge\n",
                         s.dir.string().c_str(), s.state.sweep_name.c_str(),
                         s.state.identity.c_str(), shards.front().dir.string().c_str(),
                         first.sweep_name.c_str(), first.identity.c_str());
            return kExitInvalidScenario;
        }
        if (s.state.task_count != first.task_count) {
            std::fprintf(stderr,
                         "cssim: %s is shard %zu of %zu but %s is of %zu; refusing to merge\n",
                         s.dir.string().c_str(), s.state.task_index, s.state.task_count,
                         shards.front().dir.string().c_str(), first.task_count);
            return kExitInvalidScenario;
        }
        if (const auto [it, fresh] = by_index.emplace(s.state.task_index, s.dir); !fresh) {
            std::fprintf(stderr, "cssim: shard %zu of %zu is given twice (%s and %s)\n",
                         s.state.task_index, s.state.task_count, it->second.string().c_str(),
                         s.dir.string().c_str());
            return kExitInvalidScenario;
        }
    }
    for (std::size_t i = 0; i < first.task_count; ++i) {
        if (by_index.count(i) == 0) {
            std::fprintf(stderr, "cssim: shard %zu of %zu is missing (got %zu shard%s)\n", i,
                         first.task_count, shards.size(), shards.size() == 1 ? "" : "s");
            return kExitInvalidScenario;
        }
    }

    scenario::SweepState merged = first;
    merged.task_index = 0;
    merged.task_count = 1;
    const std::size_t total = sweep_job_count(merged);
    const auto interrupted = [] {
        if (!interrupt_flag().load()) {
            return false;
        }
        std::fprintf(stderr,
                     "cssim: interrupted; nothing was merged (the shards are untouched: run the "
                     "same merge again)\n");
        return true;
    };
    try {
        std::vector<record::ReplicationRecord> records;
        std::vector<std::optional<fs::path>> owner(total);
        std::vector<std::string> metric_names;
        fs::path names_from;
        for (const Shard& s : shards) {
            if (interrupted()) {
                return kExitInterrupted;
            }
            // A shard is an input: opened only if its store exists, never created in it.
            if (!fs::exists(s.dir / kSweepStoreFile)) {
                std::fprintf(stderr,
                             "cssim: %s has no %s: that shard has not run yet; run it and merge "
                             "again\n",
                             s.dir.string().c_str(), kSweepStoreFile);
                return kExitMissingInput;
            }
            record::ResultsStore store(s.dir / kSweepStoreFile, s.state.identity,
                                       record::StoreMode::OpenExisting);
            std::vector<record::ReplicationRecord> loaded = store.load_jobs();
            for (record::ReplicationRecord& r : loaded) {
                // Every shard's jobs must have the metrics of the first shard's (each store is
                // already consistent within itself).
                std::vector<std::string> names;
                for (const record::MetricValue& m : r.metrics) {
                    names.push_back(m.name);
                }
                if (names_from.empty()) {
                    metric_names = names;
                    names_from = s.dir;
                } else if (names != metric_names) {
                    std::fprintf(stderr,
                                 "cssim: %s holds %s with other metrics than %s; a store is "
                                 "damaged or from another cssim version; refusing to merge\n",
                                 s.dir.string().c_str(),
                                 job_text({r.design_point, r.replication}).c_str(),
                                 names_from.string().c_str());
                    return kExitInvalidScenario;
                }
                const record::JobKey key{r.design_point, r.replication};
                if (r.design_point >= merged.points.size() ||
                    r.replication >= merged.replications) {
                    std::fprintf(stderr, "cssim: %s holds %s, which is not a job of this sweep\n",
                                 s.dir.string().c_str(), job_text(key).c_str());
                    return kExitInvalidScenario;
                }
                const std::size_t job = sweep_job_index(merged, key);
                if (job % first.task_count != s.state.task_index) {
                    std::fprintf(stderr, "cssim: %s holds %s, which is not its shard's job\n",
                                 s.dir.string().c_str(), job_text(key).c_str());
                    return kExitInvalidScenario;
                }
                if (r.seed != merged.seed) {
                    std::fprintf(stderr,
                                 "cssim: %s holds %s with seed %llu, not the sweep's %llu; the "
                                 "store is damaged\n",
                                 s.dir.string().c_str(), job_text(key).c_str(),
                                 static_cast<unsigned long long>(r.seed),
                                 static_cast<unsigned long long>(merged.seed));
                    return kExitInvalidScenario;
                }
                if (owner[job]) {
                    std::fprintf(stderr, "cssim: %s is in both %s and %s\n", job_text(key).c_str(),
                                 owner[job]->string().c_str(), s.dir.string().c_str());
                    return kExitInvalidScenario;
                }
                owner[job] = s.dir;
                records.push_back(std::move(r));
            }
        }
        if (records.size() != total) {
            std::size_t missing = 0;
            std::size_t example = 0;
            for (std::size_t j = total; j-- > 0;) {
                if (!owner[j]) {
                    ++missing;
                    example = j;
                }
            }
            const std::size_t shard = example % first.task_count;
            std::fprintf(stderr,
                         "cssim: %zu of %zu jobs are missing, e.g. %s of shard %zu (%s): that "
                         "shard did not finish; re-run it (it resumes) and merge again\n",
                         missing, total, job_text(sweep_job_key(merged, example)).c_str(), shard,
                         by_index[shard].string().c_str());
            return kExitInvalidScenario;
        }
        std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
            return record::JobKey{a.design_point, a.replication} <
                   record::JobKey{b.design_point, b.replication};
        });
        if (interrupted()) {
            return kExitInterrupted;
        }

        std::vector<fs::path> inputs;
        for (const Shard& s : shards) {
            inputs.push_back(s.dir);
        }
        StagedDirectory folder(command.out_dir, command.force, inputs);
        {
            // The merged folder is an ordinary finished sweep directory: `cssim sweep --out`
            // into it resumes with nothing left to do. One transaction: one sync, not one per
            // job.
            record::ResultsStore store(folder.staging() / kSweepStoreFile, merged.identity,
                                       record::StoreMode::CreateOrOpen, metric_names);
            store.append_batch(records);
        }
        if (interrupted()) {
            return kExitInterrupted;  // the staging folder is removed on the way out
        }
        record::write_text_file_atomically(folder.staging() / kSweepStateFile,
                                           scenario::sweep_state_json(merged));
        scenario::SweepProvenance provenance;
        provenance.version = kVersion;
        provenance.git_sha = kGitSha;
        provenance.command_line = command.command_line;
        provenance.created_utc = utc_now_iso8601();
        provenance.status = "merged from " + std::to_string(first.task_count) + " shards";
        provenance.jobs = records.size();
        write_sweep_outputs(folder.staging(), merged, records, provenance);
        if (interrupted()) {
            return kExitInterrupted;
        }
        folder.publish();
        std::printf("merged %zu shards of sweep '%s': %zu jobs; outputs in %s\n", shards.size(),
                    merged.sweep_name.c_str(), records.size(), command.out_dir.c_str());
        return kExitOk;
    } catch (const OutputExistsError& error) {
        return report_failure(error);
    } catch (const record::ArchiveError& error) {
        return report_failure(error);
    } catch (const record::OutputError& error) {
        return report_failure(error);
    }
}

}  // namespace cssim::cli
