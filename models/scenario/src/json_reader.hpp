#pragma once
/**
 * @file json_reader.hpp
 * @brief The declarative reader every model reader is written with (private to models/scenario:
 * it exposes nlohmann::json, which must not leak into public headers).
 *
 * One reader function per model describes its fields once; the same function, run against a
 * document, fills the config struct and collects every problem with its JSON path, and, run in
 * schema mode, emits the JSON Schema printed by `cssim schema` — so the two cannot drift.
 *
 * Usage (a model reader, e.g. src/department_reader.cpp):
 * @code
 *   void read_department_model(ObjectReader& root, Scenario& scenario) {
 *       auto& config = scenario.department.emplace();   // defaults = member initialisers
 *       root.object("population", {.required = true, .doc = "The council's population"},
 *                   [&](ObjectReader& r) {
 *           r.integer("children", config.children,
 *                     {.required = true, .range = Range::positive(), .doc = "Children aged 0-17"});
 *       });
 *       root.object("admin_support", {}, [&](ObjectReader& r) {
 *           r.number("workers_per_pa", config.workers_per_pa,     // optional: default kept
 *                    {.range = Range::non_negative(), .doc = "0 = no admin support",
 *                     .unit = "workers"});
 *       });
 *       root.array("stages", {.required = true, .min_items = 1}, [&](ObjectReader& r, std::size_t)
 * { auto& stage = config.stages.emplace_back(); r.string("name", stage.name, {.required = true});
 *           read_distribution(r, "duration", stage.duration, {.doc = "Days in the stage"});
 *       });
 *       if (config.warmup_years >= config.years) root.error("run.warmup_years", "must be < years");
 *   }
 * @endcode
 * Rules the reader applies for you:
 * - a required field that is absent: `<path>: required field is missing`;
 * - an optional field that is absent leaves `out` untouched, so the member initialiser is the
 *   default (and is printed as "default" in the schema); std::optional outputs stay empty;
 * - wrong type: `<path>: must be a number (got "abc")`; range: `<path>: must be > 0 (got -1)`;
 * - keys nobody declared: `<path>: unknown key; did you mean 'mean'?` (reported by finish(),
 *   which object()/array()/map() call for you after your callback returns);
 * - every problem is collected, never only the first; reading continues with defaults.
 * In schema mode (is_schema() true) every callback runs once with default values and error() is
 * ignored, so cross-field checks need no special casing. Keep callbacks free of side effects
 * other than writing the config.
 */
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/scenario/scenario.hpp"

namespace cssim::scenario {

/** @brief Largest array accepted anywhere in a scenario (guards absurd or corrupt input). */
inline constexpr std::size_t kMaxArrayItems = 100'000;
/** @brief Largest string accepted anywhere in a scenario, in bytes. */
inline constexpr std::size_t kMaxStringBytes = 10'000;
/** @brief Largest number of keys in a free-keyed object (map()). */
inline constexpr std::size_t kMaxMapEntries = 10'000;

/** @brief A numeric constraint: an interval with open or closed ends. */
struct Range {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool low_open = false;
    bool high_open = false;

    /** @brief > 0 */
    static Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true, false}; }
    /** @brief >= 0 */
    static Range non_negative() { return {0.0, std::numeric_limits<double>::infinity()}; }
    /** @brief in [0, 1]: shares and probabilities. */
    static Range unit() { return {0.0, 1.0}; }
    /** @brief >= v */
    static Range at_least(double v) { return {v, std::numeric_limits<double>::infinity()}; }
    /** @brief > v */
    static Range above(double v) {
        return {v, std::numeric_limits<double>::infinity(), true, false};
    }
    /** @brief in [lo, hi] */
    static Range closed(double lo, double hi) { return {lo, hi}; }

    bool contains(double x) const;
    /** @brief The rule in words: "> 0", ">= 1", "in [0, 1]", "in (0, 10]". Empty if unbounded. */
    std::string describe() const;
};

/**
 * @brief How a field is declared. Designated initialisers must follow this member order:
 * `{.required = true, .range = Range::positive(), .doc = "...", .unit = "days"}`.
 * `range` applies to numbers and integers, and to the items of number_array();
 * `min_items`/`max_items` to arrays and maps; `doc` and `unit` go into the schema.
 */
