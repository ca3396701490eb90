#include "app/loaded_run.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "app/civil_date.hpp"

namespace cssim::viewer {
namespace {

// Two-sided 95% Student-t quantiles for 1..30 degrees of freedom (standard tables); beyond 30
// the next tabulated value below is used, which errs on the wide side.
double t_quantile_95(std::size_t df) {
    constexpr std::array<double, 30> kT{12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                        2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                        2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                        2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (df == 0)
        return 0.0;
    if (df <= kT.size())
        return kT[df - 1];
    if (df < 60)
        return 2.021;  // df = 40
    if (df < 120)
        return 2.000;  // df = 60
    return df < 1000 ? 1.980 : 1.960;
}

}  // namespace

bool is_unit_interval(std::string_view unit) {
    return unit == "share" || unit == "fraction" || unit == "proportion" || unit == "0-1" ||
           unit == "0/1";
}

SeriesBounds series_bounds(std::string_view unit, double observed_min, double observed_max) {
    SeriesBounds b;
    if (observed_min >= 0.0)
        b.low = 0.0;
    if (is_unit_interval(unit) && observed_max <= 1.0)
        b.high = 1.0;
    return b;
}

SeriesBand make_series_band(const std::vector<record::Series>& per_replication) {
    SeriesBand band;
    band.replications = per_replication.size();
    if (per_replication.empty())
        return band;
    std::int64_t lo = per_replication.front().first_day;
    std::int64_t hi = lo - 1;
    for (const auto& s : per_replication) {
        lo = std::min(lo, s.first_day);
        hi = std::max(hi, s.first_day + static_cast<std::int64_t>(s.values.size()) - 1);
    }
    if (hi < lo)
        return band;
    const auto n_days = static_cast<std::size_t>(hi - lo + 1);
    band.first_day = lo;
    band.mean.assign(n_days, std::nan(""));
    band.low.assign(n_days, std::nan(""));
    band.high.assign(n_days, std::nan(""));
    band.min.assign(n_days, std::nan(""));
    band.max.assign(n_days, std::nan(""));
    double observed_min = std::numeric_limits<double>::infinity();
    double observed_max = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n_days; ++i) {
        const std::int64_t day = lo + static_cast<std::int64_t>(i);
        // Welford's update: stable for long, large-valued series such as spend.
        double mean = 0.0;
        double m2 = 0.0;
        double lo_v = std::numeric_limits<double>::infinity();
        double hi_v = -std::numeric_limits<double>::infinity();
        std::size_t n = 0;
        for (const auto& s : per_replication) {
            const std::int64_t k = day - s.first_day;
            if (k < 0 || k >= static_cast<std::int64_t>(s.values.size()))
                continue;
            const double v = s.values[static_cast<std::size_t>(k)];
            if (!std::isfinite(v))
                continue;
            ++n;
            lo_v = std::min(lo_v, v);
            hi_v = std::max(hi_v, v);
            const double d = v - mean;
            mean += d / static_cast<double>(n);
            m2 += d * (v - mean);
        }
        if (n == 0)
            continue;
        band.mean[i] = mean;
        double half = 0.0;
        if (n >= 2) {
            const double sd = std::sqrt(m2 / static_cast<double>(n - 1));
            half = t_quantile_95(n - 1) * sd / std::sqrt(static_cast<double>(n));
        }
        band.low[i] = mean - half;
        band.high[i] = mean + half;
        band.min[i] = lo_v;
        band.max[i] = hi_v;
        observed_min = std::min(observed_min, lo_v);
        observed_max = std::max(observed_max, hi_v);
    }
    band.bounds = series_bounds(per_replication.front().unit, observed_min, observed_max);
    for (std::size_t i = 0; i < n_days; ++i) {
        if (std::isfinite(band.mean[i])) {
            band.low[i] = band.bounds.clamp(band.low[i]);
            band.high[i] = band.bounds.clamp(band.high[i]);
        }
    }
    return band;
}

std::vector<MetricSummary> summarise_metrics(
    const std::vector<std::vector<record::MetricValue>>& per_replication) {
    std::vector<MetricSummary> out;
    std::map<std::string, std::vector<double>, std::less<>> values;
    for (const auto& rep : per_replication) {
        for (const auto& m : rep) {
            auto [it, fresh] = values.try_emplace(m.name);
            if (fresh)
                out.push_back({m.name, 0.0, 0.0, 0.0, 0});
            if (std::isfinite(m.value))
                it->second.push_back(m.value);
        }
    }
    for (auto& s : out) {
        const auto& v = values[s.name];
        s.n = v.size();
        if (v.empty()) {
            s.mean = s.low = s.high = std::nan("");
            continue;
        }
        double sum = 0.0;
        for (double x : v)
            sum += x;
        s.mean = sum / static_cast<double>(v.size());
        double ss = 0.0;
        for (double x : v)
            ss += (x - s.mean) * (x - s.mean);
        const double half = v.size() < 2 ? 0.0
                                         : t_quantile_95(v.size() - 1) *
                                               std::sqrt(ss / static_cast<double>(v.size() - 1)) /
                                               std::sqrt(static_cast<double>(v.size()));
        s.low = s.mean - half;
        s.high = s.mean + half;
    }
    return out;
}

const std::vector<MetricSummary>& LoadedRun::metric_summaries() {
    if (!metric_summaries_) {
        metric_summaries_ = summarise_metrics(source_->load_metrics_across_replications());
    }
    return *metric_summaries_;
}

LoadedRun::LoadedRun(std::shared_ptr<const RunSource> source,
                     std::optional<std::uint64_t> replication)
    : source_(std::move(source)) {
    if (!source_)
        throw LoadError("no run to load");
    ids_ = source_->replication_ids();
    if (ids_.empty())
        throw LoadError(source_->description() + ": the run has no replications");
    start_ = day_number_from_iso_date(layout().start_date);
    select_replication(replication.value_or(ids_.front()));
}

void LoadedRun::select_replication(std::uint64_t id) {
    if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) {
        throw LoadError(source_->description() + ": no replication " + std::to_string(id) +
                        " (the run has " + std::to_string(ids_.size()) + ")");
    }
    record_ = source_->load_replication(id);
    index_record();
}

