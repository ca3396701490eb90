// allocate_apart: every share made once, each on a thread of its own alive until all are made,
// errors rethrown; with glibc's malloc, the shares' memory apart even on a reused heap; and
// IsolatedAllocator's page isolation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cssim/parallel/logical_process.hpp"

namespace cssim::parallel {
namespace {

TEST(AllocateApart, MakesEveryShareOnceOnThreadsOfTheirOwn) {
    constexpr std::uint32_t kShares = 5;
    std::vector<int> calls(kShares, 0);
    std::vector<std::thread::id> ids(kShares);
    allocate_apart(kShares, [&](std::uint32_t t) {
        ++calls[t];
        ids[t] = std::this_thread::get_id();
    });
    EXPECT_EQ(calls, std::vector<int>(kShares, 1));
    // Distinct ids: a thread that had exited could lend its id (and its heap) to a later one.
    std::vector<std::thread::id> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
    EXPECT_EQ(std::count(ids.begin(), ids.end(), std::this_thread::get_id()), 0);
}

TEST(AllocateApart, EvenOneShareRunsOnAThreadOfItsOwnAndNoneRunsNothing) {
    std::thread::id id = std::this_thread::get_id();
    allocate_apart(1, [&](std::uint32_t) { id = std::this_thread::get_id(); });
    EXPECT_NE(id, std::this_thread::get_id());
    int calls = 0;
    allocate_apart(0, [&](std::uint32_t) { ++calls; });
    EXPECT_EQ(calls, 0);
}

TEST(AllocateApart, RethrowsTheLowestShareErrorAfterAllAreMade) {
    std::vector<int> made(4, 0);
    try {
        allocate_apart(4, [&](std::uint32_t t) {
            made[t] = 1;
            if (t == 1 || t == 3) {
                throw std::runtime_error("share " + std::to_string(t));
            }
        });
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "share 1");
    }
    EXPECT_EQ(made, std::vector<int>(4, 1));
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CSSIM_ALLOCATE_APART_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CSSIM_ALLOCATE_APART_SANITIZED 1
#endif

// What PHOLD's LPs allocate (objects of 304, 384, 2048 and 3352 bytes), twice over: the second
// time on a heap the first left full of freed blocks of both shares, the case in which one
// thread allocating the shares one after another interleaved them (every run after a process's
// first). Only glibc's malloc (a heap per thread) promises anything here.
TEST(AllocateApart, SharesStayApartOnAReusedHeap) {
#if !defined(__GLIBC__) || defined(CSSIM_ALLOCATE_APART_SANITIZED)
    GTEST_SKIP() << "the layout is glibc malloc's (sanitizers replace it)";
#else
    constexpr std::uint32_t kShares = 2;
    constexpr std::size_t kObjects = 76;
    constexpr std::size_t kSizes[] = {304, 3352, 384, 2048};
    // Blocks that outlive a round (a run's results, say) keep the freed ones from merging.
    std::vector<std::vector<std::unique_ptr<std::byte[]>>> pins(kShares);
    for (int round = 0; round < 3; ++round) {
        std::vector<std::vector<std::unique_ptr<std::byte[]>>> blocks(kShares);
        allocate_apart(kShares, [&](std::uint32_t t) {
            for (std::size_t i = 0; i < kObjects; ++i) {
                for (const std::size_t size : kSizes) {
                    blocks[t].push_back(std::make_unique_for_overwrite<std::byte[]>(size));
                }
                pins[t].push_back(std::make_unique_for_overwrite<std::byte[]>(16));
            }
        });
        std::vector<std::uintptr_t> low(kShares, UINTPTR_MAX);
        std::vector<std::uintptr_t> high(kShares, 0);
        for (std::uint32_t t = 0; t < kShares; ++t) {
            for (const auto& block : blocks[t]) {
                const auto at = reinterpret_cast<std::uintptr_t>(block.get());
                low[t] = std::min(low[t], at);
                high[t] = std::max(high[t], at);
            }
        }
        // The two address ranges do not overlap (each share's blocks lie outside the other's).
        EXPECT_TRUE(high[0] < low[1] || high[1] < low[0])
            << "round " << round << ": [" << low[0] << ", " << high[0] << "] and [" << low[1]
            << ", " << high[1] << "]";
        // Freed here, on the calling thread (as PHOLD frees its LPs): the next round reuses them.
    }
#endif
}

}  // namespace
}  // namespace cssim::parallel

namespace cssim::parallel {
namespace {

TEST(IsolatedAllocator, PageIsolationGivesPagesOfTheirOwn) {
    using Messages = std::vector<LpMessage, detail::IsolatedAllocator<LpMessage>>;
    Messages a{detail::IsolatedAllocator<LpMessage>(detail::kPageIsolation)};
    Messages b{detail::IsolatedAllocator<LpMessage>(detail::kPageIsolation)};
    a.reserve(10);
    b.reserve(200);  // more than a page
    for (const Messages* v : {&a, &b}) {
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(v->data()) % detail::kPageIsolation, 0U);
    }
    // A free page before each and after each (rounded up to whole pages): no page in common.
    const auto pages = [](const Messages& v) {
        const auto first = reinterpret_cast<std::uintptr_t>(v.data()) / detail::kPageIsolation;
        const std::uintptr_t bytes = v.capacity() * sizeof(LpMessage);
        return std::pair{first - 1,
                         first + (bytes + detail::kPageIsolation - 1) / detail::kPageIsolation};
    };
    const auto [a0, a1] = pages(a);
    const auto [b0, b1] = pages(b);
    EXPECT_TRUE(a1 < b0 || b1 < a0) << a0 << "-" << a1 << " and " << b0 << "-" << b1;
    // The isolation moves with the container.
    Messages c;
    c = std::move(b);
    EXPECT_EQ(c.get_allocator().isolation(), detail::kPageIsolation);
    EXPECT_EQ(Messages{}.get_allocator().isolation(), detail::kIsolation);
}

}  // namespace
}  // namespace cssim::parallel
