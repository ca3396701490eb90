#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <utility>

#include "archive_reader_impl.hpp"
#include "cssim/core/statistics.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

std::vector<SeriesInfo> ArchiveReader::series_catalogue() const {
    struct Row {
        std::size_t entry;
        std::int64_t position;
        SeriesInfo info;
    };
    std::vector<Row> rows;
    try {
        Statement select = impl_->db->prepare(
            "SELECT replication_id, position, name, unit, description FROM series");
        while (select.step()) {
            const auto it = impl_->entry_of_row.find(select.column_int64(0));
            if (it == impl_->entry_of_row.end()) {
                continue;  // a series without its replication row: ignore rather than guess
            }
            rows.push_back(
                Row{it->second, select.column_int64(1),
                    SeriesInfo{select.column_text(2), select.column_text(3), select.column_text(4),
                               impl_->series_label(select.column_text(2))}});
        }
    } catch (const SqliteError& error) {
        impl_->damaged(error);
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::pair(a.entry, a.position) < std::pair(b.entry, b.position);
    });
    std::vector<SeriesInfo> out;
    std::unordered_map<std::string, bool> seen;
    for (auto& row : rows) {
        if (seen.emplace(row.info.name, true).second) {
            out.push_back(std::move(row.info));
        }
    }
    return out;
}

std::vector<std::string> ArchiveReader::series_names() const {
    std::vector<std::string> out;
    for (auto& s : series_catalogue()) {
        out.push_back(std::move(s.name));
    }
    return out;
}

std::vector<ReplicationSeries> ArchiveReader::load_series(std::string_view name) const {
    std::vector<std::pair<std::size_t, ReplicationSeries>> rows;
    try {
        Statement select = impl_->db->prepare(
            "SELECT replication_id, unit, description, first_day, data FROM series "
            "WHERE name = ?1");
        select.bind(1, name);
        while (select.step()) {
            const auto it = impl_->entry_of_row.find(select.column_int64(0));
            if (it == impl_->entry_of_row.end()) {
                continue;
            }
            const ReplicationEntry& entry = impl_->entries[it->second];
            ReplicationSeries rs;
            rs.design_point = entry.design_point;
            rs.replication = entry.replication;
            rs.series = Series{std::string(name),
                               select.column_text(1),
                               select.column_text(2),
                               select.column_int64(3),
                               {},
                               impl_->series_label(std::string(name))};
            rs.series.values =
                impl_->decode<double>(select.column_blob(4), "series '" + std::string(name) + "'");
            rows.emplace_back(it->second, std::move(rs));
        }
    } catch (const SqliteError& error) {
        impl_->damaged(error);
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ReplicationSeries> out;
    out.reserve(rows.size());
    for (auto& row : rows) {
        out.push_back(std::move(row.second));
    }
    return out;
}

SeriesBand ArchiveReader::series_band(std::string_view name, double level,
                                      std::uint64_t design_point) const {
    std::vector<ReplicationSeries> all = load_series(name);
    std::erase_if(all, [&](const auto& rs) { return rs.design_point != design_point; });
    SeriesBand band;
    band.name = std::string(name);
    if (all.empty()) {
        return band;
    }
    band.unit = all.front().series.unit;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const auto& rs : all) {
        first = std::min(first, rs.series.first_day);
        last = std::max(last,
                        rs.series.first_day + static_cast<std::int64_t>(rs.series.values.size()));
    }
    band.first_day = first;
    const auto days = static_cast<std::size_t>(std::max<std::int64_t>(last - first, 0));
    band.mean.resize(days);
    band.low.resize(days);
    band.high.resize(days);
    band.n.resize(days);
    std::vector<double> values;
    values.reserve(all.size());
    for (std::size_t d = 0; d < days; ++d) {
        values.clear();
        const std::int64_t day = first + static_cast<std::int64_t>(d);
        for (const auto& rs : all) {
            const std::int64_t i = day - rs.series.first_day;
            if (i >= 0 && i < static_cast<std::int64_t>(rs.series.values.size())) {
                const double v = rs.series.values[static_cast<std::size_t>(i)];
                if (!std::isnan(v)) {
                    values.push_back(v);
                }
            }
        }
        const core::ConfidenceInterval ci = core::mean_ci(values, level);
        band.mean[d] = ci.mean;
        band.low[d] = ci.low;
        band.high[d] = ci.high;
        band.n[d] = static_cast<std::uint32_t>(ci.n);
    }
    return band;
}

}  // namespace cssim::record
