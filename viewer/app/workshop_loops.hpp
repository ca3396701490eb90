#pragma once
/**
 * @file workshop_loops.hpp
 * @brief The debrief's "loops behind the difference", found in the data: how much each series
 * of two tables' runs differs, and the longest chain of the model's mechanisms (a fixed list of
 * cause -> effect links between series, e.g. caseload raises stress) along which the series
 * differ in the directions the links imply. Nothing names a story in advance: which chain is
 * named depends only on which series differ most.
 */
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cssim::viewer {

/** @brief A mechanism of the department model: `from` moves `to` up (sign +1) or down (-1). */
struct MechanismLink {
    const char* from;
    const char* to;
    int sign;
    const char* via;  ///< what carries it, shown between the two, e.g. "leavers" (may be "")
};

/** @brief The links the loop finder follows (series names of the department model). */
std::span<const MechanismLink> mechanism_links();

/** @brief How one series differs between table A and table B over the debrief's window. */
struct SeriesDifference {
    std::string series;
    std::string label;
    double mean_a = 0.0;
    double mean_b = 0.0;
    double effect = 0.0;      ///< |mean_b - mean_a| / scale, capped at 10
    int sign = 0;             ///< sign of mean_b - mean_a (0: no difference)
    std::int64_t onset = -1;  ///< first index where the gap reached a quarter of the mean gap
};

/**
 * @brief Compares two series over the same days (NaN days skipped). The scale is the pooled
 * standard deviation of the two over the window plus 2% of the larger mean magnitude, so a
 * steady gap in a steady series counts as large and noise as small.
 */
SeriesDifference series_difference(std::string series, std::string label, std::span<const double> a,
                                   std::span<const double> b);

/** @brief A chain of differing series joined by mechanisms; `closes` when it loops back. */
struct NamedLoop {
    std::vector<SeriesDifference> chain;
    std::vector<std::string> via;  ///< what carries each link, chain.size() - 1 entries
    bool closes = false;           ///< the last series feeds back into an earlier one
    bool reinforcing = false;      ///< when it closes: the loop amplifies (an even number of -)
    double strength = 0.0;         ///< sum of the chain's effects
};

/**
 * @brief Up to `max_loops` chains of at least two series, strongest first, each series
 * differing by at least `threshold` and in the direction the links imply. A later chain shares
 * at most half its series with an earlier one.
 */
std::vector<NamedLoop> name_loops(const std::vector<SeriesDifference>& differences,
                                  std::size_t max_loops = 2, double threshold = 0.5);

/**
 * @brief The loop as the room reads it, e.g. "Agency workers down -> Social workers in post
 * down -> Caseload per worker up -> Stress index up -> (leavers) Vacancy rate up", with
 * " -> and round again" when it closes.
 */
std::string loop_text(const NamedLoop& loop, const std::string& arrow = " -> ");

}  // namespace cssim::viewer
