// Reading and parsing scenario files and `extends` resolution (see document_loader.hpp); `--set`
// overrides are in scenario_overrides.cpp.
#include "document_loader.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace cssim::scenario {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

Diagnostic file_diagnostic(std::string path, std::string message, const std::string& file) {
    return Diagnostic{std::move(path), std::move(message), file, 0, 0};
}

/** @brief One open object or array while parsing: enough to name the path of a duplicate. */
struct Frame {
    bool is_object = true;
    std::set<std::string> keys;
    std::string key;        ///< the key being read (objects)
    std::size_t index = 0;  ///< items completed so far (arrays)
};

std::string frames_path(const std::vector<Frame>& frames, std::size_t count) {
    std::string path;
    for (std::size_t i = 0; i < count; ++i) {
        if (frames[i].is_object) {
            if (!path.empty())
                path += '.';
            path += frames[i].key;
        } else {
            // Appended piecewise: "[" + std::to_string(...) trips g++ 12's false -Wrestrict.
            path += '[';
            path += std::to_string(frames[i].index);
            path += ']';
        }
    }
    return path;
}

/** @brief nlohmann's message without its "[json.exception...] parse error at ...: " prefix. */
std::string clean_parse_message(const std::string& what) {
    const std::size_t column = what.find("column ");
    std::size_t start = what.find(": ", column == std::string::npos ? 0 : column);
    if (start == std::string::npos)
        return what;
    return what.substr(start + 2);
}

std::string chain_text(const std::vector<std::string>& chain) {
    std::string text;
    for (const std::string& item : chain)
        text += (text.empty() ? "" : " -> ") + item;
    return text;
}

std::optional<json> resolve(json document, const std::string& file, std::vector<std::string>& chain,
                            std::vector<std::string>& shown, std::vector<Diagnostic>& diagnostics,
                            bool& is_missing_input) {
    if (!document.is_object() || !document.contains("extends"))
        return document;
    const json& extends = document["extends"];
    if (!extends.is_string() || extends.get_ref<const std::string&>().empty()) {
        diagnostics.push_back(file_diagnostic(
            "extends", "must be a non-empty string: the path of a scenario, relative to this file",
            file));
        return std::nullopt;
    }
    const fs::path parent_path =
        (fs::path(file).parent_path() / extends.get<std::string>()).lexically_normal();
    std::error_code ec;
    const std::string key = fs::weakly_canonical(parent_path, ec).string();
    const std::string parent_name = parent_path.string();
    shown.push_back(parent_name);
    for (const std::string& seen : chain) {
        if (seen == (ec ? parent_name : key)) {
            diagnostics.push_back(
                file_diagnostic("extends", "cycle in extends: " + chain_text(shown), file));
            return std::nullopt;
        }
    }
    if (chain.size() >= kMaxExtendsDepth) {
        diagnostics.push_back(file_diagnostic("extends",
                                              "extends chain longer than " +
                                                  std::to_string(kMaxExtendsDepth) +
                                                  " files: " + chain_text(shown),
                                              file));
        return std::nullopt;
    }
    std::vector<Diagnostic> read_problems;
    bool is_too_large = false;
    const std::optional<std::string> text =
        read_scenario_file(parent_name, read_problems, &is_too_large);
    if (!text) {
        is_missing_input = is_missing_input || !is_too_large;
        for (Diagnostic& d : read_problems) {
            diagnostics.push_back(file_diagnostic(
                "extends", d.message + " (extends chain: " + chain_text(shown) + ")", file));
        }
        return std::nullopt;
    }
    std::optional<json> parent = parse_scenario_text(*text, parent_name, diagnostics);
    if (!parent)
        return std::nullopt;
    if (!parent->is_object()) {
        diagnostics.push_back(
            file_diagnostic("", "an extended scenario must be a JSON object", parent_name));
        return std::nullopt;
    }
    chain.push_back(ec ? parent_name : key);
    std::optional<json> base =
        resolve(std::move(*parent), parent_name, chain, shown, diagnostics, is_missing_input);
    chain.pop_back();
    if (!base)
        return std::nullopt;
    document.erase("extends");
    base->merge_patch(document);
    return base;
}

}  // namespace

