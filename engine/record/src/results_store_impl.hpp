#pragma once
/**
 * @file results_store_impl.hpp
 * @brief Private: the state behind a ResultsStore (the open database and what it records),
 * shared by results_store.cpp (opening, creating, appending) and results_store_read.cpp
 * (reading the jobs back).
 */
#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cssim/record/errors.hpp"
#include "cssim/record/results_store.hpp"
#include "sqlite_db.hpp"

namespace cssim::record {

namespace detail {
/** @brief A name as shown in a message: control and non-ASCII bytes as \xNN. */
std::string store_shown(const std::string& name);
}  // namespace detail

struct ResultsStore::Impl {
    std::filesystem::path path;
    std::string identity;
    StoreMode mode = StoreMode::CreateOrOpen;
    std::vector<std::string> metric_names;
    std::pair<dev_t, ino_t> opened{0, 0};  ///< the file opened, to notice it being replaced
    std::optional<detail::Database> db;

    [[noreturn]] void read_failure(const detail::SqliteError& error) const {
        throw ArchiveError(path,
                           std::string("results store damaged or unreadable: ") + error.what());
    }
    void initialise();
};

}  // namespace cssim::record
