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
 * @brief Spins for up to `budget.now` while `word` holds `old`; returns its value then (`old`
 * if the spin ran out). A wait that ends while spinning doubles the budget (up to kMax); one
 * that outlasts it halves it (down to kMin). So on a quiet machine, where the threads finish
 * microseconds apart, a thread never sleeps; on a loaded one, where the thread it waits for may
 * be descheduled for milliseconds, it stops burning a core that thread could use.
 */
inline std::uint32_t spin_while_equal(const std::atomic<std::uint32_t>& word, std::uint32_t old,
                                      SpinBudget& budget) {
    constexpr int kPausesPerClockRead = 64;  // a clock read costs about as much as 64 pauses
    std::uint32_t now = word.load(std::memory_order_acquire);
    if (now != old || budget.now.count() == 0) {
        return now;
    }
    const auto until = std::chrono::steady_clock::now() + budget.now;
    do {
        for (int i = 0; i < kPausesPerClockRead && now == old; ++i) {
            cpu_relax();
            now = word.load(std::memory_order_acquire);
        }
    } while (now == old && std::chrono::steady_clock::now() < until);
    budget.now = now != old ? std::min(budget.now * 2, SpinBudget::kMax)
                            : std::max(budget.now / 2, SpinBudget::kMin);
    return now;
}

/** @brief Sleeps (std::atomic::wait) until `word` no longer holds `old`; returns its value. */
inline std::uint32_t sleep_while_equal(const std::atomic<std::uint32_t>& word, std::uint32_t old) {
    std::uint32_t now = word.load(std::memory_order_acquire);
    while (now == old) {
        word.wait(old, std::memory_order_acquire);
        now = word.load(std::memory_order_acquire);
    }
    return now;
}

}  // namespace cssim::parallel::detail
