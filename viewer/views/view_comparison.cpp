// Comparison table: the key series on the clock's day, then every summary metric's mean over
// the run's replications, for A and B and the difference B − A, green where B is better than A
// and red where it is worse (direction per metric from metric_direction; unknown metrics stay
// grey). Hovering a mean shows its 95% interval.
#include "app/value_format.hpp"
#include "views/views.hpp"

namespace cssim::viewer {
namespace {

void value_cell(std::optional<double> v, const std::string& unit, const MetricSummary* summary) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v ? format_value(*v, unit).c_str() : "-");
    if (summary != nullptr && summary->n > 0 && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("mean of %zu replications, 95%% CI %s to %s", summary->n,
                          format_value(summary->low, unit).c_str(),
                          format_value(summary->high, unit).c_str());
    }
}

const MetricSummary* find_summary(const std::vector<MetricSummary>* all, const std::string& name) {
    if (all == nullptr)
        return nullptr;
    for (const auto& s : *all) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

void row(const std::string& name, const std::string& title, std::optional<double> a,
         std::optional<double> b, const std::string& unit,
         const std::vector<record::MetricInfo>* catalogue, const MetricSummary* sa = nullptr,
         const MetricSummary* sb = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(title.c_str());
    if (title != name && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", name.c_str());
    value_cell(a, unit, sa);
    value_cell(b, unit, sb);
    ImGui::TableNextColumn();
    if (a && b) {
        const Verdict v = judge(better_when(name, catalogue), *a, *b);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(verdict_colour(v)), "%s",
                           format_difference(*b - *a, unit).c_str());
        if (ImGui::IsItemHovered()) {
            const BetterWhen d = better_when(name, catalogue);
            ImGui::SetTooltip("%s", d == BetterWhen::higher  ? "higher is better"
                                    : d == BetterWhen::lower ? "lower is better"
                                                             : "no better direction");
        }
    } else {
        ImGui::TextDisabled("-");
    }
}

std::string metric_unit(const std::string& name, const std::vector<record::MetricInfo>* catalogue) {
    if (catalogue != nullptr) {
        for (const record::MetricInfo& m : *catalogue) {
            if (m.name == name)
                return m.unit;
        }
    }
    // Archives from before the catalogue: guess from the name.
    auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends("_share") || ends("_rate"))
        return "share";
    if (name.rfind("spend", 0) == 0 || name.rfind("budget", 0) == 0 || ends("overspend") ||
        ends("_per_worker"))
        return "GBP";
    return "";
}

}  // namespace

void draw_comparison(ViewerState& state, const PanelRect& rect) {
    if (!begin_panel(state, "Comparison (B - A)", "comparison", &state.show.comparison, &rect)) {
        ImGui::End();
        return;
    }
    auto& a = state.sides[0].run;
    auto& b = state.sides[1].run;
    if (!a && !b) {
        ImGui::TextDisabled("Open two runs to compare them.");
        ImGui::End();
        return;
    }
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run)
            continue;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(side_colour(side, false)),
                           "%s: %s (replaying replication %llu of %zu)", side_name(side),
                           run->info().scenario_name.c_str(),
                           static_cast<unsigned long long>(run->replication().replication),
                           run->replication_ids().size());
    }
    const ImGuiTableFlags flags = zebra_rows(state) | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("compare", 4, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("metric", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn("A", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("B - A", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableHeadersRow();
        const std::int64_t day = current_day(state);
        // The model's own metric catalogue, carried in the archive, says which way is better.
        const std::vector<record::MetricInfo>* catalogue =
            a ? &a->layout().metrics : (b ? &b->layout().metrics : nullptr);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("on %s", state.alignment.label(day).c_str());
        for (const auto& s : state.kpi_series) {
            const record::Series* meta = find_series_any(state, s);
            row(s, series_title(state, s), series_value_at(state, kSideA, s, day),
                series_value_at(state, kSideB, s, day), meta != nullptr ? meta->unit : "",
                catalogue);
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("whole run, mean");
        // Means over all replications: what the CLI's summary.json reports, read from the
        // archive's per-replication metrics (no series or tracks are loaded for this).
        const std::vector<MetricSummary>* sum_a = a ? &a->metric_summaries() : nullptr;
        const std::vector<MetricSummary>* sum_b = b ? &b->metric_summaries() : nullptr;
        auto means = [](const std::vector<MetricSummary>* all) {
            std::vector<record::MetricValue> out;
            if (all != nullptr) {
                for (const auto& m : *all)
                    out.push_back({m.name, m.mean});
            }
            return out;
        };
        for (const auto& r : compare_metrics(means(sum_a), means(sum_b), catalogue)) {
            row(r.name, metric_title(catalogue, r.name), r.a, r.b, metric_unit(r.name, catalogue),
                catalogue, find_summary(sum_a, r.name), find_summary(sum_b, r.name));
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace cssim::viewer
