// The declarative reader's scalar fields: numbers, integers, booleans, strings and choices, each
// read (with its range and type checked) or described in the schema.
#include <charconv>
#include <cmath>
#include <limits>

#include "json_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

using nlohmann::json;

std::optional<double> ObjectReader::read_number(std::string_view key, const Field& field,
                                                std::optional<double> default_value) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "number";
        add_range_to_schema(field.range, s);
        if (default_value && std::isfinite(*default_value))
            s["default"] = *default_value;
        return std::nullopt;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return std::nullopt;
    if (!value->is_number()) {
        report(path_of(key), "must be a number (got " + describe_value(*value) + ")");
        return std::nullopt;
    }
    const double x = value->get<double>();
    if (!std::isfinite(x)) {
        report(path_of(key), "must be a finite number (got " + describe_value(*value) + ")");
        return std::nullopt;
    }
    if (!field.range.contains(x)) {
        report(path_of(key), out_of_range_message(field.range, x, *value));
        return std::nullopt;
    }
    return x;
}

void ObjectReader::number(std::string_view key, double& out, const Field& field) {
    if (const auto x = read_number(key, field, out))
        out = *x;
}

void ObjectReader::number(std::string_view key, std::optional<double>& out, const Field& field) {
    if (const auto x = read_number(key, field, std::nullopt))
        out = *x;
}

namespace {

// Outside the C++ type's range: the field's own range is the rule the analyst knows (servers in
// [1, 1000000]), so it is named when it is the tighter one; the type's bound otherwise.
template <class Int>
std::string integer_bound_message(const Range& range, double x, Int type_min, Int type_max,
                                  const nlohmann::json& value) {
    const bool above = x > 0;
    const bool range_is_tighter = above ? std::isfinite(range.high) : std::isfinite(range.low);
    if (range_is_tighter)
        return out_of_range_message(range, x, value);
    const std::string bound = above ? "<= " + std::to_string(static_cast<std::uint64_t>(type_max))
                                    : ">= " + std::to_string(static_cast<std::int64_t>(type_min));
    return "must be " + bound + " (got " + describe_value(value) + ")";
}

}  // namespace

std::optional<ObjectReader::Int> ObjectReader::read_integer(std::string_view key,
                                                            const Field& field, Int type_min,
                                                            Int type_max, Int default_value,
                                                            bool has_default) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "integer";
        add_range_to_schema(field.range, s);
        if (type_min == 0 && !s.contains("minimum") && !s.contains("exclusiveMinimum")) {
            s["minimum"] = 0;
        }
        if (type_max <= Int(INT32_MAX) && !s.contains("maximum") &&
            !s.contains("exclusiveMaximum")) {
            s["maximum"] = static_cast<std::int64_t>(type_max);
        }
        if (has_default) {
            if (default_value < 0) {
                s["default"] = static_cast<std::int64_t>(default_value);
            } else {
                s["default"] = static_cast<std::uint64_t>(default_value);
            }
        }
        return std::nullopt;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return std::nullopt;
    Int v = 0;
    if (value->is_number_unsigned()) {
        v = Int(value->get<std::uint64_t>());
    } else if (value->is_number_integer()) {
        v = Int(value->get<std::int64_t>());
    } else if (value->is_number_float()) {
        // 1e6 is an integer written as a float; 2.5 is not. Bound first so the cast is defined.
        const double x = value->get<double>();
        if (!std::isfinite(x) || std::trunc(x) != x) {
            report(path_of(key), "must be an integer (got " + describe_value(*value) + ")");
            return std::nullopt;
        }
        if (std::fabs(x) > 9.2e18) {
            // An integer, but too large for any integer type we read (1e20, 2^64).
            report(path_of(key), integer_bound_message(field.range, x, type_min, type_max, *value));
            return std::nullopt;
        }
        v = Int(static_cast<std::int64_t>(x));
    } else {
        report(path_of(key), "must be an integer (got " + describe_value(*value) + ")");
        return std::nullopt;
    }
    if (v < type_min || v > type_max) {
        report(path_of(key), integer_bound_message(field.range, static_cast<double>(v), type_min,
                                                   type_max, *value));
        return std::nullopt;
    }
    if (!field.range.contains(static_cast<double>(v))) {
        report(path_of(key), out_of_range_message(field.range, static_cast<double>(v), *value));
        return std::nullopt;
    }
    return v;
}

void ObjectReader::boolean(std::string_view key, bool& out, const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "boolean";
        s["default"] = out;
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    if (!value->is_boolean()) {
        report(path_of(key), "must be true or false (got " + describe_value(*value) + ")");
        return;
    }
    out = value->get<bool>();
}

void ObjectReader::string(std::string_view key, std::string& out, const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "string";
        s["maxLength"] = kMaxStringBytes;
        if (field.min_items > 0)
            s["minLength"] = field.min_items;
        if (!out.empty())
            s["default"] = out;
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    if (!value->is_string()) {
        report(path_of(key), "must be a string (got " + describe_value(*value) + ")");
        return;
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > kMaxStringBytes) {
        report(path_of(key), "must be at most " + std::to_string(kMaxStringBytes) +
                                 " bytes long (got " + std::to_string(text.size()) + ")");
        return;
    }
    if (text.size() < field.min_items) {
        report(path_of(key), "must not be empty");
        return;
    }
    out = text;
}

void ObjectReader::choice(std::string_view key, std::string& out,
                          std::span<const std::string_view> options, const Field& field) {
    if (is_schema()) {
        json& s = declare(key, field);
        s["type"] = "string";
        s["enum"] = json::array();
        for (std::string_view option : options)
            s["enum"].push_back(std::string(option));
        if (!out.empty())
            s["default"] = out;
        return;
    }
    const json* value = find(key, field.required);
    if (value == nullptr)
        return;
    if (value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        for (std::string_view option : options) {
            if (option == text) {
                out = text;
                return;
            }
        }
    }
    report(path_of(key), unknown_choice_message(*value, options));
}

}  // namespace cssim::scenario
