#pragma once
/**
 * @file ees_import.hpp
 * @brief `cssim init --ees`: a council's row of the DfE's published statistics turned into
 * scenario fields through declarative mappings (scenarios/ees/NAME.json, built into the binary).
 *
 * A mapping names the indicator columns that recognise its file, optional filter columns, the
 * scenario fields it derives (each an expression over columns, see ees_expression.hpp), and the
 * published figures that are outputs of the model (turnover, caseload...) recorded as
 * calibration targets, never forced into inputs.
 */
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ees_csv.hpp"

namespace cssim::cli {

/** @brief Bad input for init; `exit_code` is 64 (command line), 65 (data) or 66 (missing). */
class EesError : public std::runtime_error {
public:
    EesError(int exit_code, const std::string& message)
        : std::runtime_error(message), exit_code_(exit_code) {}
    int exit_code() const { return exit_code_; }

private:
    int exit_code_;
};

/** @brief One entry of a mapping: a scenario field or a published metric and its expression. */
struct EesMappedValue {
    std::string target;      ///< scenario field path (fields) or metric name (published)
    std::string expression;  ///< over indicator columns and dotted scenario fields
    int decimals = 3;
    std::string unit;  ///< published figures only
    std::string why;
};

/** @brief A declarative mapping from one kind of file to scenario fields. */
struct EesMapping {
    std::string name;  ///< file stem, e.g. "csww_indicators"
    std::string title;
    std::string publication;
    bool is_template = false;
    std::vector<std::string> recognise_by;
    std::map<std::string, std::string> filters;
    std::vector<EesMappedValue> fields;
    std::vector<EesMappedValue> published;
};

/** @brief Parses a mapping file's text; throws EesError(65) naming `name` and the JSON path. */
EesMapping parse_ees_mapping(std::string_view json_text, const std::string& name);

/** @brief The mappings built into cssim from scenarios/ees/ (templates included). */
const std::vector<EesMapping>& builtin_ees_mappings();

/** @brief What to import. */
struct EesRequest {
    std::vector<std::string> files;
    std::string la;    ///< name or code; empty: the file's only council
    std::string year;  ///< "2023", "202223"; empty: the latest year of each file
    std::optional<double> children;
    std::vector<EesMapping> extra_mappings;  ///< from --mapping, tried first
};

/** @brief One value written into the scenario or the published block. */
struct EesValue {
    std::string target;
    double value = 0.0;
    std::string expression;
    std::string source;  ///< file name and mapping
    std::string unit;
    std::string why;
};

/** @brief The council's imported values. */
struct EesImport {
    std::string la_name;
    std::string new_la_code;
    std::string old_la_code;
    std::vector<std::string> years;    ///< one per file
    std::vector<std::string> sources;  ///< "file (mapping title)"
    std::vector<EesValue> fields;      ///< scenario fields, in mapping order
    std::vector<EesValue> published;   ///< calibration targets (model outputs)
    std::vector<std::string> notes;    ///< fallbacks: which field keeps which value, and why
};

/**
 * @brief Reads every file, finds the council's row and evaluates the mappings. `base_value`
 * gives the value a field falls back to (for the notes). Throws EesError.
 */
EesImport import_ees(const EesRequest& request,
                     const std::function<std::string(const std::string&)>& base_value);

/** @brief True for the published suppression and missing-value symbols (c x z low u : and ""). */
bool is_ees_symbol(std::string_view cell);

}  // namespace cssim::cli
