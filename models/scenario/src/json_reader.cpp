// The declarative reader: ranges, unknown-key checks and "did you mean" suggestions. Scalar
// fields are in json_reader_scalars.cpp, collections (objects, arrays, maps, variants) in
// json_reader_collections.cpp.
#include "json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "json_reader_internal.hpp"

namespace cssim::scenario {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Helpers shared with json_reader_collections.cpp (json_reader_internal.hpp)

std::string format_number(double x) {
    // Integral values below 1e15 print in full ("1000000", not "1e+06"): easier to read.
    if (std::trunc(x) == x && std::fabs(x) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(x));
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, result.ptr);
}

std::string describe_value(const json& value) {
    switch (value.type()) {
        case json::value_t::string: {
            const auto& text = value.get_ref<const std::string&>();
            if (text.size() > 40)
                return "\"" + text.substr(0, 37) + "...\"";
            return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
        }
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        case json::value_t::null:
            return "null";
        default:
            return value.dump();
    }
}

void add_range_to_schema(const Range& range, json& schema) {
    if (std::isfinite(range.low))
        schema[range.low_open ? "exclusiveMinimum" : "minimum"] = range.low;
    if (std::isfinite(range.high)) {
        schema[range.high_open ? "exclusiveMaximum" : "maximum"] = range.high;
    }
}

json object_schema() {
    return json{
        {"type", "object"}, {"properties", json::object()}, {"unevaluatedProperties", false}};
}

// ---------------------------------------------------------------------------------------------
// Range

bool Range::contains(double x) const {
    const bool above_low = low_open ? x > low : x >= low;
    const bool below_high = high_open ? x < high : x <= high;
    return above_low && below_high;
}

std::string Range::describe() const {
    const bool has_low = std::isfinite(low);
    const bool has_high = std::isfinite(high);
    if (has_low && has_high) {
        return std::string("in ") + (low_open ? "(" : "[") + format_number(low) + ", " +
               format_number(high) + (high_open ? ")" : "]");
    }
    if (has_low)
        return (low_open ? "> " : ">= ") + format_number(low);
    if (has_high)
        return (high_open ? "< " : "<= ") + format_number(high);
    return {};
}

std::string out_of_range_message(const Range& range, double x, const nlohmann::json& value) {
    std::string message = "must be " + range.describe() + " (got " + describe_value(value) + ")";
    // Large upper bounds are guards against absurd input (a population of 10^12, a horizon of
    // 10^6 years) rather than modelling rules: name the limit so the analyst knows it is one.
    constexpr double kGuardBound = 100.0;
    if (std::isfinite(range.high) && range.high >= kGuardBound && !range.contains(x) &&
        x >= range.high) {
        message += ": " + format_number(x) + " is above the limit of " + format_number(range.high);
    }
    return message;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: insertions, deletions, substitutions and adjacent
    // transpositions ("maen" -> "mean" is one edit, the commonest typo).
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        prev2 = prev;
        prev = cur;
    }
    return prev[m];
}

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::string closest_match(std::string_view word, std::span<const std::string> candidates) {
    const std::string w = lower(word);
    // A typo changes about one character in three at most; beyond that the suggestion is
    // more likely to mislead than help.
    const std::size_t threshold = std::clamp<std::size_t>(w.size() / 3, 1, 3);
    std::string best;
    std::size_t best_distance = threshold + 1;
    for (const std::string& candidate : candidates) {
        const std::string c = lower(candidate);
        std::size_t d = edit_distance(w, c);
        // "horizon" for "horizon_days": a truncated name is a plausible slip too.
        if (d > threshold && w.size() >= 4 && (c.starts_with(w) || w.starts_with(c))) {
            d = threshold;
        }
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// ObjectReader: construction and bookkeeping

ObjectReader::ObjectReader(const json* node, json* schema, std::string path,
                           std::vector<Diagnostic>* diagnostics)
    : node_(node), schema_(schema), path_(std::move(path)), diagnostics_(diagnostics) {
    errors_at_start_ = diagnostics_ != nullptr ? diagnostics_->size() : 0;
}

ObjectReader ObjectReader::for_document(const json& root, std::vector<Diagnostic>& diagnostics) {
    ObjectReader reader(&root, nullptr, "", &diagnostics);
    if (!root.is_object()) {
        reader.report("", "the scenario must be a JSON object (got " + describe_value(root) + ")");
    }
    return reader;
}

ObjectReader ObjectReader::for_schema(json& schema) {
    schema = object_schema();
    return ObjectReader(nullptr, &schema, "", nullptr);
}

ObjectReader ObjectReader::child(const json* node, json* schema, std::string path) const {
    return ObjectReader(node, schema, std::move(path), diagnostics_);
}

std::string ObjectReader::path_of(std::string_view key) const {
    if (path_.empty())
        return std::string(key);
    return path_ + "." + std::string(key);
}

bool ObjectReader::has(std::string_view key) const {
    return node_ != nullptr && node_->is_object() && node_->contains(std::string(key));
}

void ObjectReader::know(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end())
        known_.emplace_back(key);
}

void ObjectReader::report(std::string path, std::string message) {
    if (diagnostics_ == nullptr)
        return;
    diagnostics_->push_back(Diagnostic{std::move(path), std::move(message), {}, 0, 0});
}

void ObjectReader::error(std::string_view key, std::string message) {
    if (is_schema())
        return;
    report(key.empty() ? path_ : path_of(key), std::move(message));
}

bool ObjectReader::has_errors() const {
    return diagnostics_ != nullptr && diagnostics_->size() > errors_at_start_;
}

const json* ObjectReader::find(std::string_view key, bool required) {
    know(key);
    if (node_ == nullptr || !node_->is_object())
        return nullptr;
    const auto it = node_->find(std::string(key));
    if (it == node_->end()) {
        if (required)
            report(path_of(key), "required field is missing");
        return nullptr;
    }
    return &*it;
}

json& ObjectReader::declare(std::string_view key, const Field& field) {
    know(key);
    json& property = (*schema_)["properties"][std::string(key)];
    std::string description(field.doc);
    if (!field.unit.empty()) {
        description +=
            (description.empty() ? "" : " ") + std::string("(") + std::string(field.unit) + ")";
    }
    if (!description.empty())
        property["description"] = description;
    if (field.required) {
        json& required = (*schema_)["required"];
        if (!required.is_array())
            required = json::array();
        required.push_back(std::string(key));
    }
    return property;
}

void ObjectReader::accept(std::string_view key, std::string_view doc) {
    if (is_schema()) {
        declare(key, Field{.doc = doc});
        return;
    }
    know(key);
}

void ObjectReader::finish() {
    if (finished_)
        return;
    finished_ = true;
    if (is_schema() || skip_unknown_check_ || !node_->is_object())
        return;
    for (const auto& [key, value] : node_->items()) {
        if (std::find(known_.begin(), known_.end(), key) != known_.end())
            continue;
        const std::string suggestion = closest_match(key, known_);
        std::string message = "unknown key";
        if (!suggestion.empty()) {
            message += "; did you mean '" + suggestion + "'?";
        } else if (!known_.empty() && known_.size() <= 12) {
            message += " (expected one of: ";
            for (std::size_t i = 0; i < known_.size(); ++i) {
                message += (i > 0 ? ", " : "") + known_[i];
            }
            message += ")";
        }
        report(path_of(key), message);
    }
}

}  // namespace cssim::scenario
