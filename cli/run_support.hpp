#pragma once
/** @file run_support.hpp @brief Pieces `run` and `compare` share: provenance and output folders. */
#include <filesystem>
#include <vector>

#include "batch.hpp"
#include "commands.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/record/run_data.hpp"
#include "cssim/scenario/scenario.hpp"
#include "model_binding.hpp"
#include "progress.hpp"

namespace cssim::cli {

/** @brief The progress mode the settings ask for (quiet wins). */
ProgressMode progress_mode_of(const RunSettings& settings);
/** @brief 74 for a full or failing disk, else 73. */
int exit_code_for(const record::OutputError& error);
/** @brief Provenance of a finished (or cancelled) run. */
record::RunInfo make_run_info(const scenario::Scenario& scenario, const ModelBinding& model,
                              const RunSettings& settings, std::uint64_t seed, std::size_t finished,
                              double wall_seconds, bool cancelled);
/**
 * @brief Runs every (model, replication) job under one master seed with the settings' threads,
 * progress on stderr (labelled `label`) and Ctrl-C handling; the progress line is finished
 * ("done" or "cancelled") before this returns.
 */
BatchResult run_replications(const std::vector<const ModelBinding*>& models,
                             const RunSettings& settings, std::uint64_t seed,
                             std::size_t replications, std::size_t detail_replications,
                             bool with_series, const std::string& label);
/** @brief Writes summary.json, replications.csv, manifest.json and run.sqlite into `folder`. */
void write_run_folder(const std::filesystem::path& folder, const record::RunInfo& info,
                      const std::vector<record::ReplicationRecord>& records);

}  // namespace cssim::cli
