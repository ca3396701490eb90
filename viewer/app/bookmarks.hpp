#pragma once
/**
 * @file bookmarks.hpp
 * @brief Named days to jump to (and optionally pause at) during a replay.
 */
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cssim::viewer {

/** @brief A named shared day. */
struct Bookmark {
    std::int64_t day = 0;
    std::string label;
};

/** @brief Bookmarks kept sorted by day, at most one per day. */
class BookmarkList {
public:
    /** @brief Adds a bookmark, replacing the label if the day already has one. */
    void add(std::int64_t day, std::string label);
    /** @brief Removes the bookmark on `day`; returns whether there was one. */
    bool remove(std::int64_t day);
    void clear() { items_.clear(); }
    [[nodiscard]] const std::vector<Bookmark>& items() const { return items_; }
    [[nodiscard]] bool empty() const { return items_.empty(); }
    /** @brief First bookmark strictly after `day`. */
    [[nodiscard]] std::optional<Bookmark> next_after(std::int64_t day) const;
    /** @brief Last bookmark strictly before `day`. */
    [[nodiscard]] std::optional<Bookmark> previous_before(std::int64_t day) const;
    /** @brief First bookmark in (from_day, to_day], for pausing at bookmarks while playing. */
    [[nodiscard]] std::optional<Bookmark> first_in(std::int64_t from_day,
                                                   std::int64_t to_day) const;

private:
    std::vector<Bookmark> items_;
};

}  // namespace cssim::viewer
