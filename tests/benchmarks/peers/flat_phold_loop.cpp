// A hand-written sequential PHOLD: one std::priority_queue of (time, seq, lp), per-LP random
// streams keyed by LP id exactly as models/phold draws them (so the work per event is the same:
// one exponential, one uniform, sometimes one bounded integer). No epochs, no messages, no
// per-LP Simulation: the limit a one-thread run of the LP facility is compared with.
#include "flat_phold_loop.hpp"

#include <cmath>
#include <queue>

#include "cssim/core/random.hpp"

namespace cssim::bench {

namespace {

struct FlatEvent {
    core::Tick time;
    std::uint64_t seq;
    std::uint32_t lp;
};

struct Later {
    bool operator()(const FlatEvent& a, const FlatEvent& b) const {
        return a.time > b.time || (a.time == b.time && a.seq > b.seq);
    }
};

}  // namespace

FlatPholdResult run_flat_phold(const phold::PholdConfig& config, std::uint64_t master_seed,
                               std::uint64_t replication) {
    const auto lps = static_cast<std::uint32_t>(config.lps);
    const core::Tick lookahead = phold::ticks_from_units(config.lookahead);
    const core::Tick horizon = phold::ticks_from_units(config.horizon);
    const double mean_ticks = config.mean_delay * static_cast<double>(phold::kTicksPerUnit);
    std::vector<core::RandomStream> delay, routing;
    for (std::uint32_t i = 0; i < lps; ++i) {
        delay.push_back(core::RandomStream::derive(master_seed, replication, "phold.delay", i));
        routing.push_back(core::RandomStream::derive(master_seed, replication, "phold.routing", i));
    }
    std::vector<FlatEvent> storage;
    storage.reserve(static_cast<std::size_t>(lps) * static_cast<std::size_t>(config.events_per_lp));
    std::priority_queue<FlatEvent, std::vector<FlatEvent>, Later> queue(Later{},
                                                                        std::move(storage));
    std::uint64_t seq = 0;
    for (std::uint32_t i = 0; i < lps; ++i) {
        for (int j = 0; j < config.events_per_lp; ++j) {
            queue.push({std::llround(delay[i].exponential(mean_ticks)), seq++, i});
        }
    }
    FlatPholdResult result;
    while (!queue.empty() && queue.top().time < horizon) {
        const FlatEvent e = queue.top();
        queue.pop();
        ++result.events_processed;
        const core::Tick when =
            e.time + lookahead + std::llround(delay[e.lp].exponential(mean_ticks));
        std::uint32_t to = e.lp;
        if (lps > 1 && routing[e.lp].uniform01() < config.remote_fraction) {
            to = static_cast<std::uint32_t>(routing[e.lp].uniform_int(lps - 1));
            to += to >= e.lp ? 1 : 0;
            ++result.remote_messages;
        }
        queue.push({when, seq++, to});
    }
    return result;
}

}  // namespace cssim::bench
