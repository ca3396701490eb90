#pragma once
/**
 * @file special_functions.hpp
 * @brief Internal special functions shared by distribution.cpp and statistics.cpp: the normal
 * CDF and the regularised incomplete gamma and beta functions. Double precision to ~1e-14.
 */

namespace cssim::core::detail {

/** @brief Standard normal CDF. */
double normal_cdf(double x);
/** @brief Regularised lower incomplete gamma P(a, x), a > 0, x >= 0. */
double regularized_gamma_p(double a, double x);
/** @brief Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without
 * cancellation in the upper tail. */
double regularized_gamma_q(double a, double x);
/** @brief Regularised incomplete beta I_x(a, b), a, b > 0, 0 <= x <= 1. */
double regularized_beta(double x, double a, double b);

}  // namespace cssim::core::detail
