#pragma once
/**
 * @file play.hpp
 * @brief Workshop mode's play (docs/workshop.md): a table's decisions up to round k become dated
 * changes of the workshop's scenario, and the run is replayed from day 0 with the workshop's seed,
 * so every table meets the same referrals and the same shock cards (common random numbers).
 *
 * A Session is what the CLI's `cssim workshop` and the viewer's workshop screens share: "play up
 * to round k for table t", then read the score. play() is const and builds its own simulation,
 * so tables (and rounds) may be played on many threads at once.
 *
 * @code
 *   auto loaded = cssim::scenario::load_workshop("scenarios/workshops/pa_decision.json");
 *   cssim::workshop::Session session(*loaded.workshop);
 *   cssim::workshop::Table table{"Table A", std::nullopt};          // the default decisions
 *   cssim::workshop::PlayedRound r = session.play(table, 3, true);   // day 0 to round 3's end
 *   for (const auto& item : r.score) std::cout << item.label << ' ' << item.value << '\n';
 * @endcode
 */
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cssim/record/run_data.hpp"
#include "cssim/scenario/workshop.hpp"

namespace cssim::workshop {

/** @brief A table playing the workshop: its name and its decisions (none: the defaults). */
struct Table {
    std::string name;
    std::optional<scenario::DecisionFile> decisions;
};

/** @brief One score item of one table after one round (a row of scoreboard.csv). */
struct ScoreItem {
    std::string table;
    std::size_t round = 0;  ///< the score counts from round 1's start to this round's end
    std::string group;      ///< "children", "staff" or "money"
    std::string metric;     ///< summary metric name, e.g. "unallocated_cases_mean"
    std::string label;      ///< human title, e.g. "Unallocated cases (mean)"
    std::string unit;       ///< e.g. "cases", "share", "GBP"
    double value = 0.0;
    double weight = 1.0;
    std::string better;  ///< "higher" or "lower"
};

/** @brief A table's run from day 0 to the end of a round, and its score. */
struct PlayedRound {
    /// The scenario played (the workshop's, with the rounds' changes); unset on diagnostics.
    std::optional<scenario::Scenario> scenario;
    /// Problems of the table's decisions, at their decision-file paths (exit 65).
    std::vector<scenario::Diagnostic> diagnostics;
    record::ReplicationRecord record;  ///< one replication (replication index 0)
    record::RunLayout layout;          ///< of the scenario played
    std::vector<std::string> streams;  ///< the model's random stream names
    std::vector<ScoreItem> score;      ///< one per workshop score term
};

/** @brief One workshop in play: its scenario's calendar, the seed and the cards dealt. */
class Session {
public:
    /**
     * @brief Loads the workshop's scenario (throws std::runtime_error if it does not load: a
     * loaded Workshop's does). `seed` overrides the scenario's own seed.
     */
    explicit Session(scenario::Workshop workshop, std::optional<std::uint64_t> seed = {});

    /** @brief The workshop being played. */
    const scenario::Workshop& workshop() const { return workshop_; }
    /** @brief The master seed every table's runs use. */
    std::uint64_t seed() const { return seed_; }
    /** @brief The round each card is dealt at, parallel to workshop().cards. */
    const std::vector<std::size_t>& dealt() const { return dealt_; }
    /** @brief When each round starts and ends. */
    const scenario::WorkshopCalendar& calendar() const { return calendar_; }
    /** @brief Titles of the cards dealt at `round` (1-based), in the workshop's order. */
    std::vector<std::string> cards_at(std::size_t round) const;

    /**
     * @brief Plays `table` from day 0 to the end of `round` (1 to workshop().rounds): its
     * decisions up to that round and the cards dealt so far as dated changes. `with_detail`
     * records the series, tracks and events an archive needs; `cancel` as run_replication's.
     * Thread-safe.
     */
    PlayedRound play(const Table& table, std::size_t round, bool with_detail,
                     const std::atomic<bool>* cancel = nullptr) const;

private:
    scenario::Workshop workshop_;
    std::uint64_t seed_ = 1;
    std::vector<std::size_t> dealt_;
    scenario::WorkshopCalendar calendar_;
};

/**
 * @brief A table's overall score after a round (docs/workshop.md, "The overall score"): each
 * score item gives the tables 0 to 100 points (the best table in the room 100, the worst 0,
 * linear between; all equal: 100 each), a family's score is the weighted mean of its items'
 * points (the terms' weights), and the overall score the mean of the families' scores weighted by
 * the workshop's overall_weights. NaN for a family without weighted terms (left out of overall).
 */
struct OverallScore {
    std::string table;
    std::size_t round = 0;
    double children = 0.0;
    double staff = 0.0;
    double money = 0.0;
    double overall = 0.0;
};

/**
 * @brief The overall scores of the tables with items at `round` (in the order they first appear
 * in `items`), from the score items of every table at that round.
 */
std::vector<OverallScore> overall_scores(const scenario::Workshop& workshop,
                                         const std::vector<ScoreItem>& items, std::size_t round);

/**
 * @brief scoreboard.csv as scoreboard_csv(items, calendar), with each table's family scores
 * (group children/staff/money, metric "family_score") and overall score (group "overall", metric
 * "overall_score"), in points 0-100, after its items of every round.
 */
std::string scoreboard_csv(const scenario::Workshop& workshop, const std::vector<ScoreItem>& items,
                           const scenario::WorkshopCalendar& calendar);

/**
 * @brief What the levers at `values` (JSON texts, parallel to workshop.levers, e.g. from
 * scenario::lever_values) cost a year against the defaults, in pounds: a range lever's
 * cost_per_unit_per_year for each unit above its default (a saving below it), a choice lever's
 * cost_per_year of its value. The workshop reader sets these costs from the model's planned
 * budget (department::planned_budget_per_year), PAs included, and the table's budget in the run
 * is the planned budget at the defaults plus budget_per_year (scenario::table_scenario), so the
 * round screen's "budget left", budget_per_year minus this, is the underspend the levers alone
 * would leave.
 */
double levers_cost_per_year(const scenario::Workshop& workshop,
                            const std::vector<std::string>& values);

/** @brief The workshop's score terms read from a replication's metrics. */
std::vector<ScoreItem> score_of(const scenario::Workshop& workshop,
                                const record::ReplicationRecord& record,
                                const std::vector<record::MetricInfo>& metrics,
                                const std::string& table, std::size_t round);

/**
 * @brief scoreboard.csv: a header, then one row per table x round x score item (tidy), with the
 * round's end date and the item's unit, weight and good direction.
 */
std::string scoreboard_csv(const std::vector<ScoreItem>& items,
                           const scenario::WorkshopCalendar& calendar);

/**
 * @brief The short text scoreboard of `round` (tables side by side, the better table on each
 * item marked), and the cards dealt so far.
 */
std::string scoreboard_text(const Session& session, const std::vector<ScoreItem>& items,
                            std::size_t round);

}  // namespace cssim::workshop
