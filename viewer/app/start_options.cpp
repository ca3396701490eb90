#include "app/start_options.hpp"

#include <algorithm>
#include <numeric>

namespace cssim::viewer {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest_name(std::string_view typed,
                                        const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(typed, c);
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    if (!best || 3 * best_distance > std::max(typed.size(), best->size()))
        return std::nullopt;
    return best;
}

std::optional<std::int64_t> checked_day(const ViewerState& state, const std::string& text,
                                        std::string* error) {
    const auto day = state.alignment.parse_day(text);
    if (!day) {
        *error = "\"" + text + "\" is neither a day number nor a date YYYY-MM-DD";
        return std::nullopt;
    }
    const std::int64_t first = state.alignment.first_shared_day();
    const std::int64_t last = state.alignment.last_shared_day();
    if (*day < first || *day > last) {
        const int side = state.alignment.has_side(kSideA) ? kSideA : kSideB;
        const std::int64_t own_first = first - state.alignment.offset(side);
        const std::int64_t own_last = last - state.alignment.offset(side);
        *error = "\"" + text + "\" is outside the run: days " + std::to_string(own_first) + " to " +
                 std::to_string(own_last);
        if (state.alignment.mode() == AlignMode::calendar) {
            *error += ", " + state.alignment.label(first) + " to " + state.alignment.label(last);
        }
        return std::nullopt;
    }
    return day;
}

namespace {

std::string check_condition_series(const ViewerState& state, const PauseCondition& c) {
    std::vector<int> sides;
    if (c.side != ConditionSide::b && has_run(state, kSideA))
        sides.push_back(kSideA);
    if (c.side != ConditionSide::a && has_run(state, kSideB))
        sides.push_back(kSideB);
    if (sides.empty())
        return std::string("run ") + (c.side == ConditionSide::b ? "B" : "A") + " is not open";
    std::vector<std::string> names;
    for (int side : sides) {
        const auto& run = state.sides[static_cast<std::size_t>(side)].run;
        if (run->find_series(c.series) != nullptr)
            return "";
        for (const auto& n : run->series_names()) {
            if (std::find(names.begin(), names.end(), n) == names.end())
                names.push_back(n);
        }
    }
    std::string message = "no series \"" + c.series + "\" in the run";
    if (const auto near = closest_name(c.series, names))
        return message + "; did you mean \"" + *near + "\"?";
    message += "; its series are";
    for (std::size_t i = 0; i < names.size() && i < 12; ++i)
        message += (i == 0 ? " " : ", ") + names[i];
    return names.size() > 12 ? message + ", ..." : message;
}

}  // namespace

std::string apply_start_options(ViewerState& state, const ViewerOptions& o) {
    state.presenter = o.presenter;
    if (o.view)
        apply_start_view(state, *o.view);
    for (const auto& text : o.pause_conditions) {
        std::string error;
        auto c = parse_pause_condition(text, &error);
        if (c)
            error = check_condition_series(state, *c);
        if (!error.empty())
            return "--pause-when \"" + text + "\": " + error;
        state.pause_conditions.push_back(*c);
    }
    for (const auto& text : o.bookmarks) {
        const auto eq = text.find('=');
        const std::string when = text.substr(0, eq);
        std::string error;
        const auto day = checked_day(state, when, &error);
        if (!day)
            return "--bookmark \"" + text + "\": " + error + " (expected DAY or DAY=label)";
        state.bookmarks.add(*day, eq == std::string::npos ? when : text.substr(eq + 1));
    }
    if (o.day) {
        std::string error;
        const auto day = checked_day(state, *o.day, &error);
        if (!day)
            return "--day: " + error;
        state.clock.scrub_to(static_cast<double>(*day));
    }
    return "";
}

}  // namespace cssim::viewer
