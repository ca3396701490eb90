// PHOLD (Fujimoto 1990) on parallel::run_logical_processes: each LP is a LogicalProcess whose
// handler reschedules every event it processes, locally or (with probability remote_fraction)
// at a uniformly chosen other LP, after lookahead + Exp(mean_delay).
#include "cssim/phold/phold_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <numeric>
#include <utility>

#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"
#include "cssim/parallel/logical_process.hpp"

namespace cssim::phold {

core::Tick ticks_from_units(double units) {
    return static_cast<core::Tick>(std::llround(units * static_cast<double>(kTicksPerUnit)));
}

namespace {

using core::Tick;

/** @brief What every LP of a run is given (read-only during the run). */
struct Shared {
    Tick lookahead = 0;
    double mean_ticks = 0.0;
    double remote_fraction = 0.0;
    std::uint32_t lps = 1;
};

/** @brief One PHOLD LP: its Simulation (in the base), its two streams and its counters. */
class PholdLp final : public parallel::LogicalProcess {
public:
    PholdLp(std::uint32_t id, const Shared& shared, std::uint64_t master_seed,
            std::uint64_t replication)
        : LogicalProcess(id),
          shared_(shared),
          delay_rng_(core::RandomStream::derive(master_seed, replication, "phold.delay", id)),
          routing_rng_(core::RandomStream::derive(master_seed, replication, "phold.routing", id)) {}

    /** @brief The initial events, at Exp(mean_delay) after time 0 (no lookahead). */
    void seed_events(int count) {
        for (int j = 0; j < count; ++j) {
            simulation().schedule_at(exponential_ticks(), 0);
        }
    }

    void run_until(Tick end) override { simulation().run_until(end, *this); }

    void operator()(const core::Event& event) {
        ++processed_;
        const Tick when = event.time + shared_.lookahead + exponential_ticks();
        if (shared_.lps > 1 && routing_rng_.uniform01() < shared_.remote_fraction) {
            // Uniform over the other lps - 1 LPs: draw in [0, lps - 1) and skip our own id.
            auto destination =
                static_cast<std::uint32_t>(routing_rng_.uniform_int(shared_.lps - 1));
            if (destination >= id()) {
                ++destination;
            }
            send(destination, when, 0);
        } else {
            simulation().schedule_at(when, 0);
        }
    }

    std::uint64_t processed() const { return processed_; }

private:
    Tick exponential_ticks() {
        return static_cast<Tick>(std::llround(delay_rng_.exponential(shared_.mean_ticks)));
    }

    /// A copy in each LP, beside its streams: the parameters are read on every event, and a
    /// shared copy would sit on the calling thread's stack, near lines that thread writes.
    const Shared shared_;
    core::RandomStream delay_rng_;
    core::RandomStream routing_rng_;
    std::uint64_t processed_ = 0;
};

/** @brief The LP ids each home thread allocates: thread t those of the groups g with
 * g mod threads == t, group by group, then by id. A partition of the wrong size is the runner's
 * to reject: then thread 0 takes them all, in index order. */
std::vector<std::vector<std::uint32_t>> phold_allocation_shares(
    const std::vector<std::uint32_t>& partition, std::uint32_t lps, int threads) {
    std::vector<std::uint32_t> order(lps);
    std::iota(order.begin(), order.end(), 0U);
    if (partition.size() != lps || lps == 0) {
        return {order};
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return partition[a] < partition[b]; });
    const std::uint32_t groups = partition[order.back()] + 1;
    std::vector<std::vector<std::uint32_t>> shares(parallel::home_thread_count(groups, threads));
    for (const std::uint32_t i : order) {
        shares[partition[i] % shares.size()].push_back(i);
    }
    return shares;
}

}  // namespace

