/**
 * @file results_store_read.cpp
 * @brief Reading a results store back: which jobs are done, and every job's metrics with the
 * checks that find a damaged store (results_store.hpp).
 */
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "results_store_impl.hpp"

namespace cssim::record {

using detail::SqliteError;
using detail::Statement;

bool ResultsStore::has_job(JobKey job) const {
    try {
        Statement select =
            impl_->db->prepare("SELECT 1 FROM job WHERE design_point = ?1 AND replication = ?2");
        select.bind_u64(1, job.design_point).bind_u64(2, job.replication);
        return select.step();
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
}

std::vector<JobKey> ResultsStore::done_jobs() const {
    std::vector<JobKey> out;
    try {
        Statement select = impl_->db->prepare("SELECT design_point, replication FROM job");
        while (select.step()) {
            out.push_back(JobKey{select.column_u64(0), select.column_u64(1)});
        }
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
    std::sort(out.begin(), out.end());  // unsigned order (stored as int64 bits)
    return out;
}

std::size_t ResultsStore::job_count() const {
    return done_jobs().size();
}

std::vector<ReplicationRecord> ResultsStore::load_jobs() const {
    std::vector<ReplicationRecord> out;
    const auto job_name = [](std::int64_t point, std::int64_t rep) {
        return "design point " + std::to_string(point) + " replication " + std::to_string(rep);
    };
    const auto damaged = [this](const std::string& what) {
        return ArchiveError(impl_->path, "results store damaged: " + what +
                                             "; re-run the sweep with --force to discard it "
                                             "and start again");
    };
    std::vector<std::string> expected = impl_->metric_names;
    bool expected_from_store = !expected.empty();
    try {
        // Page-level damage first (a torn or byte-flipped b-tree page): SQLite's structural
        // check, linear in the file's size.
        Statement check = impl_->db->prepare("PRAGMA quick_check");
        if (check.step() && check.column_text(0) != "ok") {
            throw damaged("SQLite's quick_check reports: " +
                          detail::store_shown(check.column_text(0)));
        }
        Statement jobs = impl_->db->prepare(
            "SELECT design_point, replication, seed, typeof(design_point), typeof(replication), "
            "typeof(seed) FROM job ORDER BY design_point, replication");
        Statement metrics = impl_->db->prepare(
            "SELECT design_point, replication, position, name, value, typeof(name), "
            "typeof(value) FROM job_metric ORDER BY design_point, replication, position");
        bool have_metric = metrics.step();
        while (jobs.step()) {
            const std::int64_t point = jobs.column_int64(0);
            const std::int64_t rep = jobs.column_int64(1);
            if (jobs.column_text(3) != "integer" || jobs.column_text(4) != "integer" ||
                jobs.column_text(5) != "integer" || point < 0 || rep < 0) {
                throw damaged("a job row holds a key or seed that is not a whole number");
            }
            // Metric rows are in the same order as jobs: rows before this job have no job.
            if (have_metric &&
                (metrics.column_int64(0) < point ||
                 (metrics.column_int64(0) == point && metrics.column_int64(1) < rep))) {
                throw damaged("metric rows of " +
                              job_name(metrics.column_int64(0), metrics.column_int64(1)) +
                              " have no job row");
            }
            ReplicationRecord r;
            r.design_point = static_cast<std::uint64_t>(point);
            r.replication = static_cast<std::uint64_t>(rep);
            r.seed = jobs.column_u64(2);
            while (have_metric && metrics.column_int64(0) == point &&
                   metrics.column_int64(1) == rep) {
                const std::string type = metrics.column_text(6);
                const std::string name = metrics.column_text(3);
                if (metrics.column_int64(2) != static_cast<std::int64_t>(r.metrics.size())) {
                    throw damaged(job_name(point, rep) + " lacks metric number " +
                                  std::to_string(r.metrics.size()) + " (a row is missing)");
                }
                if (metrics.column_text(5) != "text") {
                    throw damaged(job_name(point, rep) + " has a metric name that is not text");
                }
                if (type != "real" && type != "integer" && type != "null") {
                    throw damaged(job_name(point, rep) + " has a " + type + " value for '" +
                                  detail::store_shown(name) + "', not a number");
                }
                r.metrics.push_back(MetricValue{name, metrics.column_double(4)});
                have_metric = metrics.step();
            }
            if (expected.empty()) {
                for (const MetricValue& m : r.metrics) {
                    expected.push_back(m.name);
                }
            }
            bool same = r.metrics.size() == expected.size();
            for (std::size_t i = 0; same && i < expected.size(); ++i) {
                same = r.metrics[i].name == expected[i];
            }
            if (!same) {
                std::string names;
                for (const MetricValue& m : r.metrics) {
                    names += (names.empty() ? "" : ", ") + detail::store_shown(m.name);
                }
                throw damaged(job_name(point, rep) + " has " + std::to_string(r.metrics.size()) +
                              " metrics (" + names + "), not the " +
                              std::to_string(expected.size()) + " metrics " +
                              (expected_from_store ? "the store records" : "of the other jobs"));
            }
            out.push_back(std::move(r));
        }
        if (have_metric) {
            throw damaged("metric rows of " +
                          job_name(metrics.column_int64(0), metrics.column_int64(1)) +
                          " have no job row");
        }
    } catch (const SqliteError& error) {
        impl_->read_failure(error);
    }
    return out;  // ascending: keys are checked to be >= 0, so SQL's signed order is ours
}

}  // namespace cssim::record
