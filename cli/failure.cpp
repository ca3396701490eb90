#include "failure.hpp"

#include <cerrno>
#include <cstdio>

#include "cssim/scenario/scenario.hpp"
#include "exit_codes.hpp"
#include "run_support.hpp"

namespace cssim::cli {

int exit_code_for(const record::OutputError& error) {
    // EFBIG: a file-size limit (ulimit -f, a quota on one file) is a full disk in all but name.
    return (error.errno_value() == ENOSPC || error.errno_value() == EIO ||
            error.errno_value() == EDQUOT || error.errno_value() == EFBIG)
               ? kExitIoError
               : kExitCannotCreate;
}

int report_failure(const OutputExistsError& error) {
    std::fprintf(stderr, "cssim: %s\n", scenario::escape_control(error.what()).c_str());
    return kExitCannotCreate;
}

int report_failure(const record::OutputError& error) {
    std::fprintf(stderr, "cssim: cannot write output: %s\n",
                 scenario::escape_control(error.what()).c_str());
    return exit_code_for(error);
}

int report_failure(const record::ArchiveError& error) {
    std::fprintf(stderr, "cssim: %s\n", scenario::escape_control(error.what()).c_str());
    return kExitInvalidScenario;
}

}  // namespace cssim::cli
