#pragma once
// The one-thread limit for PHOLD: a hand-written sequential loop over one global
// std::priority_queue, with the same per-LP random streams and the same delays as models/phold.
#include <cstdint>
#include <vector>

#include "cssim/phold/phold_config.hpp"

namespace cssim::bench {

struct FlatPholdResult {
    std::uint64_t events_processed = 0;
    std::uint64_t remote_messages = 0;
};

/** @brief Runs PHOLD sequentially (no epochs, no LPs as objects). */
FlatPholdResult run_flat_phold(const phold::PholdConfig& config, std::uint64_t master_seed,
                               std::uint64_t replication);

}  // namespace cssim::bench
