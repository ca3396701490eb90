#include "app/what_if.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace cssim::viewer {

std::vector<WhatIfLever> default_what_if_levers() {
    std::vector<WhatIfLever> levers(4);
    levers[0] = {"Workers per PA",
                 "admin_support.workers_per_pa",
                 "0 = no admin support; 3 = one personal assistant per three social workers",
                 0.0,
                 10.0,
                 3.0,
                 true,
                 true};
    levers[1] = {"Referrals per 10k children a year",
                 "demand.referrals_per_10k_children_per_year",
                 "external referrals to children's social care (base.json: 370)",
                 150.0,
                 900.0,
                 370.0,
                 true,
                 false};
    levers[2] = {"Budget change (%)",
                 "money.funding_changes[0].budget_change",
                 "size of the preset's first dated funding change (funding_cut: -20%)",
                 -0.5,
                 0.2,
                 -0.2,
                 false,
                 false,
                 100.0};
    levers[3] = {"Social worker posts",
                 "workforce.social_worker_posts",
                 "funded case-holding social worker posts (base.json: 168)",
                 40.0,
                 300.0,
                 168.0,
                 true,
                 false};
    return levers;
}

std::vector<ScenarioPreset> find_presets(const std::filesystem::path& scenarios_dir) {
    std::vector<ScenarioPreset> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(scenarios_dir, ec))
        return out;
    for (const auto& entry : std::filesystem::directory_iterator(scenarios_dir, ec)) {
        if (entry.is_regular_file(ec) && entry.path().extension() == ".json") {
            out.push_back({entry.path().stem().string(), entry.path()});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::string format_lever_value(const WhatIfLever& lever) {
    double v = std::clamp(lever.value, lever.min, lever.max);
    if (lever.is_integer)
        v = std::round(v);
    char buf[64];
    const auto [ptr, ec] = lever.is_integer
                               ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v))
                               : std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc{} ? std::string(buf, ptr) : std::string("0");
}

std::vector<std::string> build_what_if_command(const std::filesystem::path& cssim_executable,
                                               const WhatIfRequest& request,
                                               const std::filesystem::path& out_dir) {
    std::vector<std::string> argv{cssim_executable.string(),
                                  "run",
                                  request.scenario.string(),
                                  "--out",
                                  out_dir.string(),
                                  "--replications",
                                  std::to_string(std::max<std::uint64_t>(request.replications, 1)),
                                  "--seed",
                                  std::to_string(request.seed)};
    for (const auto& lever : request.levers) {
        if (!lever.applied || lever.set_path.empty())
            continue;
        argv.emplace_back("--set");
        argv.push_back(lever.set_path + "=" + format_lever_value(lever));
    }
    return argv;
}

std::filesystem::path make_what_if_directory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cssim-whatif-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory for the what-if run under " +
                                 std::filesystem::temp_directory_path().string());
    }
    return pattern;
}

}  // namespace cssim::viewer
