#pragma once
/**
 * @file output_directory.hpp
 * @brief Publishes a run's output folder all at once.
 *
 * Files are written into a staging folder beside the destination (`.<name>.tmp-<pid>`), which is
 * renamed into place when complete: a crash leaves either no folder or a complete one. An
 * existing, non-empty destination is refused unless `force` is set, and then it is replaced only
 * after the new folder is complete, and only if cssim wrote it (a run, compare or sweep folder
 * holding nothing but cssim's files) and it holds none of the command's inputs. If the
 * destination appears while the run is going, the finished results are kept beside it, in the
 * folder the message names.
 */
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace cssim::cli {

/** @brief Thrown when the destination exists and force is off (exit 73). */
class OutputExistsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** @brief A staging folder that becomes `destination` on publish(); removed if not published. */
class StagedDirectory {
public:
    /**
     * @brief Checks the destination and creates the staging folder (and missing parents).
     * `inputs` are the files and folders the command reads (scenario, shards): a destination
     * holding one is never replaced.
     */
    StagedDirectory(std::filesystem::path destination, bool force,
                    std::vector<std::filesystem::path> inputs = {});
    ~StagedDirectory();
    StagedDirectory(const StagedDirectory&) = delete;
    StagedDirectory& operator=(const StagedDirectory&) = delete;

    /** @brief Where to write the files now. */
    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& destination() const { return destination_; }
    /** @brief Moves the staging folder into place (replacing an old one when forced). */
    void publish();

private:
    std::filesystem::path destination_;
    std::filesystem::path staging_;
    bool force_;
    std::vector<std::filesystem::path> inputs_;
    bool published_ = false;

    /** @brief Keeps the finished staging folder under a visible name; throws naming it. */
    [[noreturn]] void keep_and_refuse(const std::string& why);
};

/**
 * @brief Why `--force` may not replace `dir` ("" if it may): it was not written by cssim (a run,
 * compare or sweep folder with only cssim's files), or it holds one of `inputs`.
 */
std::string why_not_replaceable(const std::filesystem::path& dir,
                                const std::vector<std::filesystem::path>& inputs);

/** @brief `results/<name>-<YYYYmmdd-HHMMSS>` (UTC), with -2, -3… if that already exists. */
std::filesystem::path default_output_directory(const std::filesystem::path& results_root,
                                               const std::string& scenario_name);

/** @brief A file-system safe version of a scenario name ([A-Za-z0-9._-], others become '_'). */
std::string safe_file_name(const std::string& name);

/** @brief Current UTC time as ISO 8601, e.g. "2026-11-22T08:15:00Z". */
std::string utc_now_iso8601();

}  // namespace cssim::cli
