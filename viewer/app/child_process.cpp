#include "app/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace cssim::viewer {

ChildProcess ChildProcess::start(const std::vector<std::string>& argv,
                                 const std::filesystem::path& log_path) {
    if (argv.empty())
        throw std::runtime_error("no command to run");
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);

    pid_t pid = -1;
    const bool search_path = argv[0].find('/') == std::string::npos;
    const int rc =
        search_path ? posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ)
                    : posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    ChildProcess p;
    p.pid_ = pid;
    p.state_ = State::running;
    return p;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), state_(other.state_), exit_code_(other.exit_code_) {
    other.pid_ = -1;
    other.state_ = State::failed;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        terminate();
        pid_ = other.pid_;
        state_ = other.state_;
        exit_code_ = other.exit_code_;
        other.pid_ = -1;
        other.state_ = State::failed;
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    terminate();
}

void ChildProcess::record_status(int status) {
    if (WIFEXITED(status)) {
        exit_code_ = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        exit_code_ = 128 + WTERMSIG(status);
    }
    state_ = exit_code_ == 0 ? State::succeeded : State::failed;
    pid_ = -1;
}

ChildProcess::State ChildProcess::poll() {
    if (state_ != State::running)
        return state_;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        record_status(status);
    } else if (r < 0 && errno != EINTR) {
        state_ = State::failed;
        pid_ = -1;
    }
    return state_;
}

ChildProcess::State ChildProcess::wait() {
    while (state_ == State::running) {
        int status = 0;
        const pid_t r = waitpid(pid_, &status, 0);
        if (r == pid_) {
            record_status(status);
        } else if (r < 0 && errno != EINTR) {
            state_ = State::failed;
            pid_ = -1;
        }
    }
    return state_;
}

void ChildProcess::terminate() {
    if (state_ != State::running || pid_ <= 0)
        return;
    kill(pid_, SIGTERM);
    wait();
}

std::optional<std::filesystem::path> find_cssim_executable(
    const std::filesystem::path& viewer_executable, std::string_view path_env) {
    auto is_executable = [](const std::filesystem::path& p) {
        std::error_code ec;
        return std::filesystem::is_regular_file(p, ec) && access(p.c_str(), X_OK) == 0;
    };
    const std::filesystem::path dir = viewer_executable.parent_path();
    for (const auto& candidate : {dir / "cssim", dir / ".." / "cli" / "cssim"}) {
        if (is_executable(candidate))
            return candidate.lexically_normal();
    }
    while (!path_env.empty()) {
        const std::size_t colon = path_env.find(':');
        const std::string_view entry = path_env.substr(0, colon);
        if (!entry.empty()) {
            const std::filesystem::path candidate = std::filesystem::path(entry) / "cssim";
            if (is_executable(candidate))
                return candidate;
        }
        if (colon == std::string_view::npos)
            break;
        path_env.remove_prefix(colon + 1);
    }
    return std::nullopt;
}

std::filesystem::path current_executable_path(const std::filesystem::path& fallback) {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? fallback : p;
}

}  // namespace cssim::viewer
