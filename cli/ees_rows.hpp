#pragma once
// What `cssim init --ees` reads before it maps values (ees_row_selection.cpp): the CSV file, the
// mapping that recognises it, and the council's row for the year wanted.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ees_csv.hpp"
#include "ees_import.hpp"

namespace cssim::cli::ees_rows {

/** @brief One file's chosen row, with the mapping that reads it. */
struct FileSelection {
    std::string file;  ///< file name for messages
    const EesMapping* mapping = nullptr;
    CsvTable table;
    std::size_t row = 0;
};

/** @brief The text of `column` in `row` (the column must exist). */
std::string cell(const CsvTable& t, std::size_t row, const char* column);

/** @brief A published number: "1,388.8" and "17" parse; symbols and text do not. */
std::optional<double> parse_number(std::string_view cell);

/** @brief Reads a CSV file; EesError 66 if missing or unreadable, 65 if not a CSV. */
CsvTable read_table(const std::string& path);

/** @brief The first of `candidates` that recognises the file; EesError 65 naming the file. */
const EesMapping& mapping_for(const CsvTable& table, const std::string& file,
                              const std::vector<EesMapping>& candidates);

/**
 * @brief The council's row for the requested (or latest) year; `chosen_la` is the council of an
 * earlier file, set here when the request names none and the file has one council.
 */
FileSelection select_row(CsvTable table, const std::string& file, const EesMapping& mapping,
                         const EesRequest& request, std::string& chosen_la);

}  // namespace cssim::cli::ees_rows
