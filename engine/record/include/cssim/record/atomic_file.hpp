#pragma once
/**
 * @file atomic_file.hpp
 * @brief Crash-safe replacement of a whole file: after a crash the path holds either the old
 * contents (or nothing) or the complete new contents, never a part.
 */
#include <filesystem>
#include <string_view>

namespace cssim::record {

/**
 * @brief When the directory holding a renamed file is synced: `Now` (after each rename, so
 * the new name is durable when the call returns) or `ByCaller`, for a caller that writes
 * several files into one folder and then calls sync_directory() once (one fsync instead of
 * one per file; until then a crash may lose the renames, never the data of a synced file).
 */
enum class DirectorySync { Now, ByCaller };

/**
 * @brief Writes `content` to `path` atomically: a temporary file in the same directory
 * (`.<name>.tmp-<random>`), fsync, rename over `path`, fsync of the directory (unless `sync`
 * says the caller does it). The directory must exist. Throws OutputError (path + errno text) on
 * any failure and removes the temporary.
 */
void write_text_file_atomically(const std::filesystem::path& path, std::string_view content,
                                DirectorySync sync = DirectorySync::Now);

/**
 * @brief fsync of a directory, so the renames into it are durable. Best effort, as after
 * every rename here: some filesystems refuse fsync on directories (EINVAL); the files
 * themselves are synced before they are renamed.
 */
void sync_directory(const std::filesystem::path& directory) noexcept;

}  // namespace cssim::record
