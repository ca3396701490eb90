// Balancing for run_logical_processes (LpRunOptions::balance_every): every window of epochs the
// thread running unit 0 plans new contiguous blocks from the window's times, and each unit takes
// its new block one epoch after messages start to be routed by the new plan (see lp_runner.hpp
// and docs/logical-processes.md, "Balancing").
#include <algorithm>
#include <cstdint>
#include <limits>

#include "lp_runner.hpp"

namespace cssim::parallel {

namespace {

/// At most (LP count / this) LPs, at least 1, cross a boundary per window: a window in which
/// one thread was descheduled (its times inflated) moves only a few LPs the wrong way.
constexpr std::size_t kBalanceMovesDivisor = 32;
/// A gap below this share of the slower unit's time is left alone: an interrupt or a cache
/// hiccup in one window must not move an LP (and its cache lines) back and forth.
constexpr double kBalanceDeadBand = 0.10;

core::Tick balance_next_time(const core::Simulation& sim) {
    return sim.queue().empty() ? std::numeric_limits<core::Tick>::max() : sim.queue().top().time;
}

}  // namespace

void LpRunner::take_block(Unit& unit, std::size_t index, std::uint64_t k) {
    const Plan& plan = membership_plan(k);
    const std::uint32_t first = plan.first[index];
    const std::uint32_t end = plan.first[index + 1];
    const auto old_end = static_cast<std::uint32_t>(unit.first + unit.members.size());
    if (first == unit.first && end == old_end) {
        return;
    }
    // An LP that joins was last run, and last given messages, by its old unit in epoch k-1 at
    // the latest (complete): its Simulation is read here, on this thread, from now on.
    unit.spare.clear();
    for (std::uint32_t i = first; i < end; ++i) {
        unit.spare.push_back(i >= unit.first && i < old_end
                                 ? unit.members[i - unit.first]
                                 : Member{lps_[i], balance_next_time(lps_[i]->simulation_)});
    }
    unit.members.swap(unit.spare);
    unit.first = first;
}

void LpRunner::rebalance(std::uint64_t k) {
    // Window m-1 (epochs (m-1) W .. m W - 1) is complete; its times are in slot (m-1) mod 2,
    // which no unit writes again before epoch (m+1) W. Plan m goes into the slot that no unit
    // reads before epoch m W + 1 (routing) and m W + 2 (membership).
    const std::uint64_t m = k / balance_every_;
    const Plan& last = plans_[(m - 1) & 1];
    Plan& next = plans_[m & 1];
    next.first = last.first;
    next.owner = last.owner;
    const std::uint64_t slot = (m - 1) & 1;
    for (std::size_t u = 0; u < units_.size(); ++u) {
        balance_times_[u] = static_cast<double>(units_[u].window_cycles[slot]);
    }
    const std::size_t max_moves = std::max<std::size_t>(1, lps_.size() / kBalanceMovesDivisor);
    // Each boundary between neighbours a and c: move the LP next to it from the one that took
    // longer to the other while that narrows the gap by more than a dead band without reversing
    // it (so the boundary does not oscillate). An LP is priced at its unit's mean events per LP in
    // the window, times the cycles per event of the unit that runs it (a slower core, a dearer
    // event).
    for (std::size_t b = 1; b < units_.size(); ++b) {
        const Unit& a = units_[b - 1];
        const Unit& c = units_[b];
        const auto ea = static_cast<double>(a.window_events[slot]);
        const auto ec = static_cast<double>(c.window_events[slot]);
        if (ea <= 0.0 || ec <= 0.0) {
            continue;
        }
        const double ka = static_cast<double>(a.window_cycles[slot]) / ea;
        const double kc = static_cast<double>(c.window_cycles[slot]) / ec;
        const double per_lp_a = ea / static_cast<double>(last.first[b] - last.first[b - 1]);
        const double per_lp_c = ec / static_cast<double>(last.first[b + 1] - last.first[b]);
        double& ta = balance_times_[b - 1];
        double& tc = balance_times_[b];
        for (std::size_t moves = 0; moves < max_moves; ++moves) {
            const double dead_band = kBalanceDeadBand * std::max(ta, tc);
            if (ta > tc && next.first[b] - next.first[b - 1] > 1 &&
                per_lp_a * (ka + kc) + dead_band <= ta - tc) {
                ta -= per_lp_a * ka;
                tc += per_lp_a * kc;
                next.owner[--next.first[b]] = static_cast<std::uint32_t>(b);
            } else if (tc > ta && next.first[b + 1] - next.first[b] > 1 &&
                       per_lp_c * (ka + kc) + dead_band <= tc - ta) {
                tc -= per_lp_c * kc;
                ta += per_lp_c * ka;
                next.owner[next.first[b]++] = static_cast<std::uint32_t>(b - 1);
            } else {
                break;
            }
            ++lp_moves_;
        }
    }
}

}  // namespace cssim::parallel
