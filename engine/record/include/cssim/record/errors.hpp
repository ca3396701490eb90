#pragma once
/**
 * @file errors.hpp
 * @brief The two exceptions engine/record throws for file problems: OutputError when writing
 * fails, ArchiveError when an archive or results store cannot be read.
 *
 * Both carry the path and a reason in words, and what() reads as one sentence that names the
 * file, so the CLI and the viewer can show it as is. Programming errors (duplicate
 * replications handed to a writer, a replication that is not in the archive) are
 * std::invalid_argument / std::out_of_range instead.
 */
#include <filesystem>
#include <stdexcept>
#include <string>

namespace cssim::record {

/**
 * @brief Writing an output failed (cannot create, write, sync or rename). `errno_value()` is
 * the errno behind it (ENOSPC for SQLITE_FULL, EIO for SQLITE_IOERR, else 0 when the failure
 * came from SQLite); the CLI maps it to exit code
 * 73 (cannot create) or 74 (I/O error).
 */
class OutputError : public std::runtime_error {
public:
    OutputError(std::filesystem::path path, std::string reason, int errno_value = 0);
    /** @brief The final path the caller asked for (not the temporary file). */
    const std::filesystem::path& path() const { return path_; }
    /** @brief What went wrong, e.g. "No space left on device". */
    const std::string& reason() const { return reason_; }
    int errno_value() const { return errno_value_; }

private:
    std::filesystem::path path_;
    std::string reason_;
    int errno_value_;
};

/**
 * @brief A run archive or results store cannot be opened or read: missing, not SQLite, not a
 * cssim file, damaged, or written by a newer cssim. what() is
 * "cannot read '<path>': <reason>".
 */
class ArchiveError : public std::runtime_error {
public:
    ArchiveError(std::filesystem::path path, std::string reason);
    const std::filesystem::path& path() const { return path_; }
    const std::string& reason() const { return reason_; }

private:
    std::filesystem::path path_;
    std::string reason_;
};

}  // namespace cssim::record
