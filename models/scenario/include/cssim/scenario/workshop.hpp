#pragma once
/**
 * @file workshop.hpp
 * @brief Workshop files (the JSON files in `scenarios/workshops/`, docs/workshop.md) and the
 * decision files of the tables that play them, read and validated like scenarios: every problem is
 * a Diagnostic with its JSON path (exit 65), a missing file is exit 66.
 *
 * Every lever path and every shock card's change is checked against the workshop's scenario
 * with the same code as `--set` (load_scenario with `path=value` overrides), at each lever's
 * default, lowest and highest value, so a workshop cannot offer a lever the model would refuse.
 */
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cssim/department/config.hpp"
#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {

/** @brief A decision a table may take each round: one scenario value (a `--set` path). */
struct WorkshopLever {
    std::string id;     ///< e.g. "workers_per_pa"; decision files name levers by id
    std::string label;  ///< e.g. "Social workers per PA"
    std::string path;   ///< e.g. "admin_support.workers_per_pa"
    std::string help;
    /// A number between low and high (in steps of `step` from low, when step > 0)...
    bool is_range = false;
    double low = 0.0;
    double high = 0.0;
    double step = 0.0;
    /// ...or one of `allowed` (JSON texts, e.g. "3", "true", "\"blame\"").
    std::vector<std::string> allowed;
    std::string default_value;  ///< JSON text
    /// Range: cost per year of each unit above the default (negative: a saving). After loading,
    /// the model's figure: what a unit changes in department::planned_budget_per_year.
    double cost_per_unit_per_year = 0.0;
    /// Allowed values: cost per year of each value against the default, parallel to `allowed`.
    /// After loading, the model's figures (the planned budget's change), whatever the file said.
    std::vector<double> cost_per_year;
};

/** @brief One scenario change a shock card makes: `path` set to `value` (JSON text). */
struct WorkshopChange {
    std::string path;
    std::string value;
};

/** @brief A shock card, dealt at a set round or drawn from a range of rounds. */
struct WorkshopCard {
    std::string id;
    std::string title;                 ///< e.g. "A serious case review and a media storm"
    std::string text;                  ///< what the facilitator reads out
    std::optional<std::size_t> round;  ///< dealt at this round (1-based)
    std::optional<std::pair<std::size_t, std::size_t>> draw;  ///< or drawn from [first, last]
    std::vector<WorkshopChange> changes;
};

/** @brief One term of the score: a summary metric, its weight and which way is good. */
struct WorkshopScoreTerm {
    std::string group;   ///< "children", "staff" or "money"
    std::string metric;  ///< a summary metric name (summary.json)
    double weight = 1.0;
    int direction = -1;  ///< +1 higher is better, -1 lower is better
};

/**
 * @brief Weights of the score's three families in the overall score (the file's
 * `overall_weights`; docs/workshop.md, "The overall score"). Children count double by default.
 */
struct FamilyWeights {
    double children = 2.0;
    double staff = 1.0;
    double money = 1.0;
};

/** @brief A loaded, validated workshop. */
struct Workshop {
    std::string title;  ///< the top-level "workshop"
    std::string description;
    std::string source_path;
    std::string scenario_path;  ///< resolved relative to the workshop file
    std::size_t minutes = 0;    ///< planned length of the session
    std::size_t round_months = 3;
    std::size_t rounds = 0;
    double budget_per_year = 0.0;  ///< what the levers may cost a year (0: no budget shown)
    std::vector<WorkshopLever> levers;
    std::vector<WorkshopCard> cards;
    std::vector<WorkshopScoreTerm> score;
    std::vector<std::string> debrief;
    FamilyWeights overall_weights;  ///< the families' weights in the overall score
};

/** @brief Outcome of load_workshop: `workshop` set iff no diagnostics (as LoadResult). */
struct WorkshopLoadResult {
    std::optional<Workshop> workshop;
    std::vector<Diagnostic> diagnostics;
    bool is_missing_input = false;
};

