// `--set path=value` overrides of a resolved scenario document (see document_loader.hpp): the
// path's steps, the value parsed as JSON or taken as text, and what it replaces checked.
#include <optional>
#include <string>
#include <vector>

#include "document_loader.hpp"

namespace cssim::scenario {

using nlohmann::json;

namespace {

/** @brief One step of a --set path: an object key or an array index. */
struct Step {
    std::string key;
    std::optional<std::size_t> index;
};

bool parse_path(const std::string& text, std::vector<Step>& steps) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '[') {
            const std::size_t close = text.find(']', i);
            if (close == std::string::npos || close == i + 1)
                return false;
            std::size_t index = 0;
            for (std::size_t j = i + 1; j < close; ++j) {
                if (text[j] < '0' || text[j] > '9' || index > 100'000'000)
                    return false;
                index = index * 10 + static_cast<std::size_t>(text[j] - '0');
            }
            steps.push_back({{}, index});
            i = close + 1;
            if (i < text.size() && text[i] == '.') {
                ++i;
                if (i == text.size())
                    return false;
            }
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != '.' && text[end] != '[')
            ++end;
        if (end == i)
            return false;
        steps.push_back({text.substr(i, end - i), std::nullopt});
        i = end;
        if (i < text.size() && text[i] == '.') {
            ++i;
            if (i == text.size())
                return false;
        }
    }
    return !steps.empty();
}

const char* type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::null:
            return "null";
        default:
            return "a number";
    }
}

}  // namespace

bool is_valid_override_path(const std::string& path) {
    std::vector<Step> steps;
    return parse_path(path, steps);
}

bool apply_override(json& document, const std::string& assignment,
                    std::vector<Diagnostic>& diagnostics, bool& is_bad_command_line,
                    std::string& created_path) {
    const std::size_t eq = assignment.find('=');
    std::vector<Step> steps;
    if (eq == std::string::npos || !parse_path(assignment.substr(0, eq), steps)) {
        is_bad_command_line = true;
        diagnostics.push_back(Diagnostic{"",
                                         "--set '" + assignment +
                                             "': expected path=value, e.g. arrival.mean=0.25 or "
                                             "stages[2].name=assessment",
                                         {},
                                         0,
                                         0});
        return false;
    }
    const std::string path_text = assignment.substr(0, eq);
    const std::string value_text = assignment.substr(eq + 1);
    if (!steps.front().index && steps.front().key == "extends") {
        // `extends` is resolved before the overrides apply, so setting it would change nothing
        // yet be recorded in the manifest as if it had: refused as a bad command line.
        is_bad_command_line = true;
        diagnostics.push_back(Diagnostic{
            path_text,
            "--set cannot change 'extends' (it is resolved before --set applies); write a "
            "scenario file whose \"extends\" names the base instead",
            {},
            0,
            0});
        return false;
    }
    // The same nesting limit as files: deeper values would only reach the reader's recursion
    // (merge, canonical dump) with nothing a scenario could mean by them.
    bool too_deep = false;
    const auto depth_guard = [&too_deep](int depth, json::parse_event_t, json&) {
        too_deep = too_deep || depth > static_cast<int>(kMaxNestingDepth);
        return true;
    };
    json value;
    try {
        value = json::parse(value_text, depth_guard, true);
    } catch (const json::out_of_range&) {
        // JSON whose number overflows a double (1e400, {"mean":1e400}): say so, rather than
        // take the text as a string and report a type the user did not mean.
        diagnostics.push_back(
            Diagnostic{path_text,
                       "--set: a number in '" + value_text +
                           "' is out of range (numbers must fit a double, about 1.8e308)",
                       {},
                       0,
                       0});
        return false;
    } catch (const json::exception&) {
        value = json(json::value_t::discarded);
    }
    if (too_deep) {
        diagnostics.push_back(Diagnostic{path_text,
                                         "--set: the value is nested deeper than the limit of " +
                                             std::to_string(kMaxNestingDepth) + " levels",
                                         {},
                                         0,
                                         0});
        return false;
    }
    if (value.is_discarded())
        value = value_text;  // not JSON: a bare string such as a name

    json* node = &document;
    std::string walked;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& step = steps[i];
        const bool last = i + 1 == steps.size();
        auto fail = [&](const std::string& message) {
            diagnostics.push_back(Diagnostic{path_text, "--set: " + message, {}, 0, 0});
            return false;
        };
        if (step.index) {
            const std::string shown = walked.empty() ? "the scenario" : "'" + walked + "'";
            if (!node->is_array()) {
                return fail(shown + " is " + type_name(*node) + ", not an array");
            }
            if (*step.index >= node->size()) {
                return fail("index " + std::to_string(*step.index) + " is out of range (" + shown +
                            " has " + std::to_string(node->size()) + " items)");
            }
            walked += "[" + std::to_string(*step.index) + "]";
            node = &(*node)[*step.index];
        } else {
            if (!node->is_object()) {
                return fail("'" + walked + "' is " + type_name(*node) + ", so it has no field '" +
                            step.key + "'");
            }
            if (!walked.empty())
                walked += '.';
            walked += step.key;
            if (last && value.is_null()) {
                // As in a merge patch (RFC 7396), null removes the key: --set capacity=null.
                node->erase(step.key);
                return true;
            }
            if (!node->contains(step.key) && created_path.empty())
                created_path = walked;
            json& next = (*node)[step.key];
            if (!last && next.is_null())
                next = json::object();
            node = &next;
        }
        if (last)
            *node = value;
    }
    return true;
}

}  // namespace cssim::scenario
