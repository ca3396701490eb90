/**
 * @file department_outputs.cpp
 * @brief The Outputs component: series registered by name and written by handle, post tracks,
 * events (department_outputs.hpp).
 */
#include "department_outputs.hpp"

#include <utility>

namespace cssim::department::detail {

SeriesHandle Outputs::add_series(std::string name, std::string unit, std::string description,
                                 std::string label) {
    record::Series s;
    s.name = std::move(name);
    s.unit = std::move(unit);
    s.description = std::move(description);
    s.label = std::move(label);
    series_.push_back(std::move(s));
    return series_.size() - 1;
}

void Outputs::reserve_days(std::size_t days) {
    if (!detail_) {
        return;
    }
    for (record::Series& s : series_) {
        s.values.reserve(days);
    }
}

std::size_t Outputs::add_track(std::string label, std::string role, std::string team) {
    record::EntityTrack t;
    t.id = static_cast<std::uint32_t>(tracks_.size());
    t.label = std::move(label);
    t.role = std::move(role);
    t.team = std::move(team);
    tracks_.push_back(std::move(t));
    return tracks_.size() - 1;
}

void Outputs::add_event(std::int64_t tick, std::string kind, std::int64_t entity,
                        std::string text) {
    if (!detail_) {
        return;
    }
    events_.push_back(record::RecordedEvent{tick, std::move(kind), entity, std::move(text)});
}

void Outputs::move_into(record::ReplicationRecord& record) {
    if (!detail_) {
        return;
    }
    record.series = std::move(series_);
    record.tracks = std::move(tracks_);
    record.events = std::move(events_);
    record.episodes = std::move(episodes_);
}

}  // namespace cssim::department::detail
