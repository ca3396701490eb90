// Decision files (docs/workshop.md): each table's lever values per round, checked against the
// workshop's levers, every problem a Diagnostic with its JSON path; and file_kind, which tells a
// scenario, a workshop and a decision file apart.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "cssim/scenario/workshop.hpp"
#include "document_loader.hpp"
#include "workshop_fields.hpp"

namespace cssim::scenario {

using nlohmann::json;
using workshop_fields::at_index;
using workshop_fields::Fields;
using workshop_fields::num;

namespace {

/** @brief Checks a decision value against its lever; "" if fine, else the reason. */
std::string decision_check_value(const WorkshopLever& lever, const json& value) {
    if (lever.is_range) {
        if (!value.is_number())
            return "must be a number in [" + num(lever.low) + ", " + num(lever.high) + "] (got " +
                   value.dump() + ")";
        const double v = value.get<double>();
        if (v < lever.low || v > lever.high)
            return "is out of range: " + value.dump() + " not in [" + num(lever.low) + ", " +
                   num(lever.high) + "]";
        if (lever.step > 0.0) {
            const double k = (v - lever.low) / lever.step;
            if (std::fabs(k - std::round(k)) > 1e-9)
                return "must be " + num(lever.low) + " plus a multiple of " + num(lever.step) +
                       " (got " + value.dump() + ")";
        }
        return "";
    }
    if (std::find(lever.allowed.begin(), lever.allowed.end(), value.dump()) ==
        lever.allowed.end()) {
        std::string list;
        for (const auto& a : lever.allowed)
            list += (list.empty() ? "" : ", ") + a;
        return "is not allowed: " + value.dump() + " (allowed: " + list + ")";
    }
    return "";
}

}  // namespace

DecisionLoadResult load_decisions_text(const std::string& text, const std::string& source_path,
                                       const Workshop* workshop) {
    DecisionLoadResult result;
    auto& out = result.diagnostics;
    std::optional<json> document = parse_scenario_text(text, source_path, out);
    if (!document)
        return result;
    if (!document->is_object()) {
        out.push_back({"", "a decision file must be a JSON object", "", 0, 0});
        return result;
    }
    const json& d = *document;
    const Fields f(d, "", out);
    f.only({"decisions", "workshop", "table", "rounds"});
    DecisionFile file;
    if (f.get("decisions", true) != nullptr &&
        !(d["decisions"].is_number_unsigned() && d["decisions"].get<std::uint64_t>() == 1))
        f.error("decisions", "must be 1 (the decision file format version)");
    const std::string named = f.text("workshop", workshop == nullptr);
    if (!named.empty())
        file.workshop_path = workshop_fields::resolve_relative(source_path, named);
    file.table = f.text("table", true);
    if (workshop != nullptr && !file.workshop_path.empty() && !workshop->source_path.empty()) {
        std::error_code e1, e2;
        const auto mine = std::filesystem::weakly_canonical(file.workshop_path, e1);
        const auto given = std::filesystem::weakly_canonical(workshop->source_path, e2);
        if (e1 || e2 || mine != given) {
            f.error("workshop", "this table's decisions are for \"" + file.workshop_path +
                                    "\", not for the workshop being played (\"" +
                                    workshop->source_path + "\")");
            return result;
        }
    }
    if (workshop == nullptr && !file.workshop_path.empty()) {
        WorkshopLoadResult w = load_workshop(file.workshop_path);
        if (!w.workshop) {
            result.is_missing_input = w.is_missing_input;
            f.error("workshop",
                    "\"" + file.workshop_path + "\" does not load" +
                        (w.diagnostics.empty() ? std::string()
                                               : ": " + format_diagnostic(w.diagnostics.front())));
            return result;
        }
        result.workshop = std::move(w.workshop);
        workshop = &*result.workshop;
    }
    const json* rounds = f.get("rounds", true);
    if (rounds != nullptr && (!rounds->is_array())) {
        f.error("rounds", "must be an array of {\"round\": N, \"levers\": {id: value}}");
    } else if (rounds != nullptr && workshop != nullptr) {
        std::vector<std::string> ids;
        for (const auto& l : workshop->levers)
            ids.push_back(l.id);
        std::set<std::size_t> seen;
        for (std::size_t i = 0; i < rounds->size(); ++i) {
            const std::string at = at_index("rounds", i);
            const json& item = (*rounds)[i];
            if (!item.is_object()) {
                out.push_back({at, "must be an object", "", 0, 0});
                continue;
            }
            const Fields r(item, at, out);
            r.only({"round", "levers"});
            RoundDecisions decisions;
            const auto n = r.number("round", true);
            if (n &&
                (*n != std::floor(*n) || *n < 1 || *n > static_cast<double>(workshop->rounds))) {
                r.error("round", "round " + num(*n) +
                                     " does not exist: the workshop has "
                                     "rounds 1 to " +
                                     std::to_string(workshop->rounds));
            } else if (n && !seen.insert(static_cast<std::size_t>(*n)).second) {
                r.error("round", "round " + num(*n) + " is decided twice");
            } else if (n) {
                decisions.round = static_cast<std::size_t>(*n);
            }
            const json* levers = r.get("levers", true);
            if (levers == nullptr)
                continue;
            if (!levers->is_object()) {
                r.error("levers", "must be an object of lever id: value");
                continue;
            }
            for (const auto& [lever_id, value] : levers->items()) {
                // A named copy: clang 14 does not let a lambda capture a structured binding.
                const std::string& id = lever_id;
                const std::string lat = at + ".levers." + id;
                const auto it = std::find_if(workshop->levers.begin(), workshop->levers.end(),
                                             [&](const WorkshopLever& l) { return l.id == id; });
                if (it == workshop->levers.end()) {
                    const std::string near = closest_name(id, ids);
                    out.push_back(
                        {lat,
                         "unknown lever" + (near.empty() ? "" : "; did you mean \"" + near + "\"?"),
                         "", 0, 0});
                    continue;
                }
                if (const std::string why = decision_check_value(*it, value); !why.empty()) {
                    out.push_back({lat, why, "", 0, 0});
                    continue;
                }
                decisions.levers.emplace_back(id, value.dump());
            }
            file.rounds.push_back(std::move(decisions));
        }
        std::sort(file.rounds.begin(), file.rounds.end(),
                  [](const auto& a, const auto& b) { return a.round < b.round; });
    }
    if (out.empty())
        result.decisions = std::move(file);
    return result;
}

DecisionLoadResult load_decisions(const std::string& path, const Workshop* workshop) {
    DecisionLoadResult result;
    bool too_large = false;
    const auto text = read_scenario_file(path, result.diagnostics, &too_large);
    if (!text) {
        result.is_missing_input = !too_large;
        return result;
    }
    return load_decisions_text(*text, path, workshop);
}

FileKind file_kind(const std::string& path) {
    std::vector<Diagnostic> ignored;
    const auto text = read_scenario_file(path, ignored);
    if (!text)
        return FileKind::scenario;
    const json d = json::parse(*text, nullptr, false);
    if (!d.is_object())
        return FileKind::scenario;
    if (d.contains("workshop") && !d.contains("decisions"))
        return FileKind::workshop;
    if (d.contains("decisions"))
        return FileKind::decisions;
    return FileKind::scenario;
}

}  // namespace cssim::scenario
