#include "sweep_design.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>

#include "cssim/core/random.hpp"
#include "cssim/record/run_outputs.hpp"
#include "cssim/scenario/scenario.hpp"
#include "text.hpp"

namespace cssim::cli {

using scenario::SweepFactor;

namespace {

/** @brief Fisher-Yates shuffle of 0..n-1 with the stream. */
std::vector<std::size_t> permutation(std::size_t n, core::RandomStream& rng) {
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {
        std::swap(p[i - 1], p[static_cast<std::size_t>(rng.uniform_int(i))]);
    }
    return p;
}

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.push_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trim(field));
    return fields;
}

}  // namespace

std::vector<double> grid_levels(const SweepFactor& factor) {
    if (!factor.has_range) {
        return factor.levels;
    }
    std::vector<double> levels;
    const std::size_t n = std::max<std::size_t>(factor.steps, 2);
    for (std::size_t i = 0; i < n; ++i) {
        // Endpoints exact: low + (high - low) * i / (n - 1) can miss `high` by an ulp.
        levels.push_back(i + 1 == n
                             ? factor.high
                             : factor.low + (factor.high - factor.low) * static_cast<double>(i) /
                                                static_cast<double>(n - 1));
    }
    return levels;
}

DesignMatrix grid_design(const std::vector<SweepFactor>& factors) {
    std::vector<std::vector<double>> levels;
    for (const SweepFactor& f : factors) {
        levels.push_back(grid_levels(f));
    }
    DesignMatrix design;
    std::vector<std::size_t> index(factors.size(), 0);
    while (true) {
        std::vector<double> row;
        for (std::size_t i = 0; i < factors.size(); ++i) {
            row.push_back(levels[i][index[i]]);
        }
        design.values.push_back(std::move(row));
        // Odometer: the last factor turns fastest.
        std::size_t i = factors.size();
        while (i > 0 && ++index[i - 1] == levels[i - 1].size()) {
            index[i - 1] = 0;
            --i;
        }
        if (i == 0) {
            break;
        }
    }
    return design;
}

DesignMatrix lhs_design(const std::vector<SweepFactor>& factors, std::size_t points,
                        std::uint64_t seed) {
    DesignMatrix design;
    design.values.assign(points, std::vector<double>(factors.size(), 0.0));
    for (std::size_t i = 0; i < factors.size(); ++i) {
        // One stream per factor, so adding a factor does not reshuffle the others.
        core::RandomStream rng = core::RandomStream::derive(seed, i, "lhs");
        const std::vector<std::size_t> strata = permutation(points, rng);
        const SweepFactor& f = factors[i];
        for (std::size_t k = 0; k < points; ++k) {
            const double n = static_cast<double>(points);
            if (f.has_range) {
                const double u = (static_cast<double>(strata[k]) + rng.uniform01()) / n;
                design.values[k][i] = f.low + (f.high - f.low) * u;
            } else {
                const std::size_t level = strata[k] * f.levels.size() / points;
                design.values[k][i] = f.levels[level];
            }
        }
    }
    return design;
}

DesignMatrix morris_design(const std::vector<SweepFactor>& factors, std::size_t trajectories,
                           std::size_t levels, std::uint64_t seed) {
    const std::size_t k = factors.size();
    const std::size_t p = levels;
    const std::size_t jump = p / 2;  // Delta = p / (2 (p - 1)) is p/2 grid steps
    DesignMatrix design;
    design.trajectories = trajectories;
    for (std::size_t t = 0; t < trajectories; ++t) {
        core::RandomStream rng = core::RandomStream::derive(seed, t, "morris");
        // Start on the grid so that every step stays inside it: a factor moving up starts in
        // the lower half of the levels, one moving down in the upper half.
        std::vector<std::size_t> grid(k);
        std::vector<bool> up(k);
        for (std::size_t i = 0; i < k; ++i) {
            up[i] = rng.bernoulli(0.5);
            const std::size_t start = static_cast<std::size_t>(rng.uniform_int(jump));
            grid[i] = up[i] ? start : start + jump;
        }
        const std::vector<std::size_t> order = permutation(k, rng);
        auto row_of = [&] {
            std::vector<double> row(k);
            for (std::size_t i = 0; i < k; ++i) {
                const double g = static_cast<double>(grid[i]) / static_cast<double>(p - 1);
                row[i] = grid[i] == p - 1 ? factors[i].high
                                          : factors[i].low + (factors[i].high - factors[i].low) * g;
            }
            return row;
        };
        design.values.push_back(row_of());
        for (std::size_t step = 0; step < k; ++step) {
            const std::size_t i = order[step];
            grid[i] = up[i] ? grid[i] + jump : grid[i] - jump;
            design.values.push_back(row_of());
        }
    }
    return design;
}

