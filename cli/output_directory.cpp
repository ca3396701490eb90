#include "output_directory.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "cssim/record/atomic_file.hpp"
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

bool is_under(const fs::path& path, const fs::path& folder) {
    const auto [end, rest] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    (void)rest;
    return end == folder.end();
}

fs::path canonical_or_absolute(const fs::path& path) {
    std::error_code ec;
    fs::path result = fs::weakly_canonical(path, ec);
    if (ec) {
        result = fs::absolute(path, ec).lexically_normal();
    }
    return result;
}

bool contains_text(const fs::path& file, const std::string& needle) {
    std::ifstream in(file, std::ios::binary);
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find(needle) != std::string::npos;
}

// Leftovers of cssim's own atomic writes: `.<name>.tmp-<pid>` files and SQLite journals.
bool is_cssim_leftover(const std::string& name) {
    return (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos) ||
           name.ends_with("-journal");
}

// The first entry of `dir` that cssim did not write, "" if none. `kind` is what dir is meant to
// be: a run folder, a sweep folder or a compare folder (whose entries are run folders).
std::string foreign_entry(const fs::path& dir, int depth) {
    static const std::set<std::string> kRunFiles = {"summary.json", "replications.csv",
                                                    "manifest.json", "run.sqlite"};
    static const std::set<std::string> kSweepFiles = {
        "sweep-state.json", "results.sqlite", "design.csv", "replications.csv", "points.csv",
        "summary.json",     "manifest.json",  "morris.csv", "sweep.lock"};
    std::error_code ec;
    const bool is_sweep = fs::exists(dir / "sweep-state.json", ec);
    // A compare folder (comparison.json) or a workshop folder (workshop.json, scoreboard.csv):
    // cssim's own files beside one run folder per scenario or table.
    const bool is_workshop = fs::exists(dir / "workshop.json", ec) &&
                             contains_text(dir / "workshop.json", "\"cssim-workshop\"");
    const bool is_compare = fs::exists(dir / "comparison.json", ec) || is_workshop;
    const bool is_run = fs::exists(dir / "manifest.json", ec) &&
                        contains_text(dir / "manifest.json", "\"cssim-manifest\"");
    if (!is_sweep && !is_compare && !is_run) {
        return dir.string() +
               " (no manifest.json, sweep-state.json, comparison.json or workshop.json of cssim)";
    }
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_cssim_leftover(name)) {
            continue;
        }
        const bool is_dir = it->is_directory(ec) && !it->is_symlink(ec);
        if (is_sweep && (kSweepFiles.count(name) != 0 && !is_dir)) {
            continue;
        }
        if (is_sweep && is_dir && name.starts_with("shard-") && depth == 0) {
            if (std::string inner = foreign_entry(it->path(), 1); !inner.empty()) {
                return inner;
            }
            continue;
        }
        if (is_run && !is_dir && kRunFiles.count(name) != 0) {
            continue;
        }
        if (is_compare && !is_dir &&
            (name == "comparison.json" ||
             (is_workshop && (name == "workshop.json" || name == "scoreboard.csv")))) {
            continue;
        }
        if (is_compare && is_dir && depth == 0) {
            if (std::string inner = foreign_entry(it->path(), 1); !inner.empty()) {
                return inner;
            }
            continue;
        }
        return it->path().string();
    }
    return "";
}

}  // namespace

std::string why_not_replaceable(const fs::path& dir, const std::vector<fs::path>& inputs) {
    const fs::path folder = canonical_or_absolute(dir);
    for (const fs::path& input : inputs) {
        const fs::path in = canonical_or_absolute(input);
        if (is_under(in, folder) || is_under(folder, in)) {
            return "'" + dir.string() + "' holds an input of this command ('" + input.string() +
                   "'); --force never replaces an input. Choose another --out";
        }
    }
    std::error_code ec;
    if (fs::is_symlink(dir, ec) || !fs::is_directory(dir, ec)) {
        return "'" + dir.string() +
               "' is not a folder cssim wrote (a file or a link); --force replaces only "
               "cssim's own output folders. Choose another --out";
    }
    if (const std::string foreign = foreign_entry(dir, 0); !foreign.empty()) {
        return "'" + dir.string() +
               "' was not written by cssim, or holds other files too: " + foreign +
               ". --force replaces only a folder cssim wrote (and nothing else in it); choose "
               "another --out or move those files";
    }
    return "";
}

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

StagedDirectory::StagedDirectory(fs::path destination, bool force, std::vector<fs::path> inputs)
    : destination_(std::move(destination)), force_(force), inputs_(std::move(inputs)) {
    if (destination_.filename().empty()) {
        destination_ = destination_.parent_path();  // "out/" -> "out"
    }
    if (!force_ && is_nonempty_directory(destination_)) {
        throw OutputExistsError("output directory '" + destination_.string() +
                                "' already exists and is not empty; choose another --out or add "
                                "--force to replace it");
    }
    if (force_ && is_nonempty_directory(destination_)) {
        if (const std::string why = why_not_replaceable(destination_, inputs_); !why.empty()) {
            throw OutputExistsError("not replacing " + why);
        }
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

void StagedDirectory::keep_and_refuse(const std::string& why) {
    // The results are finished: keep them under a visible name that no later run cleans up
    // (stale-staging removal only touches hidden `.<name>.tmp-<pid>` folders).
    std::error_code ec;
    const fs::path kept =
        destination_.parent_path() /
        (destination_.filename().string() + ".kept-" + std::to_string(static_cast<long>(getpid())));
    fs::path where = staging_;
    fs::rename(staging_, kept, ec);
    if (!ec) {
        where = kept;
    }
    published_ = true;  // never delete the finished results
    throw OutputExistsError("output directory '" + destination_.string() + "' " + why +
                            "; nothing was replaced. The finished results are in '" +
                            where.string() + "'");
}

void StagedDirectory::publish() {
    std::error_code ec;
    fs::path old;
    if (fs::exists(destination_, ec) || fs::is_symlink(destination_, ec)) {
        if (is_nonempty_directory(destination_)) {
            if (!force_) {
                keep_and_refuse("appeared while the run was going");
            }
            if (const std::string why = why_not_replaceable(destination_, inputs_); !why.empty()) {
                keep_and_refuse("changed while the run was going and cannot be replaced: " + why);
            }
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
    if (ec == std::errc::directory_not_empty || ec == std::errc::file_exists) {
        keep_and_refuse("appeared while the run was going");  // between the check and here
    }
    if (ec) {
        throw record::OutputError(
            destination_, "cannot move the results into place: " + ec.message(), ec.value());
    }
    published_ = true;
    // The move itself durable too: else a crash soon after could leave the results under the
    // hidden staging name, which the next run's stale-staging removal deletes.
    record::sync_directory(destination_.has_parent_path() ? destination_.parent_path()
                                                          : fs::path("."));
    if (!old.empty()) {
        fs::remove_all(old, ec);
    }
}

}  // namespace cssim::cli
