#include <algorithm>

#include "app/run_source.hpp"

namespace cssim::viewer {
namespace {

class MemoryRunSource final : public RunSource {
public:
    MemoryRunSource(std::string description, record::RunInfo info,
                    std::vector<record::ReplicationRecord> replications)
        : description_(std::move(description)),
          info_(std::move(info)),
          replications_(std::move(replications)) {}

    const std::string& description() const override { return description_; }
    const record::RunInfo& info() const override { return info_; }

    std::vector<std::uint64_t> replication_ids() const override {
        std::vector<std::uint64_t> ids;
        for (const auto& r : replications_)
            ids.push_back(r.replication);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    record::ReplicationRecord load_replication(std::uint64_t id) const override {
        for (const auto& r : replications_) {
            if (r.replication == id)
                return r;
        }
        throw LoadError(description_ + ": no replication " + std::to_string(id));
    }

    std::vector<record::Series> load_series_across_replications(
        const std::string& name) const override {
        std::vector<record::Series> out;
        for (const auto& r : replications_) {
            for (const auto& s : r.series) {
                if (s.name == name)
                    out.push_back(s);
            }
        }
        return out;
    }

    std::vector<std::vector<record::MetricValue>> load_metrics_across_replications()
        const override {
        std::vector<std::vector<record::MetricValue>> out;
        for (const auto id : replication_ids())
            out.push_back(load_replication(id).metrics);
        return out;
    }

private:
    std::string description_;
    record::RunInfo info_;
    std::vector<record::ReplicationRecord> replications_;
};

}  // namespace

std::shared_ptr<const RunSource> make_memory_run_source(
    std::string description, record::RunInfo info,
    std::vector<record::ReplicationRecord> replications) {
    return std::make_shared<MemoryRunSource>(std::move(description), std::move(info),
                                             std::move(replications));
}

}  // namespace cssim::viewer
