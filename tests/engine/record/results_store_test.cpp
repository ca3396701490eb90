#include "cssim/record/results_store.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "cssim/record/archive_reader.hpp"
#include "cssim/record/archive_writer.hpp"
#include "cssim/record/errors.hpp"
#include "record_test_support.hpp"

namespace cssim::record {
namespace {

using testing::sample_record;
using testing::ScratchDir;

ReplicationRecord job(std::uint64_t point, std::uint64_t replication) {
    return sample_record(point, replication, 0, 0, 0);
}

TEST(ResultsStore, SurvivesReopenAndReportsDoneJobs) {
    ScratchDir dir;
    const auto path = dir / "results.sqlite";
    {
        ResultsStore store(path, "sweep-sha");
        EXPECT_EQ(store.job_count(), 0U);
        store.append(job(1, 0));
        store.append(job(0, 1));
        store.append(job(0, 0));
    }
    ResultsStore store(path, "sweep-sha");
    EXPECT_EQ(store.done_jobs(), (std::vector<JobKey>{{0, 0}, {0, 1}, {1, 0}}));
    EXPECT_TRUE(store.has_job({0, 1}));
    EXPECT_FALSE(store.has_job({1, 1}));
    const auto jobs = store.load_jobs();
    ASSERT_EQ(jobs.size(), 3U);
    const auto expected = job(1, 0);
    EXPECT_EQ(jobs[2].seed, expected.seed);
    ASSERT_EQ(jobs[2].metrics.size(), expected.metrics.size());
    for (std::size_t i = 0; i < expected.metrics.size(); ++i) {
        EXPECT_EQ(jobs[2].metrics[i].name, expected.metrics[i].name);
        EXPECT_EQ(jobs[2].metrics[i].value, expected.metrics[i].value);
    }
}

TEST(ResultsStore, ReplacesAJobAppendedTwice) {
    ScratchDir dir;
    ResultsStore store(dir / "results.sqlite", "id");
    auto first = job(0, 0);
    store.append(first);
    first.metrics = {{"only", 4.0}};
    store.append(first);
    const auto jobs = store.load_jobs();
    ASSERT_EQ(jobs.size(), 1U);
    ASSERT_EQ(jobs[0].metrics.size(), 1U);
    EXPECT_EQ(jobs[0].metrics[0].value, 4.0);
}

TEST(ResultsStore, KeepsEveryCommittedJobWhenKilled) {
    ScratchDir dir;
    const auto path = dir / "results.sqlite";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ResultsStore store(path, "id");
        for (std::uint64_t r = 0; r < 5; ++r) {
            store.append(job(0, r));
        }
        ::kill(::getpid(), SIGKILL);  // no destructor: the file is not closed cleanly
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    ResultsStore store(path, "id");
    EXPECT_EQ(store.job_count(), 5U);
    store.append(job(0, 5));
    EXPECT_EQ(store.job_count(), 6U);
}

TEST(ResultsStore, RefusesAnotherStudysStore) {
    ScratchDir dir;
    const auto path = dir / "results.sqlite";
    { ResultsStore store(path, "sweep A"); }
    try {
        ResultsStore store(path, "sweep B");
        FAIL() << "opened a store of another sweep";
    } catch (const ArchiveError& error) {
        EXPECT_NE(std::string(error.what()).find("identity 'sweep A', expected 'sweep B'"),
                  std::string::npos)
            << error.what();
    }
}

TEST(ResultsStore, RefusesRunArchivesAndRandomFiles) {
    ScratchDir dir;
    write_archive(dir / "run.sqlite", testing::sample_info(),
                  std::vector<ReplicationRecord>{job(0, 0)});
    EXPECT_THROW(ResultsStore(dir / "run.sqlite", "id"), ArchiveError);
    testing::write_file(dir / "junk", std::string(4096, 'x'));
    EXPECT_THROW(ResultsStore(dir / "junk", "id"), ArchiveError);
    { ResultsStore store(dir / "results.sqlite", "id"); }
    try {
        ArchiveReader reader(dir / "results.sqlite");
        FAIL() << "opened a results store as a run archive";
    } catch (const ArchiveError& error) {
        EXPECT_NE(std::string(error.what()).find("results store, not a run archive"),
                  std::string::npos)
            << error.what();
    }
}

}  // namespace
}  // namespace cssim::record
