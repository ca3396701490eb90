#include "cssim/core/event_queue.hpp"

#include <algorithm>
#include <cstring>
#include <new>

namespace cssim::core {

namespace {

// Branch-free (time, seq) comparison: both halves are evaluated and combined with bitwise
// operators so the compiler emits flag arithmetic and conditional moves instead of two
// unpredictable branches. In a heap the outcome of each comparison is close to a coin toss, so
// a mispredicted branch per level is what dominates a naive implementation.
inline bool before(const Event& a, const Event& b) {
    return static_cast<bool>(
        static_cast<int>(a.time < b.time) |
        (static_cast<int>(a.time == b.time) & static_cast<int>(a.seq < b.seq)));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// BinaryHeapQueue: children of i are 2i+1 and 2i+2.

void BinaryHeapQueue::push(const Event& event) {
    std::size_t hole = heap_.size();
    heap_.emplace_back();
    Event* h = heap_.data();
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 2;
        if (!before(event, h[parent])) {
            break;
        }
        h[hole] = h[parent];
        hole = parent;
    }
    h[hole] = event;
}

Event BinaryHeapQueue::pop() {
    const Event result = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) {
        return result;
    }
    Event* h = heap_.data();
    // Bottom-up deletion (Wegener): walk the hole down to a leaf along the smaller child, one
    // comparison per level, then sift `last` up from there. `last` came from the bottom, so it
    // usually belongs near the bottom and the sift-up is short.
    std::size_t hole = 0;
    for (;;) {
        const std::size_t child = 2 * hole + 1;
        if (child + 1 < n) {
            const std::size_t best =
                child + static_cast<std::size_t>(before(h[child + 1], h[child]));
            h[hole] = h[best];
            hole = best;
        } else {
            if (child < n) {
                h[hole] = h[child];
                hole = child;
            }
            break;
        }
    }
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 2;
        if (!before(last, h[parent])) {
            break;
        }
        h[hole] = h[parent];
        hole = parent;
    }
    h[hole] = last;
    return result;
}

// ---------------------------------------------------------------------------------------------
// QuaternaryHeapQueue: children of i are 4i+1 ... 4i+4; keys and payloads in parallel arrays.

namespace {

__extension__ using U128 = unsigned __int128;
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
constexpr std::size_t kLineBytes = 64;
// Below this size the whole heap sits in L1/L2 and prefetching only costs instructions.
constexpr std::size_t kPrefetchFromSize = 4096;

}  // namespace

#define CSSIM_KEY128(k) ((static_cast<U128>((k).time_bits) << 64) | (k).seq)

QuaternaryHeapQueue::~QuaternaryHeapQueue() {
    ::operator delete (key_block_, std::align_val_t{kLineBytes});
}

void QuaternaryHeapQueue::grow(std::size_t capacity) {
    // Capacity in whole cache lines of keys (4 per line) so the payloads start aligned too.
    capacity = (std::max<std::size_t>(capacity, 16) + 3) & ~std::size_t{3};
    const std::size_t bytes = kLineBytes + capacity * (sizeof(Key) + sizeof(Payload));
    void* block = ::operator new (bytes, std::align_val_t{kLineBytes});
    auto* base = static_cast<unsigned char*>(block);
    // Root at 48 bytes in, so keys 1-4, 5-8, ... (each node's children) fill whole lines.
    auto* keys = reinterpret_cast<Key*>(base + kLineBytes - sizeof(Key));
    auto* payloads = reinterpret_cast<Payload*>(base + kLineBytes + capacity * sizeof(Key));
    if (size_ > 0) {
        std::memcpy(keys, keys_, size_ * sizeof(Key));
        std::memcpy(payloads, payloads_, size_ * sizeof(Payload));
    }
    ::operator delete (key_block_, std::align_val_t{kLineBytes});
    key_block_ = block;
    keys_ = keys;
    payloads_ = payloads;
    capacity_ = capacity;
}

void QuaternaryHeapQueue::reserve(std::size_t n) {
    if (n > capacity_) {
        grow(n);
    }
}

std::size_t QuaternaryHeapQueue::memory_bytes() const {
    return key_block_ == nullptr ? 0 : kLineBytes + capacity_ * (sizeof(Key) + sizeof(Payload));
}

const Event& QuaternaryHeapQueue::top() const {
    top_ = Event{static_cast<Tick>(keys_[0].time_bits ^ kSignBit), keys_[0].seq, payloads_[0].kind,
                 payloads_[0].target, payloads_[0].payload};
    return top_;
}