void LoadedRun::index_record() {
    names_.clear();
    series_index_.clear();
    std::int64_t lo = 0;
    std::int64_t hi = -1;
    bool any = false;
    for (std::size_t i = 0; i < record_.series.size(); ++i) {
        const auto& s = record_.series[i];
        if (series_index_.emplace(s.name, i).second)
            names_.push_back(s.name);
        if (s.values.empty())
            continue;
        const std::int64_t last = s.first_day + static_cast<std::int64_t>(s.values.size()) - 1;
        lo = any ? std::min(lo, s.first_day) : s.first_day;
        hi = any ? std::max(hi, last) : last;
        any = true;
    }
    if (layout().days > 0) {
        first_day_ = 0;
        last_day_ = layout().days - 1;
    } else {
        first_day_ = any ? lo : 0;
        last_day_ = any ? hi : 0;
    }
    std::stable_sort(record_.events.begin(), record_.events.end(),
                     [](const auto& a, const auto& b) { return a.tick < b.tick; });
    std::sort(record_.tracks.begin(), record_.tracks.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    max_caseload_ = 1.0f;
    for (const auto& t : record_.tracks) {
        for (float c : t.caseload) {
            if (std::isfinite(c))
                max_caseload_ = std::max(max_caseload_, c);
        }
    }
    caseload_scale_ = track_percentiles(&record::EntityTrack::caseload, {0.0f, max_caseload_});
    stress_scale_ = track_percentiles(&record::EntityTrack::stress, {0.0f, 1.0f});
}

std::pair<float, float> LoadedRun::track_percentiles(std::vector<float> record::EntityTrack::*field,
                                                     std::pair<float, float> fallback) const {
    // Every 7th day of every post is plenty for a colour scale and keeps loading fast.
    std::vector<float> sample;
    for (const auto& t : record_.tracks) {
        const auto& v = t.*field;
        for (std::size_t i = 0; i < v.size(); i += 7) {
            if (std::isfinite(v[i]) && v[i] > 0.0f)
                sample.push_back(v[i]);
        }
    }
    if (sample.size() < 10)
        return fallback;
    auto at = [&](double q) {
        const auto k = static_cast<std::size_t>(q * static_cast<double>(sample.size() - 1));
        std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(k),
                         sample.end());
        return sample[k];
    };
    const float lo = at(0.05);
    const float hi = at(0.95);
    return hi > lo ? std::pair{lo, hi} : fallback;
}

const record::Series* LoadedRun::find_series(std::string_view name) const {
    const auto it = series_index_.find(name);
    return it == series_index_.end() ? nullptr : &record_.series[it->second];
}

std::optional<double> LoadedRun::series_value(std::string_view name, std::int64_t day) const {
    const record::Series* s = find_series(name);
    if (s == nullptr)
        return std::nullopt;
    const std::int64_t k = day - s->first_day;
    if (k < 0 || k >= static_cast<std::int64_t>(s->values.size()))
        return std::nullopt;
    const double v = s->values[static_cast<std::size_t>(k)];
    if (!std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<double> LoadedRun::metric(std::string_view name) const {
    for (const auto& m : record_.metrics) {
        if (m.name == name)
            return m.value;
    }
    return std::nullopt;
}

const SeriesBand* LoadedRun::band(const std::string& name) {
    if (ids_.size() < 2)
        return nullptr;
    auto it = bands_.find(name);
    if (it == bands_.end()) {
        it = bands_.emplace(name, make_series_band(source_->load_series_across_replications(name)))
                 .first;
    }
    return it->second.replications >= 2 ? &it->second : nullptr;
}

std::span<const record::RecordedEvent> LoadedRun::events_through(std::int64_t day) const {
    const std::int64_t limit = (day + 1) * kMinutesPerDay;
    const auto end =
        std::lower_bound(record_.events.begin(), record_.events.end(), limit,
                         [](const record::RecordedEvent& e, std::int64_t t) { return e.tick < t; });
    return {record_.events.data(), static_cast<std::size_t>(end - record_.events.begin())};
}

const record::EntityTrack* LoadedRun::find_track(std::uint32_t id) const {
    const auto it = std::lower_bound(record_.tracks.begin(), record_.tracks.end(), id,
                                     [](const auto& t, std::uint32_t v) { return t.id < v; });
    return it != record_.tracks.end() && it->id == id ? &*it : nullptr;
}

std::string_view LoadedRun::status_name(std::uint8_t code) const {
    const auto& names = layout().status_names;
    return code < names.size() ? std::string_view(names[code]) : std::string_view("unknown");
}

std::string_view LoadedRun::contract_name(std::uint8_t code) const {
    const auto& names = layout().contract_names;
    return code < names.size() ? std::string_view(names[code]) : std::string_view("unknown");
}

}  // namespace cssim::viewer
