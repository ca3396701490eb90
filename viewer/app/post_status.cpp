#include "app/post_status.hpp"

namespace cssim::viewer {
namespace {

bool has(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

}  // namespace

PostMark post_mark(std::string_view status_name) {
    if (has(status_name, "deleted"))
        return PostMark::deleted;
    if (has(status_name, "sick"))
        return PostMark::sick;
    if (has(status_name, "notice"))
        return PostMark::notice;
    if (has(status_name, "vacant") || status_name == "left")
        return PostMark::vacant;
    return PostMark::working;
}

bool is_manager_role(std::string_view role) {
    return has(role, "manager");
}

bool is_pa_role(std::string_view role) {
    return role == "pa" || has(role, "assistant") || has(role, "admin");
}

}  // namespace cssim::viewer
