#pragma once
// ThreadSanitizer cannot see TBB's own synchronisation when libtbb.so is not instrumented (as
// Debian ships it). These annotations state the happens-before edges TBB guarantees — the
// caller's writes before parallel_for are visible to every task, and every task's writes are
// visible to the caller once parallel_for returns — so TSan checks everything else for real.
#if defined(__SANITIZE_THREAD__)
#define CSSIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CSSIM_TSAN 1
#endif
#endif
#if defined(CSSIM_TSAN)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace cssim::parallel::detail {

// Addresses used only as TSan synchronisation tokens: never read or written. They live at
// namespace scope so that a task can name them before it touches anything the caller wrote
// (a captured reference would itself be such a read).
inline char g_handoff_token = 0;
inline char g_completion_token = 0;

inline void happens_before(void* token) {
#if defined(CSSIM_TSAN)
    __tsan_release(token);
#else
    (void)token;
#endif
}

inline void happens_after(void* token) {
#if defined(CSSIM_TSAN)
    __tsan_acquire(token);
#else
    (void)token;
#endif
}

}  // namespace cssim::parallel::detail
