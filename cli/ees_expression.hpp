#pragma once
/**
 * @file ees_expression.hpp
 * @brief The arithmetic of the `cssim init --ees` mappings: `case_holders_fte / (1 -
 * agency_rate_fte / 100)`. Numbers, names (indicator columns, or scenario fields such as
 * `council.children`),
 * `+ - * /`, unary minus, parentheses, and the functions `max(a, b)` and `min(a, b)`.
 */
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cssim::cli {

/** @brief A malformed expression; the message names the position. */
class ExpressionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief The names an expression uses, in order of first appearance (syntax-checked). */
std::vector<std::string> expression_names(std::string_view expression);

/** @brief Evaluates `expression`; `value_of` gives each name's value (it may throw). */
double evaluate_expression(std::string_view expression,
                           const std::function<double(const std::string&)>& value_of);

}  // namespace cssim::cli
