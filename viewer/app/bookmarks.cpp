#include "app/bookmarks.hpp"

#include <algorithm>

namespace cssim::viewer {
namespace {

auto lower(std::vector<Bookmark>& v, std::int64_t day) {
    return std::lower_bound(v.begin(), v.end(), day,
                            [](const Bookmark& b, std::int64_t d) { return b.day < d; });
}

auto lower(const std::vector<Bookmark>& v, std::int64_t day) {
    return std::lower_bound(v.begin(), v.end(), day,
                            [](const Bookmark& b, std::int64_t d) { return b.day < d; });
}

}  // namespace

void BookmarkList::add(std::int64_t day, std::string label) {
    auto it = lower(items_, day);
    if (it != items_.end() && it->day == day) {
        it->label = std::move(label);
        return;
    }
    items_.insert(it, Bookmark{day, std::move(label)});
}

bool BookmarkList::remove(std::int64_t day) {
    auto it = lower(items_, day);
    if (it == items_.end() || it->day != day)
        return false;
    items_.erase(it);
    return true;
}

std::optional<Bookmark> BookmarkList::next_after(std::int64_t day) const {
    auto it = lower(items_, day + 1);
    if (it == items_.end())
        return std::nullopt;
    return *it;
}

std::optional<Bookmark> BookmarkList::previous_before(std::int64_t day) const {
    auto it = lower(items_, day);
    if (it == items_.begin())
        return std::nullopt;
    return *std::prev(it);
}

std::optional<Bookmark> BookmarkList::first_in(std::int64_t from_day, std::int64_t to_day) const {
    auto b = next_after(from_day);
    if (b && b->day <= to_day)
        return b;
    return std::nullopt;
}

}  // namespace cssim::viewer
