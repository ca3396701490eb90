#pragma once
/**
 * @file simulation.hpp
 * @brief The clock and event loop of one simulation run.
 *
 * A Simulation owns its clock, its pending-event set and nothing global, so many can run side by
 * side (one per replication, on different threads). The model supplies a handler called for each
 * event in (time, seq) order; dispatch is a static call on the handler type (no std::function per
 * event, no heap allocation per event).
 *
 * @code
 *   struct Model { void operator()(const cssim::core::Event& e) { ... sim.schedule_after(...); } };
 *   cssim::core::Simulation sim;
 *   sim.schedule_at(0, kArrival);
 *   sim.run_until(horizon, model);
 * @endcode
 */
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "cssim/core/event_queue.hpp"
#include "cssim/core/time.hpp"

namespace cssim::core {

/** @brief Identifies a scheduled event for cancellation: its sequence number (never 0). */
using EventHandle = std::uint64_t;
inline constexpr EventHandle kNoEvent = 0;

/**
 * @brief A run stopped because it passed a guard against runaway growth (events, customers,
 * cases). The message names the limit; the CLI reports it as a scenario problem (exit 65).
 */
class LimitExceeded : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/**
 * @brief A replication abandoned because its caller asked it to stop (SIGINT or SIGTERM while
 * it ran): it has no result, and the caller reports the run as interrupted (exit 130).
 */
class RunCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief Thrown by run_until when more events were processed than the configured limit. */
class EventLimitExceeded : public LimitExceeded {
public:
    using LimitExceeded::LimitExceeded;
};

/** @brief Optional hook told about every dispatched event (tracing, the viewer's recorder). */
class SimulationObserver {
public:
    virtual ~SimulationObserver() = default;
    virtual void on_event(const Event& event) = 0;
};

/**
 * @brief A set of event handles (never 0) by open addressing with linear probing, for pending
 * cancellations. Storage keeps its capacity: once it has grown to the run's peak number of
 * outstanding cancellations, cancelling allocates nothing.
 */
class HandleSet {
public:
    /** @brief True when no handle is held. */
    bool empty() const { return size_ == 0; }
    /** @brief Handles held. */
    std::size_t size() const { return size_; }
    /** @brief Adds h (h != 0, h != UINT64_MAX). */
    void insert(std::uint64_t h);
    /** @brief Removes h; true if it was present. */
    bool erase(std::uint64_t h);

private:
    static constexpr std::uint64_t kEmpty = 0;
    static constexpr std::uint64_t kTombstone = UINT64_MAX;
    std::size_t slot_of(std::uint64_t h) const {
        return static_cast<std::size_t>((h * 0x9e3779b97f4a7c15ULL) >> 32) & (slots_.size() - 1);
    }
    void rehash(std::size_t capacity);

    std::vector<std::uint64_t> slots_;
    std::vector<std::uint64_t> scratch_;  ///< reused by rehash
    std::size_t size_ = 0;
    std::size_t used_ = 0;  ///< live entries plus tombstones
};

/**
 * @brief Event calendar plus clock. Invariant: now() never decreases; every pending event has
 * time >= now(). Not thread-safe; owns its EventQueue.
 */
class Simulation {
public:
    /** @brief Uses the default queue (AdaptiveQueue) unless another queue is given. */
    explicit Simulation(std::unique_ptr<EventQueue> queue = nullptr);

    Tick now() const { return now_; }

    /** @brief Schedules an event at absolute time `time` (>= now(); throws std::logic_error if
     * not). */
    EventHandle schedule_at(Tick time, std::uint32_t kind, std::uint32_t target = 0,
                            std::uint64_t payload = 0) {
        if (time < now_) [[unlikely]] {
            throw_past(time);
        }
        const std::uint64_t seq = next_seq_++;
        const Event event{time, seq, kind, target, payload};
        if (adaptive_ != nullptr) {
            adaptive_->push(event);  // the default queue: a direct call, no virtual dispatch
        } else {
            queue_->push(event);
        }
        return seq;
    }
    /** @brief Schedules an event `delay` ticks from now (delay >= 0). */
    EventHandle schedule_after(Tick delay, std::uint32_t kind, std::uint32_t target = 0,
                               std::uint64_t payload = 0) {
        return schedule_at(now_ + delay, kind, target, payload);
    }
    /**
     * @brief Cancels a pending event; it will not be dispatched. O(1): the event stays in the
     * queue and is skipped when popped. Precondition: the event is still pending (neither run nor
     * cancelled); models that cannot know this use a generation counter in `payload` instead.
     */
    void cancel(EventHandle handle);

    /**
     * @brief Dispatches every event with time < end in (time, seq) order, then sets now() = end
     * (unless stop() was called, in which case now() is the time of the last event).
     * @return events dispatched by this call.
     * @throws EventLimitExceeded when the lifetime event count passes event_limit().
     */
    template <class Handler>
    std::uint64_t run_until(Tick end, Handler&& handler);

    /** @brief Asks run_until to return after the event being handled. */
    void stop() { stopped_ = true; }
    bool is_stopped() const { return stopped_; }

    std::uint64_t events_processed() const { return processed_; }
    std::size_t pending() const { return queue_->size() - cancelled_.size(); }
    const EventQueue& queue() const { return *queue_; }

    /** @brief Guard against runaway models: run_until throws past this many events (0 = none). */
    void set_event_limit(std::uint64_t limit) { event_limit_ = limit; }
    std::uint64_t event_limit() const { return event_limit_; }

    /** @brief Adds a non-owning observer; it must outlive the run. */
    void add_observer(SimulationObserver* observer) { observers_.push_back(observer); }

private:
    template <class Queue, class Handler>
    std::uint64_t run_loop(Queue& queue, Tick end, Handler& handler);
    [[noreturn]] void throw_event_limit() const;
    [[noreturn]] void throw_past(Tick time) const;

    std::unique_ptr<EventQueue> queue_;
    AdaptiveQueue* adaptive_ = nullptr;  ///< queue_ when it is the default queue, else null
    HandleSet cancelled_;
    std::vector<SimulationObserver*> observers_;
    Tick now_ = 0;
    std::uint64_t next_seq_ = 1;
    std::uint64_t processed_ = 0;
    std::uint64_t event_limit_ = 0;
    bool stopped_ = false;
};

template <class Handler>
std::uint64_t Simulation::run_until(Tick end, Handler&& handler) {
    // The default queue is a final class: through its own type every call is direct (and the
    // hot ones inlined), which is most of the gap to a hand-written loop.
    if (adaptive_ != nullptr) {
        return run_loop(*adaptive_, end, handler);
    }
    return run_loop(*queue_, end, handler);
}

template <class Queue, class Handler>
std::uint64_t Simulation::run_loop(Queue& queue, Tick end, Handler& handler) {
    stopped_ = false;
    const std::uint64_t before = processed_;
    Event event;
    // pop_if_before finds the minimum once (top() then pop() would search twice).
    while (queue.pop_if_before(end, event)) {
        if (!cancelled_.empty() && cancelled_.erase(event.seq)) [[unlikely]] {
            continue;
        }
        now_ = event.time;
        ++processed_;
        if (event_limit_ != 0 && processed_ > event_limit_) [[unlikely]] {
            throw_event_limit();
        }
        if (!observers_.empty()) [[unlikely]] {
            for (SimulationObserver* observer : observers_) {
                observer->on_event(event);
            }
        }
        handler(event);
        if (stopped_) {
            return processed_ - before;
        }
    }
    if (end > now_) {
        now_ = end;
    }
    return processed_ - before;
}

}  // namespace cssim::core
