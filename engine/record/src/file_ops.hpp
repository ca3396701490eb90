#pragma once
/**
 * @file file_ops.hpp
 * @brief Private POSIX helpers for crash-safe outputs: exclusive temporary files beside the
 * target, fsync, rename. All throw OutputError naming the *final* path.
 */
#include <filesystem>
#include <string>

#include "cssim/record/atomic_file.hpp"

namespace cssim::record::detail {

/** @brief An open temporary file; the descriptor is closed (not unlinked) by the destructor. */
struct TemporaryFile {
    std::filesystem::path path;
    int fd = -1;
    TemporaryFile() = default;
    TemporaryFile(TemporaryFile&& other) noexcept : path(std::move(other.path)), fd(other.fd) {
        other.fd = -1;
    }
    TemporaryFile& operator=(TemporaryFile&&) = delete;
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile();
    /** @brief Closes the descriptor, reporting errors against `final_path`. */
    void close(const std::filesystem::path& final_path);
};

/**
 * @brief Creates `.<name>.tmp-<random>` exclusively (mode 0666 less umask) in the directory
 * of `final_path`.
 */
TemporaryFile create_temporary_beside(const std::filesystem::path& final_path);

/** @brief fsync of an existing file by path. */
void sync_file(const std::filesystem::path& file, const std::filesystem::path& final_path);

/**
 * @brief rename(temporary, final_path), then (with DirectorySync::Now) fsync of the directory
 * so the rename is durable.
 */
void rename_into_place(const std::filesystem::path& temporary,
                       const std::filesystem::path& final_path,
                       DirectorySync sync = DirectorySync::Now);

/** @brief Removes a file, ignoring errors (cleanup paths). */
void remove_quietly(const std::filesystem::path& file) noexcept;

/** @brief The text of an errno value. */
std::string errno_text(int error);

}  // namespace cssim::record::detail
