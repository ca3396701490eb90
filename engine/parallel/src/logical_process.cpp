// The canonical delivery order, LogicalProcess's error messages and the entry point of the
// epoch loop (src/lp_runner.cpp).
#include "cssim/parallel/logical_process.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "cssim/parallel/job_runner.hpp"
#include "lp_runner.hpp"

namespace cssim::parallel {

void sort_for_delivery(std::span<LpMessage> messages) {
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

std::vector<std::uint32_t> default_partition(std::size_t lp_count, int threads) {
    const std::size_t wanted = static_cast<std::size_t>(threads > 0 ? threads : hardware_threads());
    const std::size_t count = std::max<std::size_t>(1, std::min(wanted, lp_count));
    std::vector<std::uint32_t> groups(lp_count);
    for (std::size_t i = 0; i < lp_count; ++i) {
        groups[i] = static_cast<std::uint32_t>(i * count / lp_count);
    }
    return groups;
}

std::uint32_t home_thread_count(std::size_t groups, int threads) {
    const std::size_t wanted = static_cast<std::size_t>(threads > 0 ? threads : hardware_threads());
    return static_cast<std::uint32_t>(std::max<std::size_t>(1, std::min(wanted, groups)));
}

LpRunOutcome run_logical_processes(std::span<LogicalProcess* const> lps,
                                   const LpRunOptions& options) {
    LpRunner runner(lps, options);
    return runner.run();
}

}  // namespace cssim::parallel
