#pragma once
// Test helpers: a scratch folder per test and diagnostics as printable lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario::testing {

/** @brief A fresh folder under the build tree named after the running test. */
inline std::filesystem::path scratch_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::filesystem::path dir = std::filesystem::path(CSSIM_BINARY_DIR) / "test-scratch" /
                                      "scenario" /
                                      (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

inline std::vector<std::string> lines(const LoadResult& result) {
    std::vector<std::string> out;
    for (const Diagnostic& d : result.diagnostics)
        out.push_back(format_diagnostic(d));
    return out;
}

/** @brief A valid queue scenario to start from. */
inline const char* kValidQueue = R"({
  "model": "queue", "name": "q",
  "arrival": {"distribution": "exponential", "mean": 2.0},
  "service": {"distribution": "exponential", "mean": 1.0},
  "servers": 1, "horizon_days": 1000, "warmup_days": 100
})";

}  // namespace cssim::scenario::testing
