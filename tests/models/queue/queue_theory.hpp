#pragma once
// Analytic steady-state values of the queues the validation tests simulate (times in days).
#include <vector>

namespace cssim::queue::testing {

/** @brief Steady-state measures; rates per day, times in days. */
struct QueueTheory {
    double wait_mean = 0.0;             ///< Wq
    double time_in_system_mean = 0.0;   ///< W
    double queue_length_mean = 0.0;     ///< Lq
    double system_length_mean = 0.0;    ///< L
    double utilisation = 0.0;           ///< busy servers / servers
    double blocking_probability = 0.0;  ///< P(arrival finds the system full)
    double arrival_rate = 0.0;          ///< lambda
    double throughput = 0.0;            ///< lambda_eff = lambda (1 - blocking)
};

/** @brief Erlang B blocking of c servers with offered load a (stable recursion). */
double erlang_b(int c, double a);
/** @brief Erlang C: probability of waiting in M/M/c with offered load a < c. */
double erlang_c(int c, double a);

/** @brief M/M/c with unlimited waiting room (Erlang C). Requires lambda < c mu. */
QueueTheory mmc(double lambda, double mu, int c);
/** @brief M/M/c/K: K customers at most in the system, from the birth-death solution. */
QueueTheory mmck(double lambda, double mu, int c, int k);
/** @brief M/G/1 by Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)). */
QueueTheory mg1(double lambda, double service_mean, double service_variance);

}  // namespace cssim::queue::testing
