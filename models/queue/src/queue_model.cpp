// The reference queue: FIFO, `servers` identical servers, optional capacity, one event loop.
//
// Time quantisation. The engine clock ticks in minutes; every draw (in days) is rounded to the
// nearest minute by Distribution::sample_ticks_from_days. The simulated system is therefore
// exactly a queue whose inter-arrival and service distributions are the rounded ones. For an
// exponential with mean m minutes, E[round X] = sum_{k>=1} P(X >= k - 1/2)
// = 1 / (2 sinh(1 / (2m))) = m - 1/(24 m) + O(m^-3): a relative bias of 1/(24 m^2) (2e-8 for
// m = 1440, 4e-7 for the 320-minute inter-arrivals of mm5.json); the variance changes by
// about 1/12 minute^2 (Sheppard). The validation tests use means of 0.2 day (288 minutes) or more,
// where these biases are below 1e-6 relative, about a thousand times smaller than the narrowest
// confidence interval the tests accept (about 0.1% of its value, for utilisation). Deterministic
// times of whole minutes are exact. The scenario reader refuses mean inter-arrival times under 10
// minutes for the same reason.
#include "cssim/queue/queue_model.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/simulation.hpp"

namespace cssim::queue {

namespace {

using core::Tick;

/**
 * @brief Memory guard: at most this many customers at once (8 bytes each in the waiting line,
 * so at most ~320 MB per replication with the ring buffer's doubling). Only an overloaded queue
 * without a capacity gets near it.
 */
constexpr std::int64_t kMaxCustomersInSystem = 20'000'000;

/**
 * @brief Runaway guard for the event loop, proportional to the scenario. Each arrival brings at
 * most two events (arrival, departure), plus two fixed ones (the first arrival and the end of
 * the warm-up); the daily series are recorded without events (see QueueRun::record_days_before).
 * The number of arrivals N(t) of a renewal process with mean gap m satisfies E[N(t)] <= t/m +
 * E[X^2]/m^2 (Lorden's bound), about t/m + 2 for exponential gaps; 8 t/m + 10^6 leaves a margin no
 * ordinary gap distribution reaches, while a pathological one (an empirical with almost every
 * gap 0 and rare huge gaps, mean still >= 10 minutes) that would bunch ~10^9 arrivals at one
 * instant is stopped with a clear error instead of exhausting memory.
 */
std::uint64_t event_limit(const QueueConfig& config) {
    const double expected_arrivals = config.horizon_days / config.arrival.mean();
    const double limit = 2.0 * (8.0 * expected_arrivals + 1e6) + 10.0;
    return limit >= 1e19 ? 0 : static_cast<std::uint64_t>(limit);
}

enum EventKind : std::uint32_t { kArrival = 0, kDeparture = 1, kEndWarmup = 2 };

/** @brief FIFO of waiting customers' arrival ticks: a power-of-two ring, no allocation once grown.
 */
class WaitingLine {
public:
    WaitingLine() : ticks_(64) {}
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    void push(Tick t) {
        if (size_ == ticks_.size())
            grow();
        ticks_[(head_ + size_) & (ticks_.size() - 1)] = t;
        ++size_;
    }
    Tick pop() {
        const Tick t = ticks_[head_];
        head_ = (head_ + 1) & (ticks_.size() - 1);
        --size_;
        return t;
    }

private:
    void grow() {
        std::vector<Tick> bigger(ticks_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i)
            bigger[i] = ticks_[(head_ + i) & (ticks_.size() - 1)];
        ticks_ = std::move(bigger);
        head_ = 0;
    }
    std::vector<Tick> ticks_;
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

/**
 * @brief One daily series of whole numbers, kept in 2 bytes a day while its values fit
 * (record::Series::small_counts): for 10^6 customers' 222,222 days that is 0.4 MB instead of
 * 1.8 MB of memory first touched, which on a virtual machine can cost more than the writing.
 * A value above 65,535 (an unlimited queue far out of balance) moves the series to doubles.
 */
class QueueDailyCounts {
public:
    void reserve(std::size_t days) { counts_.reserve(days); }
    std::size_t size() const { return wide_ ? values_.size() : counts_.size(); }
    void push(std::int64_t value) {
        if (!wide_ && value >= 0 && value <= 0xffff) [[likely]] {
            counts_.push_back(static_cast<std::uint16_t>(value));
            return;
        }
        if (!wide_) {
            values_.reserve(counts_.capacity());
            values_.assign(counts_.begin(), counts_.end());
            counts_ = {};
            wide_ = true;
        }
        values_.push_back(static_cast<double>(value));
    }
    /** @brief Moves the values into `series` (its small_counts or its values). */
    void move_into(record::Series& series) {
        series.small_counts = std::move(counts_);
        series.values = std::move(values_);
    }

private:
    std::vector<std::uint16_t> counts_;
    std::vector<double> values_;
    bool wide_ = false;
};

/**
 * @brief One replication's state and event handler. Areas are kept in exact integers
 * (customers x ticks) so that Little's law over the window can be checked as an identity.
 */
class QueueRun {
public:
    QueueRun(const QueueConfig& config, std::uint64_t master_seed, std::uint64_t replication,
             std::vector<record::Series>* daily)
        : config_(config),
          arrival_rng_(core::RandomStream::derive(master_seed, replication, "arrivals")),
          service_rng_(core::RandomStream::derive(master_seed, replication, "service")),
          capacity_(config.capacity ? *config.capacity : std::numeric_limits<std::int64_t>::max()),
          servers_(config.servers),
          warmup_(core::ticks_from_days(config.warmup_days)),
          horizon_(core::ticks_from_days(config.horizon_days)),
          daily_(daily) {}

