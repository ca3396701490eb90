#include "app/viewer_state.hpp"

#include <algorithm>
#include <cmath>

namespace cssim::viewer {
namespace {

// Sensible first choices for department archives; anything missing is skipped and the
// archive's own series fill the gaps, so other models and new series work unchanged.
// Time shares may come as summary-style names or as the time_use/ series.
const std::vector<std::string> kPreferredKpis{
    "unallocated_cases", "caseload_mean",    "direct_time_share",
    "time_use/direct",   "admin_time_share", "time_use/admin",
    "stress_mean",       "agency_share",     "vacancy_rate"};
const std::vector<std::string> kPreferredCharts{"caseload_mean",     "unallocated_cases",
                                                "direct_time_share", "time_use/direct",
                                                "admin_time_share",  "time_use/admin"};
// Presenter charts lead with what a room reads at a glance: time with families and stress.
const std::vector<std::string> kPreferredPresenter{
    "direct_time_share", "time_use/direct", "stress_mean", "caseload_mean", "unallocated_cases"};

void fill_slots(const ViewerState& s, std::vector<ChartSlot>& slots,
                const std::vector<std::string>& preferred, std::size_t count) {
    const bool all_empty = std::all_of(slots.begin(), slots.end(),
                                       [](const ChartSlot& c) { return c.series.empty(); });
    if (!slots.empty() && !all_empty)
        return;
    slots.clear();
    for (auto& name : choose_series(s, preferred, count))
        slots.push_back({name, {}});
}

}  // namespace

void set_run(ViewerState& state, int side, LoadedRun run) {
    auto& slot = state.sides[static_cast<std::size_t>(side)];
    slot.run = std::move(run);
    slot.error.clear();
    realign(state);
    if (state.kpi_series.empty())
        state.kpi_series = choose_series(state, kPreferredKpis, 6);
    fill_slots(state, state.charts, kPreferredCharts, 4);
    fill_slots(state, state.presenter_charts, kPreferredPresenter, 4);
}

void apply_start_view(ViewerState& state, StartView view) {
    state.presenter_page.reset();
    state.presenter_system_effects = false;
    switch (view) {
        case StartView::charts:
            break;
        case StartView::system_effects:
            state.presenter_system_effects = true;
            state.select_system_tab = true;
            state.show.system_effects = true;
            break;
        case StartView::pathway:
            state.presenter_page = view;
            state.select_system_tab = false;
            state.select_pathway_tab = true;
            break;
        case StartView::office_floor_stress:
            state.floor_colouring = FloorColouring::stress;
            state.presenter_page = view;
            break;
        default:
            state.presenter_page = view;
            break;
    }
}

float presenter_text_scale(float width, float height) {
    return std::clamp(std::min(width / 1280.0f, height / 800.0f), 0.6f, 3.0f);
}

void clear_run(ViewerState& state, int side) {
    state.sides[static_cast<std::size_t>(side)].run.reset();
    realign(state);
}

void realign(ViewerState& state) {
    std::array<std::optional<SideExtent>, 2> extents;
    // The clock keeps showing the same calendar moment across a realignment when it can.
    const std::int64_t before = state.clock.whole_day();
    std::optional<std::int64_t> own_a;
    if (state.alignment.has_side(kSideA))
        own_a = state.alignment.side_day(kSideA, before);
    for (int i = 0; i < 2; ++i) {
        const auto& run = state.sides[static_cast<std::size_t>(i)].run;
        if (run) {
            extents[static_cast<std::size_t>(i)] =
                SideExtent{run->start_day_number(), run->first_day(), run->last_day()};
        }
    }
    const bool was_empty = !state.alignment.has_side(kSideA) && !state.alignment.has_side(kSideB);
    state.alignment = RunAlignment::make(extents, state.align_mode);
    state.clock.set_range(state.alignment.first_shared_day(), state.alignment.last_shared_day());
    if (was_empty) {
        state.clock.scrub_to(static_cast<double>(state.alignment.first_shared_day()));
    } else if (own_a && state.alignment.has_side(kSideA)) {
        state.clock.scrub_to(static_cast<double>(state.alignment.shared_day(kSideA, *own_a)));
    }
}

void select_replication(ViewerState& state, int side, std::uint64_t replication) {
    auto& slot = state.sides[static_cast<std::size_t>(side)];
    if (!slot.run)
        return;
    try {
        slot.run->select_replication(replication);
        state.status_message =
            std::string(side_name(side)) + ": replaying replication " + std::to_string(replication);
    } catch (const std::exception& e) {
        state.status_message = e.what();
    }
}

std::optional<double> series_value_at(const ViewerState& state, int side, std::string_view series,
                                      std::int64_t shared_day) {
    const auto& run = state.sides[static_cast<std::size_t>(side)].run;
    if (!run)
        return std::nullopt;
    const auto own = state.alignment.side_day(side, shared_day);
    if (!own)
        return std::nullopt;
    return run->series_value(series, *own);
}

const record::Series* find_series_any(const ViewerState& state, std::string_view series) {
    for (const auto& side : state.sides) {
        if (!side.run)
            continue;
        if (const auto* s = side.run->find_series(series))
            return s;
    }
    return nullptr;
}

std::string series_title(const ViewerState& state, std::string_view series) {
    const record::Series* s = find_series_any(state, series);
    return s != nullptr && !s->label.empty() ? s->label : std::string(series);
}

std::string metric_title(const std::vector<record::MetricInfo>* catalogue, std::string_view name) {
    if (catalogue != nullptr) {
        for (const record::MetricInfo& m : *catalogue) {
            if (m.name == name && !m.label.empty())
                return m.label;
        }
    }
    return std::string(name);
}

std::optional<ChartSideData> chart_side_data(ViewerState& state, int side,
                                             const std::string& series) {
    auto& run = state.sides[static_cast<std::size_t>(side)].run;
    if (!run)
        return std::nullopt;
    const record::Series* s = run->find_series(series);
    if (s == nullptr)
        return std::nullopt;
    ChartSideData out;
    out.values = s->values;
    out.first_day = s->first_day;
    out.legend = std::string(side_name(side)) + ": replication " +
                 std::to_string(run->replication().replication);
    const SeriesBand* band = state.show_bands ? run->band(series) : nullptr;
    if (band == nullptr)
        return out;
    const std::string reps = std::to_string(band->replications) + " replications";
    out.band_first_day = band->first_day;
    if (state.band_mode == BandMode::mean) {
        out.values = band->mean;
        out.first_day = band->first_day;
        out.low = band->low;
        out.high = band->high;
        out.legend = std::string(side_name(side)) + ": mean of " + reps;
        out.band_note = "band: 95% CI of the mean";
    } else {
        out.low = band->min;
        out.high = band->max;
        out.band_note = "band: range of " + reps;
    }
    return out;
}

std::string chart_lines_note(const ViewerState& state) {
    std::string reps;
    bool many = false;
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run)
            continue;
        many = many || run->replication_ids().size() >= 2;
        reps += std::string(reps.empty() ? "" : ", ") + side_name(side) + " " +
                std::to_string(run->replication().replication);
    }
    if (reps.empty())
        return "";
    const bool bands = state.show_bands && many;
    if (bands && state.band_mode == BandMode::mean)
        return "Lines: the mean of each run's replications. Bands: its 95% confidence interval.";
    return "Lines: the replication replayed (" + reps + ")." +
           (bands ? " Bands: the range of all replications." : "");
}

