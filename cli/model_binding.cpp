#include "model_binding.hpp"

#include <stdexcept>

#include "cssim/department/department.hpp"
#include "cssim/phold/phold_model.hpp"
#include "cssim/queue/queue_model.hpp"

namespace cssim::cli {

ModelBinding bind_model(const scenario::Scenario& scenario, const std::atomic<bool>* cancel) {
    ModelBinding binding;
    if (scenario.queue) {
        const queue::QueueConfig* config = &*scenario.queue;
        binding.run = [config](std::uint64_t seed, std::uint64_t rep, bool detail, bool) {
            return queue::run_replication(*config, seed, rep, detail);
        };
        binding.stream_names = queue::stream_names();
        binding.series_names = queue::series_names();
        binding.layout = queue::layout(*config);
        return binding;
    }
    if (scenario.phold) {
        const phold::PholdConfig* config = &*scenario.phold;
        binding.run = [config](std::uint64_t seed, std::uint64_t rep, bool, bool) {
            return *phold::run_replication(*config, seed, rep);
        };
        binding.run_parallel = [config](std::uint64_t seed, std::uint64_t rep, int threads,
                                        const std::atomic<bool>* stop,
                                        const std::function<void(double)>& progress) {
            phold::PholdRunOptions options;
            options.threads = threads;
            options.cancel = stop;
            options.on_progress = progress;
            return phold::run_replication(*config, seed, rep, options);
        };
        binding.stream_names = phold::stream_names();
        binding.layout = phold::layout(*config);
        return binding;
    }
    if (scenario.department) {
        const department::DepartmentConfig* config = &*scenario.department;
        binding.run = [config, cancel](std::uint64_t seed, std::uint64_t rep, bool detail,
                                       bool episodes) {
            return department::run_replication(*config, seed, rep, detail, cancel, episodes);
        };
        binding.stream_names = department::stream_names();
        binding.series_names = department::series_names(*config);
        binding.layout = department::layout(*config);
        return binding;
    }
    throw std::logic_error("scenario '" + scenario.name + "' has no model configuration for '" +
                           scenario.model + "'");
}

}  // namespace cssim::cli
