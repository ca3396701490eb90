#pragma once
/**
 * @file sha256.hpp
 * @brief SHA-256 (FIPS 180-4), used to fingerprint canonical scenario JSON for provenance.
 */
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cssim::scenario {

/** @brief The 32-byte SHA-256 digest of `data`. */
std::array<std::uint8_t, 32> sha256(std::string_view data);
/** @brief The SHA-256 digest of `data` as 64 lower-case hex digits. */
std::string sha256_hex(std::string_view data);

}  // namespace cssim::scenario
