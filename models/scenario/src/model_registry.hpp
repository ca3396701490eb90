#pragma once
/**
 * @file model_registry.hpp
 * @brief The table of model readers, one function per model in its own source file.
 *
 * Adding a model is one line in model_registry.cpp plus its reader file. A reader fills its
 * config member of Scenario (e.g. `scenario.queue.emplace()`) from the root object; the common
 * top-level keys (model, name, description, seed, replications, extends) are read for it.
 */
#include <span>
#include <string_view>

#include "json_reader.hpp"

namespace cssim::scenario {

using ModelReadFunction = void (*)(ObjectReader& root, Scenario& scenario);

struct ModelEntry {
    std::string_view name;  ///< the value of "model"
    std::string_view doc;
    ModelReadFunction read;
};

/** @brief Every model, in the order `cssim schema` lists them. */
std::span<const ModelEntry> model_registry();

/** @brief src/queue_reader.cpp */
void read_queue_model(ObjectReader& root, Scenario& scenario);
/** @brief src/phold_reader.cpp */
void read_phold_model(ObjectReader& root, Scenario& scenario);
/** @brief src/department_reader.cpp */
void read_department_model(ObjectReader& root, Scenario& scenario);

}  // namespace cssim::scenario
