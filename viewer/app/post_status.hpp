#pragma once
/**
 * @file post_status.hpp
 * @brief What the office floor draws for a post: its status name from the archive mapped to a
 * mark, and its role mapped to a tile shape. No ImGui; the names are matched generically so
 * that models may add statuses ("long_term_sick") and roles ("senior_manager").
 */
#include <string_view>

namespace cssim::viewer {

/** @brief The mark a post's status gets on the office floor. */
enum class PostMark { working, sick, notice, vacant, deleted };

/**
 * @brief "deleted" → deleted (the post no longer exists), anything with "sick" → sick,
 * "notice" → notice, "vacant" or "left" → vacant, everything else → working.
 */
PostMark post_mark(std::string_view status_name);

/** @brief A manager's post: the role contains "manager" (e.g. "team_manager"). */
bool is_manager_role(std::string_view role);

/** @brief A PA or admin-support post: "pa", or a role with "assistant" or "admin". */
bool is_pa_role(std::string_view role);

}  // namespace cssim::viewer
