#pragma once
/**
 * @file event_queue.hpp
 * @brief Pending-event sets ordered by (time, sequence number), behind one small interface.
 *
 * Equal times pop in the order they were scheduled because every event carries a unique,
 * increasing sequence number: that is what makes runs bit-reproducible, whichever queue is used.
 * Implementations store events by value in arrays or pools that grow to the run's peak size, so
 * pushing an event allocates nothing once that size has been reached.
 *
 * Complexity (n = pending events; R = spread of pending keys):
 * | implementation      | push           | pop                        | top            |
 * |---------------------|----------------|----------------------------|----------------|
 * | AdaptiveQueue       | O(1) expected  | O(1) exp. / amort. O(log R) | as pop         |
 * | CalendarQueue       | O(1) expected  | O(1) expected              | O(1) expected  |
 * | RadixHeapQueue      | O(1)           | amortised O(log R)         | as pop         |
 * | QuaternaryHeapQueue | O(log4 n)      | O(3 log4 n)                | O(1)           |
 * | BinaryHeapQueue     | O(log2 n)      | O(log2 n)                  | O(1)           |
 * (Heap push is O(1) on average when new events are later than most pending ones, as in
 * simulation.) AdaptiveQueue, a binary heap while tiny (<= 64 events, O(log n) on a few cache
 * lines), a calendar queue while small and a radix heap while large, is the default: see
 * docs/performance.md for the hold-model comparison with std::priority_queue and
 * docs/engine-core.md for when each one wins. RadixHeapQueue and AdaptiveQueue require that no
 * event pushed runs before the last one popped, which Simulation guarantees.
 */
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "cssim/core/time.hpp"

namespace cssim::core {

/**
 * @brief A scheduled event: a plain 32-byte value, dispatched by `kind` in the model.
 * `seq` is assigned by Simulation and is unique within a run; `kind`, `target` and `payload` mean
 * whatever the model says (typically an event type, an entity index and a generation counter).
 */
struct Event {
    Tick time = 0;
    std::uint64_t seq = 0;
    std::uint32_t kind = 0;
    std::uint32_t target = 0;
    std::uint64_t payload = 0;
};

/** @brief Strict (time, seq) order: true when a must run before b. */
constexpr bool runs_before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

/** @brief The pending-event set interface. Not thread-safe: one per Simulation. */
class EventQueue {
public:
    virtual ~EventQueue() = default;
    virtual void push(const Event& event) = 0;
    /** @brief Removes and returns the earliest event. Precondition: !empty(). */
    virtual Event pop() = 0;
    /** @brief The earliest event. Precondition: !empty(). */
    virtual const Event& top() const = 0;
    /**
     * @brief If the queue holds an event with time < end, removes the earliest into `out` and
     * returns true; else false. One search for the minimum (top() then pop() may search twice).
     */
    virtual bool pop_if_before(Tick end, Event& out) {
        if (empty() || top().time >= end) {
            return false;
        }
        out = pop();
        return true;
    }
    virtual bool empty() const = 0;
    virtual std::size_t size() const = 0;
    virtual void clear() = 0;
    virtual void reserve(std::size_t n) = 0;
    /** @brief Bytes held by the queue's own storage (capacity, not size). */
    virtual std::size_t memory_bytes() const = 0;
    virtual std::string_view name() const = 0;
};

/** @brief Classic binary min-heap over a std::vector<Event>. */
class BinaryHeapQueue final : public EventQueue {
public:
    void push(const Event& event) override;
    Event pop() override;
    const Event& top() const override { return heap_.front(); }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    void clear() override { heap_.clear(); }
    void reserve(std::size_t n) override { heap_.reserve(n); }
    std::size_t memory_bytes() const override { return heap_.capacity() * sizeof(Event); }
    std::string_view name() const override { return "binary_heap"; }

private:
    std::vector<Event> heap_;
};

/**
 * @brief 4-ary min-heap with hole-based sifting (one move per level, no swaps), keys and payloads
 * in separate arrays.
 *
 * Layout: the (time, seq) keys (16 bytes each) live in one array and the rest of each event
 * (kind, target, payload: 16 bytes) in a parallel array at the same index. The key array is
 * 64-byte aligned with the root offset so that the four children of every node share exactly one
 * cache line: choosing the smallest child touches one line, and the payload move that follows is
 * off the critical path. Removal is bottom-up (the hole follows the smallest child to a leaf, then
 * the last element sifts up, usually a level or two), and on large heaps the grandchildren are
 * prefetched one level ahead. Invariant: key_[i] <= key_[c] for every child c of i, where keys
 * compare as (time, seq). Memory: 32 bytes per event of capacity, plus 64 bytes of padding.
 */
class QuaternaryHeapQueue final : public EventQueue {
public:
    QuaternaryHeapQueue() = default;
    QuaternaryHeapQueue(const QuaternaryHeapQueue&) = delete;
    QuaternaryHeapQueue& operator=(const QuaternaryHeapQueue&) = delete;
    ~QuaternaryHeapQueue() override;

