/**
 * @file archive_episodes.cpp
 * @brief ArchiveReader::load_episodes: the episode table of schema 3 (docs/record.md).
 */
#include "archive_reader_impl.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

std::vector<EpisodeRecord> ArchiveReader::load_episodes(std::uint64_t replication,
                                                        std::uint64_t design_point) const {
    const std::int64_t row = impl_->row_of(replication, design_point);
    std::vector<EpisodeRecord> out;
    if (impl_->schema_version < 3) {
        return out;  // written before episodes were archived
    }
    try {
        Statement select = impl_->db->prepare(
            "SELECT case_id, stage, team, worker, start_day, end_day, working_days, next_stage, "
            "need, social_workers FROM episode WHERE replication_id = ?1 ORDER BY position");
        select.bind(1, row);
        while (select.step()) {
            EpisodeRecord e;
            e.case_id = select.column_u64(0);
            e.stage = select.column_text(1);
            e.team = select.is_null(2) ? std::string() : select.column_text(2);
            e.worker = select.is_null(3) ? -1 : select.column_int64(3);
            e.start_day = select.column_int64(4);
            e.end_day = select.column_int64(5);
            e.working_days = select.column_int64(6);
            e.next_stage = select.column_text(7);
            e.need = static_cast<int>(select.column_int64(8));
            e.social_workers = static_cast<int>(select.column_int64(9));
            out.push_back(std::move(e));
        }
    } catch (const SqliteError& error) {
        impl_->damaged(error);
    }
    return out;
}

}  // namespace cssim::record
