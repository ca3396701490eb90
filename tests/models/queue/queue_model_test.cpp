// The reference queue's bookkeeping: Little's law inside each run, determinism, common random
// numbers, capacity, daily series and the record's shape.
#include "cssim/queue/queue_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <queue>
#include <tuple>
#include <vector>

namespace cssim::queue {
namespace {

QueueConfig mm(double lambda, double service_mean, int servers, std::optional<int> capacity,
               double warmup = 200, double horizon = 3000) {
    QueueConfig config;
    config.arrival = core::Distribution::exponential(1.0 / lambda);
    config.service = core::Distribution::exponential(service_mean);
    config.servers = servers;
    config.capacity = capacity;
    config.warmup_days = warmup;
    config.horizon_days = horizon;
    return config;
}

double metric(const record::ReplicationRecord& rec, const std::string& name) {
    for (const auto& m : rec.metrics) {
        if (m.name == name)
            return m.value;
    }
    ADD_FAILURE() << "no metric " << name;
    return std::nan("");
}

// Little's law over the window [w, T): the area under N(t) (customers in system) and the sum of
// the sojourn times of the customers departing in the window differ only by edge terms:
//   area - sum = (time inside the window of those still present at T)
//              - (time before w of those present at w who departed in the window).
// In integer ticks this is an exact identity. Dividing by the window T' gives the tolerance for
// L = lambda_eff W computed from the record's metrics (L = system_length_mean, lambda_eff =
// served / T', W = time_in_system_mean):
//   |L - lambda_eff W| <= (age_sum_at_end + age_sum_at_warmup) / T',
// since 0 <= pre_window_ticks_of_served <= age_sum_at_warmup. That bound is the edge-effect
// tolerance; it is reported by the run itself, so nothing is hand-picked.
TEST(QueueModel, SatisfiesLittlesLawInsideEachRun) {
    const QueueConfig configs[] = {
        mm(0.8, 1.0, 1, {}), mm(4.5, 1.0, 5, 12), mm(2.4, 1.0, 2, 5),
        mm(0.9, 1.0, 1, {}, 0.0, 2000),  // no warm-up: the window starts empty
    };
    for (const QueueConfig& config : configs) {
        for (std::uint64_t rep = 0; rep < 3; ++rep) {
            const QueueRunStats s = simulate(config, 7, rep, nullptr);
            EXPECT_EQ(s.system_area - s.system_ticks_sum,
                      s.age_sum_at_end - s.pre_window_ticks_of_served);
            EXPECT_LE(s.pre_window_ticks_of_served, s.age_sum_at_warmup);
            EXPECT_EQ(s.system_area, s.queue_area + s.busy_area);

            const record::ReplicationRecord rec = run_replication(config, 7, rep, false);
            const double window_days = core::days_from_ticks(s.horizon_tick - s.warmup_tick);
            const double little_gap =
                std::fabs(metric(rec, "system_length_mean") -
                          metric(rec, "served") / window_days * metric(rec, "time_in_system_mean"));
            const double tolerance =
                (s.age_sum_at_end + s.age_sum_at_warmup) / core::kTicksPerDay / window_days;
            EXPECT_LE(little_gap, tolerance + 1e-9 * metric(rec, "system_length_mean"));
            EXPECT_LT(tolerance, 0.05 * metric(rec, "system_length_mean"))
                << "edges should be small against a 2800-day window";
        }
    }
}

TEST(QueueModel, GivesIdenticalRecordsForTheSameSeedAndReplication) {
    const QueueConfig config = mm(4.5, 1.0, 5, 12);
    const record::ReplicationRecord a = run_replication(config, 42, 3, true);
    const record::ReplicationRecord b = run_replication(config, 42, 3, true);
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t i = 0; i < a.metrics.size(); ++i) {
        EXPECT_EQ(a.metrics[i].name, b.metrics[i].name);
        EXPECT_EQ(a.metrics[i].value, b.metrics[i].value) << a.metrics[i].name;  // bitwise equal
    }
    ASSERT_EQ(a.series.size(), b.series.size());
    for (std::size_t i = 0; i < a.series.size(); ++i)
        EXPECT_EQ(record::series_values(a.series[i]), record::series_values(b.series[i]));
    const record::ReplicationRecord c = run_replication(config, 42, 4, true);
    EXPECT_NE(metric(a, "wait_mean"), metric(c, "wait_mean"));
    EXPECT_EQ(a.replication, 3u);
    EXPECT_EQ(a.seed, 42u);
}

TEST(QueueModel, DrawsTheSameArrivalsWhateverTheServiceTimes) {
    // Common random numbers: arrivals come from their own stream, so changing the service
    // distribution (or capacity) leaves every arrival time unchanged.
    QueueConfig slow = mm(0.8, 1.0, 1, {});
    QueueConfig fast = slow;
    fast.service = core::Distribution::exponential(0.5);
    QueueConfig other = slow;
    other.service = core::Distribution::deterministic(0.3);
    other.capacity = 2;
    const QueueRunStats a = simulate(slow, 1, 0, nullptr);
    const QueueRunStats b = simulate(fast, 1, 0, nullptr);
    const QueueRunStats c = simulate(other, 1, 0, nullptr);
    EXPECT_EQ(a.arrivals_total, b.arrivals_total);
    EXPECT_EQ(a.arrival_tick_sum, b.arrival_tick_sum);
    EXPECT_EQ(a.arrival_tick_sum, c.arrival_tick_sum);
    EXPECT_NE(a.system_ticks_sum, b.system_ticks_sum) << "the service change must matter";
    const QueueRunStats d = simulate(slow, 1, 1, nullptr);
    EXPECT_NE(a.arrival_tick_sum, d.arrival_tick_sum) << "another replication draws other arrivals";
}

TEST(QueueModel, BlocksArrivalsWhenFull) {
    // Capacity = servers (Erlang loss system): nobody ever waits.
    const record::ReplicationRecord rec = run_replication(mm(3.0, 1.0, 2, 2), 5, 0, false);
    EXPECT_EQ(metric(rec, "wait_mean"), 0.0);
    EXPECT_EQ(metric(rec, "queue_length_mean"), 0.0);
    EXPECT_GT(metric(rec, "blocking_probability"), 0.2);
    EXPECT_LE(metric(rec, "utilisation"), 1.0);
    EXPECT_EQ(metric(run_replication(mm(3.0, 1.0, 5, {}), 5, 0, false), "blocking_probability"),
              0.0);
}

TEST(QueueModel, RecordsDailySeriesOnlyWithDetail) {
    const QueueConfig config = mm(4.5, 1.0, 5, 12, 10, 100.5);
    const record::ReplicationRecord rec = run_replication(config, 1, 0, true);
    ASSERT_EQ(rec.series.size(), 2u);
    EXPECT_EQ(rec.series[0].name, "queue_length");
    EXPECT_EQ(rec.series[1].name, "busy_servers");
    for (const record::Series& s : rec.series) {
        EXPECT_EQ(s.first_day, 0);
        EXPECT_EQ(record::series_length(s), 100u) << "one end-of-day value per whole day";
        EXPECT_EQ(s.small_counts.size(), 100u) << "whole numbers below 65,536: kept in 2 bytes";
        EXPECT_TRUE(s.values.empty());
    }
    for (double q : record::series_values(rec.series[0]))
        EXPECT_TRUE(q >= 0 && q <= 7) << q;
    for (double b : record::series_values(rec.series[1]))
        EXPECT_TRUE(b >= 0 && b <= 5) << b;
    EXPECT_TRUE(run_replication(config, 1, 0, false).series.empty());
}

/** @brief End-of-day queue lengths and busy servers, the brute-force way. */
struct DailyValues {
    std::vector<double> queue;
    std::vector<double> busy;
};

// The daily series as they were recorded before the model stopped scheduling day events: a
// separate, plain event loop (std::priority_queue over (time, sequence)) with deterministic gaps
// and services of whole minutes, FIFO, no capacity, and one day-end event per day scheduled by the
// previous one (the first after the first arrival), which takes the snapshot when it runs. The
// value at the horizon (not dispatched: runs stop strictly before it) is the final state.
DailyValues brute_force_daily(core::Tick gap, core::Tick service, int servers, core::Tick horizon) {
    enum Kind { kArrival, kDeparture, kDayEnd };
    using Entry = std::tuple<core::Tick, std::uint64_t, Kind>;  // (time, sequence, kind)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pending;
    std::uint64_t seq = 1;  // 0: the warm-up event, which changes nothing here
    pending.emplace(0, seq++, kArrival);
    pending.emplace(core::kTicksPerDay, seq++, kDayEnd);
    int busy = 0;
    std::deque<core::Tick> waiting;
    DailyValues out;
    while (!pending.empty() && std::get<0>(pending.top()) < horizon) {
        const auto [now, unused, kind] = pending.top();
        pending.pop();
        if (kind == kArrival) {
            pending.emplace(now + gap, seq++, kArrival);
            if (busy < servers) {
                ++busy;
                pending.emplace(now + service, seq++, kDeparture);
            } else {
                waiting.push_back(now);
            }
        } else if (kind == kDeparture) {
            if (!waiting.empty()) {
                waiting.pop_front();
                pending.emplace(now + service, seq++, kDeparture);
            } else {
                --busy;
            }
        } else {
            out.queue.push_back(static_cast<double>(waiting.size()));
            out.busy.push_back(busy);
            if (now + core::kTicksPerDay <= horizon)
                pending.emplace(now + core::kTicksPerDay, seq++, kDayEnd);
        }
    }
    while (out.queue.size() < static_cast<std::size_t>(horizon / core::kTicksPerDay)) {
        out.queue.push_back(static_cast<double>(waiting.size()));
        out.busy.push_back(busy);
    }
    return out;
}

TEST(QueueModel, DailySeriesEqualABruteForceRecomputation) {
    // Deterministic gaps and services in whole minutes, so that many events fall exactly on day
    // boundaries (multiples of 1440 minutes), and services longer than a day end on them. With
    // gap 0.75 day (1080 min) and service 1.5 days (2160 min) on 2 servers, at 4320 min (end of day
    // 3) a departure scheduled at 2160 (before the day-3 boundary's turn, taken at 2880) counts as
    // done while the arrival scheduled at 3240 does not yet: busy = 1, although 2 servers are busy
    // just before and just after that instant.
    struct Case {
        double gap, service;
        int servers;
        double horizon;
    };
    const Case cases[] = {{0.75, 1.5, 2, 30.0},  {0.75, 1.5, 1, 30.0}, {0.5, 1.0, 2, 20.0},
                          {0.25, 1.25, 4, 25.5}, {1.0, 1.0, 1, 12.0},  {0.2, 0.9, 3, 40.25},
                          {2.0, 0.5, 1, 9.0},    {0.75, 3.0, 3, 0.5}};
    for (const Case& c : cases) {
        QueueConfig config;
        config.arrival = core::Distribution::deterministic(c.gap);
        config.service = core::Distribution::deterministic(c.service);
        config.servers = c.servers;
        config.warmup_days = 0;
        config.horizon_days = c.horizon;
        const record::ReplicationRecord rec = run_replication(config, 1, 0, true);
        const DailyValues expected =
            brute_force_daily(core::ticks_from_days(c.gap), core::ticks_from_days(c.service),
                              c.servers, core::ticks_from_days(c.horizon));
        ASSERT_EQ(rec.series.size(), 2u);
        EXPECT_EQ(record::series_values(rec.series[0]), expected.queue)
            << c.gap << " " << c.service;
        EXPECT_EQ(record::series_values(rec.series[1]), expected.busy) << c.gap << " " << c.service;
        EXPECT_EQ(expected.queue.size(), static_cast<std::size_t>(c.horizon));
    }
    // The hand-derived tie described above.
    QueueConfig config;
    config.arrival = core::Distribution::deterministic(0.75);
    config.service = core::Distribution::deterministic(1.5);
    config.servers = 2;
    config.warmup_days = 0;
    config.horizon_days = 6;
    const record::ReplicationRecord rec = run_replication(config, 1, 0, true);
    // Day 1 (1440): customers from 0 and 1080 in service. Day 2 (2880): 0 left at 2160, 2160
    // started; 1080 and 2160 in service. Day 3 (4320): see above. Day 4 (5760): 4320 and 5400 in
    // service. Day 5 (7200): 6480 and 5400 in service. Day 6: the horizon, final state.
    EXPECT_EQ(record::series_values(rec.series[1]), (std::vector<double>{2, 2, 1, 2, 2, 2}));
    EXPECT_EQ(record::series_values(rec.series[0]), (std::vector<double>{0, 0, 0, 0, 0, 0}));
}

TEST(QueueModel, DailySeriesAboveSixteenBitsMoveToDoubles) {
    // One arrival every 10 minutes and one server that never finishes (a 1000-day service): the
    // queue grows by 144 a day and passes 65,535 (the largest 2-byte count) on day 456. From
    // there the series must be kept as doubles, every earlier day included, and still equal the
    // brute-force recomputation; the busy-server series (always 1) stays compact.
    QueueConfig config;
    config.arrival = core::Distribution::deterministic(10.0 / 1440.0);
    config.service = core::Distribution::deterministic(1000.0);
    config.servers = 1;
    config.warmup_days = 0;
    config.horizon_days = 460;
    const record::ReplicationRecord rec = run_replication(config, 1, 0, true);
    const DailyValues expected =
        brute_force_daily(10, core::ticks_from_days(1000.0), 1, core::ticks_from_days(460.0));
    ASSERT_EQ(rec.series.size(), 2u);
    EXPECT_TRUE(rec.series[0].small_counts.empty());
    EXPECT_EQ(rec.series[0].values, expected.queue);
    EXPECT_GT(expected.queue.back(), 65535.0) << "the test must cross the 2-byte limit";
    EXPECT_LT(expected.queue.front(), 65535.0);
    EXPECT_EQ(rec.series[1].small_counts.size(), 460u);
    EXPECT_EQ(record::series_values(rec.series[1]), expected.busy);
}

TEST(QueueModel, ReportsTheRequiredMetricsStreamsAndLayout) {
    const record::ReplicationRecord rec = run_replication(mm(0.5, 1.0, 1, {}), 1, 0, false);
    std::vector<std::string> names;
    for (const auto& m : rec.metrics)
        names.push_back(m.name);
    EXPECT_EQ(names, metric_names());
    for (const char* required : {"wait_mean", "time_in_system_mean", "queue_length_mean",
                                 "utilisation", "blocking_probability", "served"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
    }
    EXPECT_EQ(stream_names(), (std::vector<std::string>{"arrivals", "service"}));
    const record::RunLayout l = layout(mm(0.5, 1.0, 1, {}, 200, 3000));
    EXPECT_EQ(l.days, 3000);
    EXPECT_EQ(l.warmup_days, 200);
}

}  // namespace
}  // namespace cssim::queue
