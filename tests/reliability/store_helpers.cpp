#include "store_helpers.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace cssim::testing {

std::string write_text(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
    return path;
}

std::string small_sweep(const std::string& dir, int replications, int horizon,
                        const std::string& factors, const std::string& design) {
    write_text(dir + "/q.json",
               R"({"model": "queue", "name": "q", "arrival": {"distribution": "exponential",
                   "mean": 0.6}, "service": {"distribution": "exponential", "mean": 1.0},
                   "servers": 2, "horizon_days": )" +
                   std::to_string(horizon) + R"(, "warmup_days": 10, "seed": 7})");
    const std::string f = factors.empty() ? R"([{"path": "servers", "levels": [2, 3]},
                              {"path": "arrival.mean", "range": [0.6, 1.0], "steps": 3}])"
                                          : factors;
    const std::string d = design.empty() ? R"({"type": "grid"})" : design;
    return write_text(dir + "/sweep.json", R"({"name": "qs", "base": "q.json", "factors": )" + f +
                                               R"(, "design": )" + d + R"(, "replications": )" +
                                               std::to_string(replications) + R"(, "seed": 11})");
}

Background start_process(const std::vector<std::string>& argv, const std::string& name) {
    Background b;
    const std::string base = fresh_directory("bg-" + name);
    b.out_path = base + "/stdout";
    b.err_path = base + "/stderr";
    b.pid = fork();
    if (b.pid == 0) {
        const int out = open(b.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = open(b.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> args;
        for (const std::string& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return b;
}

ProcessResult wait_process(const Background& process) {
    int status = 0;
    waitpid(process.pid, &status, 0);
    ProcessResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(process.out_path);
    r.err = read_file(process.err_path);
    return r;
}

bool run_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
    char* message = nullptr;
    ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK;
    EXPECT_TRUE(ok) << path << ": " << sql << ": " << (message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    sqlite3_close(db);
    return ok;
}

bool wait_for_file(const std::string& path, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        if (std::filesystem::exists(path)) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace cssim::testing
