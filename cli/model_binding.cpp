#include "model_binding.hpp"

#include <stdexcept>

#include "cssim/department/department.hpp"
#include "cssim/queue/queue_model.hpp"

namespace cssim::cli {

ModelBinding bind_model(const scenario::Scenario& scenario, const std::atomic<bool>* cancel) {
    ModelBinding binding;
    if (scenario.queue) {
        const queue::QueueConfig* config = &*scenario.queue;
        binding.run = [config](std::uint64_t seed, std::uint64_t rep, bool detail) {
            return queue::run_replication(*config, seed, rep, detail);
        };
        binding.stream_names = queue::stream_names();
        binding.layout = queue::layout(*config);
        return binding;
    }
    if (scenario.department) {
        const department::DepartmentConfig* config = &*scenario.department;
        binding.run = [config, cancel](std::uint64_t seed, std::uint64_t rep, bool detail) {
            return department::run_replication(*config, seed, rep, detail, cancel);
        };
        binding.stream_names = department::stream_names();
        binding.layout = department::layout(*config);
        return binding;
    }
    throw std::logic_error("scenario '" + scenario.name + "' has no model configuration for '" +
                           scenario.model + "'");
}

}  // namespace cssim::cli
