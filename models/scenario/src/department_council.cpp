// The department's council profile (docs/scenarios.md, "The council profile"): children and
// referral rate, optionally the council's published figures, and the establishment derived from
// them unless a section states it.
#include "department_council.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "cssim/department/department.hpp"
#include "department_reader.hpp"

namespace cssim::scenario {

namespace {

using namespace cssim::department;

constexpr double kMaxChildren = 1e8;  // as the population reader

/** @brief 80000 -> "80,000"; 0.875 -> "0.875"; at most `decimals` decimals, no trailing 0s. */
std::string grouped(double x, int decimals = 0) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    const std::size_t dot = text.find('.');
    std::size_t end = dot == std::string::npos ? text.size() : dot;
    const std::size_t first = text[0] == '-' ? 1 : 0;
    for (std::size_t i = end; i > first + 3; i -= 3)
        text.insert(i - 3, ",");
    return text;
}

bool same(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

/** @brief "(derived from 80,000 children at 21 per 10,000)" or where the value came from. */
std::string source_of(double value, double derived, const std::optional<double>& published,
                      std::string_view council_key, std::string_view section_key,
                      const CouncilProfile& p, double per_10k) {
    if (!p.present) {
        return "(" + std::string(section_key) + "; no council profile, so nothing is derived)";
    }
    if (!same(value, derived)) {
        return "(stated: " + std::string(section_key) + ")";
    }
    if (published) {
        return "(stated in the council profile: council." + std::string(council_key) + ")";
    }
    return "(derived from " + grouped(p.simulated_children) + " children at " +
           grouped(per_10k, 3) + " per 10,000)";
}

}  // namespace

void read_population_and_council(ObjectReader& root, DepartmentConfig& c, CouncilProfile& p) {
    root.object("population", {.doc = "The council's child population"}, [&](ObjectReader& r) {
        p.population_stated = !r.is_schema() && r.has("children");
        r.number("children", c.population.children,
                 {.range = {0.0, kMaxChildren, true, false},
                  .doc = "Children aged 0-17 simulated; wins over council.children, and the "
                         "council profile's establishment follows it",
                  .unit = "children"});
    });
    root.object(
        "council",
        {.doc = "The council profile: the establishment and budget are derived from its "
                "children unless a section states them (docs/scenarios.md)"},
        [&](ObjectReader& r) {
            p.present = !r.is_schema();
            const Field posts = {.range = Range::closed(0.0, department_reader::kMaxPosts),
                                 .unit = "FTE"};
            r.number("children", p.children,
                     {.required = true,
                      .range = {0.0, kMaxChildren, true, false},
                      .doc = "Children aged 0-17 (ONS mid-year estimate)",
                      .unit = "children"});
            r.number("referrals_per_10k_children_per_year", p.referrals_per_10k,
                     {.range = Range::closed(0.0, 100'000.0),
                      .doc = "Referrals a year per 10,000 children (DfE children in need); "
                             "sets demand.referrals_per_10k_children_per_year",
                      .unit = "per 10,000 children per year"});
            r.number("social_worker_posts", p.social_worker_posts,
                     {.range = posts.range,
                      .doc = "Published case-holding FTE (workforce census case_holders_fte)",
                      .unit = "FTE"});
            r.number("front_door_fte", p.front_door_fte, posts);
            r.number("early_help_families", p.early_help_families,
                     {.range = Range::non_negative(), .unit = "families"});
            r.number("health_visitors", p.health_visitors, posts);
            r.number("budget_per_year", p.budget_per_year,
                     {.range = Range::non_negative(),
                      .doc = "Published children's social care budget",
                      .unit = "GBP per year"});
            r.number("agency_share", p.agency_share,
                     {.range = Range::unit(),
                      .doc = "Agency FTE / (agency + employed) FTE (workforce census)"});
            r.number("vacancy_share", p.vacancy_share,
                     {.range = Range::unit(), .doc = "Vacant posts / posts (workforce census)"});
        });
    if (root.is_schema() || !p.present)
        return;
    if (!p.population_stated)
        c.population.children = p.children;
    p.simulated_children = c.population.children;
    const double tenk = p.simulated_children / 10000.0;
    p.derived_posts = p.social_worker_posts.value_or(tenk * CouncilRatios::kPostsPer10k);
    p.derived_screening_fte = p.front_door_fte.value_or(tenk * CouncilRatios::kScreeningFtePer10k);
    p.derived_early_help =
        p.early_help_families.value_or(tenk * CouncilRatios::kEarlyHelpFamiliesPer10k);
    p.derived_health_visitors =
        p.health_visitors.value_or(tenk * CouncilRatios::kHealthVisitorsPer10k);
    c.workforce.social_worker_posts = p.derived_posts;
    c.front_door.screening_fte = p.derived_screening_fte;
    c.early_help.capacity_families = p.derived_early_help;
    c.prevention.health_visitors = p.derived_health_visitors;
    if (p.referrals_per_10k)
        c.demand.referrals_per_10k_children_per_year = *p.referrals_per_10k;
    if (p.budget_per_year)
        c.money.budget_per_year = *p.budget_per_year;
    if (p.agency_share)
        c.workforce.initial_agency_share = *p.agency_share;
    if (p.vacancy_share)
        c.workforce.initial_vacancy_share = *p.vacancy_share;
}

std::vector<std::string> describe_council(const DepartmentConfig& c, const CouncilProfile& p) {
    std::vector<std::string> lines;
    std::string children = grouped(c.population.children) + " children";
    if (!p.present) {
        children +=
            " (population.children; no council profile: posts, front door, early help "
            "and health visitors are as stated, not scaled)";
    } else if (p.population_stated && !same(p.children, c.population.children)) {
        children += " (population.children; the council profile says " + grouped(p.children) +
                    ": everything below follows population.children)";
    } else {
        children += " (council.children)";
    }
    lines.push_back(children);
    lines.push_back(
        grouped(c.demand.referrals_per_10k_children_per_year, 1) +
        " referrals per 10,000 children a year" +
        (p.present && p.referrals_per_10k &&
                 same(*p.referrals_per_10k, c.demand.referrals_per_10k_children_per_year)
             ? " (council.referrals_per_10k_children_per_year)"
             : " (demand.referrals_per_10k_children_per_year)"));
    const double posts = c.workforce.social_worker_posts;
    lines.push_back(grouped(posts, 1) + " social worker posts " +
                    source_of(posts, p.derived_posts, p.social_worker_posts, "social_worker_posts",
                              "workforce.social_worker_posts", p, CouncilRatios::kPostsPer10k));
    lines.push_back(grouped(c.front_door.screening_fte, 2) + " front-door screening FTE " +
                    source_of(c.front_door.screening_fte, p.derived_screening_fte, p.front_door_fte,
                              "front_door_fte", "front_door.screening_fte", p,
                              CouncilRatios::kScreeningFtePer10k));
    const int n = static_cast<int>(std::lround(posts));
    const int team = std::max(1, c.workforce.team_size);
    lines.push_back(std::to_string(department::team_manager_posts(c)) +
                    (c.teams.empty() ? " team managers (one per team of "
                                     : " team managers (in each team, one per ") +
                    std::to_string(team) + " posts: workforce.team_size)");
    const double wpp = c.admin_support.workers_per_pa;
    lines.push_back(wpp > 0.0 ? std::to_string(static_cast<int>(std::ceil(n / wpp - 1e-9))) +
                                    " PAs (one per " + grouped(wpp, 2) +
                                    " social workers: admin_support.workers_per_pa)"
                              : std::string("no PAs (admin_support.workers_per_pa = 0)"));
    lines.push_back(grouped(c.early_help.capacity_families, 1) + " early-help family places " +
                    source_of(c.early_help.capacity_families, p.derived_early_help,
                              p.early_help_families, "early_help_families",
                              "early_help.capacity_families", p,
                              CouncilRatios::kEarlyHelpFamiliesPer10k));
    lines.push_back(grouped(c.prevention.health_visitors, 1) + " health visitors " +
                    source_of(c.prevention.health_visitors, p.derived_health_visitors,
                              p.health_visitors, "health_visitors", "prevention.health_visitors", p,
                              CouncilRatios::kHealthVisitorsPer10k) +
                    (c.prevention.enabled ? "" : " (prevention disabled)"));
    const MoneyConfig& m = c.money;
    if (m.budget_per_year > 0.0) {
        const bool from_council =
            p.present && p.budget_per_year && same(*p.budget_per_year, m.budget_per_year);
        lines.push_back("budget £" + grouped(m.budget_per_year) + " a year (" +
                        (from_council ? "council.budget_per_year" : "money.budget_per_year") + ")");
    } else {
        lines.push_back(
            "budget: the cost of the establishment above, employed, plus placements "
            "for 70 looked-after children per 10,000, times 1 + headroom " +
            grouped(m.budget_headroom * 100.0, 1) +
            "% (money.budget_per_year = 0; the run's `budget` metric gives it)");
    }
    const ImpliedCaseload load = implied_caseload(c);
    if (load.filled_posts > 0.0) {
        lines.push_back("starting caseload about " + grouped(load.at_start, 1) + " (" +
                        grouped(load.open_cases) + " open social-work cases / " +
                        grouped(load.filled_posts, 1) + " filled posts); about " +
                        grouped(load.steady_state, 1) + " at the referral rate's steady state");
    }
    return lines;
}

}  // namespace cssim::scenario