PholdRunStats simulate(const PholdConfig& config, std::uint64_t master_seed,
                       std::uint64_t replication, const PholdRunOptions& options) {
    Shared shared;
    shared.lookahead = ticks_from_units(config.lookahead);
    shared.mean_ticks = config.mean_delay * static_cast<double>(kTicksPerUnit);
    shared.remote_fraction = config.remote_fraction;
    shared.lps = static_cast<std::uint32_t>(config.lps);

    // Each home thread's LPs are allocated by a thread of their own (so in a heap of their own,
    // apart from the other threads' LPs however fragmented earlier runs left the heap), group by
    // group, with a guard of untouched memory before, between and after the groups
    // (docs/logical-processes.md, "Memory and allocation"). Nothing else changes: an LP's
    // streams and events depend on its id only.
    const std::vector<std::uint32_t> partition =
        options.partition.empty() ? parallel::default_partition(shared.lps, options.threads)
                                  : options.partition;
    const std::vector<std::vector<std::uint32_t>> shares =
        phold_allocation_shares(partition, shared.lps, options.threads);
    std::vector<std::unique_ptr<PholdLp>> lps(shared.lps);
    std::vector<std::vector<std::unique_ptr<std::byte[]>>> guards(shares.size());
    parallel::allocate_apart(static_cast<std::uint32_t>(shares.size()), [&](std::uint32_t t) {
        const std::vector<std::uint32_t>& share = shares[t];
        for (std::size_t j = 0; j < share.size(); ++j) {
            const std::uint32_t i = share[j];
            if (j == 0 ||
                (partition.size() == shared.lps && partition[i] != partition[share[j - 1]])) {
                guards[t].push_back(
                    std::make_unique_for_overwrite<std::byte[]>(parallel::kGroupGuardBytes));
            }
            lps[i] = std::make_unique<PholdLp>(i, shared, master_seed, replication);
            lps[i]->seed_events(config.events_per_lp);
        }
        guards[t].push_back(
            std::make_unique_for_overwrite<std::byte[]>(parallel::kGroupGuardBytes));
    });
    std::vector<parallel::LogicalProcess*> pointers;
    pointers.reserve(lps.size());
    for (const auto& lp : lps) {
        pointers.push_back(lp.get());
    }

    parallel::LpRunOptions run_options;
    run_options.lookahead = shared.lookahead;
    run_options.end = ticks_from_units(config.horizon);
    run_options.threads = options.threads;
    run_options.partition = partition;
    run_options.cancel = options.cancel;
    run_options.times = options.times;
    if (options.on_progress) {
        run_options.progress_every = kProgressEpochs;
        run_options.on_progress = [&options](std::uint64_t done, std::uint64_t total) {
            options.on_progress(static_cast<double>(done) / static_cast<double>(total));
        };
    }
    const parallel::LpRunOutcome outcome = parallel::run_logical_processes(pointers, run_options);

    PholdRunStats stats;
    stats.epochs = outcome.epochs;
    stats.remote_messages = outcome.messages;
    stats.cancelled = outcome.cancelled;
    stats.events_per_lp.reserve(lps.size());
    for (const auto& lp : lps) {
        stats.events_per_lp.push_back(lp->processed());
        stats.events_processed += lp->processed();
    }
    return stats;
}

std::vector<record::MetricInfo> metric_info() {
    return {{"events_processed", "events", "Events dispatched before the horizon, all LPs", 0,
             "Events processed"},
            {"remote_messages", "messages", "Events sent to another LP", 0, "Remote messages"},
            {"events_per_lp_min", "events", "Fewest events dispatched by one LP", 0,
             "Events per LP (min)"},
            {"events_per_lp_max", "events", "Most events dispatched by one LP", 0,
             "Events per LP (max)"},
            {"epochs", "epochs", "Lookahead epochs run", 0, "Epochs"}};
}

std::optional<record::ReplicationRecord> run_replication(const PholdConfig& config,
                                                         std::uint64_t master_seed,
                                                         std::uint64_t replication,
                                                         const PholdRunOptions& options) {
    const PholdRunStats stats = simulate(config, master_seed, replication, options);
    if (stats.cancelled) {
        return std::nullopt;
    }
    record::ReplicationRecord record;
    record.replication = replication;
    record.seed = master_seed;
    const auto [low, high] =
        std::minmax_element(stats.events_per_lp.begin(), stats.events_per_lp.end());
    const double values[] = {static_cast<double>(stats.events_processed),
                             static_cast<double>(stats.remote_messages), static_cast<double>(*low),
                             static_cast<double>(*high), static_cast<double>(stats.epochs)};
    const std::vector<record::MetricInfo> info = metric_info();
    record.metrics.reserve(info.size());
    for (std::size_t i = 0; i < info.size(); ++i) {
        record.metrics.push_back({info[i].name, values[i]});
    }
    return record;
}

std::vector<std::string> stream_names() {
    return {"phold.delay", "phold.routing"};
}

record::RunLayout layout(const PholdConfig&) {
    record::RunLayout result;
    result.metrics = metric_info();
    return result;
}

}  // namespace cssim::phold
