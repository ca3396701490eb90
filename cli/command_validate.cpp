// `cssim validate` and `cssim schema`, plus the scenario loading every command shares.
#include <cstdio>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "scenario_loading.hpp"

namespace cssim::cli {

int report_load_failure(const scenario::LoadResult& result, const std::string& raw_path) {
    const std::string path = scenario::escape_control(raw_path);
    for (const scenario::Diagnostic& diagnostic : result.diagnostics) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(),
                     scenario::format_diagnostic(diagnostic).c_str());
    }
    if (result.is_missing_input) {
        return kExitMissingInput;
    }
    if (result.is_bad_command_line) {
        return kExitUsage;
    }
    std::fprintf(stderr, "%s: %zu problem%s; nothing was run\n", path.c_str(),
                 result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
    return kExitInvalidScenario;
}

int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides) {
    const scenario::LoadResult result = scenario::load_scenario(scenario_path, overrides);
    if (!result.scenario) {
        return report_load_failure(result, scenario_path);
    }
    const scenario::Scenario& s = *result.scenario;
    std::printf("%s: valid %s scenario '%s' (%zu replications, seed %llu, sha256 %.12s)\n",
                scenario::escape_control(scenario_path).c_str(), s.model.c_str(),
                scenario::escape_control(s.name).c_str(), s.replications,
                static_cast<unsigned long long>(s.seed), s.sha256.c_str());
    return kExitOk;
}

int schema_command() {
    const std::string schema = scenario::json_schema();
    std::fwrite(schema.data(), 1, schema.size(), stdout);
    if (schema.empty() || schema.back() != '\n') {
        std::fputc('\n', stdout);
    }
    return kExitOk;
}

}  // namespace cssim::cli