std::vector<std::string> all_series_names(const ViewerState& state) {
    std::vector<std::string> names;
    for (const auto& side : state.sides) {
        if (!side.run)
            continue;
        for (const auto& n : side.run->series_names()) {
            if (std::find(names.begin(), names.end(), n) == names.end())
                names.push_back(n);
        }
    }
    return names;
}

std::vector<std::string> choose_series(const ViewerState& state,
                                       const std::vector<std::string>& preferred,
                                       std::size_t count) {
    std::vector<std::string> out;
    for (const auto& p : preferred) {
        if (out.size() < count && find_series_any(state, p) != nullptr)
            out.push_back(p);
    }
    for (const auto& n : all_series_names(state)) {
        if (out.size() >= count)
            break;
        if (std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(n);
    }
    return out;
}

std::optional<std::size_t> show_in_main_chart(ViewerState& state, const std::string& series) {
    auto& charts = state.presenter ? state.presenter_charts : state.charts;
    if (charts.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < charts.size(); ++i) {
        if (charts[i].series == series)
            return i;
    }
    charts.back() = ChartSlot{series, {}};
    state.status_message = "chart " + std::to_string(charts.size()) + " now shows " + series;
    return charts.size() - 1;
}

ChartTable make_chart_table(ViewerState& state, const ChartSlot& chart) {
    ChartTable table;
    std::int64_t lo = state.alignment.first_shared_day();
    std::int64_t hi = state.alignment.last_shared_day();
    if (chart.zoom.active) {
        lo = std::max(lo, static_cast<std::int64_t>(std::ceil(chart.zoom.x_min)));
        hi = std::min(hi, static_cast<std::int64_t>(std::floor(chart.zoom.x_max)));
    }
    for (std::int64_t d = lo; d <= hi; ++d) {
        table.days.push_back(d);
        table.day_labels.push_back(state.alignment.label(d));
    }
    for (int side = 0; side < 2; ++side) {
        const auto data = chart_side_data(state, side, chart.series);
        if (!data)
            continue;
        // One column per line and band edge, named as the legend names them.
        const std::string prefix = std::string(side_name(side)) + " " + chart.series;
        const bool mean = !data->low.empty() && state.band_mode == BandMode::mean;
        auto column = [&](const std::string& name, std::span<const double> values,
                          std::int64_t first) {
            ChartColumn col{name, {}};
            for (const auto d : table.days) {
                const auto own = state.alignment.side_day(side, d);
                const std::int64_t k = own ? *own - first : -1;
                if (k < 0 || k >= static_cast<std::int64_t>(values.size()) ||
                    !std::isfinite(values[static_cast<std::size_t>(k)])) {
                    col.rows.emplace_back();
                } else {
                    col.rows.emplace_back(values[static_cast<std::size_t>(k)]);
                }
            }
            table.columns.push_back(std::move(col));
        };
        column(prefix + (mean ? " mean" : ""), data->values, data->first_day);
        if (data->low.empty())
            continue;
        column(prefix + (mean ? " ci95_low" : " min"), data->low, data->band_first_day);
        column(prefix + (mean ? " ci95_high" : " max"), data->high, data->band_first_day);
    }
    return table;
}

}  // namespace cssim::viewer
