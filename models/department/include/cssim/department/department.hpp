#pragma once
/**
 * @file department.hpp
 * @brief The department model's entry points (same shape as the reference queue model, so the
 * CLI dispatches uniformly).
 *
 * run_replication() is pure: it reads the config, owns all its state, and may run on many
 * threads at once. Same (config, master_seed, replication) => identical record.
 */
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/department/config.hpp"
#include "cssim/department/pathway.hpp"
#include "cssim/record/run_data.hpp"

namespace cssim::department {

/**
 * @brief Runs one replication. Metrics (DESIGN §3 names, measured after warm-up) always;
 * with_detail adds per-day series, a track per post, dated events and (with with_episodes) one
 * EpisodeRecord per finished stage episode. Precondition: the config passed the scenario
 * reader's checks and validate_pathway() found no problem.
 * @param cancel polled once per simulated day when given: once it is true the replication is
 * abandoned by throwing core::RunCancelled (a large one runs for minutes).
 * @param with_episodes false leaves the episode records out even with detail (about 130,000 for
 * ten years of base.json): `cssim run` keeps them only for its first --detail replications.
 */
record::ReplicationRecord run_replication(const DepartmentConfig& config, std::uint64_t master_seed,
                                          std::uint64_t replication, bool with_detail,
                                          const std::atomic<bool>* cancel = nullptr,
                                          bool with_episodes = true);

/** @brief The named random streams the model draws from (for the manifest). */
std::vector<std::string> stream_names();

/** @brief What is the same in every replication: dates, status/contract names, the graph. */
record::RunLayout layout(const DepartmentConfig& config);

/** @brief Names of the per-day series a replication with detail records, in order (so that a
 *  command can check a series name before running anything). */
std::vector<std::string> series_names(const DepartmentConfig& config);

/**
 * @brief Every metric's unit, meaning and good direction, in the order run_replication()
 * reports them (the fixed metrics, then entries_per_year/<stage> for the config's stages).
 */
std::vector<record::MetricInfo> metric_info(const DepartmentConfig& config);

/**
 * @brief The yearly budget a run of `config` starts with, in pounds: money.budget_per_year when
 * set, else the automatic budget (the full establishment employed, its PAs, team managers and
 * health visitors, the front door, early help at capacity and placements for 70 looked-after
 * children per 10,000, times 1 + money.budget_headroom). The `budget` metric of a run without
 * changes is this figure; workshops price their levers with it (docs/workshop.md).
 */
double planned_budget_per_year(const DepartmentConfig& config);

/**
 * @brief The team manager posts a run of `config` starts with: per team, one per
 * workforce.team_size posts rounded up (or the team's stated `managers`); without teams, one per
 * team_size posts of the department.
 */
int team_manager_posts(const DepartmentConfig& config);

/** @brief The KPI names an inspection can score (InspectionConfig::kpis[].name). */
std::vector<std::string> inspection_kpi_names();

/** @brief Culture modes (CultureConfig::mode) and first-inspection judgements
 * (InspectionConfig::first_judgement) the model understands. */
std::vector<std::string> culture_modes();
std::vector<std::string> inspection_judgements();

/** @brief Names of the metrics of the default pathway, in the order run_replication() reports them.
 */
std::vector<std::string> metric_names();

}  // namespace cssim::department
