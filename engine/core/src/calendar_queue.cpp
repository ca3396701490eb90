// CalendarQueue and AdaptiveQueue, declared in cssim/core/event_queue.hpp. Brown, R. (1988)
// "Calendar queues: a fast O(1) priority queue implementation for the simulation event set
// problem", CACM 31(10), adapted to integer ticks (power-of-two day widths, so a day is a shift)
// and to a cost monitor in the spirit of the dynamic calendar queue (Oh & Ahn 1998) for
// distributions that drift.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "cssim/core/event_queue.hpp"

namespace cssim::core {

namespace {

constexpr std::uint32_t kNil = UINT32_MAX;
constexpr std::uint64_t kNoDay = UINT64_MAX;
constexpr std::size_t kMinBuckets = 16;
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
// Width estimation looks at this many of the earliest events (more when they are all tied).
constexpr std::size_t kSampleSize = 256;
// Day width in mean gaps between the earliest events: about two events per day at the front.
// Brown used 3; walking a bucket's list costs us more than skipping an empty bucket, so less is
// better, and the hold benchmark is flat between 1 and 4.
constexpr double kWidthFactor = 2.0;
// Retune when the mean number of empty buckets scanned per pop, or of list nodes walked per push,
// passes this; checked at most once per 2 x bucket-count operations, so a rebuild (O(n)) costs
// O(1) amortised per operation.
constexpr std::uint64_t kCostPerOperationLimit = 3;

}  // namespace

CalendarQueue::CalendarQueue()
    : buckets_(kMinBuckets, Bucket{kNil, kNil, kNoDay, INT64_MIN}), free_(kNil) {
    mask_ = kMinBuckets - 1;
}

std::uint64_t CalendarQueue::day_of(const Event& e) const {
    // Flipping the sign bit maps signed time order onto unsigned order.
    return (static_cast<std::uint64_t>(e.time) ^ kSignBit) >> shift_;
}

void CalendarQueue::clear() {
    nodes_.clear();
    std::fill(buckets_.begin(), buckets_.end(), Bucket{kNil, kNil, kNoDay, INT64_MIN});
    free_ = kNil;
    size_ = 0;
    current_day_ = 0;
    scanned_ = walked_ = operations_ = 0;
}

std::uint32_t CalendarQueue::locate() const {
    const std::uint64_t bucket_count = mask_ + 1;
    for (std::uint64_t step = 0; step < bucket_count; ++step) {
        const Bucket& bucket = buckets_[current_day_ & mask_];
        // The bucket's head is its earliest event; it is the global minimum when it falls on the
        // current day (no pending event lies on an earlier day). Empty buckets have kNoDay.
        if (bucket.head_day <= current_day_) {
            scanned_ += step;
            return bucket.head;
        }
        ++current_day_;
    }
    scanned_ += bucket_count;
    // A whole year without an event on its own day: jump straight to the earliest event.
    std::uint32_t best = kNil;
    for (const Bucket& bucket : buckets_) {
        if (bucket.head != kNil &&
            (best == kNil || runs_before(nodes_[bucket.head].event, nodes_[best].event))) {
            best = bucket.head;
        }
    }
    current_day_ = day_of(nodes_[best].event);
    return best;
}

const Event& CalendarQueue::top() const {
    return nodes_[locate()].event;
}

void CalendarQueue::insert(std::uint32_t node) {
    const Event& e = nodes_[node].event;
    const std::uint64_t day = day_of(e);
    Bucket& bucket = buckets_[day & mask_];
    nodes_[node].next = kNil;
    if (bucket.head == kNil) {
        bucket = Bucket{node, node, day, e.time};
        return;
    }
    // Later than everything in the bucket is the common case in simulation (equal times arrive
    // in seq order), so check the tail first, on its cached time where that decides.
    // (Branch-free selects instead of these branches measured 20% slower.)
    if (e.time > bucket.tail_time ||
        (e.time == bucket.tail_time && e.seq >= nodes_[bucket.tail].event.seq)) {
        nodes_[bucket.tail].next = node;
        bucket.tail = node;
        bucket.tail_time = e.time;
        return;
    }
    if (runs_before(e, nodes_[bucket.head].event)) {
        nodes_[node].next = bucket.head;
        bucket.head = node;
        bucket.head_day = day;
        return;
    }
    std::uint32_t prev = bucket.head;
    for (;;) {
        const std::uint32_t next = nodes_[prev].next;  // never kNil: e runs before the tail
        ++walked_;
        if (runs_before(e, nodes_[next].event)) {
            nodes_[node].next = next;
            nodes_[prev].next = node;
            return;
        }
        prev = next;
    }
}

void CalendarQueue::push(const Event& event) {
    std::uint32_t node = free_;
    if (node != kNil) {
        free_ = nodes_[node].next;
        // Field by field, not one struct copy: callers usually have just written some fields of
        // `event` one by one, and a wide load spanning several narrow pending stores cannot be
        // forwarded from the store buffer (a stall of ~15 cycles on current x86 cores).
        Event& slot = nodes_[node].event;
        slot.time = event.time;
        slot.seq = event.seq;
        slot.kind = event.kind;
        slot.target = event.target;
        slot.payload = event.payload;
    } else {
        if (nodes_.size() >= kNil) {
            throw std::length_error("CalendarQueue: more than 2^32 - 1 pending events");
        }
        node = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back(Node{event, kNil});
    }
    const std::uint64_t day = day_of(event);
    if (size_ == 0 || day < current_day_) {
        current_day_ = day;  // keep the invariant: nothing pending before the current day
    }
    insert(node);
    ++size_;
    ++operations_;
    if (size_ > 2 * (mask_ + 1)) {
        rebuild(2 * (mask_ + 1));
    } else {
        maybe_retune();
    }
}

Event CalendarQueue::pop() {
    return take(locate());
}

bool CalendarQueue::pop_if_before(Tick end, Event& out) {
    if (size_ == 0) {
        return false;
    }
    const std::uint32_t node = locate();
    if (nodes_[node].event.time >= end) {
        return false;
    }
    out = take(node);
    return true;
}

Event CalendarQueue::take(std::uint32_t node) {
    Bucket& bucket = buckets_[current_day_ & mask_];
    bucket.head = nodes_[node].next;
    if (bucket.head == kNil) {
        bucket = Bucket{kNil, kNil, kNoDay, INT64_MIN};
    } else {
        bucket.head_day = day_of(nodes_[bucket.head].event);
    }
    const Event event = nodes_[node].event;
    nodes_[node].next = free_;
    free_ = node;
    --size_;
    ++operations_;
    if (2 * size_ < mask_ + 1 && mask_ + 1 > kMinBuckets) {
        rebuild((mask_ + 1) / 2);
    } else {
        maybe_retune();
    }
    return event;
}

void CalendarQueue::maybe_retune() {
    if (operations_ < 2 * (mask_ + 1)) {
        return;
    }
    if (scanned_ > kCostPerOperationLimit * operations_ ||
        walked_ > kCostPerOperationLimit * operations_) {
        rebuild(mask_ + 1);
    } else {
        scanned_ = walked_ = operations_ = 0;
    }
}

[[gnu::noinline]] void CalendarQueue::rebuild(std::size_t bucket_count) {
    scratch_.clear();
    for (const Bucket& bucket : buckets_) {
        for (std::uint32_t n = bucket.head; n != kNil; n = nodes_[n].next) {
            scratch_.push_back(n);
        }
    }
    const auto earlier = [this](std::uint32_t a, std::uint32_t b) {
        return runs_before(nodes_[a].event, nodes_[b].event);
    };
    // Day width from the density of the earliest events, where the pops happen: the mean gap
    // between the earliest eighth of the events (at most kSampleSize), with the largest tenth of
    // the gaps trimmed so that one far-future event does not blow it up, times kWidthFactor,
    // rounded to the nearest power of two. If the sample is all one time, widen it.
    std::size_t k = std::clamp<std::size_t>(scratch_.size() / 8, 2, kSampleSize);
    while (k >= 2 && k <= scratch_.size()) {
        std::nth_element(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(k - 1),
                         scratch_.end(), earlier);
        std::sort(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(k), earlier);
        const Tick span = nodes_[scratch_[k - 1]].event.time - nodes_[scratch_[0]].event.time;
        if (span == 0 && k < scratch_.size()) {
            k = std::min(2 * k, scratch_.size());
            continue;
        }
        std::vector<Tick> gaps(k - 1);
        for (std::size_t i = 0; i + 1 < k; ++i) {
            gaps[i] = nodes_[scratch_[i + 1]].event.time - nodes_[scratch_[i]].event.time;
        }
        std::sort(gaps.begin(), gaps.end());
        const std::size_t kept = std::max<std::size_t>(1, gaps.size() - gaps.size() / 10);
        double sum = 0.0;
        for (std::size_t i = 0; i < kept; ++i) {
            sum += static_cast<double>(gaps[i]);
        }
        const double width = kWidthFactor * sum / static_cast<double>(kept);
        // Nearest power of two on a log scale: 2^shift <= width * sqrt(2) < 2^(shift + 1).
        unsigned shift = 0;
        while (shift < 62 && static_cast<double>(std::uint64_t{2} << shift) <= width * 1.41421356) {
            ++shift;
        }
        shift_ = shift;
        break;
    }
    buckets_.assign(bucket_count, Bucket{kNil, kNil, kNoDay, INT64_MIN});
    mask_ = bucket_count - 1;
    current_day_ = 0;
    for (const std::uint32_t n : scratch_) {
        insert(n);
    }
    if (size_ > 0) {
        std::uint32_t first = scratch_.front();
        for (const std::uint32_t n : scratch_) {
            if (earlier(n, first)) {
                first = n;
            }
        }
        current_day_ = day_of(nodes_[first].event);
    }
    scanned_ = walked_ = operations_ = 0;
}

// ---------------------------------------------------------------------------------------------
// AdaptiveQueue lives in this file so that its calls into CalendarQueue (the hot path at the
// sizes most models run at) can be inlined.

[[gnu::noinline, gnu::cold]] void AdaptiveQueue::throw_non_monotone(const Event& event) {
    throw std::logic_error("AdaptiveQueue::push: event (time " + std::to_string(event.time) +
                           ", seq " + std::to_string(event.seq) +
                           ") runs before the last popped event");
}

// flatten: inline the calendar queue's code into the two entry points of the middle tier (about
// 15% faster at small sizes than calling through).
[[gnu::flatten]] void AdaptiveQueue::push_large(const Event& event) {
    if (is_heap_) {
        move_heap_to_calendar();
    }
    if (is_radix_) {
        radix_.push(event);
    } else {
        calendar_.push(event);
        if (calendar_.size() > kToRadix) [[unlikely]] {
            move_to_radix();
        }
    }
}

[[gnu::flatten]] bool AdaptiveQueue::pop_large(Tick end, Event& out, bool bounded) {
    if (!bounded) {
        out = is_radix_ ? radix_.pop() : calendar_.pop();
    } else if (is_radix_) {
        if (radix_.empty() || radix_.top().time >= end) {
            return false;
        }
        out = radix_.pop();
    } else if (!calendar_.pop_if_before(end, out)) {
        return false;
    }
    last_time_ = out.time;
    last_seq_ = out.seq;
    if (is_radix_ && radix_.size() < kToCalendar) [[unlikely]] {
        move_to_calendar();
    } else if (!is_radix_ && calendar_.size() < kToHeap) [[unlikely]] {
        move_calendar_to_heap();
    }
    return true;
}

[[gnu::noinline]] void AdaptiveQueue::move_heap_to_calendar() {
    Event event;
    while (!heap_.empty()) {
        heap_pop(event);
        calendar_.push(event);
    }
    is_heap_ = false;
}

[[gnu::noinline]] void AdaptiveQueue::move_calendar_to_heap() {
    while (!calendar_.empty()) {
        heap_push(calendar_.pop());
    }
    is_heap_ = true;
}

[[gnu::noinline]] void AdaptiveQueue::move_to_radix() {
    // Popped in order, so the radix heap sees increasing keys.
    while (!calendar_.empty()) {
        radix_.push(calendar_.pop());
    }
    is_radix_ = true;
}

[[gnu::noinline]] void AdaptiveQueue::move_to_calendar() {
    while (!radix_.empty()) {
        calendar_.push(radix_.pop());
    }
    is_radix_ = false;
}

void AdaptiveQueue::clear() {
    heap_.clear();
    calendar_.clear();
    radix_.clear();
    is_heap_ = true;
    is_radix_ = false;
    last_time_ = INT64_MIN;
    last_seq_ = 0;
}

}  // namespace cssim::core
