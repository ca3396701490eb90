#pragma once
/**
 * @file sweep_design.hpp
 * @brief Design matrices for `cssim sweep`: full grid, seeded Latin hypercube, Morris
 * elementary-effects trajectories, or a CSV matrix read from a file; and the Morris summary.
 *
 * Every generator is a pure function of its inputs (the seed included), so the same sweep file
 * always gives the same points in the same order.
 */
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "cssim/scenario/sweep.hpp"

namespace cssim::cli {

/** @brief Points of a design: values[k][i] is factor i at point k. */
struct DesignMatrix {
    std::vector<std::vector<double>> values;
    std::size_t trajectories = 0;  ///< morris: points come in trajectories of (factors + 1)
};

/** @brief A design CSV that cannot be used; what() names the file, line and column. */
class DesignError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief The design CSV does not exist or cannot be opened (exit 66, a missing input). */
class DesignInputMissing : public DesignError {
public:
    using DesignError::DesignError;
};

/** @brief Largest design CSV read, in bytes (100,000 rows of a few factors fit easily). */
inline constexpr std::uintmax_t kMaxDesignCsvBytes = 64u << 20;

/** @brief The levels a factor takes in a grid: its `levels`, or `steps` points over its range. */
std::vector<double> grid_levels(const scenario::SweepFactor& factor);

/** @brief Every combination, the LAST factor varying fastest (row-major, like nested loops). */
DesignMatrix grid_design(const std::vector<scenario::SweepFactor>& factors);

/**
 * @brief Latin hypercube of `points` points: each factor's range is cut into `points` equal
 * strata and each stratum holds exactly one point (uniform within it). A factor with levels
 * takes level floor(stratum * L / points). Reproducible from `seed`.
 */
DesignMatrix lhs_design(const std::vector<scenario::SweepFactor>& factors, std::size_t points,
                        std::uint64_t seed);

/**
 * @brief Morris trajectories (Morris 1991; the variant of Campolongo et al. 2007 without the
 * space-filling selection): each of `trajectories` trajectories has factors + 1 points on a
 * p-level grid over the factor ranges; consecutive points differ in exactly one factor, by
 * +-Delta = p / (2 (p - 1)) of its range, each factor changing once per trajectory.
 */
DesignMatrix morris_design(const std::vector<scenario::SweepFactor>& factors,
                           std::size_t trajectories, std::size_t levels, std::uint64_t seed);

/**
 * @brief Reads a design matrix: a header row naming the factor paths in the sweep's factor
 * order, then one row of numbers per point. Blank lines and lines starting with '#' are skipped.
 */
DesignMatrix read_design_csv(const std::string& path, const std::vector<std::string>& paths);

/** @brief Rounds integer factors; the matrix as printed in the CSVs and passed to --set. */
std::vector<std::vector<std::string>> format_design(
    const DesignMatrix& design, const std::vector<scenario::SweepFactor>& factors);

/** @brief Elementary effects of one factor on one metric, over the trajectories. */
struct ElementaryEffects {
    std::string factor;
    std::string metric;
    double mu = 0.0;       ///< mean effect (signed)
    double mu_star = 0.0;  ///< mean absolute effect (Campolongo et al. 2007)
    double sigma = 0.0;    ///< sd of the effects (n - 1)
    std::size_t r = 0;     ///< effects that could be computed
};

/**
 * @brief Morris summary from the point means. point_means[k][m] is metric m's mean at point k
 * (NaN if undefined). Effects are per unit of the factor's range scaled to [0, 1].
 */
std::vector<ElementaryEffects> morris_effects(const scenario::SweepState& state,
                                              const std::vector<std::string>& metrics,
                                              const std::vector<std::vector<double>>& point_means);

/** @brief morris.csv: `factor,metric,mu,mu_star,sigma,r`, factors in order, then metrics. */
std::string morris_csv(const std::vector<ElementaryEffects>& effects);

}  // namespace cssim::cli
