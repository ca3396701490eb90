#pragma once
// How the threads of run_logical_processes wait for the next epoch: spin with a pause
// instruction first (an epoch's last unit usually finishes microseconds later), then yield, then
// sleep in the kernel (std::atomic::wait, a futex on Linux), so a long wait costs no CPU.
// The counter waited on is only ever changed by seq_cst read-modify-writes (lock-prefixed on
// x86), which is what std::atomic::notify_all needs to see a sleeping waiter.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

namespace cssim::parallel::detail {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

/** @brief Returns the value of `word` once it no longer holds `old` (an acquire load), spinning
 * for up to `spin` first. */
inline std::uint32_t wait_for_change(const std::atomic<std::uint32_t>& word, std::uint32_t old,
                                     std::chrono::nanoseconds spin) {
    constexpr int kYields = 64;
    constexpr int kPausesPerClockRead = 64;  // a clock read costs about as much as 64 pauses
    std::uint32_t now = word.load(std::memory_order_acquire);
    if (now == old && spin.count() > 0) {
        const auto until = std::chrono::steady_clock::now() + spin;
        do {
            for (int i = 0; i < kPausesPerClockRead && now == old; ++i) {
                cpu_relax();
                now = word.load(std::memory_order_acquire);
            }
        } while (now == old && std::chrono::steady_clock::now() < until);
    }
    for (int i = 0; i < kYields && now == old; ++i) {
        std::this_thread::yield();
        now = word.load(std::memory_order_acquire);
    }
    while (now == old) {
        word.wait(old, std::memory_order_acquire);
        now = word.load(std::memory_order_acquire);
    }
    return now;
}

}  // namespace cssim::parallel::detail