DesignMatrix read_design_csv(const std::string& path, const std::vector<std::string>& paths) {
    // Checked before opening: a directory or a device (/dev/zero) is refused at once, never
    // read; a missing file is a missing input (66) like a missing base scenario.
    std::error_code status_error;
    const std::filesystem::file_status status = std::filesystem::status(path, status_error);
    if (status.type() == std::filesystem::file_type::not_found) {
        throw DesignInputMissing(path + ": the design CSV does not exist");
    }
    if (status.type() == std::filesystem::file_type::directory) {
        throw DesignError(path + ": the design CSV is a directory, not a file");
    }
    if (status.type() != std::filesystem::file_type::regular) {
        throw DesignError(path + ": the design CSV is not a regular file (a device, pipe or " +
                          "socket); give a CSV file");
    }
    if (const std::uintmax_t size = std::filesystem::file_size(path, status_error);
        !status_error && size > kMaxDesignCsvBytes) {
        throw DesignError(path + ": " + std::to_string(size) + " bytes, above the limit of " +
                          std::to_string(kMaxDesignCsvBytes) + " bytes for a design CSV");
    }
    std::ifstream in(path);
    if (!in) {
        throw DesignInputMissing(path + ": cannot read the design matrix");
    }
    DesignMatrix design;
    std::string line;
    std::size_t line_number = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
        ++line_number;
        if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) {
            line.erase(0, 3);  // a UTF-8 byte-order mark, as spreadsheets write one
        }
        const std::string where = path + ":" + std::to_string(line_number);
        if (trim(line).empty() || trim(line)[0] == '#') {
            continue;
        }
        std::vector<std::string> fields = split_csv_line(line);
        if (!header_seen) {
            header_seen = true;
            if (fields != paths) {
                std::string expected;
                for (const std::string& p : paths) {
                    expected += (expected.empty() ? "" : ",") + p;
                }
                throw DesignError(where +
                                  ": the header must name the factor paths in the sweep's "
                                  "order: " +
                                  expected + " (got " + scenario::escape_control(trim(line)) + ")");
            }
            continue;
        }
        if (fields.size() != paths.size()) {
            throw DesignError(where + ": " + std::to_string(fields.size()) + " values for " +
                              std::to_string(paths.size()) + " factors");
        }
        std::vector<double> row;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            double x = 0.0;
            const char* b = fields[i].data();
            const char* e = b + fields[i].size();
            const auto [end, ec] = std::from_chars(b, e, x);
            if (ec != std::errc() || end != e || !std::isfinite(x)) {
                throw DesignError(where + ": column " + std::to_string(i + 1) + " (" + paths[i] +
                                  "): not a finite number (got \"" +
                                  scenario::escape_control(fields[i]) + "\")");
            }
            row.push_back(x);
        }
        if (design.values.size() == scenario::kMaxSweepDesignPoints) {
            throw DesignError(where + ": more than " +
                              std::to_string(scenario::kMaxSweepDesignPoints) +
                              " design points, above the limit of " +
                              std::to_string(scenario::kMaxSweepDesignPoints) + " rows");
        }
        design.values.push_back(std::move(row));
    }
    if (!header_seen) {
        throw DesignError(path + ": empty (expected a header of factor paths)");
    }
    if (design.values.empty()) {
        throw DesignError(path + ": no design points after the header");
    }
    return design;
}

std::vector<std::vector<std::string>> format_design(const DesignMatrix& design,
                                                    const std::vector<SweepFactor>& factors) {
    std::vector<std::vector<std::string>> text;
    for (const std::vector<double>& row : design.values) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const double x = factors[i].is_integer ? std::round(row[i]) : row[i];
            out.push_back(record::format_number(x == 0.0 ? 0.0 : x));  // no "-0"
        }
        text.push_back(std::move(out));
    }
    return text;
}

std::vector<ElementaryEffects> morris_effects(const scenario::SweepState& state,
                                              const std::vector<std::string>& metrics,
                                              const std::vector<std::vector<double>>& point_means) {
    const std::size_t k = state.factor_paths.size();
    // effects[i][m]: the elementary effects of factor i on metric m
    std::vector<std::vector<std::vector<double>>> effects(
        k, std::vector<std::vector<double>>(metrics.size()));
    const std::size_t per_trajectory = k + 1;
    for (std::size_t t = 0; t < state.trajectories; ++t) {
        for (std::size_t step = 0; step < k; ++step) {
            const std::size_t a = t * per_trajectory + step;
            const std::size_t b = a + 1;
            if (b >= state.points.size() || b >= point_means.size()) {
                continue;
            }
            for (std::size_t i = 0; i < k; ++i) {
                const double xa = std::stod(state.points[a][i]);
                const double xb = std::stod(state.points[b][i]);
                if (xa == xb) {
                    continue;
                }
                // Scaled step: +-Delta in [0, 1] units (integer rounding may shift it a little).
                const double delta = (xb - xa) / (state.factor_high[i] - state.factor_low[i]);
                for (std::size_t m = 0; m < metrics.size(); ++m) {
                    const double ya = point_means[a][m];
                    const double yb = point_means[b][m];
                    if (std::isfinite(ya) && std::isfinite(yb)) {
                        effects[i][m].push_back((yb - ya) / delta);
                    }
                }
            }
        }
    }
    std::vector<ElementaryEffects> out;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            const std::vector<double>& e = effects[i][m];
            ElementaryEffects s{state.factor_paths[i], metrics[m], nan, nan, nan, e.size()};
            if (!e.empty()) {
                double sum = 0.0;
                double abs_sum = 0.0;
                for (double x : e) {
                    sum += x;
                    abs_sum += std::abs(x);
                }
                s.mu = sum / static_cast<double>(e.size());
                s.mu_star = abs_sum / static_cast<double>(e.size());
                if (e.size() > 1) {
                    double ss = 0.0;
                    for (double x : e) {
                        ss += (x - s.mu) * (x - s.mu);
                    }
                    s.sigma = std::sqrt(ss / static_cast<double>(e.size() - 1));
                }
            }
            out.push_back(s);
        }
    }
    return out;
}

std::string morris_csv(const std::vector<ElementaryEffects>& effects) {
    std::string text = "factor,metric,mu,mu_star,sigma,r\n";
    for (const ElementaryEffects& e : effects) {
        text += record::csv_field(e.factor) + "," + record::csv_field(e.metric) + "," +
                record::format_number(e.mu) + "," + record::format_number(e.mu_star) + "," +
                record::format_number(e.sigma) + "," + std::to_string(e.r) + "\n";
    }
    return text;
}

}  // namespace cssim::cli
