#include "cssim/core/simulation.hpp"

#include <algorithm>
#include <string>

namespace cssim::core {

void HandleSet::insert(std::uint64_t h) {
    if (2 * (used_ + 1) > slots_.size()) {
        // Mostly tombstones: clean up in place; otherwise grow. Either way at most half full.
        rehash(2 * (size_ + 1) <= slots_.size() / 2 ? slots_.size()
                                                    : std::max<std::size_t>(16, 2 * slots_.size()));
    }
    std::size_t i = slot_of(h);
    while (slots_[i] != kEmpty && slots_[i] != kTombstone) {
        if (slots_[i] == h) {
            return;
        }
        i = (i + 1) & (slots_.size() - 1);
    }
    used_ += slots_[i] == kEmpty ? 1 : 0;
    slots_[i] = h;
    ++size_;
}

bool HandleSet::erase(std::uint64_t h) {
    if (size_ == 0) {
        return false;
    }
    for (std::size_t i = slot_of(h);; i = (i + 1) & (slots_.size() - 1)) {
        if (slots_[i] == h) {
            slots_[i] = kTombstone;
            --size_;
            return true;
        }
        if (slots_[i] == kEmpty) {
            return false;
        }
    }
}

void HandleSet::rehash(std::size_t capacity) {
    // The live handles go through scratch_, which keeps its capacity: cleaning out tombstones at
    // the same size allocates nothing.
    scratch_.clear();
    for (const std::uint64_t h : slots_) {
        if (h != kEmpty && h != kTombstone) {
            scratch_.push_back(h);
        }
    }
    slots_.assign(capacity, kEmpty);
    size_ = 0;
    used_ = 0;
    for (const std::uint64_t h : scratch_) {
        insert(h);
    }
}

Simulation::Simulation(std::unique_ptr<EventQueue> queue)
    : queue_(queue ? std::move(queue) : std::make_unique<AdaptiveQueue>()),
      adaptive_(dynamic_cast<AdaptiveQueue*>(queue_.get())) {}

void Simulation::throw_past(Tick time) const {
    throw std::logic_error("Simulation::schedule_at: time " + std::to_string(time) +
                           " is before now " + std::to_string(now_));
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
