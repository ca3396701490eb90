#pragma once
/**
 * @file archive_schema.hpp
 * @brief Private: the SQL of run archive schema versions 1 to 3 (documented in docs/record.md).
 *
 * Versioning rule: any change a reader of the previous version could misread (a new table the
 * viewer needs, a changed column meaning or encoding) adds a new version and a new DDL here;
 * the reader keeps a code path for every old version. Unsigned 64-bit numbers (seeds, ids) are
 * stored as the signed 64-bit integer with the same bits. SQLite stores a NaN REAL as NULL;
 * readers turn NULL back into NaN.
 */

namespace cssim::record::detail {

inline constexpr const char* kArchiveSchemaV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE run (
    scenario_name TEXT NOT NULL, model TEXT NOT NULL, scenario_json TEXT NOT NULL,
    scenario_sha256 TEXT NOT NULL, master_seed INTEGER NOT NULL, replications INTEGER NOT NULL,
    threads INTEGER NOT NULL, wall_seconds REAL, command_line TEXT NOT NULL,
    version TEXT NOT NULL, git_sha TEXT NOT NULL, created_utc TEXT NOT NULL, status TEXT NOT NULL,
    start_date TEXT NOT NULL, days INTEGER NOT NULL, warmup_days INTEGER NOT NULL);
CREATE TABLE stream (position INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE status_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE contract_name (code INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE pathway_node (position INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL,
    series TEXT NOT NULL);
CREATE TABLE pathway_edge (position INTEGER PRIMARY KEY, from_id TEXT NOT NULL,
    to_id TEXT NOT NULL, probability REAL);
CREATE TABLE metric_info (position INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL,
    description TEXT NOT NULL, direction INTEGER NOT NULL);
CREATE TABLE replication (id INTEGER PRIMARY KEY, design_point INTEGER NOT NULL,
    replication INTEGER NOT NULL, seed INTEGER NOT NULL, UNIQUE (design_point, replication));
CREATE TABLE metric (replication_id INTEGER NOT NULL, position INTEGER NOT NULL,
    name TEXT NOT NULL, value REAL, PRIMARY KEY (replication_id, position)) WITHOUT ROWID;
CREATE TABLE series (replication_id INTEGER NOT NULL, position INTEGER NOT NULL,
    name TEXT NOT NULL, unit TEXT NOT NULL, description TEXT NOT NULL,
    first_day INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (replication_id, position));
CREATE INDEX series_by_name ON series (name, replication_id);
CREATE TABLE track (replication_id INTEGER NOT NULL, position INTEGER NOT NULL,
    id INTEGER NOT NULL, label TEXT NOT NULL, role TEXT NOT NULL, team TEXT NOT NULL,
    first_day INTEGER NOT NULL, status BLOB NOT NULL, contract BLOB NOT NULL,
    caseload BLOB NOT NULL, stress BLOB NOT NULL, PRIMARY KEY (replication_id, position));
CREATE TABLE event (replication_id INTEGER NOT NULL, position INTEGER NOT NULL,
    tick INTEGER NOT NULL, kind TEXT NOT NULL, entity INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (replication_id, position)) WITHOUT ROWID;
)sql";

/**
 * @brief Version 2 adds human labels for metrics and series (kind 'metric' or 'series', one row
 * per name: a series has the same label in every replication). Readers of version 1 files find no
 * label table and leave labels empty, so tools show the names.
 */
inline constexpr const char* kArchiveSchemaV2Labels = R"sql(
CREATE TABLE label (kind TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (kind, name)) WITHOUT ROWID;
)sql";

/**
 * @brief Version 3 adds the finished stage episodes of the detailed replications (one row each,
 * in the order they ended). Readers of older files find no episode table and return no episodes.
 * `team` and `worker` are NULL when no social worker held the case during the episode.
 */
inline constexpr const char* kArchiveSchemaV3Episodes = R"sql(
CREATE TABLE episode (replication_id INTEGER NOT NULL, position INTEGER NOT NULL,
    case_id INTEGER NOT NULL, stage TEXT NOT NULL, team TEXT, worker INTEGER,
    start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, working_days INTEGER NOT NULL,
    next_stage TEXT NOT NULL, need INTEGER NOT NULL, social_workers INTEGER NOT NULL,
    PRIMARY KEY (replication_id, position)) WITHOUT ROWID;
)sql";

}  // namespace cssim::record::detail
