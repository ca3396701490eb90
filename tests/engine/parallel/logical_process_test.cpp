// The logical-process facility: canonical delivery order, the epoch barrier, the lookahead
// check, determinism over thread counts and LP-to-thread partitions, cancellation and errors.
#include "cssim/parallel/logical_process.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/parallel/job_runner.hpp"

namespace cssim::parallel {
namespace {

using core::Tick;

LpMessage message(std::uint32_t destination, Tick time, std::uint32_t source,
                  std::uint64_t sequence) {
    LpMessage m;
    m.destination = destination;
    m.time = time;
    m.source = source;
    m.sequence = sequence;
    m.payload = (std::uint64_t{source} << 32) | sequence;
    return m;
}

/** Options without designated initialisers (which would leave members unnamed). */
LpRunOptions options_of(Tick lookahead, Tick end, int threads = 1,
                        std::vector<std::uint32_t> partition = {}) {
    LpRunOptions options;
    options.lookahead = lookahead;
    options.end = end;
    options.threads = threads;
    options.partition = std::move(partition);
    return options;
}

auto key(const LpMessage& m) {
    return std::make_tuple(m.destination, m.time, m.source, m.sequence);
}

TEST(LpDelivery, SortsHandBuiltMessagesByDestinationTimeSourceSequence) {
    // Built in an order that is wrong on every key, with ties on all but the last.
    std::vector<LpMessage> messages = {
        message(2, 5, 0, 0), message(1, 7, 3, 1), message(1, 7, 3, 0), message(1, 7, 0, 9),
        message(1, 3, 9, 0), message(0, 9, 1, 0), message(1, 7, 0, 2)};
    sort_for_delivery(messages);
    const std::vector<std::tuple<std::uint32_t, Tick, std::uint32_t, std::uint64_t>> expected = {
        {0, 9, 1, 0}, {1, 3, 9, 0}, {1, 7, 0, 2}, {1, 7, 0, 9},
        {1, 7, 3, 0}, {1, 7, 3, 1}, {2, 5, 0, 0}};
    ASSERT_EQ(messages.size(), expected.size());
    for (std::size_t i = 0; i < messages.size(); ++i) {
        EXPECT_EQ(key(messages[i]), expected[i]) << "position " << i;
    }
}

TEST(LpDelivery, OrderIsTotalAndIndependentOfInputOrder) {
    std::vector<LpMessage> messages;
    for (std::uint32_t s = 0; s < 4; ++s)
        for (std::uint64_t q = 0; q < 3; ++q)
            messages.push_back(message(q % 2, 10 + (s % 2), s, q));
    std::vector<LpMessage> reversed(messages.rbegin(), messages.rend());
    sort_for_delivery(messages);
    sort_for_delivery(reversed);
    for (std::size_t i = 0; i < messages.size(); ++i) {
        EXPECT_EQ(key(messages[i]), key(reversed[i]));
        if (i > 0) {
            EXPECT_TRUE(delivers_before(messages[i - 1], messages[i]));
        }
    }
}

/** An LP that records what it handles and sends scripted messages from its first event. */
class ScriptedLp final : public LogicalProcess {
public:
    using LogicalProcess::LogicalProcess;
    struct Send {
        std::uint32_t destination;
        Tick time;
        std::uint64_t payload;
    };
    std::vector<Send> sends;
    std::vector<std::pair<Tick, std::uint64_t>> handled;  ///< (time, payload) in handling order
    std::vector<std::pair<Tick, std::size_t>> pending_at_start;  ///< (epoch end, pending)

