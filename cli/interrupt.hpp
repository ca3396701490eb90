#pragma once
/**
 * @file interrupt.hpp
 * @brief SIGINT/SIGTERM turn into a flag that the job runner polls: no new replication starts,
 * a running department replication is abandoned at its next simulated day (the model polls the
 * flag; other running ones finish), finished work is written with status "cancelled", and cssim
 * exits 130.
 * A second signal restores the default action, so a stuck run can still be killed.
 */
#include <atomic>

namespace cssim::cli {

/** @brief Installs the handlers (idempotent). */
void install_interrupt_handlers();
/** @brief The flag set by the first SIGINT or SIGTERM. */
const std::atomic<bool>& interrupt_flag();

}  // namespace cssim::cli
