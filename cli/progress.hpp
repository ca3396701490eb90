#pragma once
/**
 * @file progress.hpp
 * @brief Progress on stderr for long work: a bar on a terminal, plain periodic lines otherwise,
 * JSON lines for machines, or nothing. Data always goes to stdout, progress never does.
 */
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace cssim::cli {

/** @brief How progress is shown. Auto = Bar when stderr is a terminal, else Plain. */
enum class ProgressMode { Auto, Bar, Plain, Jsonl, Quiet };

/** @brief Parses "auto", "bar", "plain", "jsonl", "quiet"; false if unknown. */
bool parse_progress_mode(const std::string& text, ProgressMode& out);

/**
 * @brief Reports done/total with rate and ETA. Thread-safe: update() may be called from worker
 * threads. Throttled so that a fast batch does not flood the terminal or the log.
 */
class ProgressReporter {
public:
    ProgressReporter(ProgressMode mode, std::string label, std::size_t total,
                     std::FILE* out = stderr);
    ~ProgressReporter();
    ProgressReporter(const ProgressReporter&) = delete;
    ProgressReporter& operator=(const ProgressReporter&) = delete;

    /** @brief Jobs finished so far, and how much of the next one is done, in [0, 1) (a long
     * job that reports its own progress, such as one PHOLD replication's epochs). */
    void update(std::size_t done, double partial = 0.0);
    /** @brief Final line (always printed, except in Quiet mode). Idempotent. */
    void finish(const std::string& status = "done");

private:
    void print_locked(bool final_line, const std::string& status);

    ProgressMode mode_;
    std::string label_;
    std::size_t total_;
    std::size_t done_ = 0;
    double partial_ = 0.0;
    std::FILE* out_;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_print_;
    bool finished_ = false;
};

/** @brief "1:02:03" / "2:03" style duration. */
std::string format_duration(double seconds);

}  // namespace cssim::cli
