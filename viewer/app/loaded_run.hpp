#pragma once
/**
 * @file loaded_run.hpp
 * @brief One opened run with one replication in memory, and lookups the panels need.
 */
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/run_source.hpp"

namespace cssim::viewer {

/**
 * @brief The values a series can take: a series no replication ever takes below zero (a count:
 * cases, referrals, FTE...) stays >= 0, and a share or 0-1 index that no replication takes
 * above one stays <= 1. (A "share" of a starting level may exceed one: the data decide.)
 */
struct SeriesBounds {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    [[nodiscard]] double clamp(double v) const { return v < low ? low : (v > high ? high : v); }
};

/** @brief Whether a unit is a share or an index bounded by 0 and 1 ("share", "0-1", "0/1"). */
bool is_unit_interval(std::string_view unit);

/** @brief Bounds from the unit and the smallest and largest values any replication took. */
SeriesBounds series_bounds(std::string_view unit, double observed_min, double observed_max);

/**
 * @brief A series across replications, per day: the mean with its 95% Student-t confidence
 * interval (low, high), and the replications' spread (min, max). Index i refers to day
 * first_day + i; where fewer than two replications have the day, low == high == mean. Every
 * band is clamped to `bounds`, so a count's interval never goes below zero (a t interval of a
 * mean near zero would). `replications` is how many series went in.
 */
struct SeriesBand {
    std::int64_t first_day = 0;
    std::vector<double> mean;
    std::vector<double> low;
    std::vector<double> high;
    std::vector<double> min;
    std::vector<double> max;
    SeriesBounds bounds;
    std::size_t replications = 0;
};

/** @brief A summary metric over the run's replications: mean and 95% Student-t interval. */
struct MetricSummary {
    std::string name;
    double mean = 0.0;
    double low = 0.0;  ///< equal to mean when n < 2
    double high = 0.0;
    std::size_t n = 0;
};

/** @brief Mean and 95% interval of each metric over replications, in first-seen order. */
std::vector<MetricSummary> summarise_metrics(
    const std::vector<std::vector<record::MetricValue>>& per_replication);

/** @brief Builds the across-replication band of one series (empty input ⇒ empty band). */
SeriesBand make_series_band(const std::vector<record::Series>& per_replication);

/**
 * @brief A run opened for viewing: provenance and layout, the replication being replayed, and
 * lazily computed confidence bands.
 *
 * Owns its replication record; the source is shared so that switching replication or computing
 * a band reads the same archive. Days are the run's own day indices (day 0 = start_date).
 * Events are kept sorted by tick.
 */
class LoadedRun {
public:
    /** @brief Loads `replication` (or the first one when nullopt). @throws LoadError */
    explicit LoadedRun(std::shared_ptr<const RunSource> source,
                       std::optional<std::uint64_t> replication = std::nullopt);

    [[nodiscard]] const std::string& description() const { return source_->description(); }
    [[nodiscard]] const record::RunInfo& info() const { return source_->info(); }
    [[nodiscard]] const record::RunLayout& layout() const { return source_->info().layout; }
    [[nodiscard]] const record::ReplicationRecord& replication() const { return record_; }
    [[nodiscard]] const std::vector<std::uint64_t>& replication_ids() const { return ids_; }
    /** @brief Replaces the replicated record in memory. @throws LoadError */
    void select_replication(std::uint64_t id);

    /** @brief Day number (days since 1970-01-01) of day 0, if the start date parses. */
    [[nodiscard]] std::optional<std::int64_t> start_day_number() const { return start_; }
    /** @brief First and last day with data (inclusive), from the layout or else the series. */
    [[nodiscard]] std::int64_t first_day() const { return first_day_; }
    [[nodiscard]] std::int64_t last_day() const { return last_day_; }

    /** @brief Series names in archive order. */
    [[nodiscard]] const std::vector<std::string>& series_names() const { return names_; }
    [[nodiscard]] const record::Series* find_series(std::string_view name) const;
    /** @brief Value of a series on a day; nullopt outside its range or if it is absent/NaN. */
    [[nodiscard]] std::optional<double> series_value(std::string_view name, std::int64_t day) const;
    [[nodiscard]] std::optional<double> metric(std::string_view name) const;
    /** @brief Every metric's mean and 95% interval over all replications (read once, cached). */
    const std::vector<MetricSummary>& metric_summaries();
    /** @brief Band across replications (computed once, then cached); null if < 2 replications. */
    const SeriesBand* band(const std::string& name);

    /** @brief Events with tick < (day + 1) days, oldest first. */
    [[nodiscard]] std::span<const record::RecordedEvent> events_through(std::int64_t day) const;
    [[nodiscard]] const record::EntityTrack* find_track(std::uint32_t id) const;
    [[nodiscard]] std::string_view status_name(std::uint8_t code) const;
    [[nodiscard]] std::string_view contract_name(std::uint8_t code) const;
    /** @brief Largest caseload any post holds on any day (history sparklines), >= 1. */
    [[nodiscard]] float max_track_caseload() const { return max_caseload_; }
    /**
     * @brief Office-floor colour scales: the 5th and 95th percentiles of caseload and of stress
     * over filled post-days, so that the floor shows differences within this run.
     */
    [[nodiscard]] std::pair<float, float> caseload_scale() const { return caseload_scale_; }
    [[nodiscard]] std::pair<float, float> stress_scale() const { return stress_scale_; }

private:
    void index_record();
    std::pair<float, float> track_percentiles(std::vector<float> record::EntityTrack::*field,
                                              std::pair<float, float> fallback) const;

    std::shared_ptr<const RunSource> source_;
    std::vector<std::uint64_t> ids_;
    record::ReplicationRecord record_;
    std::optional<std::int64_t> start_;
    std::int64_t first_day_ = 0;
    std::int64_t last_day_ = 0;
    float max_caseload_ = 1.0f;
    std::pair<float, float> caseload_scale_{0.0f, 1.0f};
    std::pair<float, float> stress_scale_{0.0f, 1.0f};
    std::vector<std::string> names_;
    std::map<std::string, std::size_t, std::less<>> series_index_;
    std::map<std::string, SeriesBand, std::less<>> bands_;
    std::optional<std::vector<MetricSummary>> metric_summaries_;
};

/** @brief Minutes per day: RecordedEvent ticks are minutes since the start. */
inline constexpr std::int64_t kMinutesPerDay = 1440;

}  // namespace cssim::viewer
