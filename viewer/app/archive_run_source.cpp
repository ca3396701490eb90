// The one place the viewer touches run archives: through cssim::record::ArchiveReader.
#include <algorithm>

#include "app/run_source.hpp"
#include "cssim/record/archive_reader.hpp"
#include "cssim/record/errors.hpp"

namespace cssim::viewer {
namespace {

/**
 * Wraps an ArchiveReader. The reader is used from one thread at a time: it is opened on a
 * loader thread and afterwards used only by the UI thread. A sweep archive holds several
 * design points; the viewer replays the lowest one (a `cssim run` archive has only point 0).
 */
class ArchiveRunSource final : public RunSource {
public:
    explicit ArchiveRunSource(const std::filesystem::path& path)
        : description_(path.string()), reader_(path) {
        const auto& entries = reader_.replications();
        if (entries.empty())
            throw LoadError(description_ + ": the archive holds no replications");
        design_point_ = entries.front().design_point;
        for (const auto& e : entries)
            design_point_ = std::min(design_point_, e.design_point);
        for (const auto& e : entries) {
            if (e.design_point == design_point_)
                ids_.push_back(e.replication);
        }
        std::sort(ids_.begin(), ids_.end());
    }

    const std::string& description() const override { return description_; }
    const record::RunInfo& info() const override { return reader_.info(); }
    std::vector<std::uint64_t> replication_ids() const override { return ids_; }

    record::ReplicationRecord load_replication(std::uint64_t id) const override {
        try {
            return reader_.load_replication(id, design_point_);
        } catch (const record::ArchiveError& e) {
            throw LoadError(e.what());
        } catch (const std::out_of_range&) {
            throw LoadError(description_ + ": no replication " + std::to_string(id));
        }
    }

    std::vector<record::Series> load_series_across_replications(
        const std::string& name) const override {
        std::vector<record::Series> out;
        try {
            for (auto& r : reader_.load_series(name)) {
                if (r.design_point == design_point_)
                    out.push_back(std::move(r.series));
            }
        } catch (const record::ArchiveError& e) {
            throw LoadError(e.what());
        }
        return out;
    }

    std::vector<std::vector<record::MetricValue>> load_metrics_across_replications()
        const override {
        std::vector<std::vector<record::MetricValue>> out;
        try {
            for (const auto id : ids_)
                out.push_back(reader_.metrics(id, design_point_));
        } catch (const record::ArchiveError& e) {
            throw LoadError(e.what());
        }
        return out;
    }

private:
    std::string description_;
    record::ArchiveReader reader_;
    std::uint64_t design_point_ = 0;
    std::vector<std::uint64_t> ids_;
};

}  // namespace

std::filesystem::path resolve_archive_path(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return path / "run.sqlite";
    return path;
}

std::shared_ptr<const RunSource> open_archive_run_source(const std::filesystem::path& path) {
    const std::filesystem::path file = resolve_archive_path(path);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        if (file != path) {
            throw LoadError("cannot open run '" + path.string() +
                            "': the directory holds no run.sqlite (is it a cssim run --out "
                            "directory?)");
        }
        throw LoadError("cannot open run '" + path.string() + "': no such file or directory");
    }
    try {
        return std::make_shared<ArchiveRunSource>(file);
    } catch (const record::ArchiveError& e) {
        throw LoadError(e.what());
    } catch (const LoadError&) {
        throw;
    } catch (const std::exception& e) {
        throw LoadError("cannot read '" + file.string() + "': " + e.what());
    }
}

}  // namespace cssim::viewer
