#pragma once
/**
 * @file ees_csv.hpp
 * @brief A small reader of tidy CSV files (RFC 4180): a header row, then one record per line.
 *
 * Accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with doubled quotes and
 * embedded commas or line breaks, and a missing final line break. Every record must have as many
 * fields as the header. Used by `cssim init --ees` for the DfE's Explore Education Statistics
 * underlying-data files.
 */
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cssim::cli {

/** @brief A malformed CSV file: the message names the line (1-based) and the problem. */
class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief A parsed CSV table: column names and rows of fields, all as text. */
struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> row_lines;  ///< line (1-based) where each row starts

    /** @brief Index of the column named `name`, if present (exact match). */
    std::optional<std::size_t> column(std::string_view name) const;
};

/** @brief Parses CSV text. Throws CsvError (with the line) for an unterminated quote, text after
 * a closing quote, a row with the wrong number of fields, an empty file or a duplicated column. */
CsvTable parse_csv(std::string_view text);

}  // namespace cssim::cli