/** @brief Loads and validates a workshop file (and its scenario). */
WorkshopLoadResult load_workshop(const std::string& path);
/** @brief As load_workshop, from text; `source_path` anchors the relative scenario path. */
WorkshopLoadResult load_workshop_text(const std::string& text, const std::string& source_path);

/** @brief One round's decisions of one table: lever id -> value (JSON text). */
struct RoundDecisions {
    std::size_t round = 0;  ///< 1-based
    std::vector<std::pair<std::string, std::string>> levers;
};

/** @brief A table's decision file: which workshop, which table, its decisions per round. */
struct DecisionFile {
    std::string workshop_path;  ///< resolved relative to the decision file
    std::string table;
    std::vector<RoundDecisions> rounds;  ///< sorted by round; rounds not listed keep the values
};

/** @brief Outcome of load_decisions; `workshop` is the workshop the file names, when loaded. */
struct DecisionLoadResult {
    std::optional<DecisionFile> decisions;
    std::optional<Workshop> workshop;
    std::vector<Diagnostic> diagnostics;
    bool is_missing_input = false;
};

/**
 * @brief Loads a decision file and checks it against `workshop` (or, when null, the workshop
 * the file names): unknown levers (with a did-you-mean), values out of range or not allowed,
 * rounds that do not exist or appear twice.
 */
DecisionLoadResult load_decisions(const std::string& path, const Workshop* workshop = nullptr);
/** @brief As load_decisions, from text. */
DecisionLoadResult load_decisions_text(const std::string& text, const std::string& source_path,
                                       const Workshop* workshop = nullptr);

/**
 * @brief When the rounds fall, in days since the scenario's day 0. Round 1 starts when the
 * warm-up ends (so every score counts from round 1); each round is `round_months` calendar months.
 */
struct WorkshopCalendar {
    std::string start_date;                ///< the scenario's day 0, YYYY-MM-DD
    std::vector<std::int64_t> round_days;  ///< rounds + 1 entries: round k runs [k-1, k)
    std::vector<std::string> round_dates;  ///< the same days as dates
};

/** @brief The calendar of `workshop` played on `base` (the workshop's scenario, loaded). */
WorkshopCalendar workshop_calendar(const Workshop& workshop,
                                   const department::DepartmentConfig& base);

/**
 * @brief The round (1-based) at which each card is dealt, parallel to `workshop.cards`: its set
 * round, or a round drawn from its `draw_between` with `seed` (so every table meets the same
 * cards at the same rounds).
 */
std::vector<std::size_t> deal_cards(const Workshop& workshop, std::uint64_t seed);

/**
 * @brief The value (JSON text) of every lever in force in `round` (1-based), parallel to
 * `workshop.levers`: the default, then each decision up to and including that round. Null
 * `decisions`: the workshop's default decisions.
 */
std::vector<std::string> lever_values(const Workshop& workshop, const DecisionFile* decisions,
                                      std::size_t round);

/**
 * @brief The scenario a table plays through `rounds_played` rounds (1 to workshop.rounds): the
 * workshop's scenario, run from day 0 to the end of that round, with dated `changes` at each
 * round's start: round 1 sets every lever to its value in force (so every table's run has the
 * same changes at the same dates), later rounds the levers that moved; each card dealt is a
 * change of its own, after the decisions of its round. Changes already in the scenario are kept.
 * `seed` overrides the scenario's seed when set (the same for every table: common random
 * numbers). Problems are reported at `rounds[i].levers.<id>` (a decision) or
 * `cards[i].changes.<path>` (a card) when a change is at fault.
 */
LoadResult table_scenario(const Workshop& workshop, const DecisionFile* decisions,
                          const std::vector<std::size_t>& dealt, std::size_t rounds_played,
                          std::optional<std::uint64_t> seed = std::nullopt);

/** @brief Which kind of cssim file a JSON document is, by its top-level keys. */
enum class FileKind { scenario, workshop, decisions };
/** @brief "workshop" key: a workshop; "decisions": a decision file; else a scenario. */
FileKind file_kind(const std::string& path);

}  // namespace cssim::scenario
