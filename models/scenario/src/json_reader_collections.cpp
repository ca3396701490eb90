// The declarative reader: nested objects, arrays, maps and tagged unions.
#include <string>
#include <vector>

#include "json_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

using nlohmann::json;

std::string unknown_choice_message(const json& value, std::span<const std::string_view> options) {
    std::string message = "must be one of ";
    std::vector<std::string> names;
    for (std::size_t i = 0; i < options.size(); ++i) {
        message += (i > 0 ? ", '" : "'") + std::string(options[i]) + "'";
        names.emplace_back(options[i]);
    }
    message += " (got " + describe_value(value) + ")";
    if (value.is_string()) {
        const std::string suggestion = closest_match(value.get_ref<const std::string&>(), names);
        if (!suggestion.empty())
            message += "; did you mean '" + suggestion + "'?";
    }
    return message;
}

namespace {

// The message for a collection of `size` items outside [min, max], or "" when it is inside.
std::string size_problem(std::size_t size, std::size_t min, std::size_t max, const char* noun) {
    if (size >= min && size <= max)
        return "";
    return "must have " +
           (size < min ? "at least " + std::to_string(min) : "at most " + std::to_string(max)) +
           " " + noun + " (got " + std::to_string(size) + ")";
}

std::string item_path(const std::string& array_path, std::size_t index) {
    return array_path + "[" + std::to_string(index) + "]";
}

void add_size_to_schema(const Field& field, json& schema, const char* min_key,
                        const char* max_key) {
    if (field.min_items > 0)
        schema[min_key] = field.min_items;
    schema[max_key] = field.max_items;
}

}  // namespace

void ObjectReader::object(std::string_view key, const Field& field,
                          const std::function<void(ObjectReader&)>& read) {
    if (is_schema()) {
        json& s = declare(key, field);
        const json description = s.value("description", json());
        s = object_schema();
        if (!description.is_null())
            s["description"] = description;
        ObjectReader reader = child(nullptr, &s, path_of(key));
        read(reader);
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    if (!value->is_object()) {
        report(path_of(key), "must be an object (got " + describe_value(*value) + ")");
        return;
    }
    ObjectReader reader = child(value, nullptr, path_of(key));
    read(reader);
    reader.finish();
}

void ObjectReader::array(std::string_view key, const Field& field,
                         const std::function<void(ObjectReader& item, std::size_t index)>& read) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "array";
        add_size_to_schema(field, s, "minItems", "maxItems");
        s["items"] = object_schema();
        ObjectReader reader = child(nullptr, &s["items"], path_of(key) + "[]");
        read(reader, 0);
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    const std::string path = path_of(key);
    if (!value->is_array()) {
        report(path, "must be an array (got " + describe_value(*value) + ")");
        return;
    }
    if (value->size() < field.min_items) {
        report(path, "must have at least " + std::to_string(field.min_items) + " item" +
                         (field.min_items == 1 ? "" : "s") + " (got " +
                         std::to_string(value->size()) + ")");
        return;
    }
    if (value->size() > field.max_items) {
        report(path, "must have at most " + std::to_string(field.max_items) + " items (got " +
                         std::to_string(value->size()) + ")");
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_object()) {
            report(item_path(path, i), "must be an object (got " + describe_value(item) + ")");
            continue;
        }
        ObjectReader reader = child(&item, nullptr, item_path(path, i));
        read(reader, i);
        reader.finish();
    }
}

const json* ObjectReader::find_array(std::string_view key, const Field& field,
                                     std::string_view what) {
    const json* value = find(key, field.required);
    if (value == nullptr)
        return nullptr;
    if (!value->is_array()) {
        report(path_of(key), "must be an array of " + std::string(what) + " (got " +
                                 describe_value(*value) + ")");
        return nullptr;
    }
    if (const std::string problem =
            size_problem(value->size(), field.min_items, field.max_items, "items");
        !problem.empty()) {
        report(path_of(key), problem);
        return nullptr;
    }
    return value;
}

void ObjectReader::number_array(std::string_view key, std::vector<double>& out,
                                const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "array";
        add_size_to_schema(field, s, "minItems", "maxItems");
        s["items"] = json{{"type", "number"}};
        add_range_to_schema(field.range, s["items"]);
        if (!out.empty())
            s["default"] = out;
        return;
    }
    const json* value = find_array(key, field, "numbers");
    if (value == nullptr)
        return;
    const std::string path = path_of(key);
    std::vector<double> result;
    bool ok = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_number()) {
            report(item_path(path, i), "must be a number (got " + describe_value(item) + ")");
            ok = false;
            continue;
        }
        const double x = item.get<double>();
        if (!field.range.contains(x)) {
            report(item_path(path, i),
                   "must be " + field.range.describe() + " (got " + describe_value(item) + ")");
            ok = false;
            continue;
        }
        result.push_back(x);
    }
    if (ok)
        out = std::move(result);
}

