// Hold-model benchmark of the pending-event sets (engine/core event_queue.hpp).
//
// The classic hold model (Jones 1986): fill the queue with n events, then repeatedly pop the
// earliest event and push it back at its time plus an Exp(mean) increment, so the size stays n.
// Every queue sees the same increments (a precomputed table, so that drawing random numbers is
// not what is measured) and the same initial times. One benchmark iteration is one hold
// (one pop plus one push). Run through scripts/bench_calendar.py for the table of ratios.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <queue>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cssim/core/event_queue.hpp"
#include "cssim/core/random.hpp"

namespace {

using cssim::core::Event;
using cssim::core::Tick;

// Mean increment in ticks: large against one tick so ties are rare, as in the textbook model
// with continuous time (ties are tested, not benchmarked).
constexpr double kMeanIncrement = 1.0e6;
constexpr std::size_t kIncrementTableSize = 1 << 16;  // 512 KiB, read sequentially

std::vector<Tick> increment_table() {
    cssim::core::RandomStream rng(20240601);
    std::vector<Tick> table(kIncrementTableSize);
    for (Tick& t : table) {
        t = static_cast<Tick>(rng.exponential(kMeanIncrement)) + 1;
    }
    return table;
}

/** std::priority_queue with the natural comparator, behind the same three calls. */
class StdPriorityQueue {
public:
    void reserve(std::size_t n) {
        std::vector<Event> storage;
        storage.reserve(n);
        capacity_ = storage.capacity();
        queue_ = Queue(Later{}, std::move(storage));
    }
    void push(const Event& e) { queue_.push(e); }
    Event pop() {
        const Event e = queue_.top();
        queue_.pop();
        return e;
    }
    std::size_t size() const { return queue_.size(); }
    // The adaptor hides its vector; reserve() sized it and the hold model never outgrows that.
    std::size_t memory_bytes() const { return capacity_ * sizeof(Event); }

private:
    struct Later {
        bool operator()(const Event& a, const Event& b) const {
            return cssim::core::runs_before(b, a);
        }
    };
    using Queue = std::priority_queue<Event, std::vector<Event>, Later>;
    Queue queue_;
    std::size_t capacity_ = 0;
};

template <class Queue>
std::string_view queue_name() {
    if constexpr (std::is_same_v<Queue, StdPriorityQueue>) {
        return "std_priority_queue";
    } else {
        return Queue().name();
    }
}

template <class Queue>
void fill(Queue& queue, std::size_t n, const std::vector<Tick>& increments, std::uint64_t& seq) {
    queue.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        queue.push(Event{increments[i % kIncrementTableSize] + static_cast<Tick>(i % 7), ++seq, 0,
                         static_cast<std::uint32_t>(i), 0});
    }
}

template <class Queue>
void report(benchmark::State& state, const Queue& queue, std::size_t n) {
    state.SetItemsProcessed(state.iterations());
    state.counters["pending"] = static_cast<double>(n);
    state.counters["bytes_per_event"] =
        static_cast<double>(queue.memory_bytes()) / static_cast<double>(queue.size());
}

template <class Queue>
void BM_Hold(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::vector<Tick> increments = increment_table();
    Queue queue;
    std::uint64_t seq = 0;
    fill(queue, n, increments, seq);
    std::size_t k = n;
    for (auto _ : state) {
        Event e = queue.pop();
        e.time += increments[k++ & (kIncrementTableSize - 1)];
        e.seq = ++seq;
        queue.push(e);
    }
    benchmark::DoNotOptimize(queue.size());
    report(state, queue, n);
}

// The default queue through the virtual interface, as Simulation calls it.
void BM_Hold_DefaultViaInterface(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::vector<Tick> increments = increment_table();
    const std::unique_ptr<cssim::core::EventQueue> owner = cssim::core::make_event_queue();
    cssim::core::EventQueue& queue = *owner;
    std::uint64_t seq = 0;
    fill(queue, n, increments, seq);
    std::size_t k = n;
    for (auto _ : state) {
        Event e = queue.pop();
        e.time += increments[k++ & (kIncrementTableSize - 1)];
        e.seq = ++seq;
        queue.push(e);
    }
    benchmark::DoNotOptimize(queue.size());
    report(state, queue, n);
}

