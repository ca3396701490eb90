#pragma once
// How the threads of run_logical_processes wait for the next epoch: spin with a pause
// instruction first (on a quiet machine an epoch's last group finishes microseconds later), then
// sleep in the kernel (std::atomic::wait, a futex on Linux), so a long wait costs no CPU.
// The counter waited on is only ever changed by read-modify-writes (lock-prefixed on x86), and
// the one that completes an epoch calls std::atomic::notify_all. Other increments change it
// without a notification; a sleeper woken by neither still sees the count move (its
// std::atomic::wait returns once the value differs from the one it saw) and re-checks.
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

/** @brief Whether a wrapping counter at `value` has reached `target` (within 2^31 of it). */
inline bool reached(std::uint32_t value, std::uint32_t target) {
    return static_cast<std::int32_t>(value - target) >= 0;
}

/**
 * @brief Spins for up to `budget.now` until `word` has reached `target`; true if it has. A wait
 * that ends while spinning doubles the budget (up to kMax); one that outlasts it halves it (down
 * to kMin). So on a quiet machine, where the threads finish microseconds apart, a thread never
 * sleeps; on a loaded one, where the thread it waits for may be descheduled for milliseconds,
 * it stops burning a core that thread could use.
 */
inline bool spin_until_reached(const std::atomic<std::uint32_t>& word, std::uint32_t target,
                               SpinBudget& budget) {
    constexpr int kPausesPerClockRead = 64;  // a clock read costs about as much as 64 pauses
    if (reached(word.load(std::memory_order_acquire), target)) {
        return true;
    }
    if (budget.now.count() == 0) {
        return false;
    }
    const auto until = std::chrono::steady_clock::now() + budget.now;
    bool done = false;
    do {
        for (int i = 0; i < kPausesPerClockRead && !done; ++i) {
            cpu_relax();
            done = reached(word.load(std::memory_order_acquire), target);
        }
    } while (!done && std::chrono::steady_clock::now() < until);
    budget.now = done ? std::min(budget.now * 2, SpinBudget::kMax)
                      : std::max(budget.now / 2, SpinBudget::kMin);
    return done;
}

/** @brief Sleeps (std::atomic::wait) until `word` has reached `target`. */
inline void sleep_until_reached(const std::atomic<std::uint32_t>& word, std::uint32_t target) {
    std::uint32_t now = word.load(std::memory_order_acquire);
    while (!reached(now, target)) {
        word.wait(now, std::memory_order_acquire);
        now = word.load(std::memory_order_acquire);
    }
}

}  // namespace cssim::parallel::detail
