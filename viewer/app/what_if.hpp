#pragma once
/**
 * @file what_if.hpp
 * @brief Live what-if for workshops: a preset plus a few levers become a `cssim run` command.
 */
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cssim::viewer {

/**
 * @brief One slider of the what-if panel. When `applied`, it becomes `--set set_path=value`.
 * Integer levers are written without decimals.
 */
struct WhatIfLever {
    std::string label;     ///< what the room sees, e.g. "Workers per PA"
    std::string set_path;  ///< scenario path for --set, e.g. "admin_support.workers_per_pa"
    std::string hint;      ///< one sentence under the slider
    double min = 0.0;
    double max = 1.0;
    double value = 0.0;
    bool is_integer = false;
    bool applied = false;
    double display_scale = 1.0;  ///< the slider shows value × display_scale (100: percent)
};

/**
 * @brief The four workshop levers: workers per PA (0 = no admin support), referral rate, budget
 * change and social worker posts, on the scenario paths of scenarios/base.json. The budget
 * change edits the first dated funding change, so it applies to presets that have one
 * (funding_cut). Starting values are base.json's; a lever goes into the command only when
 * ticked.
 */
std::vector<WhatIfLever> default_what_if_levers();

/** @brief A preset scenario file offered in the what-if panel. */
struct ScenarioPreset {
    std::string name;  ///< file stem, e.g. "pa_one_per_three"
    std::filesystem::path path;
};

/** @brief The *.json files of a scenarios directory, sorted by name (empty if none). */
std::vector<ScenarioPreset> find_presets(const std::filesystem::path& scenarios_dir);

/** @brief Everything needed to launch one what-if run. */
struct WhatIfRequest {
    std::filesystem::path scenario;  ///< preset file
    std::vector<WhatIfLever> levers;
    std::uint64_t replications = 1;
    std::uint64_t seed = 1;
};

/** @brief "3", "0.25", "-20" — shortest round-trip form; integers without decimals. */
std::string format_lever_value(const WhatIfLever& lever);

/**
 * @brief argv for `cssim run SCENARIO --out DIR --replications N --seed S --set p=v ...`, one
 * --set per applied lever, in lever order.
 */
std::vector<std::string> build_what_if_command(const std::filesystem::path& cssim_executable,
                                               const WhatIfRequest& request,
                                               const std::filesystem::path& out_dir);

/** @brief Creates a fresh private directory under the system temp dir for one what-if run. */
std::filesystem::path make_what_if_directory();

}  // namespace cssim::viewer