    void run_until(Tick end) override {
        pending_at_start.emplace_back(end, simulation().pending());
        simulation().run_until(end, *this);
    }
    void operator()(const core::Event& e) {
        handled.emplace_back(e.time, e.payload);
        if (e.kind == 1) {
            for (const Send& s : sends)
                send(s.destination, s.time, 0, 0, s.payload);
        }
    }
};

std::vector<LogicalProcess*> pointers(std::vector<std::unique_ptr<ScriptedLp>>& lps) {
    std::vector<LogicalProcess*> out;
    for (auto& lp : lps)
        out.push_back(lp.get());
    return out;
}

std::vector<std::unique_ptr<ScriptedLp>> make_lps(std::uint32_t n) {
    std::vector<std::unique_ptr<ScriptedLp>> lps;
    for (std::uint32_t i = 0; i < n; ++i)
        lps.push_back(std::make_unique<ScriptedLp>(i));
    return lps;
}

TEST(LpRunner, DeliversEqualTimesInSourceThenSequenceOrder) {
    // LPs 2, 1 and 0 each send two messages to LP 3 at the same time 10, in epoch [0, 10).
    for (int threads : {1, 2, 4}) {
        auto lps = make_lps(4);
        for (std::uint32_t s : {2u, 1u, 0u}) {
            lps[s]->simulation().schedule_at(5 - s, 1);
            lps[s]->sends = {{3, 10, s * 10 + 1}, {3, 10, s * 10 + 0}};
        }
        const LpRunOptions options = options_of(10, 30, threads);
        auto ps = pointers(lps);
        const LpRunOutcome outcome = run_logical_processes(ps, options);
        EXPECT_EQ(outcome.messages, 6u);
        EXPECT_EQ(outcome.epochs, 3u);
        const std::vector<std::pair<Tick, std::uint64_t>> expected = {{10, 1},  {10, 0},  {10, 11},
                                                                      {10, 10}, {10, 21}, {10, 20}};
        EXPECT_EQ(lps[3]->handled, expected) << threads << " threads";
    }
}

TEST(LpRunner, NeverDeliversAMessageBeforeTheEpochEnds) {
    // LP 0 sends at the earliest allowed time (the epoch's end) to LP 1, which runs after LP 0
    // in the same group and in parallel in another: either way LP 1 must not see it in epoch 0.
    for (const std::vector<std::uint32_t>& partition :
         {std::vector<std::uint32_t>{0, 0}, std::vector<std::uint32_t>{0, 1}}) {
        auto lps = make_lps(2);
        lps[0]->simulation().schedule_at(0, 1);
        lps[0]->sends = {{1, 10, 7}};
        lps[1]->simulation().schedule_at(9, 0);  // so LP 1 runs in epoch 0
        const LpRunOptions options = options_of(10, 20, 2, partition);
        auto ps = pointers(lps);
        run_logical_processes(ps, options);
        ASSERT_EQ(lps[1]->pending_at_start.size(), 2u);
        EXPECT_EQ(lps[1]->pending_at_start[0], (std::pair<Tick, std::size_t>{10, 1}))
            << "only its own event is pending during epoch 0";
        EXPECT_EQ(lps[1]->pending_at_start[1], (std::pair<Tick, std::size_t>{20, 1}))
            << "the message arrives at the start of epoch 1";
        EXPECT_EQ(lps[1]->handled.back(), (std::pair<Tick, std::uint64_t>{10, 7}));
    }
}

TEST(LpRunner, RefusesAMessageInsideTheLookahead) {
    auto lps = make_lps(2);
    lps[0]->simulation().schedule_at(3, 1);
    lps[0]->sends = {{1, 9, 0}};  // epoch [0, 10): 9 < 10
    auto ps = pointers(lps);
    EXPECT_THROW(run_logical_processes(ps, options_of(10, 20)), std::logic_error);
    EXPECT_THROW(lps[0]->send(1, 100, 0), std::logic_error) << "outside a run";
}

TEST(LpRunner, RefusesABadPartition) {
    auto lps = make_lps(3);
    auto ps = pointers(lps);
    EXPECT_THROW(run_logical_processes(ps, options_of(10, 20, 2, {0, 1})), std::invalid_argument)
        << "one entry per LP";
    EXPECT_THROW(run_logical_processes(ps, options_of(10, 20, 2, {0, 1, 7})), std::invalid_argument)
        << "group ids below the LP count";
    EXPECT_NO_THROW(run_logical_processes(ps, options_of(10, 20, 2, {2, 0, 2})));
}

TEST(LpPartition, DefaultIsContiguousBlocksOfNearlyEqualSize) {
    const std::vector<std::uint32_t> two = default_partition(5, 2);
    EXPECT_EQ(two, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
    const std::vector<std::uint32_t> phold = default_partition(152, 2);
    EXPECT_EQ(std::count(phold.begin(), phold.end(), 0U), 76);
    EXPECT_TRUE(std::is_sorted(phold.begin(), phold.end()));
    // Never more groups than LPs; at least one group.
    EXPECT_EQ(default_partition(3, 8), (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_TRUE(default_partition(0, 4).empty());
    EXPECT_EQ(default_partition(4, 0).back() + 1U,
              static_cast<std::uint32_t>(std::min(4, hardware_threads())));
}

TEST(LpRunner, RefusesAnUnknownDestination) {
    auto lps = make_lps(2);
    lps[0]->simulation().schedule_at(3, 1);
    lps[0]->sends = {{5, 10, 0}};
    auto ps = pointers(lps);
    EXPECT_THROW(run_logical_processes(ps, options_of(10, 20)), std::logic_error);
}

/** A small PHOLD-like LP with its own stream keyed by its id: a determinism probe. */
class HopLp final : public LogicalProcess {
public:
    HopLp(std::uint32_t id, std::uint32_t n)
        : LogicalProcess(id), n_(n), rng_(core::RandomStream::derive(7, 0, "hop", id)) {}
    void run_until(Tick end) override { simulation().run_until(end, *this); }
    void operator()(const core::Event& e) {
        trace_ = trace_ * 1000003 + static_cast<std::uint64_t>(e.time) * 31 + e.payload;
        // Coarse times (delays of 5..7 ticks) so that equal-time arrivals are common.
        const Tick when = e.time + 5 + static_cast<Tick>(rng_.uniform_int(3));
        const auto to = static_cast<std::uint32_t>(rng_.uniform_int(n_));
        if (to == id())
            simulation().schedule_at(when, 0, 0, e.payload + 1);
        else
            send(to, when, 0, 0, e.payload + 1);
    }
    std::uint64_t trace() const { return trace_; }

private:
    std::uint32_t n_;
    core::RandomStream rng_;
    std::uint64_t trace_ = 0;
};

std::vector<std::uint64_t> run_hops(int threads, std::vector<std::uint32_t> partition,
                                    std::vector<LpThreadTimes>* times = nullptr) {
    constexpr std::uint32_t kLps = 23;
    std::vector<std::unique_ptr<HopLp>> lps;
    std::vector<LogicalProcess*> ps;
    for (std::uint32_t i = 0; i < kLps; ++i) {
        lps.push_back(std::make_unique<HopLp>(i, kLps));
        for (std::uint64_t j = 0; j < 3; ++j)
            lps.back()->simulation().schedule_at(static_cast<Tick>(j), 0, 0, j * 100);
        ps.push_back(lps.back().get());
    }
    LpRunOptions options = options_of(5, 2000, threads, std::move(partition));
    options.times = times;
    run_logical_processes(ps, options);
    std::vector<std::uint64_t> traces;
    for (auto& lp : lps)
        traces.push_back(lp->trace() ^ lp->simulation().events_processed());
    return traces;
}

TEST(LpRunner, ResultsDoNotDependOnThreadsOrPartition) {
    const std::vector<std::uint64_t> reference = run_hops(1, {});
    std::vector<std::uint32_t> round_robin, reversed_blocks, singletons;
    for (std::uint32_t i = 0; i < 23; ++i) {
        round_robin.push_back(i % 3);
        reversed_blocks.push_back(i < 12 ? 1 : 0);
        singletons.push_back(22 - i);
    }
    EXPECT_EQ(run_hops(2, {}), reference);
    EXPECT_EQ(run_hops(8, {}), reference);
    EXPECT_EQ(run_hops(2, round_robin), reference);
    EXPECT_EQ(run_hops(3, reversed_blocks), reference);
    EXPECT_EQ(run_hops(4, singletons), reference);
    EXPECT_EQ(run_hops(1, round_robin), reference);
}

TEST(LpRunner, MoreThreadsThanCoresGiveTheSameResults) {
    // More threads than hardware threads: waiting threads yield and sleep instead of spinning,
    // and the units of a thread the system has descheduled are claimed by the others. Neither
    // may change a result.
    const int threads = 2 * hardware_threads() + 3;
    const std::vector<std::uint64_t> reference = run_hops(1, {});
    std::vector<std::uint32_t> scattered;
    for (std::uint32_t i = 0; i < 23; ++i)
        scattered.push_back((i * 7 + 3) % 23);  // 23 one-LP groups in a fixed scatter
    EXPECT_EQ(run_hops(threads, {}), reference);
    EXPECT_EQ(run_hops(threads, scattered), reference);
}

TEST(LpRunner, TellsWhereEachThreadsTimeWentWithoutChangingResults) {
    const std::vector<std::uint64_t> reference = run_hops(1, {});
    std::vector<LpThreadTimes> times(5);  // resized to the run's threads
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(run_hops(2, {}, &times), reference);
    const double wall_ns =
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(times.size(), 2u);
    double run_ns = 0.0;
    double deliver_ns = 0.0;
    for (std::size_t t = 0; t < times.size(); ++t) {
        // 2000 ticks in epochs of 5: every thread takes part in all 400 (though on a loaded
        // machine one may run no group at all: the other takes its groups when it lags).
        EXPECT_EQ(times[t].epochs, 400u) << "thread " << t;
        EXPECT_GE(times[t].wait_ns, 0.0) << "thread " << t;
        // Disjoint stretches of one thread's run: together no longer than the run (1% for the
        // cycle counter's scaling to the steady clock).
        EXPECT_LE(times[t].deliver_ns + times[t].run_ns + times[t].wait_ns, wall_ns * 1.01)
            << "thread " << t;
        run_ns += times[t].run_ns;
        deliver_ns += times[t].deliver_ns;
    }
    EXPECT_GT(run_ns, 0.0);
    EXPECT_GT(deliver_ns, 0.0);  // messages arrive every epoch
    std::vector<LpThreadTimes> one;
    EXPECT_EQ(run_hops(1, {}, &one), reference);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].epochs, 400u);
    EXPECT_GT(one[0].run_ns, 0.0);
    EXPECT_GT(one[0].deliver_ns, 0.0);
}

TEST(LpRunner, StopsAtABarrierWhenCancelled) {
    auto lps = make_lps(2);
    lps[0]->simulation().schedule_at(0, 0);
    std::atomic<bool> cancel{true};
    auto ps = pointers(lps);
    LpRunOptions options = options_of(10, 1000);
    options.cancel = &cancel;
    const LpRunOutcome outcome = run_logical_processes(ps, options);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_EQ(outcome.epochs, 1u) << "the epoch under way finishes, no further one starts";
}

TEST(LpRunner, RethrowsAModelError) {
    class Failing final : public LogicalProcess {
    public:
        using LogicalProcess::LogicalProcess;
        void run_until(Tick) override { throw std::runtime_error("model failed"); }
    };
    std::vector<std::unique_ptr<Failing>> lps;
    std::vector<LogicalProcess*> ps;
    for (std::uint32_t i = 0; i < 3; ++i) {
        lps.push_back(std::make_unique<Failing>(i));
        lps.back()->simulation().schedule_at(1, 0);
        ps.push_back(lps.back().get());
    }
    EXPECT_THROW(run_logical_processes(ps, options_of(10, 100, 2)), std::runtime_error);
}

TEST(LpRunner, ReportsProgressAfterTheLastEpoch) {
    auto lps = make_lps(1);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    auto ps = pointers(lps);
    LpRunOptions options = options_of(3, 10);
    options.progress_every = 2;
    options.on_progress = [&](std::uint64_t done, std::uint64_t total) {
        calls.emplace_back(done, total);
    };
    const LpRunOutcome outcome = run_logical_processes(ps, options);
    EXPECT_EQ(outcome.epochs, 4u) << "[0,3) [3,6) [6,9) [9,10)";
    EXPECT_EQ(calls, (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{2, 4}, {4, 4}}));
}

TEST(LpRunner, AProgressCallbackThatThrowsStopsTheRunOnEveryThread) {
    // The callback runs on whichever thread runs group 0 while the other groups run the same
    // epoch; its failure must stop every thread after that epoch (no thread left waiting for
    // a barrier the others have abandoned) and reach the caller.
    for (const int threads : {1, 2, 3}) {
        auto lps = make_lps(6);
        for (auto& lp : lps) {
            lp->simulation().schedule_at(0, 0);
        }
        auto ps = pointers(lps);
        LpRunOptions options = options_of(10, 100000, threads);
        options.progress_every = 5;
        std::uint64_t last = 0;
        options.on_progress = [&](std::uint64_t done, std::uint64_t) {
            last = done;
            if (done == 10) {
                throw std::runtime_error("progress failed");
            }
        };
        EXPECT_THROW(run_logical_processes(ps, options), std::runtime_error) << threads;
        EXPECT_EQ(last, 10u) << "no report after the failing one";
    }
}

}  // namespace
}  // namespace cssim::parallel
