#pragma once
/**
 * @file logical_process.hpp
 * @brief Many Simulations (logical processes, LPs) advanced together in epochs of a fixed
 * lookahead, on threads, with results that do not depend on the thread count.
 *
 * Synchronisation (conservative, barrier-synchronous; see docs/logical-processes.md):
 * - Epoch k covers simulated time [start + k L, start + (k+1) L), L = the lookahead. Every LP
 *   runs its own events with time < the epoch's end, in its own (time, seq) order.
 * - An LP sends a message to another LP (or itself) with send(): the message must be timed at or
 *   after the end of the current epoch (the lookahead promise; violating it throws
 *   std::logic_error). Messages go into a buffer of the sender's group, never into another LP.
 * - At the start of the next epoch each group gathers the messages bound for its own LPs, sorts
 *   them into the canonical order (destination, time, source LP, source sequence) and schedules
 *   them, before running its LPs. So every LP sees the same events in the same order, with the
 *   same sequence numbers, whichever thread ran which LP and in which real-time order: results
 *   are byte-identical for any thread count and any LP-to-thread assignment.
 * - Threads are started once per run (the caller's is one of them). In each epoch every group
 *   is run by one thread (its home thread unless that one lags); an epoch is complete when
 *   the shared count of finished groups says so. That barrier is the only point of waiting.
 *
 * Messages are plain 40-byte values; buffers keep their capacity, so nothing is allocated per
 * message once they have grown to the run's peak. Each LP should draw from random streams keyed
 * by its stable id (core::derive_stream_seed with an entity), never by thread.
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
#include <new>
#include <span>
#include <type_traits>
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
void sort_for_delivery(std::span<LpMessage> messages);

namespace detail {
/// Bytes that move between cores together: two 64-byte lines (the adjacent-line prefetcher
/// fetches a line's 128-byte partner with it).
inline constexpr std::size_t kIsolation = 128;
/// A page: the stream prefetchers run ahead of a thread reading or writing in order, line after
/// line, up to the end of the 4 KiB page (never across it). What one thread writes every epoch
/// is kept off the pages another thread walks when the groups are few (the runner's choice).
inline constexpr std::size_t kPageIsolation = 4096;

/**
 * @brief An allocator for memory one thread writes while another may read nearby: each block
 * starts on an `isolation`-byte boundary (128 by default, or a page), is rounded up to whole
 * such blocks and has a free one on each side, so it shares no line, no line pair (and, with
 * page isolation, no page) with any other allocation. Without it, a group's message buffer
 * could share a line with another group's (false sharing: a cross-core round trip on the
 * writer's critical path per line). The isolation travels with the container (move and copy).
 */
template <class T>
struct IsolatedAllocator {
    using value_type = T;
    using propagate_on_container_copy_assignment = std::true_type;
    using propagate_on_container_move_assignment = std::true_type;
    using propagate_on_container_swap = std::true_type;
    IsolatedAllocator() = default;
    /** @brief `isolation`: a power of two, at least kIsolation. */
    explicit IsolatedAllocator(std::size_t isolation) noexcept : isolation_(isolation) {}
    template <class U>
    IsolatedAllocator(const IsolatedAllocator<U>& other) noexcept : isolation_(other.isolation()) {}
    /** @brief The block size this allocator isolates to. */
    std::size_t isolation() const { return isolation_; }
    T* allocate(std::size_t n) {
        auto* base =
            static_cast<std::byte*>(::operator new (bytes(n), std::align_val_t{isolation_}));
        return reinterpret_cast<T*>(base + isolation_);
    }
    /// The unsized aligned delete: clang declares the sized one only with -fsized-deallocation
    /// (the fuzz build's clang does not), and the block's size is not needed to free it.
    void deallocate(T* p, std::size_t /*n*/) noexcept {
        ::operator delete (reinterpret_cast<std::byte*>(p) - isolation_,
                           std::align_val_t{isolation_});
    }
    friend bool operator==(const IsolatedAllocator&, const IsolatedAllocator&) = default;

private:
    std::size_t bytes(std::size_t n) const {
        return ((n * sizeof(T) + isolation_ - 1) / isolation_ + 2) * isolation_;
    }
    std::size_t isolation_ = kIsolation;
};

/** @brief Messages from one group of LPs to another in one epoch, its header and its storage
 * each on lines of their own (its writer and its reader may be different threads). */
struct alignas(kIsolation) MessageBuffer {
    std::vector<LpMessage, IsolatedAllocator<LpMessage>> messages;
};
}  // namespace detail

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
     * at the start of the next epoch. Preconditions (std::logic_error otherwise): time >= the
     * end of the current epoch and destination < the LP count. Outside a run (before it starts)
     * it throws std::logic_error: schedule initial events directly on simulation().
     */
    void send(std::uint32_t destination, core::Tick time, std::uint32_t kind,
              std::uint32_t target = 0, std::uint64_t payload = 0) {
        if (outboxes_ == nullptr || time < epoch_end_ || destination >= lp_count_)
            throw_bad_send(destination, time);
        outboxes_[owner_[destination]].messages.push_back(
            LpMessage{time, sent_++, id_, destination, kind, target, payload});
    }

private:
    friend class LpRunner;
    [[noreturn]] void throw_bad_send(std::uint32_t destination, core::Tick time) const;

    core::Simulation simulation_;
    std::uint32_t id_;
    /// During a run: this epoch's buffers of the LP's group, one per destination group;
    /// owner_[d] is the group of LP d.
    detail::MessageBuffer* outboxes_ = nullptr;
    const std::uint32_t* owner_ = nullptr;
    std::uint32_t lp_count_ = 0;
    core::Tick epoch_end_ = 0;
    std::uint64_t sent_ = 0;
};

