// The queue model's scenario reader ("model": "queue").
#include <cmath>

#include "json_reader_internal.hpp"
#include "model_registry.hpp"

namespace cssim::scenario {

namespace {

/** @brief Guards against runaway runs: 10^7 days is 27,000 years of simulated time. */
constexpr double kMaxHorizonDays = 1e7;
/** @brief Guards against absurd configurations (and int overflow of in-system counts). */
constexpr int kMaxServers = 1'000'000;
constexpr int kMaxCapacity = 100'000'000;
/** @brief Smallest mean time between arrivals the minute clock resolves well: 10 minutes. */
constexpr double kMinArrivalMeanDays = 10.0 / 1440.0;
/** @brief Largest expected number of arrivals in one replication (a runaway-run guard). */
constexpr double kMaxExpectedArrivals = 1e9;

}  // namespace

void read_queue_model(ObjectReader& root, Scenario& scenario) {
    queue::QueueConfig& config = scenario.queue.emplace();
    read_distribution(root, "arrival", config.arrival,
                      {.doc = "Time between arrivals", .unit = "days"});
    read_distribution(root, "service", config.service, {.doc = "Service time", .unit = "days"});
    root.integer(
        "servers", config.servers,
        {.required = true, .range = Range::closed(1, kMaxServers), .doc = "Identical servers"});
    root.integer(
        "capacity", config.capacity,
        {.range = Range::closed(1, kMaxCapacity),
         .doc = "Maximum customers in the system (waiting + in service); arrivals beyond it "
                "are blocked. Absent = unlimited"});
    root.number("horizon_days", config.horizon_days,
                {.range = {0.0, kMaxHorizonDays, true, false},
                 .doc = "Simulated time, warm-up included",
                 .unit = "days"});
    root.number("warmup_days", config.warmup_days,
                {.range = Range::non_negative(),
                 .doc = "Statistics are reset at this time",
                 .unit = "days"});
    if (root.is_schema())
        return;
    if (config.capacity && *config.capacity < config.servers) {
        root.error("capacity", "must be >= servers (" + std::to_string(config.servers) + ") (got " +
                                   std::to_string(*config.capacity) + ")");
    }
    if (!(config.warmup_days < config.horizon_days)) {
        root.error("warmup_days",
                   "must be < horizon_days (" + format_number(config.horizon_days) + ")");
    }
    // The clock ticks in minutes: a mean gap below 10 minutes would be distorted by rounding
    // (and a zero gap would never advance time), so refuse it rather than mislead.
    const double arrival_mean = config.arrival.mean();
    if (!root.has_errors() && arrival_mean < kMinArrivalMeanDays) {
        root.error("arrival", "mean time between arrivals must be at least 10 minutes (" +
                                  format_number(kMinArrivalMeanDays) + " days) (got " +
                                  format_number(arrival_mean) + ")");
    } else if (!root.has_errors() && config.horizon_days / arrival_mean > kMaxExpectedArrivals) {
        root.error("horizon_days", "would bring about " +
                                       format_number(config.horizon_days / arrival_mean) +
                                       " arrivals; at most " + format_number(kMaxExpectedArrivals) +
                                       " are allowed in one replication");
    }
}

}  // namespace cssim::scenario
