#pragma once
// Helpers shared by the reader's source files (not for model readers).
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "json_reader.hpp"

namespace cssim::scenario {

/** @brief Shortest text that reads back as x ("0.1", "1e+20", "-1"). */
std::string format_number(double x);
/** @brief A value as quoted in messages: "abc" (quoted, truncated), 12, true, an array. */
std::string describe_value(const nlohmann::json& value);
/** @brief minimum/exclusiveMinimum/maximum/exclusiveMaximum for a range. */
void add_range_to_schema(const Range& range, nlohmann::json& schema);
/** @brief "must be in (0, 1e+08] (got 1e+12)", naming the limit when a large bound is passed. */
std::string out_of_range_message(const Range& range, double x, const nlohmann::json& value);
/** @brief {"type": "object", "properties": {}, "unevaluatedProperties": false} */
nlohmann::json object_schema();
/** @brief "must be one of 'a', 'b' (got "x"); did you mean 'a'?" */
std::string unknown_choice_message(const nlohmann::json& value,
                                   std::span<const std::string_view> options);

}  // namespace cssim::scenario
