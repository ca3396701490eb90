// The canonical delivery order, LogicalProcess's error messages and the entry point of the
// epoch loop (src/lp_runner.cpp).
#include "cssim/parallel/logical_process.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "lp_runner.hpp"

namespace cssim::parallel {

void sort_for_delivery(std::vector<LpMessage>& messages) {
    std::sort(messages.begin(), messages.end(), delivers_before);
}

void LogicalProcess::throw_bad_send(std::uint32_t destination, core::Tick time) const {
    if (outboxes_ == nullptr) {
        throw std::logic_error("LogicalProcess " + std::to_string(id_) +
                               ": send() outside a run (schedule initial events on simulation())");
    }
    if (destination >= lp_count_) {
        throw std::logic_error("LogicalProcess " + std::to_string(id_) + " sent a message to LP " +
                               std::to_string(destination) + " of " + std::to_string(lp_count_));
    }
    throw std::logic_error("LogicalProcess " + std::to_string(id_) + ": message timed " +
                           std::to_string(time) + " is before the end of the epoch (" +
                           std::to_string(epoch_end_) + "): the lookahead was not respected");
}

LpRunOutcome run_logical_processes(std::span<LogicalProcess* const> lps,
                                   const LpRunOptions& options) {
    LpRunner runner(lps, options);
    return runner.run();
}

}  // namespace cssim::parallel
