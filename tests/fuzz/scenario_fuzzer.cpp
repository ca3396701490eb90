// libFuzzer target for the scenario loader and validator (load_scenario_text): parsing, extends,
// --set overrides and every model reader. Built by scripts/fuzz.sh (clang, CSSIM_BUILD_FUZZERS).
//
// Input format: optional leading lines "--set <path=value>" become overrides, the rest is the
// scenario text. The target checks the loader's contract: it returns (never crashes, hangs or
// throws), and a scenario is set exactly when there is no diagnostic.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cssim/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> overrides;
    constexpr std::string_view kSet = "--set ";
    while (input.substr(0, kSet.size()) == kSet) {
        const std::size_t end = input.find('\n');
        const std::string_view line = input.substr(
            kSet.size(), end == std::string_view::npos ? input.npos : end - kSet.size());
        overrides.emplace_back(line);
        input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    }
    // A relative name: `extends` resolves against the working directory, where scripts/fuzz.sh
    // places copies of the preset scenarios.
    const cssim::scenario::LoadResult result =
        cssim::scenario::load_scenario_text(std::string(input), "fuzz.json", overrides);
    if (result.scenario.has_value() == !result.diagnostics.empty()) {
        std::abort();  // contract broken: a scenario with problems, or a refusal without reason
    }
    for (const cssim::scenario::Diagnostic& d : result.diagnostics) {
        if (d.message.empty()) {
            std::abort();  // every problem must say what is wrong
        }
        (void)cssim::scenario::format_diagnostic(d);
    }
    return 0;
}
