#pragma once
/**
 * @file sweep_directory.hpp
 * @brief A sweep directory's life: one process at a time (a lock file holding the owner's PID,
 * held with flock), created fresh or resumed, and cleared with --force only when cssim wrote
 * everything in it and it holds none of the sweep's inputs.
 */
#include <filesystem>
#include <string>
#include <vector>

#include "cssim/scenario/sweep.hpp"

namespace cssim::cli {

/** @brief The lock file inside a sweep directory. */
inline constexpr const char* kSweepLockFile = "sweep.lock";

/** @brief Holds the lock of a sweep directory until destroyed (or the process ends). */
class SweepLock {
public:
    SweepLock() = default;
    ~SweepLock();
    SweepLock(const SweepLock&) = delete;
    SweepLock& operator=(const SweepLock&) = delete;

    /**
     * @brief Creates `dir` (and parents) if needed and takes its lock. Returns 0, or the exit
     * code (73) after printing why not, naming the PID of the process that holds it.
     */
    int acquire(const std::filesystem::path& dir);

private:
    int fd_ = -1;
};

/**
 * @brief Makes a locked `dir` ready for this sweep: writes a fresh sweep state, or keeps the
 * old one when it is the same sweep and shard (resume). With `force`, a directory of another
 * sweep is cleared first, but only if cssim wrote everything in it and it holds none of
 * `inputs`. Returns 0, or the exit code after printing why not. `fresh` tells whether the
 * directory was started now (nothing of value in it yet).
 */
int prepare_sweep_directory(const std::filesystem::path& dir, const scenario::SweepState& state,
                            bool force, const std::vector<std::filesystem::path>& inputs,
                            bool& fresh);

/** @brief Removes everything in `dir` but its lock file. */
void clear_sweep_directory(const std::filesystem::path& dir);

/** @brief Writes sweep-state.json and design.csv of a fresh sweep directory. */
void write_fresh_sweep_state(const std::filesystem::path& dir, const scenario::SweepState& state);

}  // namespace cssim::cli
