#include "cssim/record/errors.hpp"

#include <utility>

namespace cssim::record {

namespace {

std::string sentence(const char* verb, const std::filesystem::path& path,
                     const std::string& reason) {
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string text = verb;
    text += " '";
    text += path.string();
    text += "': ";
    text += reason;
    return text;
}

}  // namespace

OutputError::OutputError(std::filesystem::path path, std::string reason, int errno_value)
    : std::runtime_error(sentence("cannot write", path, reason)),
      path_(std::move(path)),
      reason_(std::move(reason)),
      errno_value_(errno_value) {}

ArchiveError::ArchiveError(std::filesystem::path path, std::string reason)
    : std::runtime_error(sentence("cannot read", path, reason)),
      path_(std::move(path)),
      reason_(std::move(reason)) {}

}  // namespace cssim::record