    void push(const Event& event) override;
    Event pop() override;
    /** @brief The earliest event, assembled into a member: valid until the next call. */
    const Event& top() const override;
    bool empty() const override { return size_ == 0; }
    std::size_t size() const override { return size_; }
    void clear() override { size_ = 0; }
    void reserve(std::size_t n) override;
    std::size_t memory_bytes() const override;
    std::string_view name() const override { return "quaternary_heap"; }

private:
    /** The ordering key: time with its sign bit flipped (so unsigned order is time order)
     * and seq; compared as one 128-bit unsigned number. */
    struct Key {
        std::uint64_t time_bits;
        std::uint64_t seq;
    };
    /** The rest of an event. */
    struct Payload {
        std::uint32_t kind;
        std::uint32_t target;
        std::uint64_t payload;
    };

    void grow(std::size_t capacity);

    Key* keys_ = nullptr;          ///< keys_[0] is the root; &keys_[1] is 64-byte aligned
    Payload* payloads_ = nullptr;  ///< payloads_[i] belongs to keys_[i]
    void* key_block_ = nullptr;    ///< the aligned allocation behind keys_
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    mutable Event top_{};  ///< what top() returns a reference to
};

/**
 * @brief Calendar queue (Brown 1988) over integer ticks: O(1) expected push and pop.
 *
 * Events hash by "day" (time >> shift, a power-of-two width in ticks) into a ring of 2^k buckets;
 * each bucket is a list sorted by (time, seq), threaded through one node pool so that no push
 * allocates once the pool has grown. Pop scans forward from the current day to the first bucket
 * whose head falls on the day being scanned; a full fruitless turn of the ring falls back to a
 * direct search. The ring doubles or halves as the size crosses 2x or 1/2x the bucket count, and
 * the day width is re-estimated (twice the mean gap between the earliest events) on every
 * resize and whenever the measured cost per operation says the width no longer fits (scans of many
 * empty buckets per pop, or long walks through crowded buckets per push).
 * Invariant: no pending event lies on a day before the current day. Memory: 40 bytes per event
 * of pool capacity plus 24 bytes per bucket (between 1/2 and 2 buckets per event).
 */
class CalendarQueue final : public EventQueue {
public:
    CalendarQueue();
    void push(const Event& event) override;
    Event pop() override;
    const Event& top() const override;
    bool pop_if_before(Tick end, Event& out) override;
    bool empty() const override { return size_ == 0; }
    std::size_t size() const override { return size_; }
    void clear() override;
    void reserve(std::size_t n) override { nodes_.reserve(n); }
    std::size_t memory_bytes() const override {
        return nodes_.capacity() * sizeof(Node) + buckets_.capacity() * sizeof(Bucket) +
               scratch_.capacity() * sizeof(std::uint32_t);
    }
    std::string_view name() const override { return "calendar_queue"; }

private:
    struct Node {
        Event event;
        std::uint32_t next;
    };
    /** A sorted list; head's day and tail's time are cached so the common checks need no
     * node. Empty: head = tail = nil, head_day = UINT64_MAX (never the current day). */
    struct Bucket {
        std::uint32_t head;
        std::uint32_t tail;
        std::uint64_t head_day;
        Tick tail_time;
    };

