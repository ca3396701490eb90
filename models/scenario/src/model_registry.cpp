#include "model_registry.hpp"

namespace cssim::scenario {

std::span<const ModelEntry> model_registry() {
    static constexpr ModelEntry kModels[] = {
        {"queue", "The reference M/M/c/K-style queue (DESIGN 4); times in days", &read_queue_model},
        {"phold", "PHOLD (Fujimoto 1990), the parallel-simulation benchmark, on logical processes",
         &read_phold_model},
        {"department", "A council's children's social care department (DESIGN 3)",
         &read_department_model},
    };
    return kModels;
}

}  // namespace cssim::scenario
