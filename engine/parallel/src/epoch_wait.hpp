#pragma once
// How the workers of run_logical_processes wait for the next epoch: spin with a pause
// instruction first (an epoch's last unit usually finishes microseconds later), then yield, then
// sleep in the kernel (std::atomic::wait, a futex on Linux), so a long wait costs no CPU.
// The counter waited on is only ever changed by seq_cst read-modify-writes (lock-prefixed on
// x86), which is what std::atomic::notify_all needs to see a sleeping waiter.
#include <atomic>
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

/** @brief Returns the value of `word` once it no longer holds `old` (an acquire load). */
inline std::uint32_t wait_for_change(const std::atomic<std::uint32_t>& word, std::uint32_t old,
                                     int spins) {
    constexpr int kYields = 64;
    std::uint32_t now = word.load(std::memory_order_acquire);
    for (int i = 0; i < spins && now == old; ++i) {
        cpu_relax();
        now = word.load(std::memory_order_acquire);
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
