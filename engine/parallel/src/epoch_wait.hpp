#pragma once
// How the threads of run_logical_processes wait for the next epoch: spin with a pause
// instruction first (on a quiet machine an epoch's last group finishes microseconds later), then
// sleep in the kernel (std::atomic::wait, a futex on Linux), so a long wait costs no CPU.
// The counter waited on is only ever changed by seq_cst read-modify-writes (lock-prefixed on
// x86), which is what std::atomic::notify_all needs to see a sleeping waiter.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace cssim::parallel::detail {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

/** @brief How long one thread spins before it sleeps: it adapts to how long waits turn out. */
struct SpinBudget {
    /// Longest spin: longer than the last group of an epoch usually takes to finish on a quiet
    /// machine, short enough not to matter when it does not.
    static constexpr std::chrono::nanoseconds kMax{50'000};
    /// Shortest spin once waits have been long: enough to notice the machine turning quiet.
    static constexpr std::chrono::nanoseconds kMin{2'000};
    std::chrono::nanoseconds now = kMax;  ///< 0: never spin (more threads than cores)
};

/**
 * @brief Returns the value of `word` once it no longer holds `old` (an acquire load). Spins for
 * up to `budget.now`, then sleeps (std::atomic::wait). A wait that ends while spinning doubles
 * the budget (up to kMax); one that outlasts it halves it (down to kMin). So on a quiet machine,
 * where the other threads finish microseconds apart, a thread never sleeps; on a loaded one,
 * where the thread it waits for may be descheduled for milliseconds, it stops burning a core
 * that thread could use.
 */
inline std::uint32_t wait_for_change(const std::atomic<std::uint32_t>& word, std::uint32_t old,
                                     SpinBudget& budget) {
    constexpr int kPausesPerClockRead = 64;  // a clock read costs about as much as 64 pauses
    std::uint32_t now = word.load(std::memory_order_acquire);
    if (now != old) {
        return now;
    }
    if (budget.now.count() > 0) {
        const auto until = std::chrono::steady_clock::now() + budget.now;
        do {
            for (int i = 0; i < kPausesPerClockRead && now == old; ++i) {
                cpu_relax();
                now = word.load(std::memory_order_acquire);
            }
        } while (now == old && std::chrono::steady_clock::now() < until);
        if (now != old) {
            budget.now = std::min(budget.now * 2, SpinBudget::kMax);
            return now;
        }
        budget.now = std::max(budget.now / 2, SpinBudget::kMin);
    }
    while (now == old) {
        word.wait(old, std::memory_order_acquire);
        now = word.load(std::memory_order_acquire);
    }
    return now;
}

}  // namespace cssim::parallel::detail
