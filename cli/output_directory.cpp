#include "output_directory.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string>
#include <system_error>
#include <vector>

#include "cssim/record/errors.hpp"

namespace fs = std::filesystem;

namespace cssim::cli {
namespace {

bool is_nonempty_directory(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return false;
    }
    if (!fs::is_directory(path, ec)) {
        return true;  // a file in the way counts as "exists"
    }
    return fs::directory_iterator(path, ec) != fs::directory_iterator();
}

// Removes `.<name>.tmp-<pid>` and `.<name>.old-<pid>` siblings left by runs that were killed
// (kill -9, power loss) before they could clean up. Only folders whose process is gone are
// removed: a live run's staging folder (another cssim writing the same --out) is left alone.
void remove_stale_staging(const fs::path& parent, const std::string& name) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        for (const std::string kind : {".tmp-", ".old-"}) {
            const std::string prefix = "." + name + kind;
            if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) {
                continue;
            }
            const std::string digits = entry.substr(prefix.size());
            if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
                continue;
            }
            const pid_t pid = static_cast<pid_t>(std::stol(digits));
            if (pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH) {
                stale.push_back(it->path());
            }
        }
    }
    for (const fs::path& path : stale) {
        fs::remove_all(path, ec);
    }
}

}  // namespace

std::string safe_file_name(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        out += ok ? c : '_';
    }
    if (out.empty() || out == "." || out == "..") {
        out = "run";
    }
    return out;
}

std::string utc_now_iso8601() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

fs::path default_output_directory(const fs::path& results_root, const std::string& scenario_name) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const std::string base = safe_file_name(scenario_name) + "-" + stamp;
    fs::path candidate = results_root / base;
    for (int n = 2; fs::exists(candidate); ++n) {
        candidate = results_root / (base + "-" + std::to_string(n));
    }
    return candidate;
}

StagedDirectory::StagedDirectory(fs::path destination, bool force)
    : destination_(std::move(destination)), force_(force) {
    if (destination_.filename().empty()) {
        destination_ = destination_.parent_path();  // "out/" -> "out"
    }
    if (!force_ && is_nonempty_directory(destination_)) {
        throw OutputExistsError("output directory '" + destination_.string() +
                                "' already exists and is not empty; choose another --out or add "
                                "--force to replace it");
    }
    std::error_code ec;
    const fs::path parent = destination_.has_parent_path() ? destination_.parent_path() : ".";
    fs::create_directories(parent, ec);
    if (ec) {
        throw record::OutputError(parent, "cannot create directory: " + ec.message(), ec.value());
    }
    remove_stale_staging(parent, destination_.filename().string());
    staging_ = parent / ("." + destination_.filename().string() + ".tmp-" +
                         std::to_string(static_cast<long>(getpid())));
    fs::remove_all(staging_, ec);
    fs::create_directory(staging_, ec);
    if (ec) {
        throw record::OutputError(staging_, "cannot create directory: " + ec.message(), ec.value());
    }
}

StagedDirectory::~StagedDirectory() {
    if (!published_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedDirectory::publish() {
    std::error_code ec;
    fs::path old;
    if (fs::exists(destination_, ec)) {
        if (!force_ && is_nonempty_directory(destination_)) {
            throw OutputExistsError("output directory '" + destination_.string() +
                                    "' appeared while the run was going; nothing was replaced "
                                    "(results are in '" +
                                    staging_.string() + "')");
        }
        old = destination_.parent_path() / ("." + destination_.filename().string() + ".old-" +
                                            std::to_string(static_cast<long>(getpid())));
        fs::rename(destination_, old, ec);
        if (ec) {
            throw record::OutputError(
                destination_, "cannot move the old output aside: " + ec.message(), ec.value());
        }
    }
    fs::rename(staging_, destination_, ec);
    if (ec) {
        throw record::OutputError(
            destination_, "cannot move the results into place: " + ec.message(), ec.value());
    }
    published_ = true;
    if (!old.empty()) {
        fs::remove_all(old, ec);
    }
}

}  // namespace cssim::cli
