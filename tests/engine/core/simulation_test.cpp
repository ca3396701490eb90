#include "cssim/core/simulation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cssim/core/random.hpp"

namespace cssim::core {
namespace {

// Every Simulation test runs once per queue implementation.
class SimulationTest : public ::testing::TestWithParam<std::string_view> {
protected:
    Simulation make() const { return Simulation(make_event_queue(GetParam())); }
};

INSTANTIATE_TEST_SUITE_P(AllQueues, SimulationTest, ::testing::ValuesIn(event_queue_names()),
                         [](const auto& param_info) { return std::string(param_info.param); });

struct Recorder {
    std::vector<Event> seen;
    void operator()(const Event& e) { seen.push_back(e); }
};

TEST_P(SimulationTest, RunsEventsBeforeEndAndSetsClockToEnd) {
    Simulation sim = make();
    sim.schedule_at(10, 1);
    sim.schedule_at(5, 2);
    sim.schedule_at(20, 3);  // exactly at end: not run
    sim.schedule_at(30, 4);
    Recorder rec;
    EXPECT_EQ(sim.run_until(20, rec), 2u);
    ASSERT_EQ(rec.seen.size(), 2u);
    EXPECT_EQ(rec.seen[0].kind, 2u);
    EXPECT_EQ(rec.seen[1].kind, 1u);
    EXPECT_EQ(sim.now(), 20);
    EXPECT_EQ(sim.pending(), 2u);
    EXPECT_EQ(sim.run_until(100, rec), 2u);
    EXPECT_EQ(rec.seen.back().kind, 4u);
    EXPECT_EQ(sim.now(), 100);
    EXPECT_EQ(sim.events_processed(), 4u);
}

TEST_P(SimulationTest, DispatchesEqualTimesInSchedulingOrder) {
    Simulation sim = make();
    for (std::uint32_t k = 0; k < 50; ++k) {
        sim.schedule_at(7, k);
    }
    Recorder rec;
    sim.run_until(8, rec);
    ASSERT_EQ(rec.seen.size(), 50u);
    for (std::uint32_t k = 0; k < 50; ++k) {
        EXPECT_EQ(rec.seen[k].kind, k);
    }
}

TEST_P(SimulationTest, HandlersScheduleFollowUpEvents) {
    Simulation sim = make();
    RandomStream rng(3);
    for (int i = 0; i < 50; ++i) {
        sim.schedule_at(static_cast<Tick>(i), 0);
    }
    Tick last = -1;
    std::uint64_t count = 0;
    auto handler = [&](const Event& e) {
        EXPECT_GE(e.time, last);  // the clock never goes back
        EXPECT_EQ(sim.now(), e.time);
        last = e.time;
        ++count;
        // One follow-up per event keeps the population at 50 (a hold model).
        sim.schedule_after(static_cast<Tick>(rng.uniform_int(100)), 0);
    };
    sim.run_until(2000, handler);
    EXPECT_GT(count, 1000u);
    EXPECT_EQ(sim.pending(), 50u);
    EXPECT_EQ(sim.events_processed(), count);
}

TEST_P(SimulationTest, SkipsCancelledEvents) {
    Simulation sim = make();
    const EventHandle a = sim.schedule_at(1, 1);
    const EventHandle b = sim.schedule_at(2, 2);
    sim.schedule_at(3, 3);
    EXPECT_NE(a, kNoEvent);
    EXPECT_NE(a, b);
    sim.cancel(b);
    EXPECT_EQ(sim.pending(), 2u);
    Recorder rec;
    sim.run_until(10, rec);
    ASSERT_EQ(rec.seen.size(), 2u);
    EXPECT_EQ(rec.seen[0].kind, 1u);
    EXPECT_EQ(rec.seen[1].kind, 3u);
    EXPECT_EQ(sim.pending(), 0u);
    EXPECT_EQ(sim.events_processed(), 2u);
}

TEST_P(SimulationTest, SkipsManyCancelledEventsAcrossRehashes) {
    // Thousands of outstanding cancellations make the handle set grow and clean out its
    // tombstones several times; only the events not cancelled may run, in order.
    Simulation sim = make();
    std::vector<EventHandle> handles;
    for (Tick t = 0; t < 6000; ++t) {
        handles.push_back(sim.schedule_at(t / 3, static_cast<std::uint32_t>(t)));
    }
    for (std::size_t i = 0; i < handles.size(); i += 3) {
        sim.cancel(handles[i]);
    }
    EXPECT_EQ(sim.pending(), 4000u);
    Recorder rec;
    sim.run_until(1000, rec);  // the first half, then cancel more in the second half
    for (std::size_t i = 3001; i < handles.size(); i += 3) {
        sim.cancel(handles[i]);
    }
    sim.run_until(3000, rec);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t k = 0; k < 6000; ++k) {
        if (k % 3 != 0 && !(k >= 3001 && k % 3 == 1)) {
            expected.push_back(k);
        }
    }
    std::vector<std::uint32_t> seen;
    for (const Event& e : rec.seen) {
        seen.push_back(e.kind);
    }
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(sim.pending(), 0u);
}

TEST_P(SimulationTest, CancelsFromInsideAHandler) {
    Simulation sim = make();
    EventHandle timeout = kNoEvent;
    sim.schedule_at(5, 1);
    timeout = sim.schedule_at(9, 2);
    Recorder rec;
    sim.run_until(100, [&](const Event& e) {
        rec(e);
        if (e.kind == 1) {
            sim.cancel(timeout);
        }
    });
    ASSERT_EQ(rec.seen.size(), 1u);
    EXPECT_EQ(rec.seen[0].kind, 1u);
}

TEST_P(SimulationTest, ThrowsWhenTheEventLimitIsPassed) {
    Simulation sim = make();
    sim.set_event_limit(100);
    sim.schedule_at(0, 0);
    // A runaway model: every event schedules another one at the same time.
    auto runaway = [&](const Event&) { sim.schedule_after(0, 0); };
    EXPECT_THROW(sim.run_until(10, runaway), EventLimitExceeded);
    EXPECT_EQ(sim.events_processed(), 101u);
}

TEST_P(SimulationTest, StopsAfterTheCurrentEvent) {
    Simulation sim = make();
    for (Tick t = 1; t <= 10; ++t) {
        sim.schedule_at(t, static_cast<std::uint32_t>(t));
    }
    Recorder rec;
    const std::uint64_t ran = sim.run_until(100, [&](const Event& e) {
        rec(e);
        if (e.time == 4) {
            sim.stop();
        }
    });
    EXPECT_EQ(ran, 4u);
    EXPECT_TRUE(sim.is_stopped());
    EXPECT_EQ(sim.now(), 4);  // not advanced to end
    EXPECT_EQ(sim.pending(), 6u);
    // A later call resumes where it stopped.
    EXPECT_EQ(sim.run_until(100, rec), 6u);
    EXPECT_FALSE(sim.is_stopped());
    EXPECT_EQ(sim.now(), 100);
}

TEST_P(SimulationTest, RejectsSchedulingInThePast) {
    Simulation sim = make();
    sim.run_until(50, [](const Event&) {});
    EXPECT_THROW(sim.schedule_at(49, 0), std::logic_error);
    EXPECT_NO_THROW(sim.schedule_at(50, 0));
}

TEST_P(SimulationTest, TellsObserversAboutEveryDispatchedEvent) {
    struct Counter : SimulationObserver {
        std::vector<std::uint32_t> kinds;
        void on_event(const Event& e) override { kinds.push_back(e.kind); }
    } counter;
    Simulation sim = make();
    sim.add_observer(&counter);
    sim.schedule_at(1, 11);
    const EventHandle cancelled = sim.schedule_at(2, 12);
    sim.schedule_at(3, 13);
    sim.cancel(cancelled);
    sim.run_until(10, [](const Event&) {});
    EXPECT_EQ(counter.kinds, (std::vector<std::uint32_t>{11, 13}));
}

TEST(Simulation, UsesTheAdaptiveQueueByDefault) {
    const Simulation sim;
    EXPECT_EQ(sim.queue().name(), "adaptive");
    EXPECT_EQ(sim.now(), 0);
}

}  // namespace
}  // namespace cssim::core
