#pragma once
/**
 * @file blob_codec.hpp
 * @brief Private: arrays <-> little-endian BLOBs, the archive's on-disk number format, so that
 * archives move between machines whatever their byte order.
 */
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

namespace cssim::record::detail {

/** @brief Encodes `values` as little-endian bytes (float, double or unsigned integers). */
template <typename T>
std::vector<unsigned char> encode_le(std::span<const T> values) {
    static_assert(std::is_arithmetic_v<T>);
    std::vector<unsigned char> bytes(values.size() * sizeof(T));
    if (!values.empty()) {
        std::memcpy(bytes.data(), values.data(), bytes.size());
    }
    if constexpr (std::endian::native == std::endian::big && sizeof(T) > 1) {
        for (std::size_t i = 0; i < bytes.size(); i += sizeof(T)) {
            std::reverse(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                         bytes.begin() + static_cast<std::ptrdiff_t>(i + sizeof(T)));
        }
    }
    return bytes;
}

/**
 * @brief The little-endian bytes of `values` without a copy where possible: a view of `values`
 * themselves on a little-endian host (or for single bytes), else encode_le into `storage`. The
 * result is valid while `values` (and `storage`) are.
 */
template <typename T>
std::span<const unsigned char> le_bytes(std::span<const T> values,
                                        std::vector<unsigned char>& storage) {
    static_assert(std::is_arithmetic_v<T>);
    if constexpr (std::endian::native == std::endian::little || sizeof(T) == 1) {
        return {reinterpret_cast<const unsigned char*>(values.data()), values.size_bytes()};
    } else {
        storage = encode_le(values);
        return storage;
    }
}

/**
 * @brief Writes values[0], values[1]... as little-endian `To` (the archive's number format) into
 * `out`, which holds exactly values.size() * sizeof(To) bytes: a compact series (16-bit counts)
 * widened to the float64 it is archived as, a chunk at a time.
 */
template <typename To, typename From>
void widen_le_into(std::span<const From> values, std::span<unsigned char> out) {
    static_assert(std::is_arithmetic_v<To> && std::is_arithmetic_v<From>);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const To value = static_cast<To>(values[i]);
        unsigned char* bytes = out.data() + i * sizeof(To);
        std::memcpy(bytes, &value, sizeof(To));
        if constexpr (std::endian::native == std::endian::big && sizeof(To) > 1) {
            std::reverse(bytes, bytes + sizeof(To));
        }
    }
}

/** @brief Decodes little-endian bytes; nullopt when the size is not a multiple of sizeof(T). */
template <typename T>
std::optional<std::vector<T>> decode_le(std::span<const unsigned char> bytes) {
    static_assert(std::is_arithmetic_v<T>);
    if (bytes.size() % sizeof(T) != 0) {
        return std::nullopt;
    }
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!bytes.empty()) {
        std::memcpy(values.data(), bytes.data(), bytes.size());
    }
    if constexpr (std::endian::native == std::endian::big && sizeof(T) > 1) {
        auto* raw = reinterpret_cast<unsigned char*>(values.data());
        for (std::size_t i = 0; i < bytes.size(); i += sizeof(T)) {
            std::reverse(raw + i, raw + i + sizeof(T));
        }
    }
    return values;
}

}  // namespace cssim::record::detail
