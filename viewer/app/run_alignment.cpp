#include "app/run_alignment.hpp"

#include <algorithm>
#include <charconv>

#include "app/civil_date.hpp"

namespace cssim::viewer {

RunAlignment RunAlignment::make(const std::array<std::optional<SideExtent>, 2>& sides,
                                AlignMode requested) {
    RunAlignment a;
    bool calendar = requested == AlignMode::calendar;
    for (const auto& s : sides) {
        if (s && !s->start_day_number)
            calendar = false;
    }
    a.mode_ = calendar ? AlignMode::calendar : AlignMode::elapsed;
    bool any = false;
    for (int i = 0; i < 2; ++i) {
        const auto& s = sides[static_cast<std::size_t>(i)];
        if (!s)
            continue;
        a.present_[i] = true;
        a.offset_[i] = calendar ? *s->start_day_number : 0;
        a.side_first_[i] = s->first_day;
        a.side_last_[i] = std::max(s->first_day, s->last_day);
        const std::int64_t lo = a.side_first_[i] + a.offset_[i];
        const std::int64_t hi = a.side_last_[i] + a.offset_[i];
        a.first_ = any ? std::min(a.first_, lo) : lo;
        a.last_ = any ? std::max(a.last_, hi) : hi;
        any = true;
    }
    return a;
}

std::optional<std::int64_t> RunAlignment::side_day(int side, std::int64_t shared) const {
    if (!present_[side])
        return std::nullopt;
    const std::int64_t own = shared - offset_[side];
    if (own < side_first_[side] || own > side_last_[side])
        return std::nullopt;
    return own;
}

std::string RunAlignment::label(std::int64_t shared) const {
    if (mode_ == AlignMode::calendar)
        return iso_date_from_day_number(shared);
    return "day " + std::to_string(shared);
}

std::string RunAlignment::axis_label(std::int64_t shared) const {
    if (mode_ == AlignMode::calendar)
        return month_year_label(shared);
    return "d" + std::to_string(shared);
}

std::optional<std::int64_t> RunAlignment::parse_day(const std::string& text) const {
    if (const auto date = day_number_from_iso_date(text)) {
        if (mode_ == AlignMode::calendar)
            return *date;
        return std::nullopt;
    }
    std::int64_t day = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), day);
    if (ec != std::errc{} || ptr != text.data() + text.size())
        return std::nullopt;
    // A bare number is a day index of side A (or B when A is absent).
    const int side = present_[0] ? 0 : 1;
    return day + offset_[side];
}

}  // namespace cssim::viewer
