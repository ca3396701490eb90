#include "app/recent_runs.hpp"

#include <algorithm>

namespace cssim::viewer {

std::vector<RecentRun> find_recent_runs(const std::filesystem::path& results_root,
                                        std::size_t limit) {
    std::vector<RecentRun> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(results_root, ec))
        return out;
    std::filesystem::recursive_directory_iterator it(
        results_root, std::filesystem::directory_options::skip_permission_denied, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it.depth() >= 2)
            it.disable_recursion_pending();
        const auto& entry = *it;
        if (entry.path().filename() != "run.sqlite" || !entry.is_regular_file(ec))
            continue;
        RecentRun r;
        r.archive = entry.path();
        r.label = entry.path().parent_path().lexically_relative(results_root).string();
        if (r.label.empty() || r.label == ".")
            r.label = entry.path().parent_path().string();
        r.modified = entry.last_write_time(ec);
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const RecentRun& a, const RecentRun& b) {
        return a.modified != b.modified ? a.modified > b.modified : a.label < b.label;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

}  // namespace cssim::viewer
