#pragma once
// What workshop_reader.cpp, workshop_levers.cpp and decision_reader.cpp share: numbers as people
// write them, paths relative to a file, Fields, which reads one JSON object's keys with their JSON
// paths, and the lever reader.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/scenario/scenario.hpp"
#include "cssim/scenario/workshop.hpp"

namespace cssim::scenario::workshop_fields {

using nlohmann::json;

/** @brief 8 rather than 8.0, 0.5 as 0.5: numbers as people write them. */
inline std::string num(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

/** @brief `target` resolved against the folder of `from` (absolute paths kept). */
inline std::string resolve_relative(const std::string& from, const std::string& target) {
    const std::filesystem::path p(target);
    if (p.is_absolute())
        return target;
    return (std::filesystem::path(from).parent_path() / p).lexically_normal().string();
}

/** @brief Reads one object's fields, reporting problems under `at` (a JSON path prefix). */
class Fields {
public:
    Fields(const json& object, std::string at, std::vector<Diagnostic>& out)
        : object_(object), at_(std::move(at)), out_(out) {}

    std::string path(std::string_view key) const {
        return at_.empty() ? std::string(key) : at_ + "." + std::string(key);
    }
    void error(std::string_view key, std::string message) const {
        out_.push_back({path(key), std::move(message), "", 0, 0});
    }
    const json* get(std::string_view key, bool required) const {
        const auto it = object_.find(std::string(key));
        if (it == object_.end()) {
            if (required)
                error(key, "is required");
            return nullptr;
        }
        return &*it;
    }
    std::string text(std::string_view key, bool required) const {
        const json* v = get(key, required);
        if (v == nullptr)
            return "";
        if (!v->is_string() || v->get<std::string>().empty()) {
            error(key, "must be a non-empty string");
            return "";
        }
        return v->get<std::string>();
    }
    std::optional<double> number(std::string_view key, bool required, double low = -INFINITY,
                                 double high = INFINITY) const {
        const json* v = get(key, required);
        if (v == nullptr)
            return std::nullopt;
        if (!v->is_number()) {
            error(key, "must be a number");
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!(d >= low && d <= high)) {
            error(key,
                  "must be between " + num(low) + " and " + num(high) + " (got " + v->dump() + ")");
            return std::nullopt;
        }
        return d;
    }
    /** @brief Reports keys not in `known`, with a did-you-mean. */
    void only(const std::vector<std::string>& known) const {
        for (const auto& [key, value] : object_.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end())
                continue;
            const std::string near = closest_name(key, known);
            error(key, "unknown key" + (near.empty() ? "" : "; did you mean \"" + near + "\"?"));
        }
    }

private:
    const json& object_;
    std::string at_;
    std::vector<Diagnostic>& out_;
};

/** @brief `key[i]`, the JSON path of an array item. */
inline std::string at_index(const std::string& key, std::size_t i) {
    return key + "[" + std::to_string(i) + "]";
}

/**
 * @brief Checks `path=value` against the scenario as `--set` would; reports the scenario's
 * first complaint at `at`. Returns the model's planned budget a year with that setting (none if
 * the scenario has no department or refuses the setting).
 */
std::optional<double> check_setting(const std::string& scenario_path, const std::string& path,
                                    const std::string& value, const std::string& at,
                                    std::vector<Diagnostic>& out);

/**
 * @brief Reads one lever of a workshop file at JSON path `at`; its paths and values are checked
 * against the scenario (and priced) only when `scenario_ok`.
 */
void read_lever(const json& item, const std::string& at, const std::string& scenario_path,
                bool scenario_ok, WorkshopLever& lever, std::vector<Diagnostic>& out);

}  // namespace cssim::scenario::workshop_fields
