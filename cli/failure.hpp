#pragma once
/**
 * @file failure.hpp
 * @brief The one mapping from a file problem to its message and exit code, used by every
 * command (run, compare, sweep, merge, warmup) and by main() as a last resort, so the same
 * problem never exits with different codes in different commands:
 *
 * | problem | exit |
 * |---|---|
 * | the output folder exists, or holds what cssim did not write (OutputExistsError) | 73 |
 * | an output cannot be created (OutputError, no space/I-O errno) | 73 |
 * | writing an output failed: full disk, I/O error, file-size limit (OutputError) | 74 |
 * | a file cssim reads is damaged or not cssim's: archive, results store (ArchiveError) | 65 |
 */
#include "cssim/record/errors.hpp"
#include "output_directory.hpp"

namespace cssim::cli {

/** @brief Prints "cssim: <what>" and returns 73. */
int report_failure(const OutputExistsError& error);
/** @brief Prints "cssim: cannot write output: <what>" and returns 74 or 73 (exit_code_for). */
int report_failure(const record::OutputError& error);
/** @brief Prints "cssim: <what>" and returns 65 (the input data are bad). */
int report_failure(const record::ArchiveError& error);

}  // namespace cssim::cli
