// RadixHeapQueue, declared in cssim/core/event_queue.hpp.
#include <bit>
#include <stdexcept>
#include <string>

#include "cssim/core/event_queue.hpp"

namespace cssim::core {

namespace {

constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

std::uint64_t time_bits(const Event& e) {
    return static_cast<std::uint64_t>(e.time) ^ kSignBit;
}

// 0 when the key equals (hi, lo); otherwise 1 + the index of the highest differing bit of the
// 128-bit keys, hi being the more significant half.
std::size_t bucket_of(std::uint64_t hi, std::uint64_t lo, std::uint64_t last_hi,
                      std::uint64_t last_lo) {
    const std::uint64_t dhi = hi ^ last_hi;
    if (dhi != 0) {
        return 128 - static_cast<std::size_t>(std::countl_zero(dhi));
    }
    const std::uint64_t dlo = lo ^ last_lo;
    return 64 - static_cast<std::size_t>(std::countl_zero(dlo));  // 0 when equal
}

}  // namespace

void RadixHeapQueue::push(const Event& event) {
    const std::uint64_t hi = time_bits(event);
    if (hi < last_time_bits_ || (hi == last_time_bits_ && event.seq < last_seq_)) {
        throw std::logic_error("RadixHeapQueue::push: event (time " + std::to_string(event.time) +
                               ", seq " + std::to_string(event.seq) +
                               ") runs before the last popped event");
    }
    const std::size_t b = bucket_of(hi, event.seq, last_time_bits_, last_seq_);
    // Field by field rather than one struct copy: see CalendarQueue::push on store forwarding.
    std::vector<Event>& bucket = buckets_[b];
    bucket.emplace_back();
    Event& slot = bucket.back();
    slot.time = event.time;
    slot.seq = event.seq;
    slot.kind = event.kind;
    slot.target = event.target;
    slot.payload = event.payload;
    occupied_[b / 64] |= std::uint64_t{1} << (b % 64);
    ++size_;
}

void RadixHeapQueue::refill() const {
    if (!buckets_[0].empty()) {
        return;
    }
    // Lowest non-empty bucket (bucket 0 is empty here, so its bit is clear).
    std::size_t b = 0;
    while (occupied_[b / 64] == 0) {
        b += 64;
    }
    b += static_cast<std::size_t>(std::countr_zero(occupied_[b / 64]));
    std::vector<Event>& source = buckets_[b];
    const Event* best = &source.front();
    for (const Event& e : source) {
        if (runs_before(e, *best)) {
            best = &e;
        }
    }
    last_time_bits_ = time_bits(*best);
    last_seq_ = best->seq;
    // Every event of the bucket now differs from the new minimum below bit b - 1: it moves to
    // a strictly lower bucket (the minimum itself to bucket 0).
    for (const Event& e : source) {
        const std::size_t to = bucket_of(time_bits(e), e.seq, last_time_bits_, last_seq_);
        buckets_[to].push_back(e);
        occupied_[to / 64] |= std::uint64_t{1} << (to % 64);
    }
    source.clear();
    occupied_[b / 64] &= ~(std::uint64_t{1} << (b % 64));
}

const Event& RadixHeapQueue::top() const {
    refill();
    return buckets_[0].back();
}

Event RadixHeapQueue::pop() {
    refill();
    const Event event = buckets_[0].back();
    buckets_[0].pop_back();
    if (buckets_[0].empty()) {
        occupied_[0] &= ~std::uint64_t{1};
    }
    if (--size_ == 0) {
        // Empty: any key is acceptable again.
        last_time_bits_ = 0;
        last_seq_ = 0;
    }
    return event;
}

void RadixHeapQueue::clear() {
    for (std::vector<Event>& bucket : buckets_) {
        bucket.clear();
    }
    occupied_[0] = occupied_[1] = occupied_[2] = 0;
    last_time_bits_ = 0;
    last_seq_ = 0;
    size_ = 0;
}

std::size_t RadixHeapQueue::memory_bytes() const {
    std::size_t bytes = 0;
    for (const std::vector<Event>& bucket : buckets_) {
        bytes += bucket.capacity() * sizeof(Event);
    }
    return bytes;
}

}  // namespace cssim::core
