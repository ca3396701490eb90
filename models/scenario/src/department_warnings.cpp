// Valid but surprising department scenarios (docs/scenarios.md, "Warnings"): each warning names
// the JSON path to look at. They never stop a run; `cssim validate --strict` makes them errors.
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "cssim/core/time.hpp"
#include "cssim/department/calendar_constants.hpp"
#include "cssim/department/run_calendar.hpp"
#include "department_council.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario {

namespace {

using namespace cssim::department;

constexpr double kMaxDemandMultiple = 3.0;  // issue 12: "more than threefold"
constexpr double kMaxCaseload = 25.0;       // well above England's 16.0 (2023)...
constexpr double kMinCaseload = 8.0;        // ...and below its lowest councils (~12, 2019)
constexpr double kMaxHeadroom = 0.5;
// The referral rate at which the default initial stocks were taken (base.json, a 16-year run).
constexpr double kStockReferralRate = 370.0;
// Warm-up rule (docs/scenarios.md, "Warnings"): from the default near-steady-state stocks, one
// year; from empty, twice the mean time a case spends in the slowest stage.
constexpr double kWarmupFromStocksYears = 1.0;
constexpr double kWarmupFromEmptyTimeConstants = 2.0;

std::string fixed(double x, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
}

void warn(std::vector<Diagnostic>& out, std::string path, std::string message) {
    Diagnostic d;
    d.path = std::move(path);
    d.message = std::move(message);
    out.push_back(std::move(d));
}

struct RunWindow {
    bool ok = false;
    std::int64_t start = 0;   // days since epoch
    std::int64_t warmup = 0;  // first measured day
    std::int64_t end = 0;     // first day after the run
    std::string warmup_text, end_text;
};

RunWindow run_window(const DepartmentConfig& c) {
    RunWindow w;
    core::Date d;
    if (!core::Date::parse(c.run.start_date, d))
        return w;
    w.ok = true;
    w.start = d.days_since_epoch();
    w.warmup = w.start + department::days_in_years(c.run.start_date, c.run.warmup_years);
    w.end = w.start + department::days_in_years(c.run.start_date, c.run.years);
    w.warmup_text = core::Date::from_days_since_epoch(w.warmup).to_string();
    w.end_text = core::Date::from_days_since_epoch(w.end).to_string();
    return w;
}

void check_date(const RunWindow& w, const std::string& text, const std::string& path,
                const std::string& what, std::vector<Diagnostic>& out) {
    core::Date d;
    if (!w.ok || !core::Date::parse(text, d))
        return;
    const std::int64_t day = d.days_since_epoch();
    if (day < w.start || day >= w.end) {
        warn(out, path,
             what + " on " + text + " is outside the run (" +
                 core::Date::from_days_since_epoch(w.start).to_string() + " to " + w.end_text +
                 "): it " + (day < w.start ? "applies from day 0" : "never happens"));
    } else if (day < w.warmup) {
        warn(out, path,
             what + " on " + text + " falls in the warm-up (measurement starts " + w.warmup_text +
                 "): its first effects are not measured");
    }
}

void check_dates(const DepartmentConfig& c, std::vector<Diagnostic>& out) {
    const RunWindow w = run_window(c);
    for (std::size_t i = 0; i < c.money.funding_changes.size(); ++i) {
        check_date(w, c.money.funding_changes[i].date,
                   "money.funding_changes[" + std::to_string(i) + "].date", "the funding change",
                   out);
    }
    for (std::size_t i = 0; i < c.demand.shocks.size(); ++i) {
        check_date(w, c.demand.shocks[i].start_date,
                   "demand.shocks[" + std::to_string(i) + "].start_date", "the demand shock", out);
    }
    core::Date d;
    if (c.inspection.enabled && w.ok && core::Date::parse(c.inspection.first_date, d) &&
        (d.days_since_epoch() < w.start || d.days_since_epoch() >= w.end)) {
        warn(out, "inspection.first_date",
             "the first inspection on " + c.inspection.first_date + " is outside the run (" +
                 c.run.start_date + " to " + w.end_text + ")");
    }
}

void check_demand(const DepartmentConfig& c, std::vector<Diagnostic>& out) {
    const double trend = std::pow(1.0 + c.demand.trend_per_year, c.run.years);
    if (trend > kMaxDemandMultiple || trend < 1.0 / kMaxDemandMultiple) {
        warn(out, "demand.trend_per_year",
             "a trend of " + format_number(c.demand.trend_per_year) +
                 " a year multiplies demand by " +
                 format_number(std::round(trend * 100.0) / 100.0) + " over the " +
                 format_number(c.run.years) + "-year run (more than a threefold change)");
    }
    for (std::size_t i = 0; i < c.demand.shocks.size(); ++i) {
        const double factor = 1.0 + c.demand.shocks[i].extra;
        if (factor > kMaxDemandMultiple) {
            warn(out, "demand.shocks[" + std::to_string(i) + "].extra",
                 "extra " + format_number(c.demand.shocks[i].extra) + " multiplies demand by " +
                     format_number(factor) + " (more than threefold; 0.7 means +70%)");
        }
    }
}

void check_establishment(const DepartmentConfig& c, std::vector<Diagnostic>& out) {
    const ImpliedCaseload load = implied_caseload(c);
    if (load.open_cases <= 0.0)
        return;
    const std::string path = "workforce.social_worker_posts";
    if (load.filled_posts <= 0.0) {
        warn(out, path, "no case-holding posts for " + fixed(load.open_cases, 0) + " open cases");
        return;
    }
    const std::string at = "the starting establishment implies caseloads of about " +
                           fixed(load.at_start, 1) + " at the start and " +
                           fixed(load.steady_state, 1) + " at the referral rate's steady state (" +
                           fixed(load.filled_posts, 1) + " filled posts for " +
                           fixed(c.population.children, 0) + " children)";
    const double high = std::max(load.at_start, load.steady_state);
    const double low = std::min(load.at_start, load.steady_state);
    if (high > kMaxCaseload) {
        warn(out, path,
             at + "; above 25 (England 16.0 per case-holding FTE, 2023): too few posts "
                  "for the children? (a council profile derives them)");
    } else if (low < kMinCaseload) {
        warn(out, path, at + "; below 8 (England 16.0, 2023): too many posts for the children?");
    }
}

/** @brief Mean working days of the slowest social-work or early-help stage. */
double slowest_stage_wd(const DepartmentConfig& c) {
    double slowest = 0.0;
    for (const PathwayStage& s : c.pathway.stages) {
        if (s.kind == StageKind::SocialWork || s.kind == StageKind::EarlyHelp) {
            const double mean = s.duration_wd.mean();
            if (std::isfinite(mean))
                slowest = std::max(slowest, mean);
        }
    }
    return slowest;
}

void check_warmup(const DepartmentConfig& c, std::vector<Diagnostic>& out) {
    double needed = kWarmupFromStocksYears;
    std::string why =
        "starting from initial.stocks, the workforce and stress settle within "
        "about a year";
    if (c.initial.stocks.empty()) {
        const double years = slowest_stage_wd(c) * 7.0 / 5.0 / kDaysPerYear;
        needed = std::max(needed, kWarmupFromEmptyTimeConstants * years);
        why =
            "the department starts empty (no initial.stocks) and its slowest stage keeps a "
            "case " +
            fixed(years, 1) + " years on average; allow twice that";
    }
    needed = std::ceil(needed * 4.0) / 4.0;
    if (c.run.warmup_years < needed - 1e-9) {
        warn(out, "run.warmup_years",
             "a warm-up of " + format_number(c.run.warmup_years) + " years is shorter than the " +
                 fixed(needed, 2) + " years recommended: " + why +
                 " (cssim warmup measures it; docs/scenarios.md, Warnings)");
    }
}

}  // namespace

