// The tidy-CSV reader of `cssim init --ees` (RFC 4180, byte-order mark accepted).
#include "ees_csv.hpp"

#include <set>

namespace cssim::cli {

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

namespace {

std::string line_prefix(std::size_t line) {
    return "line " + std::to_string(line) + ": ";
}

}  // namespace

CsvTable parse_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> record_lines;
    std::vector<std::string> record;
    std::string field;
    std::size_t line = 1;
    std::size_t record_line = 1;
    std::size_t i = 0;
    bool at_field_start = true;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        // A blank line (one empty field) is skipped, as spreadsheet exports often end with one.
        if (!(record.size() == 1 && record.front().empty())) {
            records.push_back(std::move(record));
            record_lines.push_back(record_line);
        }
        record.clear();
        at_field_start = true;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (at_field_start && c == '"') {
            // A quoted field: up to the closing quote; "" is one quote.
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == '\n') {
                    ++line;
                }
                field += text[i++];
            }
            if (!closed) {
                throw CsvError(line_prefix(record_line) + "a quoted field is never closed");
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                throw CsvError(line_prefix(line) + "text after the closing quote of a field");
            }
            at_field_start = false;
            continue;
        }
        at_field_start = false;
        if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            at_field_start = true;
            ++i;
        } else if (c == '\r' || c == '\n') {
            end_record();
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            record_line = line;
        } else if (c == '"') {
            throw CsvError(line_prefix(line) + "a quote inside an unquoted field");
        } else {
            field += c;
            ++i;
        }
    }
    if (!at_field_start || !record.empty() || !field.empty()) {
        end_record();
    }
    if (records.empty()) {
        throw CsvError("the file is empty (no header row)");
    }
    CsvTable table;
    table.columns = std::move(records.front());
    std::set<std::string> seen;
    for (const std::string& name : table.columns) {
        if (!seen.insert(name).second) {
            throw CsvError(line_prefix(record_lines.front()) + "column \"" + name +
                           "\" appears twice in the header");
        }
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.columns.size()) {
            throw CsvError(line_prefix(record_lines[r]) + "has " +
                           std::to_string(records[r].size()) + " fields; the header has " +
                           std::to_string(table.columns.size()));
        }
        table.rows.push_back(std::move(records[r]));
        table.row_lines.push_back(record_lines[r]);
    }
    return table;
}

}  // namespace cssim::cli
