#include "app/pause_condition.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

namespace cssim::viewer {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

const char* symbol(Comparison c) {
    switch (c) {
        case Comparison::greater:
            return ">";
        case Comparison::greater_equal:
            return ">=";
        case Comparison::less:
            return "<";
        case Comparison::less_equal:
            return "<=";
    }
    return "?";
}

}  // namespace

bool holds(const PauseCondition& condition, double value) {
    if (!std::isfinite(value))
        return false;
    switch (condition.comparison) {
        case Comparison::greater:
            return value > condition.threshold;
        case Comparison::greater_equal:
            return value >= condition.threshold;
        case Comparison::less:
            return value < condition.threshold;
        case Comparison::less_equal:
            return value <= condition.threshold;
    }
    return false;
}

std::string describe(const PauseCondition& condition) {
    std::ostringstream out;
    if (condition.side == ConditionSide::a)
        out << "A: ";
    if (condition.side == ConditionSide::b)
        out << "B: ";
    out << condition.series << ' ' << symbol(condition.comparison) << ' ' << condition.threshold;
    return out.str();
}

std::optional<PauseCondition> parse_pause_condition(std::string_view text, std::string* error) {
    auto fail = [&](std::string message) -> std::optional<PauseCondition> {
        if (error != nullptr)
            *error = std::move(message);
        return std::nullopt;
    };
    PauseCondition c;
    std::string_view rest = trim(text);
    if (rest.size() >= 2 && (rest[0] == 'A' || rest[0] == 'B') && rest[1] == ':') {
        c.side = rest[0] == 'A' ? ConditionSide::a : ConditionSide::b;
        rest = trim(rest.substr(2));
    }
    const std::size_t op = rest.find_first_of("<>");
    if (op == std::string_view::npos) {
        return fail(
            "expected a comparison: series > value, >=, < or <= (e.g. "
            "\"unallocated_cases > 50\")");
    }
    c.series = std::string(trim(rest.substr(0, op)));
    if (c.series.empty())
        return fail("the series name is missing before '" + std::string(1, rest[op]) + "'");
    const bool with_equal = op + 1 < rest.size() && rest[op + 1] == '=';
    if (rest[op] == '>') {
        c.comparison = with_equal ? Comparison::greater_equal : Comparison::greater;
    } else {
        c.comparison = with_equal ? Comparison::less_equal : Comparison::less;
    }
    const std::string_view number = trim(rest.substr(op + (with_equal ? 2 : 1)));
    if (number.empty())
        return fail("the threshold is missing after the comparison");
    // from_chars for double is available in libstdc++ 11+; it accepts no leading '+'.
    const auto [ptr, ec] =
        std::from_chars(number.data(), number.data() + number.size(), c.threshold);
    if (ec != std::errc{} || ptr != number.data() + number.size() || !std::isfinite(c.threshold)) {
        return fail("the threshold \"" + std::string(number) + "\" is not a number");
    }
    return c;
}

std::optional<PauseTrigger> first_pause_trigger(const std::vector<PauseCondition>& conditions,
                                                const SeriesLookup& lookup, std::int64_t from_day,
                                                std::int64_t to_day) {
    if (to_day <= from_day)
        return std::nullopt;
    for (std::int64_t day = from_day + 1; day <= to_day; ++day) {
        for (std::size_t i = 0; i < conditions.size(); ++i) {
            const PauseCondition& c = conditions[i];
            if (!c.enabled || c.series.empty())
                continue;
            for (int side = 0; side < 2; ++side) {
                if (c.side == ConditionSide::a && side != 0)
                    continue;
                if (c.side == ConditionSide::b && side != 1)
                    continue;
                const auto now = lookup(side, c.series, day);
                if (!now || !holds(c, *now))
                    continue;
                const auto before = lookup(side, c.series, day - 1);
                if (before && holds(c, *before))
                    continue;  // already true: not a new crossing
                return PauseTrigger{day, i, side};
            }
        }
    }
    return std::nullopt;
}

}  // namespace cssim::viewer
