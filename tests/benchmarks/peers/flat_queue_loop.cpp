// The flat event loop peer (see flat_queue_loop.hpp). Deliberately one function.
#include "flat_queue_loop.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/time.hpp"

namespace cssim::bench {

namespace {

struct FlatEvent {
    core::Tick time;
    std::uint64_t seq;
    std::int64_t arrival;  ///< departures: the customer's arrival tick; -1 arrival; -2 warm-up
};

/** @brief "a after b" for std::push_heap's max-heap: yields a min-heap on (time, seq). */
struct Later {
    bool operator()(const FlatEvent& a, const FlatEvent& b) const {
        return a.time > b.time || (a.time == b.time && a.seq > b.seq);
    }
};

}  // namespace

FlatQueueResult run_flat_queue(const queue::QueueConfig& config, std::uint64_t master_seed,
                               std::uint64_t replication) {
    constexpr std::int64_t kArrival = -1, kWarmup = -2;
    core::RandomStream arrival_rng =
        core::RandomStream::derive(master_seed, replication, "arrivals");
    core::RandomStream service_rng =
        core::RandomStream::derive(master_seed, replication, "service");
    const std::int64_t capacity =
        config.capacity ? *config.capacity : std::numeric_limits<std::int64_t>::max();
    const std::int64_t servers = config.servers;
    const core::Tick warmup = core::ticks_from_days(config.warmup_days);
    const core::Tick horizon = core::ticks_from_days(config.horizon_days);

    std::vector<FlatEvent> heap;
    heap.reserve(1024);
    std::deque<core::Tick> waiting;
    std::uint64_t seq = 0;
    auto push = [&](core::Tick time, std::int64_t arrival) {
        heap.push_back({time, ++seq, arrival});
        std::push_heap(heap.begin(), heap.end(), Later{});
    };
    FlatQueueResult r;
    std::int64_t busy = 0, in_system = 0;
    core::Tick last = 0;
    bool in_window = false;
    push(warmup, kWarmup);
    push(0, kArrival);
    while (!heap.empty() && heap.front().time < horizon) {
        std::pop_heap(heap.begin(), heap.end(), Later{});
        const FlatEvent e = heap.back();
        heap.pop_back();
        ++r.events;
        const core::Tick now = e.time;
        if (e.arrival == kArrival) {
            ++r.arrivals_total;
            push(now + config.arrival.sample_ticks_from_days(arrival_rng), kArrival);
            if (in_system >= capacity) {
                if (in_window)
                    ++r.blocked;
                continue;
            }
            r.queue_area += static_cast<std::int64_t>(waiting.size()) * (now - last);
            r.busy_area += busy * (now - last);
            last = now;
            ++in_system;
            if (busy < servers) {
                ++busy;
                push(now + config.service.sample_ticks_from_days(service_rng), now);
            } else {
                waiting.push_back(now);
            }
        } else if (e.arrival == kWarmup) {
            in_window = true;
            r.queue_area = 0;
            r.busy_area = 0;
            last = now;
        } else {
            r.queue_area += static_cast<std::int64_t>(waiting.size()) * (now - last);
            r.busy_area += busy * (now - last);
            last = now;
            --in_system;
            if (in_window) {
                ++r.served;
                r.system_sum += now - e.arrival;
            }
            if (!waiting.empty()) {
                const core::Tick arrived = waiting.front();
                waiting.pop_front();
                if (in_window)
                    r.wait_sum += now - arrived;
                push(now + config.service.sample_ticks_from_days(service_rng), arrived);
            } else {
                --busy;
            }
        }
    }
    r.queue_area += static_cast<std::int64_t>(waiting.size()) * (horizon - last);
    r.busy_area += busy * (horizon - last);
    return r;
}

}  // namespace cssim::bench
