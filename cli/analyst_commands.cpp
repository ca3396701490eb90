// The command-line options of `cssim init` and `cssim report`.
#include "analyst_commands.hpp"

namespace cssim::cli {

void add_analyst_commands(CLI::App& app, AnalystCommands& c) {
    c.init_app = app.add_subcommand(
        "init", "Write a council's scenario from the DfE's published statistics (EES CSV files)");
    c.init_app
        ->add_option("--ees", c.init.ees_files,
                     "Explore Education Statistics underlying-data CSV files (one or more)")
        ->required()
        ->expected(1, 64);
    c.init_app->add_option("--la", c.init.la,
                           "The council: la_name, new_la_code or old_la_code (default: the "
                           "file's only council)");
    c.init_app->add_option("--year", c.init.year,
                           "time_period to read, e.g. 2023 (default: each file's latest)");
    c.init_app
        ->add_option("--children", c.children,
                     "Children aged 0-17 in the council (ONS mid-year estimate); needed for rates "
                     "per 10,000 children")
        ->check(CLI::PositiveNumber);
    c.init_app->add_option("--mapping", c.init.mapping_files,
                           "A mapping file of your own (format of scenarios/ees/NAME.json), tried "
                           "before the built-in ones (repeatable)");
    c.init_app->add_option("--base", c.init.base,
                           "The scenario to extend (default scenarios/base.json)");
    c.init_app->add_option("--name", c.init.name, "Scenario name (default: from the council)");
    c.init_app->add_option("-o,--out", c.init.out, "Scenario file to write")->required();
    c.init_app->add_flag("--force", c.init.force, "Replace existing output files");

    c.report_app = app.add_subcommand(
        "report", "Write one self-contained HTML report of run or compare output folders");
    c.report_app
        ->add_option("dirs", c.report.dirs,
                     "Folders written by `cssim run --out` or `cssim compare --out`")
        ->required()
        ->expected(1, 64);
    c.report_app->add_option("-o,--out", c.report.out, "HTML file to write")->required();
    c.report_app->add_flag("--force", c.report.force, "Replace an existing file");
}

std::optional<int> run_analyst_commands(AnalystCommands& c) {
    if (c.init_app != nullptr && c.init_app->parsed()) {
        if (c.init_app->count("--children") > 0) {
            c.init.children = c.children;
        }
        return init_command(c.init);
    }
    if (c.report_app != nullptr && c.report_app->parsed()) {
        return report_command(c.report);
    }
    return std::nullopt;
}

}  // namespace cssim::cli
