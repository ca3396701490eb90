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
        auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run || run->find_series(chart.series) == nullptr)
            continue;
        const std::string prefix = std::string(side_name(side)) + " " + chart.series;
        ChartColumn col{prefix, {}};
        for (const auto d : table.days)
            col.rows.push_back(series_value_at(state, side, chart.series, d));
        table.columns.push_back(std::move(col));
        const SeriesBand* band = state.show_bands ? run->band(chart.series) : nullptr;
        if (band == nullptr)
            continue;
        ChartColumn mean{prefix + " mean", {}};
        ChartColumn low{prefix + " ci95_low", {}};
        ChartColumn high{prefix + " ci95_high", {}};
        for (const auto d : table.days) {
            const auto own = state.alignment.side_day(side, d);
            const std::int64_t k = own ? *own - band->first_day : -1;
            if (k < 0 || k >= static_cast<std::int64_t>(band->mean.size()) ||
                !std::isfinite(band->mean[static_cast<std::size_t>(k)])) {
                mean.rows.emplace_back();
                low.rows.emplace_back();
                high.rows.emplace_back();
                continue;
            }
            const auto i = static_cast<std::size_t>(k);
            mean.rows.emplace_back(band->mean[i]);
            low.rows.emplace_back(band->low[i]);
            high.rows.emplace_back(band->high[i]);
        }
        table.columns.push_back(std::move(mean));
        table.columns.push_back(std::move(low));
        table.columns.push_back(std::move(high));
    }
    return table;
}

}  // namespace cssim::viewer