std::optional<std::string> read_scenario_file(const std::string& path,
                                              std::vector<Diagnostic>& diagnostics,
                                              bool* is_too_large) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        diagnostics.push_back(
            file_diagnostic("", "cannot read scenario '" + path + "': it is a directory", path));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.push_back(file_diagnostic(
            "", "cannot open scenario '" + path + "': " + std::strerror(errno), path));
        return std::nullopt;
    }
    // Read at most one byte past the limit rather than trusting the file size: devices and
    // pipes (/dev/zero, /dev/urandom) report size 0 and would otherwise be read forever.
    std::string text;
    std::array<char, 64 * 1024> chunk{};
    while (text.size() <= kMaxScenarioFileBytes) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const std::streamsize got = in.gcount();
        if (got <= 0)
            break;
        text.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (text.size() > kMaxScenarioFileBytes) {
        if (is_too_large != nullptr)
            *is_too_large = true;
        diagnostics.push_back(
            file_diagnostic("",
                            "scenario '" + path + "' is larger than the limit of " +
                                std::to_string(kMaxScenarioFileBytes >> 20) + " MiB",
                            path));
        return std::nullopt;
    }
    if (in.bad()) {
        diagnostics.push_back(file_diagnostic(
            "", "cannot read scenario '" + path + "': " + std::strerror(errno), path));
        return std::nullopt;
    }
    return text;
}

void line_and_column(const std::string& text, std::size_t offset, int& line, int& column) {
    offset = std::min(offset, text.size());
    line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    column = 1;
    for (std::size_t i = line_start; i < offset; ++i) {
        // Count characters, not bytes: skip UTF-8 continuation bytes (10xxxxxx).
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
}

std::optional<json> parse_scenario_text(const std::string& text, const std::string& file,
                                        std::vector<Diagnostic>& diagnostics) {
    std::vector<Frame> frames;
    bool too_deep = false;
    std::string deep_path;
    const std::size_t errors_before = diagnostics.size();
    auto callback = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                frames.push_back(Frame{event == json::parse_event_t::object_start, {}, {}, 0});
                if (frames.size() > kMaxNestingDepth && !too_deep) {
                    too_deep = true;
                    deep_path = frames_path(frames, frames.size() - 1);
                }
                break;
            case json::parse_event_t::key: {
                Frame& top = frames.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second) {
                    diagnostics.push_back(Diagnostic{
                        frames_path(frames, frames.size()),
                        "duplicate key (only one value per key is allowed)", file, 0, 0});
                }
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                frames.pop_back();
                if (!frames.empty() && !frames.back().is_object)
                    ++frames.back().index;
                break;
            case json::parse_event_t::value:
                if (!frames.empty() && !frames.back().is_object)
                    ++frames.back().index;
                break;
        }
        return true;
    };
    json document;
    try {
        document = json::parse(text, callback, true, false);
    } catch (const json::parse_error& e) {
        Diagnostic d{"", "syntax error: " + clean_parse_message(e.what()), file, 0, 0};
        if (e.byte > 0)
            line_and_column(text, e.byte - 1, d.line, d.column);
        diagnostics.resize(errors_before);  // duplicates found before the error are noise now
        diagnostics.push_back(std::move(d));
        return std::nullopt;
    } catch (const json::exception& e) {
        // Not a syntax error but a value the parser cannot hold (e.g. 1e400 overflows a double:
        // out_of_range.406). nlohmann gives no offset, so the JSON path of the value says where.
        std::string message = e.what();
        const std::size_t bracket = message.find("] ");
        if (bracket != std::string::npos)
            message = message.substr(bracket + 2);
        diagnostics.resize(errors_before);
        diagnostics.push_back(Diagnostic{frames_path(frames, frames.size()),
                                         message + " (numbers must fit a double, about 1.8e308)",
                                         file, 0, 0});
        return std::nullopt;
    }
    if (too_deep) {
        diagnostics.push_back(Diagnostic{
            deep_path,
            "nested deeper than the limit of " + std::to_string(kMaxNestingDepth) + " levels", file,
            0, 0});
    }
    if (diagnostics.size() > errors_before)
        return std::nullopt;
    return document;
}

std::optional<json> resolve_extends(json document, const std::string& file,
                                    std::vector<Diagnostic>& diagnostics, bool& is_missing_input) {
    std::error_code ec;
    const std::string self = fs::weakly_canonical(fs::path(file), ec).string();
    std::vector<std::string> chain{ec ? file : self};
    std::vector<std::string> shown{file};
    return resolve(std::move(document), file, chain, shown, diagnostics, is_missing_input);
}

}  // namespace cssim::scenario
