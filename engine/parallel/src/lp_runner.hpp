#pragma once
// The state of one run_logical_processes call (internal to engine/parallel).
//
// The LPs are split into units (the groups of LpRunOptions::partition; by default one block per
// thread). A unit is the owner of its LPs' Simulations and of the messages bound for them.
// Threads are started once per run (the calling thread is thread 0); in every epoch each unit is
// claimed by exactly one thread, which
//   1. delivers: takes the previous epoch's messages bound for the unit's LPs from every unit's
//      buffer for it, sorts them into the canonical order and schedules them;
//   2. runs: each of the unit's LPs with an event before the epoch's end runs up to it; its
//      messages go into the unit's buffers of this epoch's parity, one per destination unit.
// The barrier is done_, the count of units finished since the run began: epoch k is complete
// when it reaches units x (k+1), and the add that gets it there wakes any sleeper. There is no
// closing thread: a failing unit or a cancellation lowers stop_after_ before its unit counts
// as done, so every thread that sees epoch k complete agrees whether to stop after it; progress
// and the cancellation flag are looked at by whoever runs unit 0 of the next epoch. Nothing in
// the run is serial.
//
// Claiming: thread t claims its home units (u mod threads == t); only once it has waited for
// the epoch to complete longer than its spin budget does it claim any unit still unclaimed. So
// while every thread keeps up, units stay on one core and no thread reads another's claim flags
// (no cache-line transfer), and a thread that the operating system has descheduled does not
// hold the epoch back (its units not yet started are taken by the others). Results never depend
// on who ran which unit.
//
// Two parities are what let one barrier per epoch suffice: in epoch k units write only
// buffers of parity k mod 2, and read only those of the other parity, which nobody writes again
// before epoch k+1. A unit empties its own buffers of parity k mod 2 when it starts epoch k
// (their receivers read them in epoch k-1, which is complete), so a buffer's lines are only ever
// written by the core of its sender.
#include <atomic>
#include <cstdint>
#include <exception>
#include <span>
#include <vector>

#include "cssim/parallel/logical_process.hpp"

namespace cssim::parallel {

class LpRunner {
public:
    LpRunner(std::span<LogicalProcess* const> lps, const LpRunOptions& options);
    LpRunOutcome run();

private:
    /** One LP as its unit sees it: next_time is a lower bound of its next event's time. */
    struct Member {
        LogicalProcess* lp = nullptr;
        core::Tick next_time = 0;
    };
    template <class T>
    using IsolatedVector = std::vector<T, detail::IsolatedAllocator<T>>;
    /** One unit of work per epoch, on a page of its own (its claim flag and the headers of
     * its vectors, written by the unit's thread every epoch, are off the pages another
     * thread's prefetchers walk); what its vectors hold is isolated by the allocator. */
    struct alignas(detail::kPageIsolation) Unit {
        /// The last epoch tag under which a thread claimed this unit (on lines of its own:
        /// other threads read it when they look for units to take).
        std::atomic<std::uint32_t> claimed{~std::uint32_t{0}};
        alignas(detail::kIsolation) IsolatedVector<Member> members;  ///< in LP index order
        IsolatedVector<LpMessage> inbox;  ///< this epoch's deliveries, sorted
        std::exception_ptr error;         ///< the first failure; the unit then idles
    };

    /** One thread's time in cycle-counter ticks (LpRunOptions::times), kept on its stack. */
    struct Cycles {
        std::uint64_t epochs = 0;
        std::uint64_t deliver = 0;
        std::uint64_t run = 0;
        std::uint64_t wait = 0;
        std::uint64_t last_end = 0;  ///< when its last group ended
    };

    std::vector<std::vector<std::uint32_t>> build_groups() const;
    void assign_units();
    core::Tick epoch_end(std::uint64_t k) const;
    /** Unit `from`'s buffer for messages to unit `to`, written in epochs of this parity. */
    detail::MessageBuffer& buffer(std::size_t from, std::uint64_t parity, std::size_t to) {
        return buffers_[from * sender_stride_ + parity * units_.size() + to];
    }
    /** Thread t's whole run: every epoch it claims what units it can, then waits. */
    void work(std::uint32_t t);
    /** Claims and runs thread t's home units of epoch k (or, if !home, the others' units not
     * yet started); true if it finished the epoch (brought done_ to target). */
    bool claim_units(std::uint32_t t, std::uint64_t k, std::uint32_t target, bool home,
                     Cycles* cycles);
    /** Runs a unit's epoch k; with `cycles` (times requested), adds its deliver and run time. */
    void run_unit(Unit& unit, std::size_t index, std::uint64_t k, Cycles* cycles);
    void deliver(Unit& unit, std::size_t index, std::uint64_t parity);
    /** By the thread running unit 0 of epoch k, first: progress and cancellation. */
    void serial_step(std::uint64_t k);
    /** The run stops after epoch k at the latest (errors, cancellation). */
    void request_stop(std::uint64_t k);
    void finish();

    /// What every thread reads each epoch starts a 128-byte block away from whatever precedes
    /// the runner (on the calling thread's stack: its deeper frames, written all the time).
    alignas(detail::kIsolation) std::span<LogicalProcess* const> lps_;
    const LpRunOptions& options_;
    std::uint64_t total_ = 0;
    std::uint64_t sent_before_ = 0;  ///< messages the LPs had sent before this run
    std::uint32_t threads_ = 1;
    bool spin_ = false;  ///< whether waiting threads spin before they sleep
    std::vector<Unit> units_;
    std::vector<std::uint32_t> owner_;        ///< unit of each LP
    std::vector<std::uint32_t> local_index_;  ///< position of each LP in its unit's members
    /// Each sender's 2 x units buffer headers together, from buffers_[from * sender_stride_];
    /// with page isolation each sender's on pages of their own.
    IsolatedVector<detail::MessageBuffer> buffers_;
    std::size_t sender_stride_ = 0;
    /// Units finished since the run began, mod 2^32: epoch k is complete when it has counted
    /// units x (k+1). The only line every thread writes once per epoch.
    alignas(detail::kIsolation) std::atomic<std::uint32_t> done_{0};
    /// The last epoch to run (total - 1 unless an error or cancellation asked for earlier);
    /// only ever lowered, read by every thread once per epoch, written almost never.
    alignas(detail::kIsolation) std::atomic<std::uint64_t> stop_after_{0};
    // Written only by the thread running unit 0 of an epoch (ordered by the barriers).
    std::exception_ptr serial_error_;
    bool cancelled_ = false;
    LpRunOutcome outcome_;
    /// Each thread's Cycles, written once by that thread when it leaves (times requested).
    std::vector<Cycles> thread_cycles_;
};

}  // namespace cssim::parallel