void sizes(benchmark::internal::Benchmark* b) {
    b->Arg(100)->Arg(10000)->Arg(1000000);
}

}  // namespace

BENCHMARK(BM_Hold<StdPriorityQueue>)->Name("BM_Hold/std_priority_queue")->Apply(sizes);
BENCHMARK(BM_Hold<cssim::core::AdaptiveQueue>)->Name("BM_Hold/adaptive")->Apply(sizes);
BENCHMARK(BM_Hold<cssim::core::QuaternaryHeapQueue>)->Name("BM_Hold/quaternary_heap")->Apply(sizes);
BENCHMARK(BM_Hold<cssim::core::BinaryHeapQueue>)->Name("BM_Hold/binary_heap")->Apply(sizes);
BENCHMARK(BM_Hold<cssim::core::CalendarQueue>)->Name("BM_Hold/calendar_queue")->Apply(sizes);
BENCHMARK(BM_Hold<cssim::core::RadixHeapQueue>)->Name("BM_Hold/radix_heap")->Apply(sizes);
BENCHMARK(BM_Hold_DefaultViaInterface)->Name("BM_Hold/default_via_interface")->Apply(sizes);

namespace {

// Peak resident set size of this process image in KiB (VmHWM; unlike getrusage's ru_maxrss it
// does not inherit the peak of the process that forked us before exec).
long peak_rss_kib() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (status == nullptr) {
        return -1;
    }
    char line[256];
    long kib = -1;
    while (std::fgets(line, sizeof line, status) != nullptr) {
        if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) {
            break;
        }
    }
    std::fclose(status);
    return kib;
}

// --rss_probe=QUEUE/N: fill one queue with N events, do N holds, print
// "<queue> <N> <memory_bytes> <peak RSS KiB> <checksum>" and exit. scripts/bench_calendar.py
// subtracts the N = 0 probe. Google Benchmark reruns the set-up several times, and the
// allocator's reuse of freed blocks then blurs the peak, hence a separate mode.
template <class Queue>
int probe(std::size_t n) {
    const std::vector<Tick> increments = increment_table();
    Queue queue;
    std::uint64_t seq = 0;
    fill(queue, n, increments, seq);
    Tick checksum = 0;
    for (std::size_t k = 0; k < n; ++k) {
        Event e = queue.pop();
        checksum += e.time;
        e.time += increments[k & (kIncrementTableSize - 1)];
        e.seq = ++seq;
        queue.push(e);
    }
    std::printf("%s %zu %zu %ld %lld\n", std::string(queue_name<Queue>()).c_str(), n,
                static_cast<std::size_t>(queue.memory_bytes()), peak_rss_kib(),
                static_cast<long long>(checksum));
    return 0;
}

int run_probe(const std::string& spec) {
    const std::size_t slash = spec.find('/');
    const std::string name = spec.substr(0, slash);
    const std::size_t n = slash == std::string::npos ? 0 : std::stoul(spec.substr(slash + 1));
    if (name == "std_priority_queue")
        return probe<StdPriorityQueue>(n);
    if (name == "adaptive")
        return probe<cssim::core::AdaptiveQueue>(n);
    if (name == "quaternary_heap")
        return probe<cssim::core::QuaternaryHeapQueue>(n);
    if (name == "binary_heap")
        return probe<cssim::core::BinaryHeapQueue>(n);
    if (name == "calendar_queue")
        return probe<cssim::core::CalendarQueue>(n);
    if (name == "radix_heap")
        return probe<cssim::core::RadixHeapQueue>(n);
    std::fprintf(stderr, "unknown queue in --rss_probe: %s\n", name.c_str());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    constexpr const char* kProbe = "--rss_probe=";
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], kProbe, std::strlen(kProbe)) == 0) {
            return run_probe(argv[i] + std::strlen(kProbe));
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
