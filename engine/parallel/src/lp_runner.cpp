// The epoch loop of run_logical_processes (see lp_runner.hpp for the phases, the claiming of
// units and why one barrier per epoch is enough).
#include "lp_runner.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>

#include "cssim/parallel/job_runner.hpp"
#include "epoch_wait.hpp"

namespace cssim::parallel {

namespace {

constexpr core::Tick kNever = std::numeric_limits<core::Tick>::max();
/// Messages reserved per buffer before a run (fewer when there are many groups) ...
constexpr std::size_t kRunnerReservedMessages = 64;
/// ... and at most this much for all buffers together.
constexpr std::size_t kRunnerReservedBytes = std::size_t{1} << 20;
/// Up to this many groups, the runner's per-group memory is isolated by pages, not 128-byte
/// blocks (at 8: 128 buffers, about 1.5 MiB of address space, most of it never touched).
constexpr std::size_t kRunnerPageIsolatedGroups = 8;
/// The cycle counter where there is one (a few ns to read), else the steady clock in ns: only
/// differences are used, scaled to ns by the run's steady-clock time (LpRunOptions::times).
std::uint64_t lp_runner_cycles() {
#if defined(__x86_64__) || defined(__i386__)
    return __builtin_ia32_rdtsc();
#else
    return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch() /
                                      std::chrono::nanoseconds{1});
#endif
}

core::Tick next_time_of(const core::Simulation& sim) {
    return sim.queue().empty() ? kNever : sim.queue().top().time;
}

}  // namespace

LpRunner::LpRunner(std::span<LogicalProcess* const> lps, const LpRunOptions& options)
    : lps_(lps), options_(options) {
    if (options_.lookahead <= 0) {
        throw std::invalid_argument("run_logical_processes: lookahead must be > 0");
    }
    for (std::size_t i = 0; i < lps_.size(); ++i) {
        if (lps_[i] == nullptr || lps_[i]->id() != i) {
            throw std::invalid_argument("run_logical_processes: LP " + std::to_string(i) +
                                        " is null or has another id");
        }
    }
    const core::Tick span = options_.end > options_.start ? options_.end - options_.start : 0;
    total_ = static_cast<std::uint64_t>((span + options_.lookahead - 1) / options_.lookahead);
    for (const LogicalProcess* lp : lps_) {
        sent_before_ += lp->sent_;
    }
    assign_units();
}

std::vector<std::vector<std::uint32_t>> LpRunner::build_groups() const {
    const std::size_t n = lps_.size();
    const int threads = options_.threads > 0 ? options_.threads : hardware_threads();
    std::vector<std::vector<std::uint32_t>> groups;
    if (options_.partition.empty()) {
        const std::vector<std::uint32_t> blocks = default_partition(n, threads);
        groups.resize(blocks.empty() ? 1 : blocks.back() + std::size_t{1});
        for (std::size_t i = 0; i < n; ++i) {
            groups[blocks[i]].push_back(static_cast<std::uint32_t>(i));
        }
        return groups;
    }
    if (options_.partition.size() != n) {
        throw std::invalid_argument("run_logical_processes: partition has " +
                                    std::to_string(options_.partition.size()) + " entries for " +
                                    std::to_string(n) + " LPs");
    }
    const std::uint32_t count =
        *std::max_element(options_.partition.begin(), options_.partition.end()) + 1;
    if (count > n) {
        // More groups than LPs would only be empty groups (and a way to exhaust memory).
        throw std::invalid_argument("run_logical_processes: partition names group " +
                                    std::to_string(count - 1) + " for " + std::to_string(n) +
                                    " LPs (groups must be < the LP count)");
    }
    groups.resize(count);
    for (std::size_t i = 0; i < n; ++i) {
        groups[options_.partition[i]].push_back(static_cast<std::uint32_t>(i));
    }
    return groups;
}

