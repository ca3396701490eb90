#include "cssim/core/random.hpp"

#include <cmath>

namespace cssim::core {

namespace {

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;  // 2^64 / golden ratio

// The SplitMix64 output function (Stafford's "Mix13"): a bijection on 64-bit words with full
// avalanche, so inputs that differ in one bit give unrelated outputs.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace

std::uint64_t hash_stream_name(std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
    for (const char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
    }
    return h;
}

std::uint64_t derive_stream_seed(std::uint64_t master_seed, std::uint64_t replication,
                                 std::string_view name) {
    // Each step folds one input into the state through a full-avalanche bijection, with a
    // different additive constant per input so that swapping inputs does not collide. For a fixed
    // state each step is a bijection in its input, so distinct replications (or names with
    // distinct hashes) under the same master always give distinct seeds.
    std::uint64_t s = mix64(master_seed + kGolden);
    s = mix64(s ^ mix64(replication + 2 * kGolden));
    s = mix64(s ^ mix64(hash_stream_name(name) + 3 * kGolden));
    return s;
}

std::uint64_t derive_stream_seed(std::uint64_t master_seed, std::uint64_t replication,
                                 std::string_view name, std::uint64_t entity) {
    // A bijection in `entity` for a fixed three-input seed: distinct entities, distinct seeds.
    return mix64(derive_stream_seed(master_seed, replication, name) ^ mix64(entity + 4 * kGolden));
}

RandomStream::RandomStream(std::uint64_t seed) {
    // SplitMix64 expansion: consecutive outputs of a Weyl sequence through mix64. The four words
    // cannot all be zero because mix64 is a bijection and the four inputs are distinct.
    std::uint64_t x = seed;
    for (std::uint64_t& word : s_) {
        x += kGolden;
        word = mix64(x);
    }
}

std::uint64_t RandomStream::uniform_int(std::uint64_t n) {
    // Lemire (2019): multiply into 128 bits and reject the few low products that would bias.
    __extension__ using U128 = unsigned __int128;
    U128 m = static_cast<U128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
        while (low < threshold) {
            m = static_cast<U128>(next_u64()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double RandomStream::exponential(double mean) {
    return -mean * std::log(uniform01());
}

double RandomStream::standard_normal() {
    // Marsaglia polar method; the second variate is discarded so that the stream has no hidden
    // state beyond the generator (copies of a stream stay identical).
    for (;;) {
        const double u = 2.0 * uniform01() - 1.0;
        const double v = 2.0 * uniform01() - 1.0;
        const double s = u * u + v * v;
        if (s < 1.0 && s > 0.0) {
            return u * std::sqrt(-2.0 * std::log(s) / s);
        }
    }
}

}  // namespace cssim::core