    QueueRunStats run() {
        sim_.set_event_limit(event_limit(config_));
        // The warm-up event is scheduled first so that, at equal times, it runs before the
        // first arrival (with no warm-up the window then starts before anything happens).
        schedule(warmup_, kEndWarmup);
        schedule(0, kArrival);
        days_ = static_cast<std::size_t>(horizon_ / core::kTicksPerDay);
        if (daily_ != nullptr && days_ > 0) {
            queue_series_.reserve(days_);
            busy_series_.reserve(days_);
            next_day_tick_ = core::kTicksPerDay;
            day_seq_ = last_seq_ + 1;  // the sequence number the first day-end event used to get
        }
        sim_.run_until(horizon_, *this);
        advance(horizon_);
        stats_.warmup_tick = warmup_;
        stats_.horizon_tick = horizon_;
        stats_.in_system_at_end = static_cast<std::uint64_t>(in_system_);
        stats_.age_sum_at_end = static_cast<double>(in_system_ * horizon_ - arrival_sum_);
        stats_.queue_area = static_cast<double>(queue_area_);
        stats_.busy_area = static_cast<double>(busy_area_);
        stats_.system_area = static_cast<double>(queue_area_ + busy_area_);
        stats_.wait_ticks_sum = static_cast<double>(wait_sum_);
        stats_.system_ticks_sum = static_cast<double>(system_sum_);
        stats_.pre_window_ticks_of_served = static_cast<double>(pre_window_sum_);
        stats_.events = sim_.events_processed();
        if (daily_ != nullptr)
            emit_series();
        return stats_;
    }

    void operator()(const core::Event& event) {
        if (event.time >= next_day_tick_) [[unlikely]] {
            record_days_before(event);
        }
        switch (event.kind) {
            case kArrival:
                on_arrival(event.time);
                break;
            case kDeparture:
                on_departure(event.time, static_cast<Tick>(event.payload));
                break;
            default:
                on_end_warmup(event.time);
                break;
        }
    }

private:
    /** @brief Schedules an event and remembers its sequence number (see record_days_before). */
    void schedule(Tick time, EventKind kind, std::uint64_t payload = 0) {
        last_seq_ = sim_.schedule_at(time, kind, 0, payload);
    }
    /** @brief Accumulates the areas up to `now`; called before every state change. */
    void advance(Tick now) {
        const Tick dt = now - last_change_;
        queue_area_ += static_cast<std::int64_t>(waiting_.size()) * dt;
        busy_area_ += busy_ * dt;
        last_change_ = now;
    }

    void start_service(Tick now, Tick arrival) {
        if (in_window_) {
            ++stats_.started;
            wait_sum_ += now - arrival;
        }
        const Tick service = config_.service.sample_ticks_from_days(service_rng_);
        schedule(now + service, kDeparture, static_cast<std::uint64_t>(arrival));
    }