void ObjectReader::string_array(std::string_view key, std::vector<std::string>& out,
                                const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "array";
        add_size_to_schema(field, s, "minItems", "maxItems");
        s["items"] = json{{"type", "string"}, {"maxLength", kMaxStringBytes}};
        if (!out.empty())
            s["default"] = out;
        return;
    }
    const json* value = find_array(key, field, "strings");
    if (value == nullptr)
        return;
    const std::string path = path_of(key);
    std::vector<std::string> result;
    bool ok = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxStringBytes) {
            report(item_path(path, i), "must be a string of at most " +
                                           std::to_string(kMaxStringBytes) + " bytes (got " +
                                           describe_value(item) + ")");
            ok = false;
            continue;
        }
        result.push_back(item.get<std::string>());
    }
    if (ok)
        out = std::move(result);
}

void ObjectReader::map(
    std::string_view key, const Field& field,
    const std::function<void(ObjectReader& value, const std::string& name)>& read) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "object";
        add_size_to_schema(field.max_items > kMaxMapEntries
                               ? Field{.min_items = field.min_items, .max_items = kMaxMapEntries}
                               : field,
                           s, "minProperties", "maxProperties");
        s["additionalProperties"] = object_schema();
        ObjectReader reader = child(nullptr, &s["additionalProperties"], path_of(key) + ".*");
        read(reader, "*");
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    const std::string path = path_of(key);
    if (!value->is_object()) {
        report(path, "must be an object (got " + describe_value(*value) + ")");
        return;
    }
    const std::size_t limit = std::min(field.max_items, kMaxMapEntries);
    if (const std::string problem = size_problem(value->size(), field.min_items, limit, "entries");
        !problem.empty()) {
        report(path, problem);
        return;
    }
    for (const auto& [name, item] : value->items()) {
        const std::string item_path_text = path + "." + name;
        if (!item.is_object()) {
            report(item_path_text, "must be an object (got " + describe_value(item) + ")");
            continue;
        }
        ObjectReader reader = child(&item, nullptr, item_path_text);
        read(reader, name);
        reader.finish();
    }
}

void ObjectReader::number_map(std::string_view key, std::map<std::string, double>& out,
                              const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "object";
        s["maxProperties"] = std::min(field.max_items, kMaxMapEntries);
        if (field.min_items > 0)
            s["minProperties"] = field.min_items;
        s["additionalProperties"] = json{{"type", "number"}};
        add_range_to_schema(field.range, s["additionalProperties"]);
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    const std::string path = path_of(key);
    if (!value->is_object()) {
        report(path, "must be an object of numbers (got " + describe_value(*value) + ")");
        return;
    }
    const std::size_t limit = std::min(field.max_items, kMaxMapEntries);
    if (value->size() < field.min_items || value->size() > limit) {
        report(path, "must have between " + std::to_string(field.min_items) + " and " +
                         std::to_string(limit) + " entries (got " + std::to_string(value->size()) +
                         ")");
        return;
    }
    std::map<std::string, double> result;
    bool ok = true;
    for (const auto& [name, item] : value->items()) {
        if (!item.is_number() || !field.range.contains(item.get<double>())) {
            const std::string rule = field.range.describe();
            report(path + "." + name, "must be a number" + (rule.empty() ? "" : " " + rule) +
                                          " (got " + describe_value(item) + ")");
            ok = false;
            continue;
        }
        result[name] = item.get<double>();
    }
    if (ok)
        out = std::move(result);
}

void ObjectReader::variant(std::string_view tag, std::string& out,
                           std::span<const Variant> variants, const Field& field) {
    if (is_schema()) {
        json& s = declare(tag, field);
        s["type"] = "string";
        s["enum"] = json::array();
        for (const Variant& v : variants)
            s["enum"].push_back(std::string(v.name));
        if (!out.empty())
            s["default"] = out;
        // anyOf rather than oneOf: with an optional tag, an absent tag matches several branches.
        json& any_of = (*schema_)["anyOf"];
        any_of = json::array();
        for (const Variant& v : variants) {
            json branch{{"properties", json::object()}};
            branch["properties"][std::string(tag)] = json{{"const", std::string(v.name)}};
            if (!v.doc.empty())
                branch["description"] = std::string(v.doc);
            ObjectReader reader = child(nullptr, &branch, path_);
            v.read(reader);
            any_of.push_back(std::move(branch));
        }
        return;
    }
    const json* value = find(tag, field.required);
    std::string chosen = out;
    if (value != nullptr) {
        chosen.clear();
        if (value->is_string())
            chosen = value->get<std::string>();
    }
    for (const Variant& v : variants) {
        if (!chosen.empty() && v.name == chosen) {
            out = chosen;
            v.read(*this);
            return;
        }
    }
    // Without a valid tag, the other keys cannot be judged: skip the unknown-key check.
    skip_unknown_check_ = true;
    if (value != nullptr) {
        std::vector<std::string_view> names;
        for (const Variant& v : variants)
            names.push_back(v.name);
        report(path_of(tag), unknown_choice_message(*value, names));
    }
}

}  // namespace cssim::scenario
