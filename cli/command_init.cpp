// `cssim init --ees`: writes a scenario extending base.json, and beside it the published
// figures that are outputs of the model (calibration targets).
#include "command_init.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "cssim/scenario/scenario.hpp"
#include "ees_import.hpp"
#include "exit_codes.hpp"
#include "scenario_loading.hpp"

namespace cssim::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

std::string slug(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return out.empty() ? "council" : out;
}

std::string number_text(double v) {
    std::ostringstream out;
    out.precision(10);
    out << v;
    return out.str();
}

/** @brief Sets `a.b.c` in a nested object. */
void set_path(ordered_json& root, const std::string& dotted, double value) {
    ordered_json* node = &root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dotted.find('.', start);
        const std::string key = dotted.substr(start, dot - start);
        if (dot == std::string::npos) {
            (*node)[key] = value;
            return;
        }
        node = &(*node)[key];
        start = dot + 1;
    }
}

/** @brief The value at `a.b.c` in base.json, as text ("" if absent). */
std::string value_at(const nlohmann::json& root, const std::string& dotted) {
    const nlohmann::json* node = &root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dotted.find('.', start);
        const std::string key = dotted.substr(start, dot - start);
        if (!node->is_object() || !node->contains(key))
            return "";
        node = &node->at(key);
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return node->is_number() ? number_text(node->get<double>()) : node->dump();
}

std::string read_text(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    ok = ok && fs::is_regular_file(path);
    return text.str();
}

}  // namespace

std::string published_path_for(const std::string& out) {
    fs::path p(out);
    const std::string stem = p.extension() == ".json" ? p.stem().string() : p.filename().string();
    return (p.parent_path() / (stem + ".published.json")).string();
}

