#include "sweep_directory.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cssim/record/atomic_file.hpp"
#include "exit_codes.hpp"
#include "output_directory.hpp"
#include "sweep_plan.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {

SweepLock::~SweepLock() {
    if (fd_ >= 0) {
        close(fd_);  // releases the flock
    }
}

int SweepLock::acquire(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "cssim: cannot create %s: %s\n", dir.string().c_str(),
                     ec.message().c_str());
        return kExitCannotCreate;
    }
    const fs::path path = dir / kSweepLockFile;
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        std::fprintf(stderr, "cssim: cannot create the lock file %s: %s\n", path.string().c_str(),
                     std::strerror(errno));
        return kExitCannotCreate;
    }
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        char buffer[32] = {};
        const ssize_t n = pread(fd_, buffer, sizeof buffer - 1, 0);
        std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
        while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) {
            pid.pop_back();
        }
        close(fd_);
        fd_ = -1;
        if (error == EWOULDBLOCK) {
            std::fprintf(stderr,
                         "cssim: %s is in use by another cssim sweep (process %s, holding %s); "
                         "wait for it to finish or stop it, or use another --out\n",
                         dir.string().c_str(), pid.empty() ? "unknown" : pid.c_str(),
                         path.string().c_str());
        } else {
            std::fprintf(stderr, "cssim: cannot lock %s: %s\n", path.string().c_str(),
                         std::strerror(error));
        }
        return kExitCannotCreate;
    }
    const std::string pid = std::to_string(static_cast<long>(getpid())) + "\n";
    if (ftruncate(fd_, 0) != 0 || pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // The lock itself is held; the PID is only for the message of a second process.
    }
    return 0;
}

void clear_sweep_directory(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename() != kSweepLockFile) {
            entries.push_back(it->path());
        }
    }
    for (const fs::path& p : entries) {
        fs::remove_all(p, ec);
    }
}

void write_fresh_sweep_state(const fs::path& dir, const scenario::SweepState& state) {
    record::write_text_file_atomically(dir / kSweepStateFile, scenario::sweep_state_json(state));
    record::write_text_file_atomically(dir / "design.csv", design_csv(state));
}

int prepare_sweep_directory(const fs::path& dir, const scenario::SweepState& state, bool force,
                            const std::vector<fs::path>& inputs, bool& fresh) {
    fresh = false;
    const fs::path state_path = dir / kSweepStateFile;
    std::error_code ec;
    if (fs::exists(state_path, ec)) {
        std::string error;
        const auto old = scenario::parse_sweep_state(read_text_file(state_path), error);
        const bool same = old && old->identity == state.identity &&
                          old->task_index == state.task_index &&
                          old->task_count == state.task_count;
        if (same) {
            return 0;
        }
        if (!force) {
            if (!old) {
                // A damaged file cssim reads: 65, like a damaged store (cli/failure.hpp).
                std::fprintf(stderr, "cssim: %s: %s; not resuming into %s (--force discards it)\n",
                             state_path.string().c_str(), error.c_str(), dir.string().c_str());
                return kExitInvalidScenario;
            }
            if (old->identity != state.identity) {
                std::fprintf(stderr,
                             "cssim: %s holds another sweep ('%s', identity %.12s), not this one "
                             "('%s', identity %.12s): the sweep file, its base scenario or its "
                             "design changed. Use another --out, or --force to discard the old "
                             "results\n",
                             dir.string().c_str(), old->sweep_name.c_str(), old->identity.c_str(),
                             state.sweep_name.c_str(), state.identity.c_str());
            } else {
                std::fprintf(stderr,
                             "cssim: %s holds shard %zu of %zu of this sweep, not shard %zu of "
                             "%zu. Use another --out, or --force to discard it\n",
                             dir.string().c_str(), old->task_index, old->task_count,
                             state.task_index, state.task_count);
            }
            return kExitCannotCreate;
        }
        if (const std::string why = why_not_replaceable(dir, inputs); !why.empty()) {
            std::fprintf(stderr, "cssim: not discarding %s\n", why.c_str());
            return kExitCannotCreate;
        }
        clear_sweep_directory(dir);
    } else {
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().filename() != kSweepLockFile) {
                // Never delete a folder that is not a sweep directory, even with --force.
                std::fprintf(stderr,
                             "cssim: %s exists and is not a sweep directory (no %s); choose "
                             "another --out\n",
                             dir.string().c_str(), kSweepStateFile);
                return kExitCannotCreate;
            }
        }
    }
    fresh = true;
    write_fresh_sweep_state(dir, state);
    return 0;
}

}  // namespace cssim::cli
