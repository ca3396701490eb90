#pragma once
/**
 * @file scenario.hpp
 * @brief Loading a scenario file into plain structs: the CLI's single entry point.
 *
 * load_scenario() reads the file, parses it (syntax errors with line and column), resolves
 * `"extends"` chains (JSON merge patch, RFC 7396), applies `--set path=value` overrides, then reads
 * the result into the model's config struct through the declarative reader, collecting EVERY
 * problem with its JSON path. No JSON type appears in this header.
 *
 * @code
 *   auto result = cssim::scenario::load_scenario("scenarios/queue/mm5.json", {"servers=6"});
 *   if (result.is_missing_input) return 66;
 *   if (!result.scenario) { for (auto& d : result.diagnostics) std::cerr << format_diagnostic(d)
 *                                                              << '\n'; return 65; }
 *   const Scenario& s = *result.scenario;   // s.queue or s.department is set, per s.model
 * @endcode
 */
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/department/config.hpp"
#include "cssim/phold/phold_config.hpp"
#include "cssim/queue/queue_config.hpp"

namespace cssim::scenario {

/**
 * @brief One problem found while loading. `path` is the JSON path in dotted form
 * (`arrival.mean`, `pathway.stages[3].name`; empty for the whole document). `file`, `line` and
 * `column` are set only for problems located in a file's text (syntax errors, 1-based).
 */
struct Diagnostic {
    std::string path;
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;
};

/**
 * @brief "path: message", or "file:line:column: message" when the text position is known.
 * Control bytes and NULs (from keys, values or file names the user wrote) are escaped.
 */
std::string format_diagnostic(const Diagnostic& diagnostic);

/**
 * @brief `text` with every control byte (below 0x20, and 0x7f) written as `\u00XX`, so that
 * user text echoed in a message cannot hide in, or rewrite, the terminal; other bytes (UTF-8
 * included) are unchanged.
 */
std::string escape_control(std::string_view text);

/** @brief The candidate closest to `word` if close enough to be a plausible typo, else "" (the
 * "did you mean" of the scenario reader, for other user-typed names such as metric names). */
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

/** @brief A loaded, fully validated scenario. Exactly one model config is set, per `model`. */
struct Scenario {
    std::string name;         ///< the scenario's `name`, or the file's stem when absent
    std::string model;        ///< "queue", "phold" or "department"
    std::string source_path;  ///< the path given to load_scenario
    std::string description;
    std::uint64_t seed = 1;         ///< master seed (top-level `seed`, default 1)
    std::size_t replications = 10;  ///< top-level `replications`, default 10
    std::string
        canonical_json;  ///< resolved scenario (extends and --set applied), sorted keys, compact
    std::string sha256;  ///< lower-case hex SHA-256 of canonical_json
    /**
     * @brief Valid but probably unintended settings (a dated event outside the run, a shock
     * that multiplies demand more than threefold, ...), each with its JSON path. Every command
     * prints them on stderr; `cssim validate --strict` treats them as errors.
     */
    std::vector<Diagnostic> warnings;
    /** @brief What will be simulated, one line each (the department's council: posts, front
     * door, ... and whether each is derived or stated); printed by `cssim validate`. */
    std::vector<std::string> council;
    std::optional<cssim::queue::QueueConfig> queue;
    std::optional<cssim::phold::PholdConfig> phold;
    std::optional<cssim::department::DepartmentConfig> department;
};

/**
 * @brief Outcome of load_scenario. `scenario` is set iff there is no diagnostic.
 * `is_missing_input`: the file (or a file it extends) does not exist or cannot be read (exit 66).
 * `is_bad_command_line`: a `--set` argument is malformed (no `=`, empty path) (exit 64).
 * Otherwise diagnostics mean an invalid scenario (exit 65).
 */
struct LoadResult {
    std::optional<Scenario> scenario;
    std::vector<Diagnostic> diagnostics;
    bool is_missing_input = false;
    bool is_bad_command_line = false;
};

/**
 * @brief Loads, resolves, overrides and validates a scenario file.
 * @param set_overrides `path=value` strings as given to `--set` (value parsed as JSON if it
 * parses, else taken as a string), applied in order after `extends` is resolved.
 */
LoadResult load_scenario(const std::string& path,
                         const std::vector<std::string>& set_overrides = {});

/**
 * @brief As load_scenario, from text already in memory. `source_path` names the text in messages
 * and anchors relative `extends` paths (its directory); it need not exist unless extended.
 */
LoadResult load_scenario_text(const std::string& text, const std::string& source_path,
                              const std::vector<std::string>& set_overrides = {});

/** @brief JSON Schema (draft 2020-12) of the scenario format, generated from the readers. */
std::string json_schema();

/** @brief Names accepted in a scenario's `"model"`, in registry order. */
std::vector<std::string> model_names();

}  // namespace cssim::scenario
