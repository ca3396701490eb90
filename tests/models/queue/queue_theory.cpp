#include "queue_theory.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cssim::queue::testing {

double erlang_b(int c, double a) {
    // B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): no factorials, no overflow.
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return b;
}

double erlang_c(int c, double a) {
    const double b = erlang_b(c, a);
    return c * b / (c - a * (1.0 - b));
}

QueueTheory mmc(double lambda, double mu, int c) {
    const double a = lambda / mu;
    const double rho = a / c;
    if (rho >= 1.0)
        throw std::invalid_argument("mmc: unstable");
    QueueTheory t;
    t.arrival_rate = t.throughput = lambda;
    t.utilisation = rho;
    t.queue_length_mean = erlang_c(c, a) * rho / (1.0 - rho);
    t.wait_mean = t.queue_length_mean / lambda;
    t.time_in_system_mean = t.wait_mean + 1.0 / mu;
    t.system_length_mean = t.queue_length_mean + a;
    return t;
}

QueueTheory mmck(double lambda, double mu, int c, int k) {
    // p_n proportional to a^n / n! up to c, then times (a / c) per extra customer.
    const double a = lambda / mu;
    std::vector<double> p(static_cast<std::size_t>(k) + 1);
    p[0] = 1.0;
    for (int n = 1; n <= k; ++n)
        p[n] = p[n - 1] * a / std::min(n, c);
    double total = 0.0;
    for (double x : p)
        total += x;
    QueueTheory t;
    double busy = 0.0;
    for (int n = 0; n <= k; ++n) {
        p[n] /= total;
        t.system_length_mean += n * p[n];
        t.queue_length_mean += std::max(n - c, 0) * p[n];
        busy += std::min(n, c) * p[n];
    }
    t.arrival_rate = lambda;
    t.blocking_probability = p[k];
    t.throughput = lambda * (1.0 - p[k]);
    t.utilisation = busy / c;
    t.wait_mean = t.queue_length_mean / t.throughput;
    t.time_in_system_mean = t.system_length_mean / t.throughput;
    return t;
}

QueueTheory mg1(double lambda, double service_mean, double service_variance) {
    const double rho = lambda * service_mean;
    if (rho >= 1.0)
        throw std::invalid_argument("mg1: unstable");
    const double second_moment = service_variance + service_mean * service_mean;
    QueueTheory t;
    t.arrival_rate = t.throughput = lambda;
    t.utilisation = rho;
    t.wait_mean = lambda * second_moment / (2.0 * (1.0 - rho));
    t.time_in_system_mean = t.wait_mean + service_mean;
    t.queue_length_mean = lambda * t.wait_mean;
    t.system_length_mean = lambda * t.time_in_system_mean;
    return t;
}

}  // namespace cssim::queue::testing
