// The epoch loop of run_logical_processes: groups of LPs run in parallel up to the epoch's end,
// then, at the barrier (serial), the epoch's messages are merged and sorted into the canonical
// order; each group delivers its LPs' messages at the start of the next epoch.
#include "cssim/parallel/logical_process.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>

#include "cssim/parallel/job_runner.hpp"
#include "tsan_annotations.hpp"

namespace cssim::parallel {

void sort_for_delivery(std::vector<LpMessage>& messages) {
    std::sort(messages.begin(), messages.end(), delivers_before);
}

void LogicalProcess::throw_lookahead(core::Tick time) const {
    if (outbox_ == nullptr) {
        throw std::logic_error("LogicalProcess " + std::to_string(id_) +
                               ": send() outside a run (schedule initial events on simulation())");
    }
    throw std::logic_error("LogicalProcess " + std::to_string(id_) + ": message timed " +
                           std::to_string(time) + " is before the end of the epoch (" +
                           std::to_string(epoch_end_) + "): the lookahead was not respected");
}

namespace {

constexpr core::Tick kNever = std::numeric_limits<core::Tick>::max();

/** One task's share of the LPs and its outbox; aligned so two groups never share a line. */
struct alignas(64) Group {
    std::vector<std::uint32_t> members;
    std::vector<LpMessage> outbox;
    std::exception_ptr error;
};

core::Tick next_time_of(const core::Simulation& sim) {
    return sim.queue().empty() ? kNever : sim.queue().top().time;
}

}  // namespace

/** The state of one run_logical_processes call. */
class LpRunner {
public:
    LpRunner(std::span<LogicalProcess* const> lps, const LpRunOptions& options)
        : lps_(lps), options_(options) {}

    LpRunOutcome run();

private:
    void build_groups();
    /** Delivers the group's messages, then runs its LPs that have an event before epoch_end. */
    void run_group(Group& group, core::Tick epoch_end);
    /** The barrier: merges the outboxes, sorts, marks what each LP receives. */
    void collect();

    std::span<LogicalProcess* const> lps_;
    const LpRunOptions& options_;
    std::vector<Group> groups_;
    std::vector<core::Tick> next_time_;  ///< lower bound of each LP's next event time
    /// The previous epoch's messages in canonical order; LP d's are [begin_[d], end_[d]).
    std::vector<LpMessage> inbox_;
    std::vector<std::uint32_t> begin_;
    std::vector<std::uint32_t> end_;
    LpRunOutcome outcome_;
};

void LpRunner::build_groups() {
    const std::size_t n = lps_.size();
    const int threads = options_.threads > 0 ? options_.threads : hardware_threads();
    if (options_.partition.empty()) {
        const std::size_t count =
            std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(threads), n));
        groups_ = std::vector<Group>(count);
        for (std::size_t i = 0; i < n; ++i) {
            groups_[i * count / n].members.push_back(static_cast<std::uint32_t>(i));
        }
        return;
    }
    if (options_.partition.size() != n) {
        throw std::invalid_argument("run_logical_processes: partition has " +
                                    std::to_string(options_.partition.size()) + " entries for " +
                                    std::to_string(n) + " LPs");
    }
    const std::uint32_t count =
        *std::max_element(options_.partition.begin(), options_.partition.end()) + 1;
    if (count > n) {
        // More groups than LPs would only be empty groups (and a way to exhaust memory).
        throw std::invalid_argument("run_logical_processes: partition names group " +
                                    std::to_string(count - 1) + " for " + std::to_string(n) +
                                    " LPs (groups must be < the LP count)");
    }
    groups_ = std::vector<Group>(count);
    for (std::size_t i = 0; i < n; ++i) {
        groups_[options_.partition[i]].members.push_back(static_cast<std::uint32_t>(i));
    }
}

void LpRunner::run_group(Group& group, core::Tick epoch_end) {
    try {
        for (const std::uint32_t d : group.members) {
            LogicalProcess& lp = *lps_[d];
            if (begin_[d] != end_[d]) {
                for (std::uint32_t m = begin_[d]; m != end_[d]; ++m) {
                    const LpMessage& message = inbox_[m];
                    lp.simulation_.schedule_at(message.time, message.kind, message.target,
                                               message.payload);
                }
                begin_[d] = end_[d] = 0;
            }
            if (next_time_[d] < epoch_end) {
                lp.outbox_ = &group.outbox;
                lp.epoch_end_ = epoch_end;
                lp.run_until(epoch_end);
                next_time_[d] = next_time_of(lp.simulation_);
            }
        }
    } catch (...) {
        group.error = std::current_exception();
    }
}

