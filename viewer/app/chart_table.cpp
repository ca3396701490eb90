#include "app/chart_table.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace cssim::viewer {
namespace {

// CSV quoting (RFC 4180): quote fields holding a comma, quote or newline.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

std::string chart_table_csv(const ChartTable& table) {
    std::string out = "day,date";
    for (const auto& c : table.columns)
        out += "," + csv_field(c.name);
    out += '\n';
    for (std::size_t r = 0; r < table.days.size(); ++r) {
        out += std::to_string(table.days[r]);
        out += ',';
        out += r < table.day_labels.size() ? csv_field(table.day_labels[r]) : std::string();
        for (const auto& c : table.columns) {
            out += ',';
            if (r < c.rows.size() && c.rows[r]) {
                char buf[64];
                const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, *c.rows[r]);
                if (ec == std::errc{})
                    out.append(buf, ptr);
            }
        }
        out += '\n';
    }
    return out;
}

void write_chart_csv(const std::filesystem::path& path, const ChartTable& table) {
    std::ofstream f(path, std::ios::binary);
    if (!f)
        throw std::runtime_error("cannot write " + path.string());
    f << chart_table_csv(table);
    if (!f)
        throw std::runtime_error("error while writing " + path.string());
}

}  // namespace cssim::viewer
