#include "interrupt.hpp"

#include <csignal>

namespace cssim::cli {
namespace {

// A signal handler can only reach process-wide state; this flag is the one piece of global
// state in cssim, and it lives in the CLI, never in the engine.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int signal_number) {
    if (g_interrupted.exchange(true)) {
        // Second signal: give the user back the default behaviour (terminate now).
        std::signal(signal_number, SIG_DFL);
        std::raise(signal_number);
    }
}

}  // namespace

void install_interrupt_handlers() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& interrupt_flag() {
    return g_interrupted;
}

}  // namespace cssim::cli