void LpRunner::collect() {
    inbox_.clear();
    for (Group& group : groups_) {
        outcome_.messages += group.outbox.size();
        for (const LpMessage& message : group.outbox) {
            // Messages at or after the end would never run: count them, do not deliver them.
            if (message.time < options_.end) {
                inbox_.push_back(message);
            }
        }
        group.outbox.clear();
    }
    if (inbox_.empty()) {
        return;
    }
    sort_for_delivery(inbox_);
    const auto n = static_cast<std::uint32_t>(lps_.size());
    for (std::uint32_t m = 0; m < inbox_.size();) {
        const std::uint32_t d = inbox_[m].destination;
        if (d >= n) {
            throw std::logic_error("LogicalProcess " + std::to_string(inbox_[m].source) +
                                   " sent a message to LP " + std::to_string(d) + " of " +
                                   std::to_string(n));
        }
        // The first message of each destination is its earliest: the LP's new lower bound.
        next_time_[d] = std::min(next_time_[d], inbox_[m].time);
        begin_[d] = m;
        while (m < inbox_.size() && inbox_[m].destination == d) {
            ++m;
        }
        end_[d] = m;
    }
}

LpRunOutcome LpRunner::run() {
    if (options_.lookahead <= 0) {
        throw std::invalid_argument("run_logical_processes: lookahead must be > 0");
    }
    for (std::size_t i = 0; i < lps_.size(); ++i) {
        if (lps_[i] == nullptr || lps_[i]->id() != i) {
            throw std::invalid_argument("run_logical_processes: LP " + std::to_string(i) +
                                        " is null or has another id");
        }
    }
    // On every way out (errors included) no LP keeps a pointer to this run's outboxes.
    struct DetachOutboxes {
        std::span<LogicalProcess* const> lps;
        ~DetachOutboxes() {
            for (LogicalProcess* lp : lps)
                lp->outbox_ = nullptr;
        }
    } detach{lps_};
    build_groups();
    next_time_.resize(lps_.size());
    begin_.assign(lps_.size(), 0);
    end_.assign(lps_.size(), 0);
    for (std::size_t i = 0; i < lps_.size(); ++i) {
        next_time_[i] = next_time_of(lps_[i]->simulation_);
    }
    const core::Tick span = options_.end > options_.start ? options_.end - options_.start : 0;
    const auto total =
        static_cast<std::uint64_t>((span + options_.lookahead - 1) / options_.lookahead);
    const int threads = options_.threads > 0 ? options_.threads : hardware_threads();

    auto epoch_loop = [&](auto&& run_groups) {
        for (std::uint64_t k = 0; k < total; ++k) {
            const core::Tick epoch_start =
                options_.start + static_cast<core::Tick>(k) * options_.lookahead;
            const core::Tick epoch_end = options_.end - epoch_start > options_.lookahead
                                             ? epoch_start + options_.lookahead
                                             : options_.end;
            run_groups(epoch_end);
            for (Group& group : groups_) {
                if (group.error) {
                    std::rethrow_exception(group.error);
                }
            }
            collect();
            ++outcome_.epochs;
            if (options_.on_progress &&
                (outcome_.epochs % std::max<std::uint64_t>(1, options_.progress_every) == 0 ||
                 outcome_.epochs == total)) {
                options_.on_progress(outcome_.epochs, total);
            }
            if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed) &&
                outcome_.epochs < total) {
                outcome_.cancelled = true;
                return;
            }
        }
    };

    if (threads == 1 || groups_.size() == 1) {
        // No TBB at all: the reference order for the determinism tests.
        epoch_loop([&](core::Tick epoch_end) {
            for (Group& group : groups_) {
                run_group(group, epoch_end);
            }
        });
    } else {
        tbb::task_arena arena(threads);
        arena.execute([&] {
            epoch_loop([&](core::Tick epoch_end) {
                detail::happens_before(&detail::g_handoff_token);
                // One task per group (grain 1): a group is the unit of LP-to-thread assignment.
                tbb::parallel_for(
                    tbb::blocked_range<std::size_t>(0, groups_.size(), 1),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                        detail::happens_after(&detail::g_handoff_token);
                        for (std::size_t g = range.begin(); g != range.end(); ++g) {
                            run_group(groups_[g], epoch_end);
                        }
                        detail::happens_before(&detail::g_completion_token);
                    },
                    tbb::simple_partitioner());
                detail::happens_after(&detail::g_completion_token);
            });
        });
    }
    return outcome_;
}

LpRunOutcome run_logical_processes(std::span<LogicalProcess* const> lps,
                                   const LpRunOptions& options) {
    LpRunner runner(lps, options);
    return runner.run();
}

}  // namespace cssim::parallel