/** @brief Called after an epoch with (epochs done, total epochs), by the thread that finished
 * the epoch, before the next one opens (so never two at once). */
using EpochProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/**
 * @brief Where one thread's time went during a run (opt-in: LpRunOptions::times), summed over
 * the epochs it took part in. Measured with the cycle counter around each group it ran, so
 * what is not here (claiming, publishing a group as finished) is a few ns per group.
 */
struct LpThreadTimes {
    /** @brief Epochs this thread took part in (all of the run's, unless it stopped early). */
    std::uint64_t epochs = 0;
    /** @brief Gathering, sorting and scheduling the messages of its groups, in ns. */
    double deliver_ns = 0.0;
    /** @brief Running its groups' LPs (the model's work, sending included), in ns. */
    double run_ns = 0.0;
    /** @brief From the end of its last group of an epoch to seeing the epoch complete: the load
     * imbalance between the threads plus the barrier, in ns. */
    double wait_ns = 0.0;
};

/** @brief How to run a set of LPs. */
struct LpRunOptions {
    /** @brief Epoch length in ticks (> 0): the smallest delay of any message. */
    core::Tick lookahead = 1;
    /** @brief Simulated time starts here (the first epoch's start); every LP's now() <= start. */
    core::Tick start = 0;
    /** @brief Events with time < end run; messages timed at or after it are counted, not
     * delivered. */
    core::Tick end = 0;
    /** @brief Threads (0 = every hardware thread); the calling thread is one of them, so 1
     * starts no thread. Never more threads than groups. */
    int threads = 1;
    /**
     * @brief partition[i] = the group LP i belongs to (< the LP count). A group is the unit of
     * work: each epoch one thread runs its LPs in index order, by preference thread g mod
     * threads. Empty: `threads` contiguous blocks. Results never depend on it.
     */
    std::vector<std::uint32_t> partition;
    /** @brief When it becomes true the run stops at the next barrier. May be null. */
    const std::atomic<bool>* cancel = nullptr;
    /** @brief Optional; called at most every `progress_every` epochs and after the last. */
    EpochProgress on_progress;
    std::uint64_t progress_every = 1024;
    /**
     * @brief Optional (null: nothing is measured, no clock is read): resized to the run's thread
     * count and filled with where each thread's time went (index = thread, 0 the caller's).
     * For benchmarks and diagnosis; it costs a few cycle-counter reads per group and epoch.
     */
    std::vector<LpThreadTimes>* times = nullptr;
};

/** @brief What happened: epochs run, messages sent (delivered or not), whether cancelled. */
struct LpRunOutcome {
    std::uint64_t epochs = 0;
    std::uint64_t messages = 0;
    bool cancelled = false;
};

/**
 * @brief The partition used when LpRunOptions::partition is empty: `threads` (0 = every hardware
 * thread; never more than `lp_count`) contiguous blocks of LP indices, block i holding LPs
 * [i n / count, (i+1) n / count). A model that allocates its LPs group by group (see
 * docs/logical-processes.md, "Memory and allocation") asks this which LPs run together.
 */
std::vector<std::uint32_t> default_partition(std::size_t lp_count, int threads);

/**
 * @brief Bytes of untouched memory a model should leave between the LPs of two groups (64 KiB).
 * Hardware prefetchers run ahead of a thread walking its LPs in memory, into the next group's;
 * each line so fetched must then be taken back by the core that runs that group, one
 * cross-core round trip per line (measured: 30% of PHOLD152's 2-thread time on a 2-core VM).
 */
inline constexpr std::size_t kGroupGuardBytes = std::size_t{64} * 1024;

/**
 * @brief The threads a run of `groups` groups on `threads` threads (0 = every hardware thread)
 * uses: never more than the groups, at least 1. Group g runs, by preference, on thread g mod
 * this count (its home thread).
 */
std::uint32_t home_thread_count(std::size_t groups, int threads);

/**
 * @brief Calls make(t) for every t < count, each on a new thread of its own, all of which live
 * until every call has returned. A model builds the LPs of home thread t's groups in make(t):
 * with glibc's malloc a thread allocates from a heap (arena) of its own, so each thread's LPs
 * lie apart from the others' (and, with one thread, from the caller's other allocations) even
 * when earlier runs have left the heap fragmented — allocated one after another on one thread,
 * the groups' LPs interleave in memory in every run but a process's first, and one group's
 * fall out of index order a little more with every run (docs/logical-processes.md, "Memory
 * and allocation"). Other allocators keep the results correct, only perhaps not apart.
 * make(t) must touch only what is its own. If calls throw, the lowest t's exception is
 * rethrown after all have returned.
 */
void allocate_apart(std::uint32_t count, const std::function<void(std::uint32_t)>& make);

/**
 * @brief Runs every LP from options.start to options.end in epochs of options.lookahead.
 * `lps[i]->id()` must be i. If an LP throws, the run stops at the barrier and the exception of the
 * lowest-numbered failing group is rethrown (which LP failed first in real time does not matter).
 * A failing group stops at its first failure (its later LPs do not run that epoch).
 */
LpRunOutcome run_logical_processes(std::span<LogicalProcess* const> lps,
                                   const LpRunOptions& options);

}  // namespace cssim::parallel
