#pragma once
/** @file exit_codes.hpp @brief Exit codes of `cssim` (sysexits.h values, as DESIGN §5 lists). */

namespace cssim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;            ///< bad command line
inline constexpr int kExitInvalidScenario = 65;  ///< the scenario has errors
inline constexpr int kExitMissingInput = 66;     ///< a named input file does not exist
inline constexpr int kExitInternal = 70;         ///< a bug: please report it
inline constexpr int kExitCannotCreate = 73;     ///< an output cannot be created
inline constexpr int kExitIoError = 74;          ///< writing an output failed
inline constexpr int kExitInterrupted = 130;     ///< SIGINT or SIGTERM

}  // namespace cssim::cli