    std::uint64_t day_of(const Event& e) const;
    /** Moves the current day forward to the earliest event's; returns its node. */
    std::uint32_t locate() const;
    /** Removes `node`, the one locate() just returned, and returns its event. */
    Event take(std::uint32_t node);
    void insert(std::uint32_t node);
    void rebuild(std::size_t bucket_count);
    void maybe_retune();

    std::vector<Node> nodes_;
    std::vector<Bucket> buckets_;
    std::vector<std::uint32_t> scratch_;  ///< node indices, reused by rebuild()
    std::uint32_t free_ = 0;              ///< head of the free-node list
    std::size_t size_ = 0;
    unsigned shift_ = 0;      ///< day width = 2^shift_ ticks
    std::uint64_t mask_ = 0;  ///< bucket count - 1
    mutable std::uint64_t current_day_ = 0;
    // Cost monitor since the last rebuild (see maybe_retune).
    mutable std::uint64_t scanned_ = 0;
    std::uint64_t walked_ = 0;
    std::uint64_t operations_ = 0;
};

/**
 * @brief Radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) over 128-bit (time, seq) keys: a
 * monotone priority queue for event sets, where nothing is ever scheduled before the event being
 * handled.
 *
 * Bucket 0 holds the last popped key; bucket b >= 1 holds events whose key first differs from it
 * in bit b - 1 (counting from the least significant bit of seq). Push appends to a bucket (an
 * array append, no comparisons with other events); pop, when bucket 0 is empty, takes the lowest
 * non-empty bucket, finds its minimum and redistributes the rest into strictly lower buckets. Each
 * event moves at most 128 times and in practice a few, always by sequential array appends, which
 * is what makes it fast on large sets. Precondition of push: the event does not run before the
 * last popped one (Simulation guarantees it: time >= now and seq increasing); otherwise
 * std::logic_error. Memory: 32 bytes per event of bucket capacity; the buckets keep their
 * capacity, so the peak can reach a few times 32 bytes per pending event.
 */
class RadixHeapQueue final : public EventQueue {
public:
    void push(const Event& event) override;
    Event pop() override;
    const Event& top() const override;
    bool empty() const override { return size_ == 0; }
    std::size_t size() const override { return size_; }
    void clear() override;
    void reserve(std::size_t) override {}
    std::size_t memory_bytes() const override;
    std::string_view name() const override { return "radix_heap"; }

private:
    static constexpr std::size_t kBuckets = 129;
    /** Ensures bucket 0 holds the minimum. Logically const: moves events between buckets. */
    void refill() const;

    mutable std::vector<Event> buckets_[kBuckets];
    /// Bit b of occupied_[b / 64] is set when bucket b is not empty (finds the lowest in O(1)).
    mutable std::uint64_t occupied_[3] = {0, 0, 0};
    mutable std::uint64_t last_time_bits_ = 0;  ///< key of the last minimum: time, sign flipped
    mutable std::uint64_t last_seq_ = 0;        ///< ... and seq
    std::size_t size_ = 0;
};

/**
 * @brief The default event set: a small binary heap while tiny, a CalendarQueue while small, a
 * RadixHeapQueue while large.
 *
 * Up to kHeapMax events (a single-server or M/M/c model, a PHOLD logical process) a binary heap
 * in one fixed array, with its push and pop inlined into Simulation's loop, beats everything
 * else: that is where a hand-written loop's std::priority_queue is at its best. The calendar
 * queue is the fastest while its node pool fits in the cache; past that its random accesses
 * dominate and the radix heap, which moves events only by sequential appends, wins (see
 * docs/performance.md). The queue moves every event across (O(n), in order) when the size rises
 * above kHeapMax or kToRadix, or falls below kToHeap or kToCalendar; the gaps between the
 * thresholds make each O(n) move amortised O(1). Same precondition as RadixHeapQueue in every
 * mode, checked in every mode: a pushed event must not run before the last popped one
 * (std::logic_error otherwise), which Simulation guarantees.
 */
class AdaptiveQueue final : public EventQueue {
public:
    static constexpr std::size_t kHeapMax = 64;
    static constexpr std::size_t kToHeap = 24;
    static constexpr std::size_t kToRadix = 32768;
    static constexpr std::size_t kToCalendar = 16384;

