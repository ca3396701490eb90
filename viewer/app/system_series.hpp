#pragma once
/**
 * @file system_series.hpp
 * @brief The "System effects" panel's logic: grouping the archive's series by prefix, and the
 * inspection judgement badge. No ImGui; knows no series names except the judgement's.
 *
 * A series "prevention/capacity" belongs to the group "prevention". Series without a prefix
 * are the department's headline series (KPI cards, charts); "stage/" and "time_use/" have
 * panels of their own (pathway, time use). Everything else is a system effect, whatever
 * submodels the archive's model has.
 */
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cssim::viewer {

/** @brief One prefix's series, in archive order. */
struct SeriesGroup {
    std::string prefix;  ///< without the slash, e.g. "inspection"
    std::vector<std::string> series;
};

/** @brief The group of a series name: the text before its first '/', or empty for none. */
std::string_view series_prefix(std::string_view name);
/** @brief The name without its prefix ("capacity" for "prevention/capacity"). */
std::string_view series_leaf(std::string_view name);

/** @brief Whether a series belongs in the System effects panel (see the file comment). */
bool is_system_series(std::string_view name);

/** @brief System series grouped by prefix, groups in order of first appearance. */
std::vector<SeriesGroup> group_system_series(const std::vector<std::string>& names);

/** @brief The series whose current value is shown as a judgement badge, when present. */
inline constexpr std::string_view kJudgementSeries = "inspection/judgement";

/** @brief An inspection judgement (Ofsted's four grades, and none yet). */
enum class Judgement { not_inspected, outstanding, good, requires_improvement, inadequate };

/**
 * @brief The judgement a series value codes (0 not inspected, 1 outstanding, 2 good,
 * 3 requires improvement, 4 inadequate); nullopt for anything else (NaN, 2.5, 7).
 */
std::optional<Judgement> judgement_from_value(double value);

/** @brief "Not inspected", "Outstanding", "Good", "Requires improvement", "Inadequate". */
std::string_view judgement_label(Judgement judgement);

/** @brief 8-bit RGB. */
struct Rgb {
    unsigned char r = 0;
    unsigned char g = 0;
    unsigned char b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

/** @brief Badge colour: green to red through the grades, grey when not inspected. */
Rgb judgement_colour(Judgement judgement);

}  // namespace cssim::viewer