int init_command(const InitCommand& command) {
    const std::string published_path = published_path_for(command.out);
    for (const std::string& path : {command.out, published_path}) {
        std::error_code ec;
        if (fs::exists(path, ec) && !command.force) {
            std::fprintf(stderr,
                         "cssim: %s already exists; pass --force to replace it (nothing was "
                         "written)\n",
                         path.c_str());
            return kExitCannotCreate;
        }
        if (fs::is_directory(path, ec)) {
            std::fprintf(stderr, "cssim: %s is a directory\n", path.c_str());
            return kExitCannotCreate;
        }
    }
    if (command.children && !(*command.children > 0.0)) {
        std::fprintf(stderr, "cssim: --children must be a positive number of children\n");
        return kExitUsage;
    }
    bool ok = false;
    const std::string base_text = read_text(command.base, ok);
    if (!ok) {
        std::fprintf(stderr,
                     "cssim: %s: cannot read the base scenario; run from the cssim folder or "
                     "give --base PATH/base.json\n",
                     command.base.c_str());
        return kExitMissingInput;
    }
    const nlohmann::json base = nlohmann::json::parse(base_text, nullptr, false);

    EesRequest request;
    request.files = command.ees_files;
    request.la = command.la;
    request.year = command.year;
    request.children = command.children;
    EesImport imported;
    try {
        for (const std::string& path : command.mapping_files) {
            const std::string text = read_text(path, ok);
            if (!ok) {
                std::fprintf(stderr, "cssim: %s: no such mapping file\n", path.c_str());
                return kExitMissingInput;
            }
            EesMapping m = parse_ees_mapping(text, path);
            m.is_template = false;  // given explicitly: the user vouches for its columns
            request.extra_mappings.push_back(std::move(m));
        }
        imported = import_ees(request, [&](const std::string& field) {
            return base.is_discarded() ? std::string() : value_at(base, field);
        });
    } catch (const EesError& e) {
        std::fprintf(stderr, "cssim: %s\n", e.what());
        return e.exit_code();
    }

    // The scenario: extends base.json by a path relative to the folder it is written in.
    const fs::path out_dir = fs::absolute(command.out).parent_path();
    const std::string extends =
        fs::absolute(command.base).lexically_normal().lexically_relative(out_dir).generic_string();
    const std::string name = command.name.empty() ? slug(imported.la_name) : command.name;
    std::string years;
    for (const std::string& y : imported.years) {
        if (years.find(y) == std::string::npos)
            years += (years.empty() ? "" : ", ") + y;
    }
    std::string sources;
    for (const std::string& s : imported.sources)
        sources += (sources.empty() ? "" : "; ") + s;
    ordered_json scenario;
    scenario["extends"] = extends;
    scenario["name"] = name;
    scenario["description"] =
        imported.la_name + " (" + imported.new_la_code + "), " + years +
        ": made by cssim init from the DfE's published statistics (" + sources +
        "). Fields not set here are base.json's. Published figures that are outputs of the model "
        "(turnover, caseload...) are calibration targets in " +
        fs::path(published_path).filename().string() + ", not inputs.";
    if (command.children)
        set_path(scenario, "council.children", *command.children);
    for (const EesValue& v : imported.fields)
        set_path(scenario, v.target, v.value);
    const std::string scenario_text = scenario.dump(2) + "\n";

    // Check before writing: the file must load as a valid scenario.
    const scenario::LoadResult loaded = scenario::load_scenario_text(scenario_text, command.out);
    if (!loaded.scenario) {
        std::fprintf(stderr,
                     "cssim: the scenario made from these figures is not valid "
                     "(nothing was written):\n");
        return report_load_failure(loaded, command.out);
    }

    ordered_json published;
    published["format"] = "cssim-published-figures";
    published["council"] = {{"la_name", imported.la_name},
                            {"new_la_code", imported.new_la_code},
                            {"old_la_code", imported.old_la_code}};
    published["years"] = imported.years;
    published["sources"] = imported.sources;
    published["scenario"] = fs::path(command.out).filename().string();
    published["note"] =
        "Published figures that are OUTPUTS of the model: compare them with the metrics of "
        "`cssim run` (same names) to judge the calibration; they are never inputs.";
    ordered_json targets = ordered_json::array();
    for (const EesValue& v : imported.published) {
        targets.push_back({{"metric", v.target},
                           {"published", v.value},
                           {"unit", v.unit},
                           {"from", v.expression},
                           {"source", v.source},
                           {"why", v.why}});
    }
    published["targets"] = std::move(targets);
    ordered_json inputs = ordered_json::array();
    for (const EesValue& v : imported.fields) {
        inputs.push_back({{"field", v.target},
                          {"value", v.value},
                          {"from", v.expression},
                          {"source", v.source},
                          {"why", v.why}});
    }
    published["inputs"] = std::move(inputs);
    published["fallbacks"] = imported.notes;

    try {
        std::error_code ec;
        fs::create_directories(out_dir, ec);
        record::write_text_file_atomically(published_path, published.dump(2) + "\n");
        record::write_text_file_atomically(command.out, scenario_text);
    } catch (const record::OutputError& e) {
        std::fprintf(stderr, "cssim: cannot write: %s\n", e.what());
        return kExitIoError;
    }

    std::printf("%s (%s, %s), %s\n", imported.la_name.c_str(), imported.new_la_code.c_str(),
                imported.old_la_code.c_str(), years.c_str());
    if (command.children) {
        std::printf("  %-45s %s  (--children)\n", "council.children",
                    number_text(*command.children).c_str());
    }
    for (const EesValue& v : imported.fields) {
        std::printf("  %-45s %s  (%s)\n", v.target.c_str(), number_text(v.value).c_str(),
                    v.expression.c_str());
    }
    std::printf("calibration targets (model outputs, not inputs):\n");
    for (const EesValue& v : imported.published) {
        std::printf("  %-45s %s %s\n", v.target.c_str(), number_text(v.value).c_str(),
                    v.unit.c_str());
    }
    for (const std::string& note : imported.notes) {
        std::fprintf(stderr, "cssim: note: %s\n", note.c_str());
    }
    std::printf("wrote %s (extends %s) and %s\n", command.out.c_str(), extends.c_str(),
                published_path.c_str());
    return kExitOk;
}

}  // namespace cssim::cli