ImpliedCaseload implied_caseload(const DepartmentConfig& c) {
    ImpliedCaseload load;
    double per_10k = 0.0;
    for (const InitialStock& k : c.initial.stocks) {
        for (const PathwayStage& s : c.pathway.stages) {
            if (s.id == k.stage && s.kind == StageKind::SocialWork)
                per_10k += k.per_10k_children;
        }
    }
    load.open_cases = per_10k * c.population.children / 10000.0;
    load.filled_posts =
        std::round(c.workforce.social_worker_posts) * (1.0 - c.workforce.initial_vacancy_share);
    if (load.filled_posts > 0.0) {
        load.at_start = load.open_cases / load.filled_posts;
        load.steady_state =
            load.at_start * c.demand.referrals_per_10k_children_per_year / kStockReferralRate;
    } else {
        load.at_start = load.steady_state = std::numeric_limits<double>::quiet_NaN();
    }
    return load;
}

std::vector<Diagnostic> department_warnings(const DepartmentConfig& c) {
    std::vector<Diagnostic> out;
    check_dates(c, out);
    check_demand(c, out);
    check_establishment(c, out);
    if (c.money.budget_headroom > kMaxHeadroom) {
        warn(out, "money.budget_headroom",
             "a headroom of " + format_number(c.money.budget_headroom) + " sets the budget " +
                 fixed(c.money.budget_headroom * 100.0, 0) +
                 "% above the establishment's cost (more than 50%): overspend will not show");
    }
    check_warmup(c, out);
    return out;
}

}  // namespace cssim::scenario
