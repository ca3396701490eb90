// allocate_apart: each share of a model's construction on a thread of its own, so that what
// each share allocates lies in a heap of its own (see logical_process.hpp).
#include <exception>
#include <latch>
#include <system_error>
#include <thread>
#include <vector>

#include "cssim/parallel/logical_process.hpp"

namespace cssim::parallel {

void allocate_apart(std::uint32_t count, const std::function<void(std::uint32_t)>& make) {
    if (count == 0) {
        return;
    }
    std::vector<std::exception_ptr> errors(count);
    // Every thread stays until every share is made: a thread that exited earlier would hand its
    // heap (glibc: its arena) to the next new thread, which would then allocate among its memory.
    std::latch all_made(static_cast<std::ptrdiff_t>(count));
    const auto make_share = [&](std::uint32_t t) {
        try {
            make(t);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::uint32_t started = 0;
    try {
        threads.reserve(count);
        for (; started < count; ++started) {
            threads.emplace_back([&, t = started] {
                make_share(t);
                all_made.arrive_and_wait();
            });
        }
    } catch (const std::system_error&) {
        // The system refused a thread: the shares left are made here (correct, only not apart).
    }
    for (std::uint32_t t = started; t < count; ++t) {
        make_share(t);
        all_made.count_down();
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::exception_ptr& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
}

}  // namespace cssim::parallel
