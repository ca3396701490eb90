#pragma once
/**
 * @file record_test_support.hpp
 * @brief Sample runs and a scratch directory for the engine/record tests.
 */
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "cssim/record/run_data.hpp"

namespace cssim::record::testing {

/** @brief A fresh directory under the system temp dir, removed with everything in it. */
class ScratchDir {
public:
    ScratchDir() {
        std::random_device entropy;
        path_ =
            std::filesystem::temp_directory_path() /
            ("cssim-record-test-" + std::to_string(::getpid()) + "-" + std::to_string(entropy()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    /** @brief Names of every entry in the directory (hidden ones included), sorted. */
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(path_)) {
            names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/** @brief A run info with every field set to something distinctive. */
inline RunInfo sample_info() {
    RunInfo info;
    info.scenario_name = "base \"quoted\", with comma";
    info.model = "department";
    info.scenario_json = R"({"model":"department","name":"base","seed":7,"nested":{"a":[1,2.5]}})";
    info.scenario_sha256 = std::string(64, 'a');
    info.master_seed = 18446744073709551615ULL;  // largest uint64: must survive int64 storage
    info.replications = 3;
    info.threads = 2;
    info.wall_seconds = 12.345678901234567;
    info.command_line = "cssim run scenarios/base.json --set 'a.b=1'";
    info.version = "0.1.0";
    info.git_sha = "0123456789abcdef0123456789abcdef01234567-dirty";
    info.created_utc = "2026-11-22T08:00:00Z";
    info.status = "cancelled";
    info.stream_names = {"arrivals", "service", "sickness"};
    info.layout.start_date = "2015-04-01";
    info.layout.days = 3650;
    info.layout.warmup_days = 365;
    info.layout.status_names = {"working", "sick", "on_notice", "vacant"};
    info.layout.contract_names = {"employed", "agency", "newly_qualified"};
    info.layout.nodes = {{"referral", "Referral", "stage/referral"},
                         {"assessment", "Assessment", "stage/assessment"}};
    info.layout.edges = {{"referral", "assessment", 0.62}, {"assessment", "referral", 0.1}};
    info.layout.metrics = {{"wait_mean", "days", "Mean wait, \"quoted\"", -1, "Wait (mean)"},
                           {"served", "customers", "", 0, ""},
                           {"utilisation", "share", "Busy share of servers", 1, "Utilisation"}};
    return info;
}

/**
 * @brief A replication with metrics, `days` of each of `series_count` series, `track_count`
 * tracks and a few events; values depend on (design_point, replication) so that every field
 * is distinguishable.
 */
inline ReplicationRecord sample_record(std::uint64_t design_point, std::uint64_t replication,
                                       std::size_t days = 10, std::size_t series_count = 3,
                                       std::size_t track_count = 2) {
    ReplicationRecord r;
    r.design_point = design_point;
    r.replication = replication;
    r.seed = 1000 + replication * 7 + design_point * 100000;
    std::mt19937_64 gen(r.seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double shift = static_cast<double>(design_point) * 10.0;
    r.metrics = {{"wait_mean", 2.0 + shift + noise(gen)},
                 {"utilisation", 0.9 + 0.01 * noise(gen)},
                 {"served", 1000.0 + std::round(10.0 * noise(gen))},
                 {"0.1-ish", 0.1 + static_cast<double>(replication) * 1e-17}};
    for (std::size_t s = 0; s < series_count; ++s) {
        Series series;
        series.name = s == 0 ? "caseload_mean" : "stage/" + std::to_string(s);
        series.unit = "cases";
        series.description = "Series " + std::to_string(s) + ", end-of-day snapshot";
        series.first_day = static_cast<std::int64_t>(s);
        for (std::size_t d = 0; d < days; ++d) {
            series.values.push_back(noise(gen) * 1e3 + static_cast<double>(d));
        }
        r.series.push_back(std::move(series));
    }
    for (std::size_t t = 0; t < track_count; ++t) {
        EntityTrack track;
        track.id = static_cast<std::uint32_t>(t * 3 + 1);
        track.label = "SW " + std::to_string(t);
        track.role = t % 2 == 0 ? "social_worker" : "pa";
        track.team = "Assessment 1";
        track.first_day = 2;
        for (std::size_t d = 0; d < days; ++d) {
            track.status.push_back(static_cast<std::uint8_t>((d + t) % 4));
            track.contract.push_back(static_cast<std::uint8_t>((d * t) % 3));
            track.caseload.push_back(static_cast<float>(noise(gen) + 18.0));
            track.stress.push_back(static_cast<float>(std::abs(noise(gen)) / 4.0));
        }
        r.tracks.push_back(std::move(track));
    }
    r.events = {{1440 * 3 + 17, "resignation", 4, "SW 1 resigned"},
                {1440 * 9, "surge_start", -1, "Referral surge begins"}};
    return r;
}

}  // namespace cssim::record::testing