    void on_arrival(Tick now) {
        ++stats_.arrivals_total;
        stats_.arrival_tick_sum += static_cast<std::uint64_t>(now);
        if (in_window_)
            ++stats_.arrivals;
        schedule(now + config_.arrival.sample_ticks_from_days(arrival_rng_), kArrival);
        if (in_system_ >= capacity_) {
            if (in_window_)
                ++stats_.blocked;
            return;
        }
        advance(now);
        if (in_system_ >= kMaxCustomersInSystem) {
            throw core::LimitExceeded("queue: more than " + std::to_string(kMaxCustomersInSystem) +
                                      " customers in the system at once at day " +
                                      std::to_string(now / core::kTicksPerDay) +
                                      " (the queue is overloaded: add servers or a capacity)");
        }
        ++in_system_;
        arrival_sum_ += now;
        if (busy_ < servers_) {
            ++busy_;
            start_service(now, now);
        } else {
            waiting_.push(now);
        }
    }

    void on_departure(Tick now, Tick arrival) {
        advance(now);
        --in_system_;
        if (in_window_) {
            ++stats_.served;
            system_sum_ += now - arrival;
            // Customers present at the warm-up instant count from it (see on_end_warmup).
            arrival_sum_ -= std::max(arrival, warmup_);
            if (arrival < warmup_)
                pre_window_sum_ += warmup_ - arrival;
        } else {
            arrival_sum_ -= arrival;
        }
        if (!waiting_.empty()) {
            start_service(now, waiting_.pop());
        } else {
            --busy_;
        }
    }

    void on_end_warmup(Tick now) {
        advance(now);
        queue_area_ = 0;
        busy_area_ = 0;
        in_window_ = true;
        stats_.in_system_at_warmup = static_cast<std::uint64_t>(in_system_);
        stats_.age_sum_at_warmup = static_cast<double>(in_system_ * now - arrival_sum_);
        // From now on arrival_sum_ holds max(arrival, warmup) of the customers present, so
        // in_system * t - arrival_sum_ is their time spent inside the window.
        arrival_sum_ = in_system_ * now;
    }

    /**
     * @brief Records the end-of-day values of every day boundary that comes before `event` in
     * (time, sequence) order. The state is constant between events, so a boundary's values are
     * those left by the last event before it. Each boundary used to be an event of its own,
     * scheduled when the previous one ran; the order at exact ties is kept as it was: an
     * event at exactly a boundary runs before the snapshot if it was scheduled before the
     * boundary's former event would have been, i.e. if its sequence number is below day_seq_
     * (the next sequence number at the moment the previous boundary was recorded). Hence the
     * first boundary comes before every event at tick 1440 except the warm-up's, and an event
     * scheduled more than a day ahead (a long service) that ends exactly at a boundary counts
     * as done at that boundary.
     */
    void record_days_before(const core::Event& event) {
        const Tick last_day_tick = static_cast<Tick>(days_) * core::kTicksPerDay;
        while (next_day_tick_ < event.time ||
               (next_day_tick_ == event.time && event.seq >= day_seq_)) {
            push_day();
            day_seq_ = last_seq_ + 1;
            next_day_tick_ += core::kTicksPerDay;
            if (next_day_tick_ > last_day_tick) {
                next_day_tick_ = kNever;
                break;
            }
        }
    }

    void push_day() {
        queue_series_.push(static_cast<std::int64_t>(waiting_.size()));
        busy_series_.push(busy_);
    }

    void emit_series() {
        // Boundaries after the last event before the horizon (and the horizon itself, which
        // run_until does not reach: it runs events strictly before the end) keep the final state.
        while (queue_series_.size() < days_)
            push_day();
        daily_->push_back(record::Series{"queue_length",
                                         "customers",
                                         "Customers waiting (not in service) at the end of the day",
                                         0,
                                         {},
                                         "Queue length"});
        queue_series_.move_into(daily_->back());
        daily_->push_back(record::Series{"busy_servers",
                                         "servers",
                                         "Servers busy at the end of the day",
                                         0,
                                         {},
                                         "Busy servers"});
        busy_series_.move_into(daily_->back());
    }

    const QueueConfig& config_;
    core::Simulation sim_;
    core::RandomStream arrival_rng_;
    core::RandomStream service_rng_;
    WaitingLine waiting_;
    const std::int64_t capacity_;
    const std::int64_t servers_;
    const Tick warmup_;
    const Tick horizon_;
    std::vector<record::Series>* daily_;
    static constexpr Tick kNever = std::numeric_limits<Tick>::max();

