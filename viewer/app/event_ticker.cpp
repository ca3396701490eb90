#include "app/event_ticker.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace cssim::viewer {
namespace {

struct KnownKind {
    std::string_view kind;
    Rgb colour;
};

// The kinds the department model has written since the viewer was first built: people
// leaving in warm colours, arrivals in green, harm in red, context in blue and yellow.
constexpr std::array<KnownKind, 8> kKnownKinds{{
    {"resignation", {255, 150, 40}},
    {"leaver", {230, 110, 60}},
    {"hire", {90, 200, 110}},
    {"agency_start", {190, 110, 255}},
    {"agency_end", {150, 110, 200}},
    {"harm", {240, 60, 60}},
    {"surge_start", {90, 160, 255}},
    {"funding_change", {240, 210, 70}},
}};

// FNV-1a: a fixed hash, unlike std::hash, so a kind keeps its colour across builds.
std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

Rgb from_hue(double hue_degrees) {
    // HSV with saturation 0.6 and value 0.95: readable on the dark panels, never grey.
    const double s = 0.6;
    const double v = 0.95;
    const double c = v * s;
    const double h = hue_degrees / 60.0;
    const double x = c * (1.0 - std::fabs(std::fmod(h, 2.0) - 1.0));
    double r = 0;
    double g = 0;
    double b = 0;
    switch (static_cast<int>(h) % 6) {
        case 0:
            r = c;
            g = x;
            break;
        case 1:
            r = x;
            g = c;
            break;
        case 2:
            g = c;
            b = x;
            break;
        case 3:
            g = x;
            b = c;
            break;
        case 4:
            r = x;
            b = c;
            break;
        default:
            r = c;
            b = x;
            break;
    }
    const double m = v - c;
    auto byte = [m](double u) { return static_cast<unsigned char>(std::lround(255.0 * (u + m))); };
    return {byte(r), byte(g), byte(b)};
}

}  // namespace

std::vector<TickerRow> ticker_rows(const ViewerState& state, std::size_t max_rows) {
    std::vector<TickerRow> rows;
    const std::int64_t day = current_day(state);
    for (int side = 0; side < 2; ++side) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (!run)
            continue;
        // The clock's day may lie outside this run; clamp so the ticker shows what happened.
        const std::int64_t own =
            std::clamp(day - state.alignment.offset(side), run->first_day() - 1, run->last_day());
        const auto events = run->events_through(own);
        std::size_t taken = 0;
        for (std::size_t i = events.size(); i > 0 && taken < max_rows; --i) {
            const auto& e = events[i - 1];
            if (!is_event_kind_shown(state, e.kind))
                continue;
            rows.push_back({state.alignment.shared_day(side, e.tick / kMinutesPerDay), side, &e});
            ++taken;
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TickerRow& a, const TickerRow& b) {
        if (a.shared_day != b.shared_day)
            return a.shared_day > b.shared_day;
        return a.side != b.side ? a.side < b.side : a.event->tick > b.event->tick;
    });
    if (rows.size() > max_rows)
        rows.resize(max_rows);
    return rows;
}

std::vector<EventKindCount> event_kinds(const ViewerState& state) {
    std::map<std::string, std::size_t, std::less<>> counts;
    for (const auto& side : state.sides) {
        if (!side.run)
            continue;
        for (const auto& e : side.run->replication().events)
            ++counts[e.kind];
    }
    std::vector<EventKindCount> out;
    for (auto& [kind, n] : counts)
        out.push_back({kind, n});
    return out;
}

bool is_event_kind_shown(const ViewerState& state, std::string_view kind) {
    const auto& hidden = state.hidden_event_kinds;
    return std::find(hidden.begin(), hidden.end(), kind) == hidden.end();
}

void set_event_kind_shown(ViewerState& state, std::string_view kind, bool shown) {
    auto& hidden = state.hidden_event_kinds;
    const auto it = std::find(hidden.begin(), hidden.end(), kind);
    if (shown && it != hidden.end()) {
        hidden.erase(it);
    } else if (!shown && it == hidden.end()) {
        hidden.emplace_back(kind);
    }
}

Rgb event_kind_colour(std::string_view kind) {
    for (const auto& k : kKnownKinds) {
        if (k.kind == kind)
            return k.colour;
    }
    // Golden-angle steps spread neighbouring hash values round the colour wheel.
    const double hue = std::fmod(static_cast<double>(fnv1a(kind) % 360u) * 137.508, 360.0);
    return from_hue(hue);
}

}  // namespace cssim::viewer
