#pragma once
// What the tests that run the real cssim binary share (tests/cli, tests/reliability): its path,
// the source tree's base scenario and a substring check. One definition, so these tests can also
// compile as one unity file.
#include <string>

namespace cssim::testing {

/** @brief The cssim binary under test (CSSIM_EXE, set by the test target's CMakeLists.txt). */
inline const std::string kExe = CSSIM_EXE;

/** @brief The source tree (CSSIM_SOURCE_DIR). */
inline const std::string kSource = CSSIM_SOURCE_DIR;

/** @brief The shipped base scenario, scenarios/base.json. */
inline const std::string kBase = kSource + "/scenarios/base.json";

/** @brief True when `part` occurs in `text`. */
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace cssim::testing
