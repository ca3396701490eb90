#pragma once
/**
 * @file random.hpp
 * @brief Named, reproducible random streams.
 *
 * Every model process draws from its own stream, derived from (master seed, replication index,
 * stream name) by hashing — never from thread ids or creation order. The same replication index
 * gives the same draws for the same purpose in every scenario, which is what makes common random
 * numbers work: changing a service time leaves the arrival stream untouched.
 *
 * Generator: xoshiro256** (Blackman & Vigna), seeded through SplitMix64. Our own code, so results
 * do not depend on the standard library's implementation.
 */
#include <cstdint>
#include <string_view>

namespace cssim::core {

/** @brief 64-bit FNV-1a hash of a stream name (stable across platforms and builds). */
std::uint64_t hash_stream_name(std::string_view name);
/** @brief The 64-bit seed of stream `name` in replication `replication` under `master_seed`. */
std::uint64_t derive_stream_seed(std::uint64_t master_seed, std::uint64_t replication,
                                 std::string_view name);
/**
 * @brief The seed of stream `name` of entity `entity` (for example a logical process's stable
 * id): one more full-avalanche fold of the entity into the three-input seed, so every entity has
 * its own stream per purpose, never keyed by thread.
 */
std::uint64_t derive_stream_seed(std::uint64_t master_seed, std::uint64_t replication,
                                 std::string_view name, std::uint64_t entity);

/** @brief One pseudo-random stream. Cheap to copy (32 bytes of state). */
class RandomStream {
public:
    /** @brief State expanded from `seed` with SplitMix64 (any seed, including 0, is fine). */
    explicit RandomStream(std::uint64_t seed = 0);
    /** @brief The stream for (master seed, replication, name). */
    static RandomStream derive(std::uint64_t master_seed, std::uint64_t replication,
                               std::string_view name) {
        return RandomStream(derive_stream_seed(master_seed, replication, name));
    }
    /** @brief The stream for (master seed, replication, name, entity). */
    static RandomStream derive(std::uint64_t master_seed, std::uint64_t replication,
                               std::string_view name, std::uint64_t entity) {
        return RandomStream(derive_stream_seed(master_seed, replication, name, entity));
    }

    /** @brief The next 64 random bits (xoshiro256**, Blackman & Vigna 2018). Inline: models
     * draw millions of times per replication. */
    std::uint64_t next_u64() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /** @brief Uniform on the open interval (0, 1), 53 random bits; never 0, never 1. */
    double uniform01() {
        // Centre of one of 2^53 equal cells of (0, 1): never 0 and never 1, mean exactly 1/2.
        return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53;
    }
    /** @brief Uniform on [a, b). */
    double uniform(double a, double b) { return a + (b - a) * uniform01(); }
    /** @brief Uniform integer in [0, n), unbiased (Lemire's method). Precondition: n > 0. */
    std::uint64_t uniform_int(std::uint64_t n);
    /** @brief True with probability p (p <= 0: never; p >= 1: always). */
    bool bernoulli(double p) { return uniform01() < p; }
    /** @brief Exponential with the given mean (> 0). */
    double exponential(double mean);
    /** @brief Standard normal N(0,1) by the Marsaglia polar method (no cached spare: stateless). */
    double standard_normal();

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
};

}  // namespace cssim::core