struct Field {
    bool required = false;
    Range range = {};
    std::size_t min_items = 0;
    std::size_t max_items = kMaxArrayItems;
    std::string_view doc = {};
    std::string_view unit = {};
};

/** @brief One branch of a tagged union: the tag value, its doc, and the reader of its fields. */
struct Variant {
    std::string_view name;
    std::string_view doc;
    std::function<void(class ObjectReader&)> read;
};

/** @brief A named value of an enumeration read by choice(). */
template <class E>
struct Option {
    std::string_view name;
    E value;
};

/** @brief Damerau-Levenshtein (optimal string alignment) distance, for "did you mean". */
std::size_t edit_distance(std::string_view a, std::string_view b);
/** @brief The candidate closest to `word` if close enough to be a plausible typo, else "". */
std::string closest_match(std::string_view word, std::span<const std::string> candidates);

/**
 * @brief Reads one JSON object (read mode) or describes it (schema mode).
 *
 * Owns nothing: it points at a JSON node (read mode) or a schema node (schema mode) and at the
 * diagnostics list, all of which must outlive it. Not copyable. Paths are dotted:
 * `arrival.mean`, `stages[3].name`.
 */
class ObjectReader {
public:
    /** @brief Reader of a document's root; problems are appended to `diagnostics`. */
    static ObjectReader for_document(const nlohmann::json& root,
                                     std::vector<Diagnostic>& diagnostics);
    /** @brief Reader that writes the JSON Schema of what it is asked to read into `schema`. */
    static ObjectReader for_schema(nlohmann::json& schema);

    ObjectReader(const ObjectReader&) = delete;
    ObjectReader& operator=(const ObjectReader&) = delete;
    ObjectReader(ObjectReader&&) = default;

    bool is_schema() const { return node_ == nullptr; }
    /** @brief This object's path ("" for the root). */
    const std::string& path() const { return path_; }
    /** @brief The path of a key of this object. */
    std::string path_of(std::string_view key) const;
    /** @brief True when the key is present (read mode; false in schema mode). */
    bool has(std::string_view key) const;

    void number(std::string_view key, double& out, const Field& field = {});
    void number(std::string_view key, std::optional<double>& out, const Field& field = {});

    /** @brief An integer of type T; also accepts integral floats such as 1e6. */
    template <class T>
    requires std::is_integral_v<T> &&
        (!std::is_same_v<T, bool>)void integer(std::string_view key, T& out,
                                               const Field& field = {}) {
        std::optional<Int> value = read_integer(key, field, Int(std::numeric_limits<T>::min()),
                                                Int(std::numeric_limits<T>::max()), Int(out), true);
        if (value)
            out = static_cast<T>(*value);
    }
    template <class T>
    requires std::is_integral_v<T> &&
        (!std::is_same_v<T, bool>)void integer(std::string_view key, std::optional<T>& out,
                                               const Field& field = {}) {
        std::optional<Int> value = read_integer(key, field, Int(std::numeric_limits<T>::min()),
                                                Int(std::numeric_limits<T>::max()), 0, false);
        if (value)
            out = static_cast<T>(*value);
    }

    void boolean(std::string_view key, bool& out, const Field& field = {});
    /** @brief A string of at most kMaxStringBytes; `min_items` = 1 forbids the empty string. */
    void string(std::string_view key, std::string& out, const Field& field = {});

    /** @brief A string restricted to `options` (message lists them, with a "did you mean"). */
    void choice(std::string_view key, std::string& out, std::span<const std::string_view> options,
                const Field& field = {});
    /** @brief An enumeration: the name is looked up in `options`. */
    template <class E>
    void choice(std::string_view key, E& out, std::initializer_list<Option<E>> options,
                const Field& field = {}) {
        std::vector<std::string_view> names;
        std::string current;
        for (const Option<E>& option : options) {
            names.push_back(option.name);
            if (option.value == out)
                current = std::string(option.name);
        }
        std::string chosen = current;
        choice(key, chosen, names, field);
        for (const Option<E>& option : options) {
            if (option.name == chosen)
                out = option.value;
        }
    }

