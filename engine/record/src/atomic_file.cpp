#include "cssim/record/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <random>
#include <system_error>

#include "cssim/record/errors.hpp"
#include "file_ops.hpp"

namespace cssim::record {
namespace detail {

std::string errno_text(int error) {
    return std::generic_category().message(error);
}

TemporaryFile::~TemporaryFile() {
    if (fd >= 0) {
        ::close(fd);
    }
}

void TemporaryFile::close(const std::filesystem::path& final_path) {
    if (fd < 0) {
        return;
    }
    const int rc = ::close(fd);
    fd = -1;
    if (rc != 0) {
        const int error = errno;
        throw OutputError(final_path, "closing " + path.string() + ": " + errno_text(error), error);
    }
}

TemporaryFile create_temporary_beside(const std::filesystem::path& final_path) {
    const std::filesystem::path directory =
        final_path.has_parent_path() ? final_path.parent_path() : std::filesystem::path(".");
    // The name only has to be unique among concurrent writers; random_device is enough and
    // keeps no state between calls.
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[24];
        std::snprintf(suffix, sizeof suffix, "%08x%08x", entropy(), entropy());
        TemporaryFile file;
        std::string name = ".";  // built by appends: g++ 12 warns falsely on "." + string
        name += final_path.filename().string();
        name += ".tmp-";
        name += suffix;
        file.path = directory / name;
        file.fd = ::open(file.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (file.fd >= 0) {
            return file;
        }
        const int error = errno;
        if (error != EEXIST) {
            throw OutputError(
                final_path,
                "cannot create a file in " + directory.string() + ": " + errno_text(error), error);
        }
    }
    throw OutputError(final_path, "cannot find a free temporary name in " + directory.string(),
                      EEXIST);
}

void sync_file(const std::filesystem::path& file, const std::filesystem::path& final_path) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw OutputError(final_path, "syncing " + file.string() + ": " + errno_text(error), error);
    }
    ::close(fd);
}

void rename_into_place(const std::filesystem::path& temporary,
                       const std::filesystem::path& final_path, DirectorySync sync) {
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
        const int error = errno;
        throw OutputError(final_path, "renaming " + temporary.string() + ": " + errno_text(error),
                          error);
    }
    if (sync == DirectorySync::Now) {
        sync_directory(final_path.has_parent_path() ? final_path.parent_path()
                                                    : std::filesystem::path("."));
    }
}

void remove_quietly(const std::filesystem::path& file) noexcept {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
}

}  // namespace detail

void sync_directory(const std::filesystem::path& directory) noexcept {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        // Some filesystems refuse fsync on directories (EINVAL); the data itself is synced.
        ::fsync(fd);
        ::close(fd);
    }
}

void write_text_file_atomically(const std::filesystem::path& path, std::string_view content,
                                DirectorySync sync) {
    detail::TemporaryFile file = detail::create_temporary_beside(path);
    try {
        const char* data = content.data();
        std::size_t left = content.size();
        while (left > 0) {
            const ssize_t written = ::write(file.fd, data, left);
            if (written < 0) {
                const int error = errno;
                if (error == EINTR) {
                    continue;
                }
                throw OutputError(path, detail::errno_text(error), error);
            }
            data += written;
            left -= static_cast<std::size_t>(written);
        }
        if (::fsync(file.fd) != 0) {
            const int error = errno;
            throw OutputError(path, detail::errno_text(error), error);
        }
        file.close(path);
        detail::rename_into_place(file.path, path, sync);
    } catch (...) {
        detail::remove_quietly(file.path);
        throw;
    }
}

}  // namespace cssim::record
