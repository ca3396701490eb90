// `cssim report`: reads run or compare folders, writes one HTML file.
#include "command_report.hpp"

#include <cstdio>
#include <filesystem>

#include "cssim/record/atomic_file.hpp"
#include "cssim/record/errors.hpp"
#include "exit_codes.hpp"
#include "output_directory.hpp"
#include "report_data.hpp"
#include "report_html.hpp"

namespace cssim::cli {

int report_command(const ReportCommand& command) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(command.out, ec) && !command.force) {
        std::fprintf(stderr,
                     "cssim: %s already exists; pass --force to replace it (nothing was written)\n",
                     command.out.c_str());
        return kExitCannotCreate;
    }
    if (fs::is_directory(command.out, ec)) {
        std::fprintf(stderr, "cssim: %s is a directory\n", command.out.c_str());
        return kExitCannotCreate;
    }
    try {
        const ReportInput input = load_report_input(command.dirs);
        const std::string html = report_html(input, utc_now_iso8601());
        const fs::path parent = fs::absolute(command.out).parent_path();
        if (!fs::is_directory(parent, ec)) {
            std::fprintf(stderr, "cssim: %s: no such folder\n", parent.string().c_str());
            return kExitCannotCreate;
        }
        record::write_text_file_atomically(command.out, html);
        std::fprintf(stderr, "cssim: report on %zu run%s written to %s\n", input.runs.size(),
                     input.runs.size() == 1 ? "" : "s", command.out.c_str());
        return kExitOk;
    } catch (const ReportError& e) {
        std::fprintf(stderr, "cssim: %s\n", e.what());
        return e.exit_code();
    } catch (const record::ArchiveError& e) {
        std::fprintf(stderr, "cssim: %s\n", e.what());
        return kExitInvalidScenario;
    } catch (const record::OutputError& e) {
        std::fprintf(stderr, "cssim: cannot write: %s\n", e.what());
        return kExitIoError;
    }
}

}  // namespace cssim::cli
