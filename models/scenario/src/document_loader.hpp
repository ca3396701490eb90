#pragma once
// From text to one resolved JSON document: parsing with line and column, `extends` chains
// (JSON merge patch, RFC 7396) and `--set path=value` overrides.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {

/** @brief Largest scenario file read, in bytes. */
inline constexpr std::size_t kMaxScenarioFileBytes = 16u << 20;
/** @brief Deepest nesting of objects and arrays accepted. */
inline constexpr std::size_t kMaxNestingDepth = 64;
/** @brief Longest `extends` chain (the file itself included). */
inline constexpr std::size_t kMaxExtendsDepth = 16;

/**
 * @brief Reads a whole file. Returns nullopt (with a diagnostic) if it cannot be read.
 * `is_too_large`, when given, is set when the file exists but is over kMaxScenarioFileBytes (an
 * invalid scenario, exit 65, rather than a missing one, exit 66).
 */
std::optional<std::string> read_scenario_file(const std::string& path,
                                              std::vector<Diagnostic>& diagnostics,
                                              bool* is_too_large = nullptr);

/** @brief Byte offset (0-based) to 1-based line and column (columns count UTF-8 characters). */
void line_and_column(const std::string& text, std::size_t offset, int& line, int& column);

/**
 * @brief Parses JSON text. Syntax errors get the file, line and column; duplicate keys and
 * nesting beyond kMaxNestingDepth are reported with their JSON path.
 */
std::optional<nlohmann::json> parse_scenario_text(const std::string& text, const std::string& file,
                                                  std::vector<Diagnostic>& diagnostics);

/**
 * @brief Resolves `extends` recursively: the parent (path relative to `file`'s folder) is
 * resolved first, then this document, minus "extends", is merge-patched onto it. Cycles and
 * unreadable parents are reported with the chain. `is_missing_input` is set when a parent file
 * does not exist.
 */
std::optional<nlohmann::json> resolve_extends(nlohmann::json document, const std::string& file,
                                              std::vector<Diagnostic>& diagnostics,
                                              bool& is_missing_input);

/**
 * @brief Applies one `path=value` override. `value` is parsed as JSON if it parses, else taken
 * as a string; `null` removes the key (as in a merge patch), so the default applies. Missing object
 * keys along the path are created (the reader then reports them as unknown, with a suggestion);
 * `created_path` receives the first created key's path, if any. Returns false on error;
 * `is_bad_command_line` is set when the argument itself is malformed.
 */
/** @brief Whether `path` is a well-formed `--set` path (`a.b`, `stages[2].name`; not `a..b`). */
bool is_valid_override_path(const std::string& path);

bool apply_override(nlohmann::json& document, const std::string& assignment,
                    std::vector<Diagnostic>& diagnostics, bool& is_bad_command_line,
                    std::string& created_path);

}  // namespace cssim::scenario
