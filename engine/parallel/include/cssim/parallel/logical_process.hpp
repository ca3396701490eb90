#pragma once
/**
 * @file logical_process.hpp
 * @brief Many Simulations (logical processes, LPs) advanced together in epochs of a fixed
 * lookahead, on TBB threads, with results that do not depend on the thread count.
 *
 * Synchronisation (conservative, barrier-synchronous; see docs/logical-processes.md):
 * - Epoch k covers simulated time [start + k L, start + (k+1) L), L = the lookahead. Every LP
 *   runs its own events with time < the epoch's end, in its own (time, seq) order.
 * - An LP sends a message to another LP (or itself) with send(): the message must be timed at or
 *   after the end of the current epoch (the lookahead promise; violating it throws
 *   std::logic_error). Messages go into the sending thread's outbox, never into another LP.
 * - Between epochs (a barrier) the messages of the epoch are sorted into the canonical order
 *   (destination, time, source LP, source sequence) and each destination schedules its own at the
 *   start of the next epoch, in that order. So every LP sees the same events in the same order,
 *   with the same sequence numbers, whichever thread ran which LP and in which real-time order:
 *   results are byte-identical for any thread count and any LP-to-thread assignment.
 *
 * Messages are plain 40-byte values; outboxes and the delivery array keep their capacity, so
 * nothing is allocated per message once they have grown to the run's peak. Each LP should draw
 * from random streams keyed by its stable id (core::derive_stream_seed with an entity), never
 * by thread.
 *
 * @code
 *   struct Node : cssim::parallel::LogicalProcess {
 *       using LogicalProcess::LogicalProcess;
 *       void run_until(cssim::core::Tick end) override { simulation().run_until(end, *this); }
 *       void operator()(const cssim::core::Event& e) { send(other, e.time + lookahead, 0); }
 *   };
 *   std::vector<Node> nodes = ...;  std::vector<LogicalProcess*> lps = ...;
 *   auto outcome = cssim::parallel::run_logical_processes(lps, {.lookahead = L, .end = T});
 * @endcode
 */
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "cssim/core/simulation.hpp"
#include "cssim/core/time.hpp"

namespace cssim::parallel {

/** @brief A message between LPs: it becomes the event (time, kind, target, payload) at
 * `destination`. `sequence` counts the source's sends (from 0), which makes the order total. */
struct LpMessage {
    core::Tick time = 0;
    std::uint64_t sequence = 0;
    std::uint32_t source = 0;
    std::uint32_t destination = 0;
    std::uint32_t kind = 0;
    std::uint32_t target = 0;
    std::uint64_t payload = 0;
};

/** @brief The canonical delivery order: (destination, time, source, sequence). */
constexpr bool delivers_before(const LpMessage& a, const LpMessage& b) {
    if (a.destination != b.destination)
        return a.destination < b.destination;
    if (a.time != b.time)
        return a.time < b.time;
    if (a.source != b.source)
        return a.source < b.source;
    return a.sequence < b.sequence;
}

/** @brief Sorts messages into the canonical delivery order (the order is total: no ties). */
void sort_for_delivery(std::vector<LpMessage>& messages);

/**
 * @brief One logical process: a Simulation, a stable id and a way to send messages.
 *
 * The model derives from it and implements run_until (usually `simulation().run_until(end,
 * *this)` with its own handler, so event dispatch stays a static call). Invariant: the LP's
 * Simulation is touched by one thread at a time (the runner's epoch task or its barrier).
 */
class LogicalProcess {
public:
    /** @brief `id` is the LP's index in the span given to run_logical_processes. */
    explicit LogicalProcess(std::uint32_t id, std::unique_ptr<core::EventQueue> queue = nullptr)
        : simulation_(std::move(queue)), id_(id) {}
    LogicalProcess(const LogicalProcess&) = delete;
    LogicalProcess& operator=(const LogicalProcess&) = delete;
    LogicalProcess(LogicalProcess&&) = default;
    LogicalProcess& operator=(LogicalProcess&&) = default;
    virtual ~LogicalProcess() = default;

    /** @brief Runs this LP's events with time < end (called once per epoch). */
    virtual void run_until(core::Tick end) = 0;

    /** @brief The stable id: the LP's index in the run, the key of its random streams. */
    std::uint32_t id() const { return id_; }
    /** @brief The LP's own clock and event set (schedule local and initial events here). */
    core::Simulation& simulation() { return simulation_; }
    /** @brief Read-only view of the LP's Simulation. */
    const core::Simulation& simulation() const { return simulation_; }
    /** @brief Messages this LP has sent so far. */
    std::uint64_t messages_sent() const { return sent_; }

    /**
     * @brief Sends a message that becomes event (time, kind, target, payload) at `destination`
     * at the start of the next epoch. Precondition: time >= the end of the current epoch
     * (std::logic_error otherwise) and destination is a valid LP index (checked at delivery).
     * Outside a run (before it starts) it throws std::logic_error: schedule initial events
     * directly on simulation().
     */
    void send(std::uint32_t destination, core::Tick time, std::uint32_t kind,
              std::uint32_t target = 0, std::uint64_t payload = 0) {
        if (outbox_ == nullptr || time < epoch_end_)
            throw_lookahead(time);
        outbox_->push_back(LpMessage{time, sent_++, id_, destination, kind, target, payload});
    }

private:
    friend class LpRunner;
    [[noreturn]] void throw_lookahead(core::Tick time) const;

    core::Simulation simulation_;
    std::uint32_t id_;
    std::vector<LpMessage>* outbox_ = nullptr;  ///< the running thread's outbox, during an epoch
    core::Tick epoch_end_ = 0;
    std::uint64_t sent_ = 0;
};

/** @brief Called after each epoch with (epochs done, total epochs). Serial (between epochs). */
using EpochProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/** @brief How to run a set of LPs. */
struct LpRunOptions {
    /** @brief Epoch length in ticks (> 0): the smallest delay of any message. */
    core::Tick lookahead = 1;
    /** @brief Simulated time starts here (the first epoch's start); every LP's now() <= start. */
    core::Tick start = 0;
    /** @brief Events with time < end run; messages timed at or after it are counted, not
     * delivered. */
    core::Tick end = 0;
    /** @brief Worker threads (0 = every hardware thread). 1 runs without TBB at all. */
    int threads = 1;
    /**
     * @brief partition[i] = the group LP i belongs to (< the LP count); each group is one task
     * per epoch (its LPs run in index order). Empty: `threads` contiguous blocks. Results never
     * depend on it.
     */
    std::vector<std::uint32_t> partition;
    /** @brief When it becomes true the run stops at the next barrier. May be null. */
    const std::atomic<bool>* cancel = nullptr;
    /** @brief Optional; called at most every `progress_every` epochs and after the last. */
    EpochProgress on_progress;
    std::uint64_t progress_every = 1024;
};

/** @brief What happened: epochs run, messages sent (delivered or not), whether cancelled. */
struct LpRunOutcome {
    std::uint64_t epochs = 0;
    std::uint64_t messages = 0;
    bool cancelled = false;
};

/**
 * @brief Runs every LP from options.start to options.end in epochs of options.lookahead.
 * `lps[i]->id()` must be i. If an LP throws, the run stops at the barrier and the exception of the
 * lowest-numbered failing group is rethrown (which LP failed first in real time does not matter).
 */
LpRunOutcome run_logical_processes(std::span<LogicalProcess* const> lps,
                                   const LpRunOptions& options);

}  // namespace cssim::parallel
