#pragma once
/**
 * @file event_queue.hpp
 * @brief Pending-event sets ordered by (time, sequence number), behind one small interface.
 *
 * Equal times pop in the order they were scheduled because every event carries a unique,
 * increasing sequence number: that is what makes runs bit-reproducible. Implementations store
 * events by value in contiguous arrays, so pushing an event allocates nothing once the array has
 * grown to the run's peak size.
 *
 * Complexity (n = pending events):
 * | implementation      | push       | pop         | top  |
 * |---------------------|------------|-------------|------|
 * | BinaryHeapQueue     | O(log2 n)  | O(log2 n)   | O(1) |
 * | QuaternaryHeapQueue | O(log4 n)  | O(4 log4 n) | O(1) |
 * The 4-ary heap does fewer, more cache-friendly levels; it is the default (see
 * docs/performance.md for the measured comparison with std::priority_queue).
 */
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

/** @brief 4-ary min-heap with hole-based sifting (one move per level, no swaps). */
class QuaternaryHeapQueue final : public EventQueue {
public:
    void push(const Event& event) override;
    Event pop() override;
    const Event& top() const override { return heap_.front(); }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    void clear() override { heap_.clear(); }
    void reserve(std::size_t n) override { heap_.reserve(n); }
    std::size_t memory_bytes() const override { return heap_.capacity() * sizeof(Event); }
    std::string_view name() const override { return "quaternary_heap"; }

private:
    std::vector<Event> heap_;
};

/** @brief Names accepted by make_event_queue, default first. */
std::vector<std::string_view> event_queue_names();
/** @brief Builds a queue by name ("quaternary_heap", "binary_heap"); nullptr if unknown. */
std::unique_ptr<EventQueue> make_event_queue(std::string_view name = "quaternary_heap");

}  // namespace cssim::core