void LpRunner::assign_units() {
    const std::vector<std::vector<std::uint32_t>> groups = build_groups();
    threads_ = home_thread_count(groups.size(), options_.threads);
    units_ = std::vector<Unit>(groups.size());
    // With few groups on more than one thread (PHOLD at 2 threads: 2), everything a group's
    // thread writes every epoch gets pages of its own; with many, 128-byte blocks (pages would
    // cost 2 x groups^2 of them); with one thread nothing needs isolating from another.
    const std::size_t isolation = threads_ > 1 && groups.size() <= kRunnerPageIsolatedGroups
                                      ? detail::kPageIsolation
                                      : detail::kIsolation;
    for (Unit& unit : units_) {
        unit.members = IsolatedVector<Member>(detail::IsolatedAllocator<Member>(isolation));
        unit.inbox = IsolatedVector<LpMessage>(detail::IsolatedAllocator<LpMessage>(isolation));
    }
    owner_.assign(lps_.size(), 0);
    local_index_.assign(lps_.size(), 0);
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        for (const std::uint32_t i : groups[g]) {
            owner_[i] = g;
            local_index_[i] = static_cast<std::uint32_t>(units_[g].members.size());
            units_[g].members.push_back(Member{lps_[i], next_time_of(lps_[i]->simulation_)});
        }
    }
    constexpr std::size_t kHeadersPerBlock = 1;  // a header is a 128-byte block
    const std::size_t headers_per_block =
        std::max(kHeadersPerBlock, isolation / sizeof(detail::MessageBuffer));
    sender_stride_ =
        (2 * units_.size() + headers_per_block - 1) / headers_per_block * headers_per_block;
    buffers_ = IsolatedVector<detail::MessageBuffer>(
        units_.size() * sender_stride_,
        detail::IsolatedAllocator<detail::MessageBuffer>(isolation));
    // Room for a busy epoch's messages is taken now, by this thread, before any LP runs: a
    // buffer that grew during the run would get its memory wherever the allocator had room,
    // perhaps among another group's LPs. Up to kRunnerReservedBytes in all.
    const std::size_t used = 2 * units_.size() * units_.size();
    const std::size_t per_buffer =
        std::min(kRunnerReservedMessages, kRunnerReservedBytes / sizeof(LpMessage) / used);
    for (std::size_t from = 0; from < units_.size(); ++from) {
        for (std::uint64_t parity = 0; parity < 2; ++parity) {
            for (std::size_t to = 0; to < units_.size(); ++to) {
                auto& messages = buffer(from, parity, to).messages;
                messages = std::vector<LpMessage, detail::IsolatedAllocator<LpMessage>>(
                    detail::IsolatedAllocator<LpMessage>(isolation));
                messages.reserve(per_buffer);
            }
        }
    }
    for (Unit& unit : units_) {
        unit.inbox.reserve(per_buffer * units_.size());
    }
    // Spinning only makes sense when every thread can have a core of its own.
    spin_ = static_cast<int>(threads_) <= hardware_threads();
    stop_after_.store(total_ > 0 ? total_ - 1 : 0, std::memory_order_relaxed);
}

core::Tick LpRunner::epoch_end(std::uint64_t k) const {
    const core::Tick start = options_.start + static_cast<core::Tick>(k) * options_.lookahead;
    return options_.end - start > options_.lookahead ? start + options_.lookahead : options_.end;
}

void LpRunner::deliver(Unit& unit, std::size_t index, std::uint64_t parity) {
    unit.inbox.clear();
    for (std::size_t from = 0; from < units_.size(); ++from) {
        const auto& messages = buffer(from, parity, index).messages;
        for (const LpMessage& message : messages) {
            // Messages at or after the end would never run: counted, not delivered.
            if (message.time < options_.end) {
                unit.inbox.push_back(message);
            }
        }
        // Read only: the sender clears its own buffer two epochs on (run_unit), so this line
        // is never written from this core and need not travel back before the sender's next
        // message.
    }
    if (unit.inbox.empty()) {
        return;
    }
    // The canonical order, so each destination's Simulation numbers its arrivals the same way
    // whichever unit sent them, on whichever thread, in whichever real-time order.
    sort_for_delivery(unit.inbox);
    for (const LpMessage& message : unit.inbox) {
        Member& member = unit.members[local_index_[message.destination]];
        member.lp->simulation_.schedule_at(message.time, message.kind, message.target,
                                           message.payload);
        member.next_time = std::min(member.next_time, message.time);
    }
}