    std::size_t days_ = 0;         ///< whole days in the horizon: the series' length
    Tick next_day_tick_ = kNever;  ///< next day boundary not yet recorded (kNever: none)
    std::uint64_t day_seq_ = 0;    ///< see record_days_before
    std::uint64_t last_seq_ = 0;   ///< sequence number of the last event scheduled

    std::int64_t busy_ = 0;
    std::int64_t in_system_ = 0;
    /** @brief Sum of arrival ticks of customers present (after warm-up: of max(arrival, warm-up)).
     */
    std::int64_t arrival_sum_ = 0;
    bool in_window_ = false;
    Tick last_change_ = 0;
    std::int64_t queue_area_ = 0;
    std::int64_t busy_area_ = 0;
    std::int64_t wait_sum_ = 0;
    std::int64_t system_sum_ = 0;
    std::int64_t pre_window_sum_ = 0;
    QueueDailyCounts queue_series_;
    QueueDailyCounts busy_series_;
    QueueRunStats stats_;
};

double safe_ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : 0.0;
}

}  // namespace

QueueRunStats simulate(const QueueConfig& config, std::uint64_t master_seed,
                       std::uint64_t replication, std::vector<record::Series>* daily_series) {
    QueueRun run(config, master_seed, replication, daily_series);
    return run.run();
}

std::vector<record::MetricInfo> metric_info() {
    // Directions: waiting, time in system, queue length and blocking are costs to the
    // customer (lower is better); utilisation and throughput are neither good nor bad alone.
    return {
        {"wait_mean", "days", "Mean wait before service (served customers)", -1,
         "Wait before service"},
        {"time_in_system_mean", "days", "Mean time from arrival to departure", -1,
         "Time in system"},
        {"queue_length_mean", "customers", "Customers waiting, time-averaged", -1, "Queue length"},
        {"system_length_mean", "customers", "Customers in the system, time-averaged", -1,
         "Customers in system"},
        {"utilisation", "share", "Busy servers / servers, time-averaged", 0, "Utilisation"},
        {"blocking_probability", "share", "Arrivals turned away because the system was full", -1,
         "Blocked arrivals"},
        {"served", "customers", "Departures after the warm-up", 0, "Served"},
        {"arrivals", "customers", "Arrivals after the warm-up, blocked included", 0, "Arrivals"}};
}

std::vector<std::string> metric_names() {
    std::vector<std::string> names;
    for (const record::MetricInfo& m : metric_info()) {
        names.push_back(m.name);
    }
    return names;
}

record::ReplicationRecord run_replication(const QueueConfig& config, std::uint64_t master_seed,
                                          std::uint64_t replication, bool with_detail) {
    record::ReplicationRecord record;
    record.replication = replication;
    record.seed = master_seed;
    const QueueRunStats s =
        simulate(config, master_seed, replication, with_detail ? &record.series : nullptr);
    const double window = static_cast<double>(s.horizon_tick - s.warmup_tick);
    const double per_day = static_cast<double>(core::kTicksPerDay);
    // An empty window (no customer served) reports 0 rather than NaN so that every output stays
    // valid JSON; the scenario reader's limits make it unlikely outside toy horizons.
    const double values[] = {
        safe_ratio(s.wait_ticks_sum, static_cast<double>(s.started)) / per_day,
        safe_ratio(s.system_ticks_sum, static_cast<double>(s.served)) / per_day,
        safe_ratio(s.queue_area, window),
        safe_ratio(s.system_area, window),
        safe_ratio(s.busy_area, window * config.servers),
        safe_ratio(static_cast<double>(s.blocked), static_cast<double>(s.arrivals)),
        static_cast<double>(s.served),
        static_cast<double>(s.arrivals)};
    const std::vector<std::string> names = metric_names();
    record.metrics.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
        record.metrics.push_back({names[i], values[i]});
    return record;
}

std::vector<std::string> series_names() {
    return {"queue_length", "busy_servers"};
}

std::vector<std::string> stream_names() {
    return {"arrivals", "service"};
}

record::RunLayout layout(const QueueConfig& config) {
    record::RunLayout result;
    result.metrics = metric_info();
    result.days = core::ticks_from_days(config.horizon_days) / core::kTicksPerDay;
    result.warmup_days = core::ticks_from_days(config.warmup_days) / core::kTicksPerDay;
    return result;
}

}  // namespace cssim::queue
