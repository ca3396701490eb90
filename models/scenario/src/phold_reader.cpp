// The PHOLD model's scenario reader ("model": "phold"). Every limit is named so that a refused
// value says which guard it passed.
#include <cmath>

#include "cssim/phold/phold_config.hpp"
#include "json_reader_internal.hpp"
#include "model_registry.hpp"

namespace cssim::scenario {

namespace {

/** @brief Guards against absurd configurations: a region has a few hundred councils. */
constexpr int kMaxLps = 100'000;
constexpr int kMaxEventsPerLp = 1'000'000;
/** @brief At most this many events pending at once over all LPs (~40 bytes each). */
constexpr double kMaxPendingEvents = 1e8;
/** @brief Times are rounded to a millionth of a unit; 10^9 units stay exact in 64-bit ticks. */
constexpr double kMaxTimeUnits = 1e9;
/** @brief The lookahead must be at least one tick (a millionth of a unit). */
constexpr double kMinLookahead = 1.0 / static_cast<double>(phold::kTicksPerUnit);
/** @brief Runaway guards: epochs (barriers) and expected events in one replication. */
constexpr double kMaxEpochs = 1e8;
constexpr double kMaxExpectedEvents = 1e10;

}  // namespace

void read_phold_model(ObjectReader& root, Scenario& scenario) {
    phold::PholdConfig& config = scenario.phold.emplace();
    root.integer("lps", config.lps,
                 {.required = true,
                  .range = Range::closed(1, kMaxLps),
                  .doc = "Logical processes (one Simulation each)"});
    root.integer("events_per_lp", config.events_per_lp,
                 {.required = true,
                  .range = Range::closed(1, kMaxEventsPerLp),
                  .doc = "Events each LP starts with (the event population stays constant)"});
    root.number("remote_fraction", config.remote_fraction,
                {.required = true,
                 .range = Range::unit(),
                 .doc = "Probability that a processed event schedules its successor at another LP",
                 .unit = "share"});
    root.number("mean_delay", config.mean_delay,
                {.required = true,
                 .range = {0.0, kMaxTimeUnits, true, false},
                 .doc = "Mean of the exponential part of every delay",
                 .unit = "time units"});
    root.number("lookahead", config.lookahead,
                {.required = true,
                 .range = {0.0, kMaxTimeUnits, true, false},
                 .doc = "Fixed part of every delay, and the epoch length of the parallel run",
                 .unit = "time units"});
    root.number("horizon", config.horizon,
                {.required = true,
                 .range = {0.0, kMaxTimeUnits, true, false},
                 .doc = "Simulated time; events at or after it do not run",
                 .unit = "time units"});
    if (root.is_schema() || root.has_errors())
        return;
    if (config.lps == 1 && config.remote_fraction > 0.0) {
        root.error("remote_fraction", "must be 0 when lps is 1 (there is no other LP) (got " +
                                          format_number(config.remote_fraction) + ")");
    }
    if (config.lookahead < kMinLookahead) {
        root.error("lookahead", "must be at least one tick, " + format_number(kMinLookahead) +
                                    " time units (got " + format_number(config.lookahead) + ")");
    }
    const double pending = static_cast<double>(config.lps) * config.events_per_lp;
    if (pending > kMaxPendingEvents) {
        root.error("events_per_lp", "lps x events_per_lp = " + format_number(pending) +
                                        " pending events is above the limit of " +
                                        format_number(kMaxPendingEvents));
    }
    const double epochs = std::ceil(config.horizon / config.lookahead);
    if (config.lookahead >= kMinLookahead && epochs > kMaxEpochs) {
        root.error("lookahead", "horizon / lookahead = " + format_number(epochs) +
                                    " epochs is above the limit of " + format_number(kMaxEpochs));
    }
    const double events = pending * config.horizon / (config.lookahead + config.mean_delay);
    if (pending <= kMaxPendingEvents && events > kMaxExpectedEvents) {
        root.error("horizon", "would bring about " + format_number(std::round(events)) +
                                  " events; at most " + format_number(kMaxExpectedEvents) +
                                  " are allowed in one replication");
    }
}

}  // namespace cssim::scenario