void LpRunner::run_unit(Unit& unit, std::size_t index, std::uint64_t k, Cycles* cycles) {
    // This epoch's buffers were last written two epochs ago and read (never written) by their
    // receivers in the last one, which is complete: the sender empties them itself.
    detail::MessageBuffer* outboxes = &buffer(index, k & 1, 0);
    for (std::size_t to = 0; to < units_.size(); ++to) {
        outboxes[to].messages.clear();
    }
    if (index == 0) {
        serial_step(k);
    }
    if (unit.error) {
        return;
    }
    std::uint64_t delivered_at = 0;
    try {
        const std::uint64_t started_at = cycles != nullptr ? lp_runner_cycles() : 0;
        if (k > 0) {
            deliver(unit, index, (k - 1) & 1);
        }
        if (cycles != nullptr) {
            delivered_at = lp_runner_cycles();
            cycles->deliver += delivered_at - started_at;
        }
        const core::Tick end = epoch_end(k);
        for (Member& member : unit.members) {
            if (member.next_time >= end) {
                continue;  // nothing to do this epoch: skipped without a call
            }
            LogicalProcess& lp = *member.lp;
            lp.outboxes_ = outboxes;
            lp.epoch_end_ = end;
            lp.run_until(end);
            member.next_time = next_time_of(lp.simulation_);
        }
    } catch (...) {
        unit.error = std::current_exception();
        request_stop(k);
    }
    if (cycles != nullptr) {
        cycles->last_end = lp_runner_cycles();
        cycles->run += delivered_at != 0 ? cycles->last_end - delivered_at : 0;
    }
}

bool LpRunner::claim_units(std::uint32_t t, std::uint64_t k, std::uint32_t target, bool home,
                           Cycles* cycles) {
    const auto tag = static_cast<std::uint32_t>(k);
    for (std::size_t u = 0; u < units_.size(); ++u) {
        if ((u % threads_ == t) != home) {
            continue;
        }
        Unit& unit = units_[u];
        std::uint32_t expected = tag - 1;  // claimed in the previous epoch, not yet in this
        if (unit.claimed.load(std::memory_order_relaxed) != expected ||
            !unit.claimed.compare_exchange_strong(expected, tag, std::memory_order_acq_rel)) {
            continue;
        }
        run_unit(unit, u, k, cycles);
        // The count of finished units is the barrier: epoch k is complete when it reaches
        // target. Whoever brings it there wakes any thread asleep on it.
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == target) {
            done_.notify_all();
            return true;
        }
    }
    return false;
}

void LpRunner::request_stop(std::uint64_t k) {
    std::uint64_t now = stop_after_.load(std::memory_order_relaxed);
    while (k < now && !stop_after_.compare_exchange_weak(now, k, std::memory_order_relaxed)) {
    }
}

void LpRunner::serial_step(std::uint64_t k) {
    // Run by whichever thread claimed unit 0 of epoch k, before its LPs: epochs 0..k-1 are
    // complete, and no other thread can be here before epoch k is (unit 0 of epoch k+1 waits
    // for it), so the callbacks never run twice at once. What it decides reaches every
    // thread through the barrier of epoch k (its writes come before unit 0 counts as done).
    if (k > 0 && options_.on_progress &&
        k % std::max<std::uint64_t>(1, options_.progress_every) == 0) {
        try {
            options_.on_progress(k, total_);
        } catch (...) {
            serial_error_ = std::current_exception();
            request_stop(k);
        }
    }
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
        cancelled_ = true;
        request_stop(k);
    }
}

