// What differs between two resolved scenarios, for the report's "The question" section.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_html.hpp"

namespace cssim::cli {
namespace {

using nlohmann::json;

void scenario_diff(const json& a, const json& b, const std::string& path,
                   std::vector<ScenarioChange>& out) {
    if (a.is_object() && b.is_object()) {
        for (const auto& [key, value] : a.items()) {
            const std::string p = path.empty() ? key : path + "." + key;
            if (path.empty() && (key == "name" || key == "description"))
                continue;
            if (!b.contains(key)) {
                out.push_back({p, value.dump(), ""});
            } else {
                scenario_diff(value, b.at(key), p, out);
            }
        }
        for (const auto& [key, value] : b.items()) {
            if (!a.contains(key) && !(path.empty() && (key == "name" || key == "description"))) {
                out.push_back({path.empty() ? key : path + "." + key, "", value.dump()});
            }
        }
        return;
    }
    if (a != b)
        out.push_back({path, a.dump(), b.dump()});
}

}  // namespace

std::vector<ScenarioChange> scenario_changes(const std::string& before_json,
                                             const std::string& after_json) {
    std::vector<ScenarioChange> out;
    const json a = json::parse(before_json, nullptr, false);
    const json b = json::parse(after_json, nullptr, false);
    if (a.is_discarded() || b.is_discarded())
        return out;
    scenario_diff(a, b, "", out);
    return out;
}

}  // namespace cssim::cli
