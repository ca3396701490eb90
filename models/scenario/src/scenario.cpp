// load_scenario(): file -> parsed -> extends resolved -> --set applied -> read into structs.
#include "cssim/scenario/scenario.hpp"

#include <filesystem>
#include <utility>

#include "changes_reader.hpp"
#include "cssim/scenario/sha256.hpp"
#include "document_loader.hpp"
#include "json_reader.hpp"
#include "model_registry.hpp"

namespace cssim::scenario {

using nlohmann::json;

namespace {

/** @brief Guards against a typo such as 1e9 replications. */
constexpr std::size_t kMaxReplications = 1'000'000;

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

/** @brief The top-level keys every model shares, then the model's own reader. */
void read_scenario(ObjectReader& root, Scenario& scenario) {
    root.string("name", scenario.name,
                {.min_items = 1,
                 .doc = "Scenario name: letters, digits, '-', '_', '.'; it names output folders. "
                        "Default: the file name without .json"});
    if (!root.is_schema()) {
        for (char c : scenario.name) {
            if (!is_name_char(c)) {
                root.error("name",
                           "must use only letters, digits, '-', '_' and '.' (it names "
                           "output folders) (got \"" +
                               scenario.name + "\")");
                break;
            }
        }
    }
    root.string("description", scenario.description, {.doc = "Free text for people"});
    root.integer("seed", scenario.seed,
                 {.doc = "Master seed of the random streams (the command line's --seed wins)"});
    root.integer("replications", scenario.replications,
                 {.range = Range::closed(1, kMaxReplications),
                  .doc = "Independent replications (the command line's --replications wins)"});
    root.accept("extends",
                "Path of a scenario this one overrides, relative to this file; objects merge "
                "key by key (JSON merge patch, RFC 7396), arrays and values replace");
    std::vector<Variant> models;
    for (const ModelEntry& entry : model_registry()) {
        models.push_back({entry.name, entry.doc,
                          [&scenario, &entry](ObjectReader& r) { entry.read(r, scenario); }});
    }
    root.variant("model", scenario.model, models,
                 {.required = true, .doc = "Which model the scenario configures"});
}

std::string default_name(const std::string& source_path) {
    std::string stem = std::filesystem::path(source_path).stem().string();
    for (char& c : stem) {
        if (!is_name_char(c))
            c = '_';
    }
    return stem.empty() ? "scenario" : stem;
}

}  // namespace

std::string escape_control(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_diagnostic(const Diagnostic& d) {
    if (!d.file.empty() && d.line > 0) {
        return escape_control(d.file + ":" + std::to_string(d.line) + ":" +
                              std::to_string(d.column) + ": " + d.message);
    }
    return escape_control(d.path.empty() ? d.message : d.path + ": " + d.message);
}

LoadResult load_scenario_text(const std::string& text, const std::string& source_path,
                              const std::vector<std::string>& set_overrides) {
    LoadResult result;
    std::vector<Diagnostic>& diagnostics = result.diagnostics;
    std::optional<json> document = parse_scenario_text(text, source_path, diagnostics);
    if (!document)
        return result;
    document =
        resolve_extends(std::move(*document), source_path, diagnostics, result.is_missing_input);
    if (!document)
        return result;

    // Overrides: each one's created key is remembered so that the reader's "unknown key"
    // message can say which --set introduced it.
    std::vector<std::pair<std::string, std::string>> created;  // (path, assignment)
    for (const std::string& assignment : set_overrides) {
        std::string created_path;
        if (apply_override(*document, assignment, diagnostics, result.is_bad_command_line,
                           created_path) &&
            !created_path.empty()) {
            created.emplace_back(created_path, assignment);
        }
    }
    // A malformed --set stops here (exit 64); one that does not fit the document is reported
    // with everything else the reader finds.
    if (result.is_bad_command_line)
        return result;

    Scenario scenario;
    scenario.source_path = source_path;
    const std::size_t before = diagnostics.size();
    {
        ObjectReader root = ObjectReader::for_document(*document, diagnostics);
        read_scenario(root, scenario);
        root.finish();
    }
    for (std::size_t i = before; i < diagnostics.size(); ++i) {
        Diagnostic& d = diagnostics[i];
        for (const auto& [path, assignment] : created) {
            if (d.path == path || d.path.starts_with(path + ".") ||
                d.path.starts_with(path + "[")) {
                d.message += " (from --set " + assignment + ")";
            }
        }
    }
    // Dated changes (department): each read as a whole scenario once the scenario itself is sound.
    if (diagnostics.empty() && scenario.department) {
        read_changes(*document, scenario, diagnostics,
                     [](const json& doc, Scenario& changed, std::vector<Diagnostic>& problems) {
                         ObjectReader reader = ObjectReader::for_document(doc, problems);
                         read_scenario(reader, changed);
                         reader.finish();
                     });
    }
    if (!diagnostics.empty())
        return result;

    if (scenario.name.empty())
        scenario.name = default_name(source_path);
    scenario.canonical_json = document->dump(-1, ' ', false, json::error_handler_t::replace);
    scenario.sha256 = sha256_hex(scenario.canonical_json);
    result.scenario = std::move(scenario);
    return result;
}

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& set_overrides) {
    LoadResult result;
    bool is_too_large = false;
    const std::optional<std::string> text =
        read_scenario_file(path, result.diagnostics, &is_too_large);
    if (!text) {
        result.is_missing_input = !is_too_large;
        return result;
    }
    return load_scenario_text(*text, path, set_overrides);
}

std::string json_schema() {
    json schema;
    Scenario scenario;
    {
        ObjectReader root = ObjectReader::for_schema(schema);
        read_scenario(root, scenario);
    }
    json document{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                  {"title", "cssim scenario"},
                  {"description",
                   "A cssim scenario file. Generated from the same declarations the reader "
                   "uses (cssim schema)."}};
    document.update(schema);
    return document.dump(2);
}

std::vector<std::string> model_names() {
    std::vector<std::string> names;
    for (const ModelEntry& entry : model_registry())
        names.emplace_back(entry.name);
    return names;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
    return closest_match(word, candidates);
}

}  // namespace cssim::scenario
