// The department model's scenario reader ("model": "department"). Every section is optional:
// absent fields keep the defaults of cssim/department/config.hpp (documented in docs/model.md).
// Its sections live in department_reader_*.cpp (department_reader.hpp); read_department_model, the
// top-level reading function, is at the end of this file.
#include "department_reader.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/department/pathway.hpp"
#include "department_council.hpp"
#include "json_reader_internal.hpp"
#include "model_registry.hpp"
#include "teams_reader.hpp"

namespace cssim::scenario {

namespace department_reader {

using namespace cssim::department;

void by_need(ObjectReader& r, std::string_view key, std::vector<double>& out, std::string_view doc,
             std::string_view unit, Range range) {
    r.number_array(key, out,
                   {.range = range,
                    .min_items = kNeedLevels,
                    .max_items = kNeedLevels,
                    .doc = doc,
                    .unit = unit});
}

void check_date(ObjectReader& r, std::string_view key, const std::string& text) {
    core::Date d;
    if (!r.is_schema() && r.has(key) && !core::Date::parse(text, d)) {
        r.error(key, "must be a date YYYY-MM-DD (got \"" + text + "\")");
    }
}

void check_sums_to_one(ObjectReader& r, std::string_view key, double sum) {
    if (!r.is_schema() && std::fabs(sum - 1.0) > kShareTolerance) {
        r.error(key, "shares must sum to 1 (got " + format_number(sum) + ")");
    }
}

}  // namespace department_reader

namespace {

using namespace cssim::department;
using namespace department_reader;

// Runaway-run guards on the size of one replication, so that a mistyped scenario stops here with
// the limit named rather than exhausting memory. England receives ~630,000 referrals a year and
// has ~35,000 social workers: a whole country for 30 years stays inside both.
constexpr double kMaxExpectedReferrals = 5e7;
constexpr double kMaxPostYears = 1e6;
// Memory guard: every case a replication can hold (the open cases of day 0 plus the referral
// bound above) is a record in memory; cases close and are reused, but a department that cannot
// keep up (a large population with few posts) keeps every one. A record is ~150 bytes, so the
// cases stay under ~3 GB (docs/reliability.md); England's ~400,000 open cases plus 20 years of
// referrals fit.
constexpr double kMaxCaseRecords = 2e7;

void read_run(ObjectReader& root, DepartmentConfig& c) {
    root.object("run", {.doc = "Run length and calendar"}, [&](ObjectReader& r) {
        r.string("start_date", c.run.start_date, {.doc = "Day 0, YYYY-MM-DD (default 2023-04-01)"});
        check_date(r, "start_date", c.run.start_date);
        r.number("years", c.run.years,
                 {.range = {0.0, kMaxYears, true, false},
                  .doc = "Simulated years, warm-up included",
                  .unit = "years"});
        r.number("warmup_years", c.run.warmup_years,
                 {.range = Range::non_negative(),
                  .doc = "Statistics start after this",
                  .unit = "years"});
        if (!r.is_schema() && !(c.run.warmup_years < c.run.years)) {
            r.error("warmup_years", "must be < years (" + format_number(c.run.years) + ")");
        }
    });
}

}  // namespace

// An upper bound on the referrals of one replication: the base rate at its most seasonal month,
// grown by the trend over the whole run, with every shock at full strength at once.
double expected_referrals_bound(const DepartmentConfig& c) {
    double season = 1.0;
    for (double m : c.demand.seasonality) {
        season = std::max(season, m);
    }
    double shocks = 1.0;
    for (const DemandShock& shock : c.demand.shocks) {
        shocks += std::max(0.0, shock.extra);
    }
    const double trend = std::pow(1.0 + std::max(0.0, c.demand.trend_per_year), c.run.years);
    return c.population.children / 10000.0 * c.demand.referrals_per_10k_children_per_year *
           c.run.years * season * trend * shocks;
}

void check_volume(ObjectReader& root, const DepartmentConfig& c) {
    const double referrals = expected_referrals_bound(c);
    if (std::isfinite(referrals) && referrals > kMaxExpectedReferrals) {
        // Blame the factor that pushes the bound over the limit: the trend, else the shocks,
        // else the rate and population themselves.
        DepartmentConfig flat = c;
        flat.demand.trend_per_year = 0.0;
        std::string key = "demand.referrals_per_10k_children_per_year";
        if (expected_referrals_bound(flat) <= kMaxExpectedReferrals) {
            key = "demand.trend_per_year";
        } else {
            flat.demand.shocks.clear();
            if (expected_referrals_bound(flat) <= kMaxExpectedReferrals)
                key = "demand.shocks";
        }
        root.error(key,
                   "this scenario could make up to " + format_number(std::round(referrals)) +
                       " referrals in one replication (population.children x rate x run.years, "
                       "grown by trend and shocks); "
                       "the limit is " +
                       format_number(kMaxExpectedReferrals));
    } else if (!std::isfinite(referrals)) {
        root.error("demand.trend_per_year", "the referral rate grows without bound over the run");
    } else {
        double initial = 0.0;
        for (const InitialStock& stock : c.initial.stocks) {
            initial += stock.per_10k_children * c.population.children / 10000.0;
        }
        if (initial + referrals > kMaxCaseRecords) {
            root.error("population.children",
                       format_number(c.population.children) + " children could open up to " +
                           format_number(std::round(initial + referrals)) +
                           " cases in one replication (open cases at day 0 plus referrals); "
                           "the memory limit is " +
                           format_number(kMaxCaseRecords) +
                           " case records: shorten run.years or model a smaller population");
        }
    }
    const double post_years = c.workforce.social_worker_posts * c.run.years;
    if (post_years > kMaxPostYears) {
        root.error("workforce.social_worker_posts",
                   format_number(c.workforce.social_worker_posts) + " posts for " +
                       format_number(c.run.years) + " years is " + format_number(post_years) +
                       " post-years; the limit is " + format_number(kMaxPostYears));
    }
}

void read_department_model(ObjectReader& root, Scenario& scenario) {
    DepartmentConfig& config = scenario.department.emplace();
    read_run(root, config);
    CouncilProfile council;
    read_population_and_council(root, config, council);
    read_demand(root, config);
    read_pathway(root, config);
    read_work(root, config);
    read_staffing(root, config);
    read_money(root, config);
    read_system_effects(root, config);
    read_teams(root, config);  // teams_reader.cpp
    root.accept("changes",
                "Dated changes of levers: [{\"date\": \"YYYY-MM-DD\", \"set\": {\"path\": value}, "
                "\"label\": \"...\"}], each applied at the start of its day; paths as --set "
                "(docs/scenarios.md)");
    if (root.is_schema())
        return;
    check_volume(root, config);
    // Initial stocks must name social-work or early-help stages of the (possibly replaced)
    // pathway.
    for (std::size_t i = 0; i < config.initial.stocks.size(); ++i) {
        bool found = false;
        for (const PathwayStage& s : config.pathway.stages) {
            found = found || (s.id == config.initial.stocks[i].stage &&
                              (s.kind == StageKind::SocialWork || s.kind == StageKind::EarlyHelp));
        }
        if (!found) {
            root.error("initial.stocks[" + std::to_string(i) + "].stage",
                       "no social_work or early_help stage \"" + config.initial.stocks[i].stage +
                           "\" in the pathway");
        }
    }
    if (root.has_errors())
        return;
    scenario.council = describe_council(config, council);
    scenario.warnings = department_warnings(config);
}

}  // namespace cssim::scenario