void QuaternaryHeapQueue::push(const Event& event) {
    if (size_ == capacity_) {
        grow(capacity_ * 2);
    }
    const Key key{static_cast<std::uint64_t>(event.time) ^ kSignBit, event.seq};
    const U128 k = CSSIM_KEY128(key);
    std::size_t hole = size_++;
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 4;
        if (k >= CSSIM_KEY128(keys_[parent])) {
            break;
        }
        keys_[hole] = keys_[parent];
        payloads_[hole] = payloads_[parent];
        hole = parent;
    }
    keys_[hole] = key;
    payloads_[hole] = Payload{event.kind, event.target, event.payload};
}

Event QuaternaryHeapQueue::pop() {
    const Event result{static_cast<Tick>(keys_[0].time_bits ^ kSignBit), keys_[0].seq,
                       payloads_[0].kind, payloads_[0].target, payloads_[0].payload};
    const std::size_t n = --size_;
    if (n == 0) {
        return result;
    }
    Key* const keys = keys_;
    Payload* const payloads = payloads_;
    const Key last_key = keys[n];
    const Payload last_payload = payloads[n];
    const bool prefetch = n >= kPrefetchFromSize;
    std::size_t hole = 0;
    for (;;) {
        const std::size_t child = 4 * hole + 1;
        std::size_t best;
        if (child + 3 < n) {
            if (prefetch) {
                // The grandchildren: 16 keys, four whole lines, needed one level from now.
                const Key* grand = keys + 4 * child + 1;
                __builtin_prefetch(grand);
                __builtin_prefetch(grand + 4);
                __builtin_prefetch(grand + 8);
                __builtin_prefetch(grand + 12);
            }
            // Two-round tournament on 128-bit keys: compare-and-borrow, no branches.
            const U128 k0 = CSSIM_KEY128(keys[child]);
            const U128 k1 = CSSIM_KEY128(keys[child + 1]);
            const U128 k2 = CSSIM_KEY128(keys[child + 2]);
            const U128 k3 = CSSIM_KEY128(keys[child + 3]);
            // Selections are masks, not ?:, which GCC turns into an unpredictable branch here.
            const auto right01 = static_cast<std::uint64_t>(k1 < k0);
            const auto right23 = static_cast<std::uint64_t>(k3 < k2);
            const U128 mask01 = -static_cast<U128>(right01);
            const U128 mask23 = -static_cast<U128>(right23);
            const U128 min01 = k0 ^ ((k0 ^ k1) & mask01);
            const U128 min23 = k2 ^ ((k2 ^ k3) & mask23);
            const std::size_t i01 = child + right01;
            const std::size_t i23 = child + 2 + right23;
            const std::size_t take23 = static_cast<std::size_t>(min23 < min01);
            best = i01 + ((i23 - i01) & (0 - take23));
        } else if (child < n) {
            best = child;
            for (std::size_t c = child + 1; c < n; ++c) {
                if (CSSIM_KEY128(keys[c]) < CSSIM_KEY128(keys[best])) {
                    best = c;
                }
            }
        } else {
            break;
        }
        keys[hole] = keys[best];
        payloads[hole] = payloads[best];
        hole = best;
    }
    const U128 last = CSSIM_KEY128(last_key);
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 4;
        if (last >= CSSIM_KEY128(keys[parent])) {
            break;
        }
        keys[hole] = keys[parent];
        payloads[hole] = payloads[parent];
        hole = parent;
    }
    keys[hole] = last_key;
    payloads[hole] = last_payload;
    return result;
}

#undef CSSIM_KEY128

// ---------------------------------------------------------------------------------------------

std::vector<std::string_view> event_queue_names() {
    return {"adaptive", "quaternary_heap", "binary_heap", "calendar_queue", "radix_heap"};
}

std::unique_ptr<EventQueue> make_event_queue(std::string_view name) {
    if (name == "adaptive") {
        return std::make_unique<AdaptiveQueue>();
    }
    if (name == "quaternary_heap") {
        return std::make_unique<QuaternaryHeapQueue>();
    }
    if (name == "binary_heap") {
        return std::make_unique<BinaryHeapQueue>();
    }
    if (name == "calendar_queue") {
        return std::make_unique<CalendarQueue>();
    }
    if (name == "radix_heap") {
        return std::make_unique<RadixHeapQueue>();
    }
    return nullptr;
}

}  // namespace cssim::core
