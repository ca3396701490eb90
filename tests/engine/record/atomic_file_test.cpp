#include "cssim/record/atomic_file.hpp"

#include <gtest/gtest.h>

#include <cerrno>

#include "cssim/record/errors.hpp"
#include "record_test_support.hpp"

namespace cssim::record {
namespace {

using testing::ScratchDir;

TEST(WriteTextFileAtomically, WritesAndReplacesLeavingNoTemporary) {
    ScratchDir dir;
    const auto path = dir / "summary.json";
    write_text_file_atomically(path, "first\n");
    EXPECT_EQ(testing::read_file(path), "first\n");
    const std::string big(1 << 20, 'z');
    write_text_file_atomically(path, big);
    EXPECT_EQ(testing::read_file(path), big);
    write_text_file_atomically(dir / "empty.csv", "");
    EXPECT_EQ(testing::read_file(dir / "empty.csv"), "");
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"empty.csv", "summary.json"}));
}

TEST(WriteTextFileAtomically, ReportsThePathAndErrnoText) {
    ScratchDir dir;
    const auto path = dir / "missing" / "summary.json";
    try {
        write_text_file_atomically(path, "x");
        FAIL() << "wrote into a missing directory";
    } catch (const OutputError& error) {
        EXPECT_EQ(error.path(), path);
        EXPECT_EQ(error.errno_value(), ENOENT);
        const std::string what = error.what();
        EXPECT_NE(what.find(path.string()), std::string::npos) << what;
        EXPECT_NE(what.find("No such file or directory"), std::string::npos) << what;
    }
    // Renaming over a directory fails after the temporary exists: it must be cleaned up.
    std::filesystem::create_directory(dir / "taken");
    EXPECT_THROW(write_text_file_atomically(dir / "taken", "x"), OutputError);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"taken"});
}

}  // namespace
}  // namespace cssim::record
