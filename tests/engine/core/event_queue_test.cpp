#include "cssim/core/event_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <queue>
#include <vector>

#include "cssim/core/random.hpp"

namespace cssim::core {
namespace {

// Every EventQueue implementation runs the same tests.
template <class Queue>
class EventQueueTest : public ::testing::Test {};
using QueueTypes = ::testing::Types<AdaptiveQueue, QuaternaryHeapQueue, BinaryHeapQueue,
                                    CalendarQueue, RadixHeapQueue>;
TYPED_TEST_SUITE(EventQueueTest, QueueTypes);

struct Later {
    bool operator()(const Event& a, const Event& b) const { return runs_before(b, a); }
};

TYPED_TEST(EventQueueTest, PopsRandomEventsInSortedOrder) {
    RandomStream rng(42);
    for (const std::size_t n : {1u, 2u, 3u, 4u, 5u, 17u, 100u, 1000u, 20000u}) {
        TypeParam queue;
        std::vector<Event> reference;
        for (std::size_t i = 0; i < n; ++i) {
            // A narrow time range forces many ties, which only seq can break.
            const Event e{static_cast<Tick>(rng.uniform_int(n / 4 + 1)), i + 1,
                          static_cast<std::uint32_t>(i), 0, rng.next_u64()};
            queue.push(e);
            reference.push_back(e);
        }
        std::sort(reference.begin(), reference.end(), runs_before);
        ASSERT_EQ(queue.size(), n);
        for (const Event& expected : reference) {
            ASSERT_FALSE(queue.empty());
            ASSERT_EQ(queue.top().seq, expected.seq);
            const Event got = queue.pop();
            ASSERT_EQ(got.seq, expected.seq);
            ASSERT_EQ(got.time, expected.time);
            ASSERT_EQ(got.kind, expected.kind);
            ASSERT_EQ(got.payload, expected.payload);
        }
        EXPECT_TRUE(queue.empty());
    }
}

TYPED_TEST(EventQueueTest, PopsEqualTimesInInsertionOrder) {
    TypeParam queue;
    // Pushed in a scrambled order of seq at one time: must come out by seq.
    const std::vector<std::uint64_t> seqs{7, 3, 9, 1, 5, 2, 8, 4, 6, 10, 12, 11};
    for (const std::uint64_t s : seqs) {
        queue.push(Event{100, s, 0, 0, 0});
    }
    queue.push(Event{50, 13, 0, 0, 0});
    EXPECT_EQ(queue.pop().seq, 13u);
    for (std::uint64_t expected = 1; expected <= 12; ++expected) {
        EXPECT_EQ(queue.pop().seq, expected);
    }
}

TYPED_TEST(EventQueueTest, InterleavedPushAndPopMatchReference) {
    RandomStream rng(7);
    TypeParam queue;
    std::priority_queue<Event, std::vector<Event>, Later> reference;
    std::uint64_t seq = 0;
    Tick now = 0;
    for (int step = 0; step < 200000; ++step) {
        // Random walk of the size (push a little more often than pop) with hold-like times.
        if (reference.empty() || rng.uniform01() < 0.55) {
            const Event e{now + static_cast<Tick>(rng.uniform_int(50)), ++seq, 0, 0, seq * 3};
            queue.push(e);
            reference.push(e);
        } else {
            ASSERT_EQ(queue.top().seq, reference.top().seq);
            const Event got = queue.pop();
            ASSERT_EQ(got.seq, reference.top().seq);
            ASSERT_EQ(got.payload, reference.top().payload);
            now = got.time;
            reference.pop();
        }
        ASSERT_EQ(queue.size(), reference.size());
    }
}

TYPED_TEST(EventQueueTest, HandlesTiesBurstsAndFarFutureEvents) {
    // Mixtures that stress calendar-width estimation and radix buckets: long runs of one time,
    // bursts of close times, rare events far in the future, and phases of growth and decline.
    RandomStream rng(99);
    TypeParam queue;
    std::priority_queue<Event, std::vector<Event>, Later> reference;
    std::uint64_t seq = 0;
    Tick now = 0;
    for (int phase = 0; phase < 8; ++phase) {
        const double push_probability = phase % 2 == 0 ? 0.7 : 0.3;
        for (int step = 0; step < 20000; ++step) {
            if (reference.empty() || rng.uniform01() < push_probability) {
                const double u = rng.uniform01();
                Tick delay = 0;  // a tie with now
                if (u > 0.99) {
                    delay = static_cast<Tick>(rng.uniform_int(1ULL << 50));  // far future
                } else if (u > 0.5) {
                    delay = static_cast<Tick>(rng.uniform_int(phase < 4 ? 10 : 100000));
                } else if (u > 0.3) {
                    delay = kTicksPerDay * static_cast<Tick>(rng.uniform_int(3));
                }
                const Event e{now + delay, ++seq, 0, 0, seq};
                queue.push(e);
                reference.push(e);
            } else {
                const Event got = queue.pop();
                ASSERT_EQ(got.seq, reference.top().seq);
                now = got.time;
                reference.pop();
            }
        }
    }
    while (!reference.empty()) {
        ASSERT_EQ(queue.pop().seq, reference.top().seq);
        reference.pop();
    }
    EXPECT_TRUE(queue.empty());
}

TYPED_TEST(EventQueueTest, HandlesExtremeTimes) {
    // "Never" (kTickMax) events and times before the start must neither overflow a bucket index
    // nor confuse the order.
    TypeParam queue;
    const std::vector<Tick> times{kTickMax, 0, kTickMax, -5, INT64_MIN + 1, 7, kTickMax - 1};
    std::vector<Event> reference;
    std::uint64_t seq = 0;
    for (const Tick t : times) {
        reference.push_back(Event{t, ++seq, 0, 0, 0});
        queue.push(reference.back());
    }
    std::sort(reference.begin(), reference.end(), runs_before);
    for (const Event& expected : reference) {
        ASSERT_EQ(queue.pop().seq, expected.seq);
    }
    EXPECT_TRUE(queue.empty());
}

TYPED_TEST(EventQueueTest, ClearsAndReportsMemory) {
    TypeParam queue;
    queue.reserve(1000);
    for (std::uint64_t i = 1; i <= 10; ++i) {
        queue.push(Event{static_cast<Tick>(20 - i), i, 0, 0, 0});
    }
    EXPECT_GE(queue.memory_bytes(), queue.size() * sizeof(Event));
    EXPECT_EQ(queue.top().time, 10);
    queue.clear();
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.size(), 0u);
    queue.push(Event{5, 11, 0, 0, 0});
    EXPECT_EQ(queue.pop().seq, 11u);
    EXPECT_FALSE(queue.name().empty());
}

TEST(AdaptiveQueue, MovesBetweenCalendarAndRadixHeapKeepingOrder) {
    RandomStream rng(5);
    AdaptiveQueue queue;
    std::priority_queue<Event, std::vector<Event>, Later> reference;
    std::uint64_t seq = 0;
    Tick now = 0;
    const auto hold = [&](int steps, double push_probability) {
        for (int i = 0; i < steps; ++i) {
            if (reference.empty() || rng.uniform01() < push_probability) {
                const Event e{now + static_cast<Tick>(rng.uniform_int(5000)), ++seq, 0, 0, 0};
                queue.push(e);
                reference.push(e);
            } else {
                ASSERT_EQ(queue.top().seq, reference.top().seq);
                const Event got = queue.pop();
                ASSERT_EQ(got.seq, reference.top().seq);
                now = got.time;
                reference.pop();
            }
        }
    };
    hold(100000, 0.9);  // grows past kToRadix
    EXPECT_TRUE(queue.is_radix());
    EXPECT_GT(queue.size(), AdaptiveQueue::kToRadix);
    hold(200000, 0.3);  // shrinks below kToCalendar
    EXPECT_FALSE(queue.is_radix());
    hold(100000, 0.9);  // and back
    EXPECT_TRUE(queue.is_radix());
    EXPECT_EQ(queue.size(), reference.size());
}

TEST(AdaptiveQueue, MovesBetweenSmallHeapAndCalendarKeepingOrder) {
    RandomStream rng(9);
    AdaptiveQueue queue;
    std::priority_queue<Event, std::vector<Event>, Later> reference;
    std::uint64_t seq = 0;
    Tick now = 0;
    std::size_t tier_changes = 0;
    bool was_heap = queue.is_small_heap();
    // The size saws between 10 and 100, across kHeapMax and kToHeap each time; pop_if_before and
    // pop alternate, and coarse times (0..20 ticks ahead) make equal times common, so seq order
    // is tested too.
    bool growing = true;
    for (int i = 0; i < 100000; ++i) {
        growing = growing ? reference.size() < 100 : reference.size() <= 10;
        const double push_probability = growing ? 0.7 : 0.3;
        if (reference.empty() || rng.uniform01() < push_probability) {
            const Event e{now + static_cast<Tick>(rng.uniform_int(20)), ++seq, 0, 0, 0};
            queue.push(e);
            reference.push(e);
        } else {
            Event got;
            if (i % 2 == 0) {
                ASSERT_TRUE(queue.pop_if_before(reference.top().time + 1, got));
            } else {
                got = queue.pop();
            }
            ASSERT_EQ(got.seq, reference.top().seq);
            now = got.time;
            reference.pop();
            Event none;
            if (!reference.empty()) {
                ASSERT_FALSE(queue.pop_if_before(reference.top().time, none));
            }
        }
        ASSERT_EQ(queue.size(), reference.size());
        if (i % 1000 == 0)
            printf("%d %zu %d\\n", i, queue.size(), int(queue.is_small_heap()));
        tier_changes += queue.is_small_heap() != was_heap ? 1 : 0;
        was_heap = queue.is_small_heap();
    }
    EXPECT_GT(tier_changes, 100u) << "the test must cross the thresholds both ways";
}

TEST(MonotoneQueues, RejectEventsBeforeTheLastPopped) {
    RadixHeapQueue radix;
    AdaptiveQueue adaptive;
    for (EventQueue* queue :
         {static_cast<EventQueue*>(&radix), static_cast<EventQueue*>(&adaptive)}) {
        queue->push(Event{10, 1});
        queue->push(Event{20, 2});
        EXPECT_EQ(queue->pop().seq, 1u);
        EXPECT_THROW(queue->push(Event{5, 3}), std::logic_error) << queue->name();
        EXPECT_THROW(queue->push(Event{10, 0}), std::logic_error) << queue->name();
        EXPECT_NO_THROW(queue->push(Event{10, 4}));  // same time, later seq: fine
        EXPECT_EQ(queue->pop().seq, 4u);
        EXPECT_EQ(queue->pop().seq, 2u);
    }
}

TEST(EventQueueFactory, BuildsEveryNamedQueueAndRejectsUnknownNames) {
    const std::vector<std::string_view> names = event_queue_names();
    ASSERT_FALSE(names.empty());
    for (const std::string_view name : names) {
        const std::unique_ptr<EventQueue> queue = make_event_queue(name);
        ASSERT_NE(queue, nullptr) << name;
        EXPECT_EQ(queue->name(), name);
    }
    EXPECT_EQ(make_event_queue()->name(), names.front());
    EXPECT_EQ(make_event_queue("no_such_queue"), nullptr);
}

TEST(EventOrder, RunsBeforeIsTimeThenSequence) {
    EXPECT_TRUE(runs_before(Event{1, 9}, Event{2, 1}));
    EXPECT_TRUE(runs_before(Event{2, 1}, Event{2, 2}));
    EXPECT_FALSE(runs_before(Event{2, 2}, Event{2, 2}));
    EXPECT_FALSE(runs_before(Event{3, 1}, Event{2, 9}));
    EXPECT_TRUE(runs_before(Event{-5, 9}, Event{0, 1}));
}

}  // namespace
}  // namespace cssim::core
