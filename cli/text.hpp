#pragma once
/**
 * @file text.hpp
 * @brief Small text helpers shared by the CLI's readers (sweep designs, EES data files).
 */
#include <cctype>
#include <string>
#include <string_view>

namespace cssim::cli {

/** @brief `s` without leading and trailing white space (spaces, tabs, CR, LF, VT, FF). */
inline std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

}  // namespace cssim::cli
