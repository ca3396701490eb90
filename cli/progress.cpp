#include "progress.hpp"

#include <unistd.h>

#include <cmath>
#include <string>

namespace cssim::cli {

bool parse_progress_mode(const std::string& text, ProgressMode& out) {
    if (text == "auto") {
        out = ProgressMode::Auto;
    } else if (text == "bar") {
        out = ProgressMode::Bar;
    } else if (text == "plain") {
        out = ProgressMode::Plain;
    } else if (text == "jsonl") {
        out = ProgressMode::Jsonl;
    } else if (text == "quiet") {
        out = ProgressMode::Quiet;
    } else {
        return false;
    }
    return true;
}

namespace {

// Labels come from scenario names, which the user writes: escape them for JSON lines.
std::string json_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) {
        return "?";
    }
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    char buffer[32];
    if (h > 0) {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", h, m, s);
    } else {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", m, s);
    }
    return buffer;
}

ProgressReporter::ProgressReporter(ProgressMode mode, std::string label, std::size_t total,
                                   std::FILE* out)
    : mode_(mode), label_(std::move(label)), total_(total), out_(out) {
    if (mode_ == ProgressMode::Auto) {
        mode_ = isatty(fileno(out_)) ? ProgressMode::Bar : ProgressMode::Plain;
    }
    start_ = std::chrono::steady_clock::now();
    last_print_ = start_;
}

ProgressReporter::~ProgressReporter() {
    if (!finished_ && mode_ == ProgressMode::Bar && done_ > 0) {
        std::fputc('\n', out_);
    }
}

void ProgressReporter::update(std::size_t done, double partial) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = done;
    partial_ = done < total_ && partial > 0.0 && partial < 1.0 ? partial : 0.0;
    if (mode_ == ProgressMode::Quiet || finished_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    const double since_last = std::chrono::duration<double>(now - last_print_).count();
    // A bar redraws at most 10 times a second; log lines and JSON lines every 2 seconds.
    const double interval = mode_ == ProgressMode::Bar ? 0.1 : 2.0;
    // The last update of a log or JSON stream is left to finish(), which prints the final line.
    const bool is_last = done == total_;
    if ((since_last < interval && !is_last) || (is_last && mode_ != ProgressMode::Bar)) {
        return;
    }
    last_print_ = now;
    print_locked(false, "");
}

void ProgressReporter::finish(const std::string& status) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_ || mode_ == ProgressMode::Quiet) {
        finished_ = true;
        return;
    }
    print_locked(true, status);
    finished_ = true;
}

void ProgressReporter::print_locked(bool final_line, const std::string& status) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double done = static_cast<double>(done_) + (final_line ? 0.0 : partial_);
    const double rate = elapsed > 0 ? done / elapsed : 0.0;
    const double eta = rate > 0 ? (static_cast<double>(total_) - done) / rate : NAN;
    // Part of the job under way, as " +42.5%" after done/total (plain and bar).
    char part[16] = "";
    if (!final_line && partial_ > 0.0) {
        std::snprintf(part, sizeof part, " +%.1f%%", partial_ * 100.0);
    }
    switch (mode_) {
        case ProgressMode::Bar: {
            constexpr int kWidth = 30;
            const int filled = total_ == 0
                                   ? kWidth
                                   : static_cast<int>(kWidth * done / static_cast<double>(total_));
            std::string bar(static_cast<std::size_t>(filled), '#');
            bar.resize(kWidth, '.');
            std::fprintf(out_, "\r%s [%s] %zu/%zu%s  %.2f/s  %s %s\x1b[K", label_.c_str(),
                         bar.c_str(), done_, total_, part, rate, final_line ? "took" : "ETA",
                         format_duration(final_line ? elapsed : eta).c_str());
            if (final_line) {
                std::fprintf(out_, "  %s\n", status.c_str());
            }
            break;
        }
        case ProgressMode::Plain:
            if (final_line) {
                std::fprintf(out_, "%s: %zu/%zu %s in %s (%.2f/s)\n", label_.c_str(), done_, total_,
                             status.c_str(), format_duration(elapsed).c_str(), rate);
            } else {
                std::fprintf(out_, "%s: %zu/%zu%s  %.2f/s  ETA %s\n", label_.c_str(), done_, total_,
                             part, rate, format_duration(eta).c_str());
            }
            break;
        case ProgressMode::Jsonl:
            std::fprintf(out_,
                         "{\"event\":\"%s\",\"label\":\"%s\",\"done\":%zu,\"total\":%zu,"
                         "\"partial\":%.4f,\"elapsed_s\":%.3f,\"rate_per_s\":%.4f,\"eta_s\":%s}\n",
                         final_line ? status.c_str() : "progress", json_escape(label_).c_str(),
                         done_, total_, final_line ? 0.0 : partial_, elapsed, rate,
                         std::isfinite(eta) ? std::to_string(eta).c_str() : "null");
            break;
        case ProgressMode::Auto:
        case ProgressMode::Quiet:
            break;
    }
    std::fflush(out_);
}

}  // namespace cssim::cli
