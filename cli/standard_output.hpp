#pragma once
/**
 * @file standard_output.hpp
 * @brief The one check of standard output every command's result passes through: data printed
 * to stdout (tables, JSON, CSV, the schema) that could not be written is an error (exit 74),
 * never a silent exit 0 with an empty file.
 */

namespace cssim::cli {

/**
 * @brief Flushes stdout and checks that every write to it (C stdio and std::cout) succeeded.
 * @return `code` when they did; else prints why on stderr and returns kExitIoError (74), or
 * `code` itself when the command had already failed with its own non-zero code.
 */
int finish_standard_output(int code);

}  // namespace cssim::cli