    /** @brief A nested object; `read` is called only if it is present (always in schema mode). */
    void object(std::string_view key, const Field& field,
                const std::function<void(ObjectReader&)>& read);
    /** @brief An array of objects; `read` is called per item with its index. */
    void array(std::string_view key, const Field& field,
               const std::function<void(ObjectReader& item, std::size_t index)>& read);
    /** @brief An array of numbers; `field.range` applies to every item. */
    void number_array(std::string_view key, std::vector<double>& out, const Field& field = {});
    /** @brief An array of strings. */
    void string_array(std::string_view key, std::vector<std::string>& out, const Field& field = {});
    /** @brief An object with free keys (names), each value an object read by `read`. */
    void map(std::string_view key, const Field& field,
             const std::function<void(ObjectReader& value, const std::string& name)>& read);
    /** @brief An object with free keys, each value a number in `field.range`. */
    void number_map(std::string_view key, std::map<std::string, double>& out,
                    const Field& field = {});

    /**
     * @brief A tagged union inside THIS object: the string at `tag` selects which variant's
     * fields this object has (e.g. "distribution": "lognormal" → mean, sd). `out` receives the
     * tag. If the tag is missing or unknown, unknown-key checks of this object are skipped
     * (they would only be noise). Schema: a oneOf over the variants.
     */
    void variant(std::string_view tag, std::string& out, std::span<const Variant> variants,
                 const Field& field = {});

    /** @brief Declares a key as known without reading it (e.g. "extends", already resolved). */
    void accept(std::string_view key, std::string_view doc = {});
    /** @brief Reports a problem at `key` of this object ("" = the object itself). Ignored in
     * schema mode. */
    void error(std::string_view key, std::string message);
    /** @brief True when any problem was reported under this object so far. */
    bool has_errors() const;
    /** @brief Reports unknown keys. Called for you on nested readers; call it on the root. */
    void finish();

private:
    __extension__ typedef __int128 Int;

    ObjectReader(const nlohmann::json* node, nlohmann::json* schema, std::string path,
                 std::vector<Diagnostic>* diagnostics);
    ObjectReader child(const nlohmann::json* node, nlohmann::json* schema, std::string path) const;
    /** @brief Read mode: the value at key, reporting "missing" if required; null if absent. */
    const nlohmann::json* find(std::string_view key, bool required);
    /**
     * @brief Read mode: the array at key if present, an array, and of a size the field allows;
     * otherwise null, with the problem reported ("must be an array of <what>", "must have ...").
     */
    const nlohmann::json* find_array(std::string_view key, const Field& field,
                                     std::string_view what);
    /** @brief Schema mode: registers the property and returns its schema node. */
    nlohmann::json& declare(std::string_view key, const Field& field);
    /** @brief Records the key as known (read and schema mode). */
    void know(std::string_view key);
    std::optional<double> read_number(std::string_view key, const Field& field,
                                      std::optional<double> default_value);
    std::optional<Int> read_integer(std::string_view key, const Field& field, Int type_min,
                                    Int type_max, Int default_value, bool has_default);
    void report(std::string path, std::string message);

    const nlohmann::json* node_;  ///< read mode: the object (null in schema mode)
    nlohmann::json* schema_;      ///< schema mode: the object's schema (null in read mode)
    std::string path_;
    std::vector<Diagnostic>* diagnostics_;  ///< read mode only
    std::vector<std::string> known_;
    bool skip_unknown_check_ = false;
    bool finished_ = false;
    std::size_t errors_at_start_ = 0;
};

/** @brief Options of read_distribution(). */
struct DistributionField {
    bool required = true;
    /** @brief A duration or count: only kinds with non-negative support, parameters >= 0. */
    bool is_non_negative = true;
    std::string_view doc = {};
    std::string_view unit = "days";
};

/**
 * @brief Reads `parent.key` as a distribution object:
 * `{"distribution": "exponential", "mean": 2}`, `{"distribution": "lognormal", "mean": 1,
 * "sd": 0.5}`, `{"distribution": "triangular", "min": 1, "mode": 2, "max": 4}`, ... Every kind
 * accepts `mean` (and `sd` where it has one) or its natural parameters; see docs/scenarios.md.
 * `out` is left unchanged when the object is absent or invalid.
 */
void read_distribution(ObjectReader& parent, std::string_view key, core::Distribution& out,
                       const DistributionField& field = {});

}  // namespace cssim::scenario