void LpRunner::work(std::uint32_t t) {
    detail::SpinBudget budget;
    if (!spin_) {
        budget.now = std::chrono::nanoseconds{0};
    }
    const auto units = static_cast<std::uint32_t>(units_.size());
    Cycles own;
    Cycles* const cycles = options_.times != nullptr ? &own : nullptr;
    std::uint32_t target = 0;  // done_ when epoch k is complete, mod 2^32
    for (std::uint64_t k = 0;; ++k) {
        target += units;
        const std::uint64_t epoch_start = cycles != nullptr ? lp_runner_cycles() : 0;
        if (!claim_units(t, k, target, true, cycles) &&
            !detail::spin_until_reached(done_, target, budget)) {
            // Only a thread that has waited looks at the other threads' units: while everyone
            // keeps up, no thread reads another's claim flags (no cache-line transfer).
            if (!claim_units(t, k, target, false, cycles)) {
                detail::sleep_until_reached(done_, target);
            }
        }
        if (cycles != nullptr) {
            ++cycles->epochs;
            cycles->wait += lp_runner_cycles() - std::max(cycles->last_end, epoch_start);
        }
        // Every thread sees the same answer for epoch k: a stop is requested during an epoch
        // before its unit counts as done, so the acquire that saw epoch k complete also sees
        // every request made in epochs up to k (later ones name later epochs).
        if (stop_after_.load(std::memory_order_relaxed) <= k) {
            if (cycles != nullptr) {
                thread_cycles_[t] = own;
            }
            return;
        }
    }
}

LpRunOutcome LpRunner::run() {
    // On every way out (errors included) no LP keeps a pointer into this run.
    struct Detach {
        std::span<LogicalProcess* const> lps;
        ~Detach() {
            for (LogicalProcess* lp : lps) {
                lp->outboxes_ = nullptr;
                lp->owner_ = nullptr;
                lp->lp_count_ = 0;
            }
        }
    } detach{lps_};
    for (LogicalProcess* lp : lps_) {
        lp->owner_ = owner_.data();
        lp->lp_count_ = static_cast<std::uint32_t>(lps_.size());
    }
    // Threads 1.. belong to this run; the calling thread is thread 0. If the system refuses a
    // thread, the others take its units: the results are the same, only slower.
    if (options_.times != nullptr) {
        options_.times->assign(threads_, LpThreadTimes{});
        thread_cycles_.assign(threads_, Cycles{});
    }
    if (total_ == 0) {
        finish();
        return outcome_;
    }
    const auto clock_start = std::chrono::steady_clock::now();
    const std::uint64_t cycles_start = lp_runner_cycles();
    std::vector<std::thread> threads;
    try {
        threads.reserve(threads_ - 1);
        for (std::uint32_t t = 1; t < threads_; ++t) {
            threads.emplace_back([this, t] { work(t); });
        }
    } catch (const std::system_error&) {
    }
    work(0);
    for (std::thread& thread : threads) {
        thread.join();
    }
    if (options_.times != nullptr) {
        const double ns =
            std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - clock_start)
                .count();
        const std::uint64_t cycles = lp_runner_cycles() - cycles_start;
        const double ns_per_cycle = cycles > 0 ? ns / static_cast<double>(cycles) : 0.0;
        for (std::uint32_t t = 0; t < threads_; ++t) {
            const Cycles& c = thread_cycles_[t];
            (*options_.times)[t] =
                LpThreadTimes{c.epochs, static_cast<double>(c.deliver) * ns_per_cycle,
                              static_cast<double>(c.run) * ns_per_cycle,
                              static_cast<double>(c.wait) * ns_per_cycle};
        }
    }
    finish();
    return outcome_;
}

void LpRunner::finish() {
    for (const Unit& unit : units_) {  // the lowest-numbered failing group
        if (unit.error) {
            std::rethrow_exception(unit.error);
        }
    }
    if (serial_error_) {
        std::rethrow_exception(serial_error_);
    }
    if (total_ > 0) {
        outcome_.epochs = std::min(stop_after_.load(std::memory_order_relaxed), total_ - 1) + 1;
        outcome_.cancelled = cancelled_ && outcome_.epochs < total_;
        if (options_.on_progress && outcome_.epochs == total_) {
            options_.on_progress(total_, total_);  // after the last epoch
        }
    }
    // Sent during this run, delivered or not (the buffers are emptied by their senders, so
    // they no longer tell what was taken from them).
    for (const LogicalProcess* lp : lps_) {
        outcome_.messages += lp->sent_;
    }
    outcome_.messages -= sent_before_;
}

}  // namespace cssim::parallel
