#pragma once
/**
 * @file run_data.hpp
 * @brief The plain data a run produces, as the record library writes and reads it.
 *
 * This is the contract between the models (which fill these structs), the CLI (which hands them
 * to the writers) and the viewer (which gets them back from ArchiveReader). Everything the viewer
 * shows — series names and units, post tracks, pathway nodes and edges, events — is carried here,
 * so the viewer never needs model code. No JSON, SQLite or TBB types appear in this header.
 *
 * Days are whole-day indices since the scenario's start date (day 0). Money is in pounds, shares
 * are fractions in [0, 1].
 */
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cssim::record {

/** @brief One named scalar output of a replication (a summary.json metric). */
struct MetricValue {
    std::string name;
    double value = 0.0;
};

/**
 * @brief A per-day time series of one replication. values[i] is the value on day first_day + i
 * (end-of-day snapshot for stocks, the day's total for flows: `description` says which).
 */
struct Series {
    std::string name;         ///< e.g. "caseload_mean", "stage/assessment", "time_use/direct"
    std::string unit;         ///< e.g. "cases", "share", "GBP", "children", "per 10k children"
    std::string description;  ///< one sentence for tooltips and docs
    std::int64_t first_day = 0;
    std::vector<double> values;
    std::string label;  ///< human title, e.g. "Direct work"; empty: show `name` (older archives)
    /**
     * @brief Compact form of a series of whole numbers from 0 to 65,535 (a queue's length, busy
     * servers), 2 bytes a day instead of 8: when non-empty, `values` is empty and the value on day
     * first_day + i is small_counts[i]. Writers store both forms alike (float64 values), so an
     * archive does not tell them apart, and ArchiveReader always fills `values`. Read either
     * form with series_length() and series_values().
     */
    std::vector<std::uint16_t> small_counts{};
};

/** @brief Days held by `series`, whichever form it is stored in. */
inline std::size_t series_length(const Series& series) {
    return series.small_counts.empty() ? series.values.size() : series.small_counts.size();
}

/** @brief The values of `series` as doubles, whichever form it is stored in (a copy). */
inline std::vector<double> series_values(const Series& series) {
    if (series.small_counts.empty()) {
        return series.values;
    }
    return std::vector<double>(series.small_counts.begin(), series.small_counts.end());
}

/**
 * @brief One post on the office floor (a social worker, PA or manager post), sampled daily.
 * A post keeps its id when its holder leaves; the status then says "vacant" until it is filled.
 * Codes index RunLayout::status_names and RunLayout::contract_names.
 */
struct EntityTrack {
    std::uint32_t id = 0;
    std::string label;  ///< e.g. "SW 14", "PA 3"
    std::string role;   ///< e.g. "social_worker", "pa", "team_manager"
    std::string team;   ///< e.g. "Assessment 1"
    std::int64_t first_day = 0;
    std::vector<std::uint8_t> status;    ///< per day: index into status_names
    std::vector<std::uint8_t> contract;  ///< per day: index into contract_names
    std::vector<float> caseload;         ///< per day: cases held (weighted as the model weighs)
    std::vector<float> stress;           ///< per day: stress in [0, 1]
};

/** @brief A dated event worth showing (surge start, resignation, hire, funding change, harm). */
struct RecordedEvent {
    std::int64_t tick = 0;     ///< minutes since start
    std::string kind;          ///< machine name, e.g. "resignation"
    std::int64_t entity = -1;  ///< EntityTrack id, or -1
    std::string text;          ///< human sentence for the ticker
};

/**
 * @brief One finished stage episode of a case (a child's time in one pathway stage), archived for
 * detailed replications only. Days are day indices (day 0 = the run's start date); `end_day` is
 * the day the case left the stage. Episodes still open when the run ends are not recorded.
 */
struct EpisodeRecord {
    std::uint64_t case_id = 0;  ///< the case (referral to closure), numbered within the replication
    std::string stage;          ///< pathway stage id, e.g. "assessment"
    std::string team;           ///< team of the last social worker in the episode; empty: none
    std::int64_t worker = -1;   ///< EntityTrack id of that social worker, or -1 (never allocated)
    std::int64_t start_day = 0;
    std::int64_t end_day = 0;
    std::int64_t working_days = 0;  ///< working days in (start_day, end_day]
    std::string next_stage;         ///< the stage entered on leaving, e.g. "closed"
    int need = 0;                   ///< the child's need level (0-4) when the episode ended
    int social_workers = 0;         ///< different social workers during the episode (0: none)
};

/** @brief A stage of the pathway graph; `series` names the Series of its daily count. */
struct GraphNode {
    std::string id;     ///< e.g. "assessment"
    std::string label;  ///< e.g. "Assessment"
    std::string series;
};

/** @brief A transition of the pathway graph with its probability of being taken on leaving. */
struct GraphEdge {
    std::string from;
    std::string to;
    double probability = 0.0;
};

/**
 * @brief The metrics of one financial year (April to March) of the measured period, computed
 * by the same functions as the whole-run metrics over that year's part of the accumulators.
 * `label` is "2025-26", or "2025-26 (partial)" when the measured period covers only part of
 * that financial year (the run or its warm-up does not end on 1 April).
 */
struct PeriodRecord {
    std::string label;
    std::string from;  ///< ISO date of the period's first day
    std::string to;    ///< ISO date of its last day (inclusive)
    std::int64_t days = 0;
    bool partial = false;
    std::vector<MetricValue> metrics;  ///< same names and order as ReplicationRecord::metrics
};

/** @brief Everything one replication produced. Metric order is the model's, same in every rep. */
struct ReplicationRecord {
    std::uint64_t design_point = 0;
    std::uint64_t replication = 0;
    std::uint64_t seed = 0;             ///< the master seed used for this replication's streams
    std::vector<MetricValue> metrics;   ///< the whole measured period (period "all")
    std::vector<PeriodRecord> periods;  ///< by financial year, in date order; may be empty
    std::vector<Series> series;
    std::vector<EntityTrack> tracks;  ///< may be empty for replications archived without detail
    std::vector<RecordedEvent> events;
    std::vector<EpisodeRecord> episodes;  ///< finished stage episodes; detailed replications only
};

/**
 * @brief What a metric means, so that tools can label it and say whether a change is good news.
 * `direction` is +1 when higher is better (e.g. visits_on_time_share), -1 when lower is better
 * (e.g. caseload_mean), 0 when neither (e.g. served).
 */
struct MetricInfo {
    std::string name;
    std::string unit;
    std::string description;
    int direction = 0;
    std::string label;  ///< human title, e.g. "Caseload (mean)"; empty: show `name`
};

/** @brief What is the same for every replication of a run: layout for the viewer. */
struct RunLayout {
    std::string start_date = "1970-01-01";  ///< ISO date of day 0
    std::int64_t days = 0;                  ///< simulated days including warm-up
    std::int64_t warmup_days = 0;
    std::vector<std::string> status_names;    ///< e.g. working, sick, on_notice, vacant
    std::vector<std::string> contract_names;  ///< e.g. employed, agency, newly_qualified
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    std::vector<MetricInfo> metrics;  ///< one per metric, in the model's metric order
};

/**
 * @brief Provenance of a run: what manifest.json says and the archive repeats.
 * `scenario_json` is the resolved scenario (extends and --set applied) as canonical JSON.
 */
struct RunInfo {
    std::string scenario_name;
    std::string model;  ///< "queue" or "department"
    std::string scenario_json;
    std::string scenario_sha256;  ///< over scenario_json
    std::uint64_t master_seed = 0;
    std::uint64_t replications = 0;
    int threads = 1;
    double wall_seconds = 0.0;
    std::string command_line;
    std::string version;
    std::string git_sha;
    std::string created_utc;                ///< ISO 8601
    std::string status = "complete";        ///< "complete" or "cancelled"
    std::vector<std::string> stream_names;  ///< the named random streams the model uses
    RunLayout layout;
};

}  // namespace cssim::record
