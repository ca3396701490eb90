#include "app/system_series.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cssim::viewer {
namespace {

// Prefixes drawn by panels of their own.
constexpr std::array<std::string_view, 2> kOwnPanelPrefixes{"stage", "time_use"};

}  // namespace

std::string_view series_prefix(std::string_view name) {
    const auto slash = name.find('/');
    return slash == std::string_view::npos ? std::string_view{} : name.substr(0, slash);
}

std::string_view series_leaf(std::string_view name) {
    const auto slash = name.find('/');
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool is_system_series(std::string_view name) {
    const std::string_view prefix = series_prefix(name);
    if (prefix.empty() || series_leaf(name).empty())
        return false;
    return std::find(kOwnPanelPrefixes.begin(), kOwnPanelPrefixes.end(), prefix) ==
           kOwnPanelPrefixes.end();
}

std::vector<SeriesGroup> group_system_series(const std::vector<std::string>& names) {
    std::vector<SeriesGroup> groups;
    for (const auto& name : names) {
        if (!is_system_series(name))
            continue;
        const std::string_view prefix = series_prefix(name);
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const SeriesGroup& g) { return g.prefix == prefix; });
        if (it == groups.end()) {
            groups.push_back({std::string(prefix), {}});
            it = groups.end() - 1;
        }
        if (std::find(it->series.begin(), it->series.end(), name) == it->series.end())
            it->series.push_back(name);
    }
    return groups;
}

std::optional<Judgement> judgement_from_value(double value) {
    if (!std::isfinite(value) || value != std::round(value) || value < 0.0 || value > 4.0)
        return std::nullopt;
    return static_cast<Judgement>(static_cast<int>(value));
}

std::string_view judgement_label(Judgement judgement) {
    switch (judgement) {
        case Judgement::outstanding:
            return "Outstanding";
        case Judgement::good:
            return "Good";
        case Judgement::requires_improvement:
            return "Requires improvement";
        case Judgement::inadequate:
            return "Inadequate";
        default:
            return "Not inspected";
    }
}

Rgb judgement_colour(Judgement judgement) {
    switch (judgement) {
        case Judgement::outstanding:
            return {30, 150, 200};
        case Judgement::good:
            return {60, 170, 90};
        case Judgement::requires_improvement:
            return {225, 150, 30};
        case Judgement::inadequate:
            return {210, 50, 50};
        default:
            return {110, 110, 115};
    }
}

}  // namespace cssim::viewer
