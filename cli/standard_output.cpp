// Standard output is checked once, where every command returns (main.cpp): stdio keeps an
// error flag that a failed write sets and fflush reports, so one check at the end sees every
// earlier write, whatever command made it.
#include "standard_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "exit_codes.hpp"

namespace cssim::cli {

int finish_standard_output(int code) {
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    const int flush_errno = errno;
    std::cout.flush();  // synchronised with stdio: it shares stdout's buffer and error flag
    if (flushed && !std::ferror(stdout) && std::cout.good()) {
        return code;
    }
    const char* reason = !flushed && flush_errno != 0
                             ? std::strerror(flush_errno)
                             : "an earlier write to it failed (a full disk, or a closed pipe)";
    std::fprintf(stderr,
                 "cssim: cannot write to standard output: %s (what was printed is incomplete)\n",
                 reason);
    return code == kExitOk ? kExitIoError : code;
}

}  // namespace cssim::cli
