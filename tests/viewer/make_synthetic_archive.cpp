// cssim_viewer_make_archive DIR [--admin-support] [--system-effects] [--days N] [--posts N]
//                           [--series N] [--replications N] [--start YYYY-MM-DD] [--seed S]
// Writes a synthetic department-like run to DIR/run.sqlite for viewer screenshots and timing.
#include <cstdlib>
#include <iostream>
#include <string>

#include "synthetic_run.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: cssim_viewer_make_archive DIR [--admin-support] [--system-effects] "
                     "[--days N] [--posts N] [--series N] [--replications N] [--start DATE] "
                     "[--seed S]\n";
        return 64;
    }
    cssim::viewer::testing::SyntheticSpec spec;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--admin-support") {
            spec.admin_support = true;
            spec.scenario_name = "synthetic_pa_one_per_three";
        } else if (a == "--system-effects") {
            spec.system_effects = true;
        } else if (a == "--days" && has_value) {
            spec.days = std::atoll(argv[++i]);
        } else if (a == "--posts" && has_value) {
            spec.posts = static_cast<std::size_t>(std::atoll(argv[++i]));
        } else if (a == "--series" && has_value) {
            spec.series = static_cast<std::size_t>(std::atoll(argv[++i]));
        } else if (a == "--replications" && has_value) {
            spec.replications = static_cast<std::uint64_t>(std::atoll(argv[++i]));
        } else if (a == "--start" && has_value) {
            spec.start_date = argv[++i];
        } else if (a == "--seed" && has_value) {
            spec.seed = static_cast<std::uint64_t>(std::atoll(argv[++i]));
        } else {
            std::cerr << "unknown or incomplete option " << a << "\n";
            return 64;
        }
    }
    try {
        std::cout << cssim::viewer::testing::write_synthetic_archive(argv[1], spec).string()
                  << "\n";
    } catch (const std::exception& e) {
        std::cerr << "cssim_viewer_make_archive: " << e.what() << "\n";
        return 74;
    }
    return 0;
}
