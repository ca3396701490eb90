#include "cssim/core/simulation.hpp"

#include <string>

namespace cssim::core {

Simulation::Simulation(std::unique_ptr<EventQueue> queue)
    : queue_(queue ? std::move(queue) : std::make_unique<AdaptiveQueue>()) {}

EventHandle Simulation::schedule_at(Tick time, std::uint32_t kind, std::uint32_t target,
                                    std::uint64_t payload) {
    if (time < now_) {
        throw std::logic_error("Simulation::schedule_at: time " + std::to_string(time) +
                               " is before now " + std::to_string(now_));
    }
    const std::uint64_t seq = next_seq_++;
    queue_->push(Event{time, seq, kind, target, payload});
    return seq;
}

void Simulation::cancel(EventHandle handle) {
    if (handle != kNoEvent) {
        cancelled_.insert(handle);
    }
}

void Simulation::throw_event_limit() const {
    throw EventLimitExceeded("Simulation: event limit of " + std::to_string(event_limit_) +
                             " events exceeded at tick " + std::to_string(now_) +
                             " (runaway model?)");
}

}  // namespace cssim::core
