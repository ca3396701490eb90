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
 * @brief Writes `content` to `path` atomically: a temporary file in the same directory
 * (`.<name>.tmp-<random>`), fsync, rename over `path`, fsync of the directory. The directory
 * must exist. Throws OutputError (path + errno text) on any failure and removes the temporary.
 */
void write_text_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace cssim::record