    AdaptiveQueue() { heap_.reserve(kHeapMax); }

    void push(const Event& event) override {
        if (event.time < last_time_ || (event.time == last_time_ && event.seq < last_seq_))
            [[unlikely]] {
            throw_non_monotone(event);
        }
        if (is_heap_ && heap_.size() < kHeapMax) [[likely]] {
            heap_push(event);
            return;
        }
        push_large(event);
    }
    Event pop() override {
        Event event;
        if (is_heap_) {
            heap_pop(event);
            last_time_ = event.time;
            last_seq_ = event.seq;
        } else {
            pop_large(0, event, false);
        }
        return event;
    }
    bool pop_if_before(Tick end, Event& out) override {
        if (is_heap_) [[likely]] {
            if (heap_.empty() || heap_.front().time >= end) {
                return false;
            }
            heap_pop(out);
            last_time_ = out.time;
            last_seq_ = out.seq;
            return true;
        }
        return pop_large(end, out, true);
    }
    const Event& top() const override {
        return is_heap_ ? heap_.front() : (is_radix_ ? radix_.top() : calendar_.top());
    }
    bool empty() const override { return size() == 0; }
    std::size_t size() const override {
        return is_heap_ ? heap_.size() : (is_radix_ ? radix_.size() : calendar_.size());
    }
    void clear() override;
    void reserve(std::size_t n) override { calendar_.reserve(std::min(n, kToRadix)); }
    std::size_t memory_bytes() const override {
        return heap_.capacity() * sizeof(Event) + calendar_.memory_bytes() + radix_.memory_bytes();
    }
    std::string_view name() const override { return "adaptive"; }
    /** @brief True while the events are in the radix heap. */
    bool is_radix() const { return !is_heap_ && is_radix_; }
    /** @brief True while the events are in the small binary heap. */
    bool is_small_heap() const { return is_heap_; }

private:
    /** Binary min-heap push with a moving hole (one copy per level, no swaps). */
    void heap_push(const Event& event) {
        std::size_t i = heap_.size();
        heap_.push_back(event);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!runs_before(event, heap_[parent])) {
                break;
            }
            heap_[i] = heap_[parent];
            i = parent;
        }
        heap_[i] = event;
    }
    void heap_pop(Event& out) {
        out = heap_.front();
        const Event last = heap_.back();
        heap_.pop_back();
        const std::size_t n = heap_.size();
        if (n == 0) {
            return;
        }
        std::size_t i = 0;
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && runs_before(heap_[child + 1], heap_[child])) {
                ++child;
            }
            if (!runs_before(heap_[child], last)) {
                break;
            }
            heap_[i] = heap_[child];
            i = child;
        }
        heap_[i] = last;
    }
    [[noreturn]] static void throw_non_monotone(const Event& event);
    void push_large(const Event& event);
    /** The calendar and radix tiers; with `bounded`, only an event with time < end. */
    bool pop_large(Tick end, Event& out, bool bounded);
    void move_to_radix();
    void move_to_calendar();
    void move_heap_to_calendar();
    void move_calendar_to_heap();

    std::vector<Event> heap_;  ///< capacity kHeapMax, reserved once: pushes never allocate
    CalendarQueue calendar_;
    RadixHeapQueue radix_;
    bool is_heap_ = true;
    bool is_radix_ = false;
    Tick last_time_ = INT64_MIN;  ///< (time, seq) of the last popped event, for the precondition
    std::uint64_t last_seq_ = 0;
};

/** @brief Names accepted by make_event_queue, default first. */
std::vector<std::string_view> event_queue_names();
/** @brief Builds a queue by name (see event_queue_names()); nullptr if unknown. */
std::unique_ptr<EventQueue> make_event_queue(std::string_view name = "adaptive");

}  // namespace cssim::core
