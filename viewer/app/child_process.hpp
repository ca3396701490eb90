#pragma once
/**
 * @file child_process.hpp
 * @brief A background child process (posix_spawn) whose output goes to a log file.
 */
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cssim::viewer {

/**
 * @brief One running or finished child process. Move-only; the destructor terminates and reaps
 * a child that is still running, so no zombie outlives the viewer.
 */
class ChildProcess {
public:
    enum class State { running, succeeded, failed };

    /**
     * @brief Starts argv[0] with arguments argv[1..]; stdin from /dev/null, stdout and stderr
     * appended to `log_path`. argv[0] without a '/' is looked up on PATH.
     * @throws std::runtime_error when the process cannot be started.
     */
    static ChildProcess start(const std::vector<std::string>& argv,
                              const std::filesystem::path& log_path);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    /** @brief Checks (without blocking) whether the child has finished. */
    State poll();
    /** @brief Blocks until the child finishes (tests and shutdown). */
    State wait();
    /** @brief Sends SIGTERM to a running child and reaps it. */
    void terminate();
    /** @brief Exit code once finished (128 + signal number if killed by a signal). */
    [[nodiscard]] int exit_code() const { return exit_code_; }
    [[nodiscard]] State state() const { return state_; }

private:
    ChildProcess() = default;
    void record_status(int status);

    pid_t pid_ = -1;
    State state_ = State::failed;
    int exit_code_ = -1;
};

/**
 * @brief Finds the `cssim` executable: next to the viewer, then in the build tree's ../cli/,
 * then on `path_env` (a PATH-style list). Nullopt if none is executable.
 */
std::optional<std::filesystem::path> find_cssim_executable(
    const std::filesystem::path& viewer_executable, std::string_view path_env);

/** @brief Path of the running executable (/proc/self/exe), or `fallback` if unreadable. */
std::filesystem::path current_executable_path(const std::filesystem::path& fallback);

}  // namespace cssim::viewer
