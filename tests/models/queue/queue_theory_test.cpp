// The analytic formulas themselves, against values published in textbooks.
#include "queue_theory.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace cssim::queue::testing {
namespace {

TEST(QueueTheory, ErlangFormulasMatchTabulatedValues) {
    // Erlang B for 5 servers and 3 erlangs is 0.110054; Erlang C for 2 servers and 1 erlang is
    // 1/3 (M/M/2 at rho 0.5: P(wait) = 2 rho^2 / (1 + rho)).
    EXPECT_NEAR(erlang_b(5, 3.0), 0.110054, 1e-6);
    EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12);
}

TEST(QueueTheory, SpecialCasesAgree) {
    // M/M/1 three ways: Erlang C with c = 1, M/M/1/K with a huge K, and P-K with exponential
    // service (variance = mean^2). W = 1 / (mu - lambda).
    const QueueTheory a = mmc(0.8, 1.0, 1);
    const QueueTheory b = mmck(0.8, 1.0, 1, 2000);
    const QueueTheory c = mg1(0.8, 1.0, 1.0);
    for (const QueueTheory* t : {&a, &b, &c}) {
        EXPECT_NEAR(t->time_in_system_mean, 5.0, 1e-9);
        EXPECT_NEAR(t->queue_length_mean, 3.2, 1e-9);
        EXPECT_NEAR(t->utilisation, 0.8, 1e-9);
    }
    // M/M/1/K blocking: (1 - rho) rho^K / (1 - rho^(K+1)).
    const double rho = 0.9;
    const int k = 5;
    EXPECT_NEAR(mmck(rho, 1.0, 1, k).blocking_probability,
                (1 - rho) * std::pow(rho, k) / (1 - std::pow(rho, k + 1)), 1e-12);
    // M/D/1: Wq = rho / (2 mu (1 - rho)).
    EXPECT_NEAR(mg1(0.7, 1.0, 0.0).wait_mean, 0.7 / (2 * 0.3), 1e-12);
}

}  // namespace
}  // namespace cssim::queue::testing
