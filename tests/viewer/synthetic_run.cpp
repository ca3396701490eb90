#include "synthetic_run.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "cssim/record/archive_writer.hpp"

namespace cssim::viewer::testing {
namespace {

/** SplitMix64: tiny, deterministic, good enough for test data. */
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double normal() {
        const double u = std::max(uniform(), 1e-300);
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
    }

private:
    std::uint64_t state_;
};

constexpr std::uint8_t kWorking = 0;
constexpr std::uint8_t kSick = 1;
constexpr std::uint8_t kOnNotice = 2;
constexpr std::uint8_t kVacant = 3;
constexpr std::uint8_t kLongTermSick = 4;
constexpr std::uint8_t kDeleted = 5;
constexpr std::uint8_t kEmployed = 0;
constexpr std::uint8_t kAgency = 1;
constexpr std::uint8_t kNewlyQualified = 2;

record::RunLayout make_layout(const SyntheticSpec& spec) {
    record::RunLayout l;
    l.start_date = spec.start_date;
    l.days = spec.days;
    l.warmup_days = std::min<std::int64_t>(365, spec.days / 10);
    l.status_names = {"working", "sick", "on_notice", "vacant", "long_term_sick", "deleted"};
    l.contract_names = {"employed", "agency", "newly_qualified"};
    const std::vector<std::pair<std::string, std::string>> nodes{
        {"referral", "Referral"},
        {"screening", "Screening"},
        {"early_help", "Early help"},
        {"assessment", "Assessment"},
        {"child_in_need", "Child in need"},
        {"section_47", "Section 47"},
        {"initial_conference", "Initial conference"},
        {"cp_plan", "CP plan"},
        {"looked_after", "Looked after"},
        {"closed", "Closed"}};
    for (const auto& [id, label] : nodes)
        l.nodes.push_back({id, label, "stage/" + id});
    l.edges = {{"referral", "screening", 1.0},
               {"screening", "early_help", 0.25},
               {"screening", "assessment", 0.55},
               {"screening", "closed", 0.20},
               {"early_help", "closed", 1.0},
               {"assessment", "child_in_need", 0.35},
               {"assessment", "section_47", 0.15},
               {"assessment", "closed", 0.50},
               {"child_in_need", "closed", 0.9},
               {"child_in_need", "section_47", 0.1},
               {"section_47", "initial_conference", 0.4},
               {"section_47", "child_in_need", 0.3},
               {"section_47", "closed", 0.3},
               {"initial_conference", "cp_plan", 0.85},
               {"initial_conference", "child_in_need", 0.15},
               {"cp_plan", "looked_after", 0.1},
               {"cp_plan", "child_in_need", 0.6},
               {"cp_plan", "closed", 0.3},
               {"looked_after", "closed", 1.0}};
    return l;
}

record::Series make_series(std::string name, std::string unit, std::string description,
                           std::int64_t days) {
    record::Series s{std::move(name), std::move(unit), std::move(description), 0, {}, {}};
    s.values.reserve(static_cast<std::size_t>(days));
    return s;
}

// Series, events and manager statuses shaped like the system-effect submodels (issue 7): an
// inspection on day 700 (and 1400) whose judgement is worse without admin support, prevention
// capacity cut on day 900, a blame period after a harm, managers off sick and leaving. A
// separate random stream, so the rest of the run is the same with or without them.
void add_system_effects(const SyntheticSpec& spec, std::uint64_t rep,
                        record::ReplicationRecord& r) {
    Rng rng(spec.seed * 7919ULL + rep + 17);
    const std::int64_t days = spec.days;
    const bool supported = spec.admin_support;
    auto series = [&](std::string name, std::string unit, std::string description) {
        return make_series(std::move(name), std::move(unit), std::move(description), days);
    };
    auto capacity = series("prevention/capacity", "share",
                           "Early help and health visiting capacity, share of the reference");
    auto multiplier = series("prevention/referral_multiplier", "multiplier",
                             "Referral demand multiplier caused by lost prevention");
    auto judgement = series("inspection/judgement", "grade",
                            "Last inspection judgement: 0 none, 1 outstanding .. 4 inadequate");
    auto kpi = series("inspection/kpi_points", "points",
                      "KPI points the inspectors would score today (higher is worse)");
    auto hazard =
        series("culture/harm_hazard_multiplier", "multiplier", "Harm hazard relative to baseline");
    auto blame = series("culture/blame_active", "flag", "1 during a blame period after harm");
    auto coverage = series("management/supervision_coverage", "share",
                           "Share of case-holding workers whose team has a manager available");
    auto managers = series("management/managers_present", "FTE", "Team managers at work");
    auto churn2 = series("churn/two_plus_changes_share", "share",
                         "Open cases with two or more changes of social worker in 12 months");
    auto per_child = series("churn/social_workers_per_child", "workers",
                            "Mean number of social workers an open case has had");
    const double grade = supported ? 2.0 : 4.0;
    for (std::int64_t d = 0; d < days; ++d) {
        const double cut = d >= 900 ? 0.75 : 1.0;
        capacity.values.push_back(cut);
        multiplier.values.push_back(
            d < 900 ? 1.0 : 1.0 + 0.25 * (1.0 - std::exp(-static_cast<double>(d - 900) / 200.0)));
        judgement.values.push_back(d < 700 ? 0.0 : d < 1400 ? 3.0 : grade);
        kpi.values.push_back((supported ? 20.0 : 35.0) + 5.0 * rng.normal());
        const bool blaming = d >= 1000 && d < 1180 && !supported;
        blame.values.push_back(blaming ? 1.0 : 0.0);
        hazard.values.push_back(supported ? std::max(0.7, 1.0 - 0.0002 * static_cast<double>(d))
                                          : 1.0);
        coverage.values.push_back(
            std::clamp(0.9 - (blaming ? 0.2 : 0.0) + 0.03 * rng.normal(), 0.0, 1.0));
        managers.values.push_back(12.0 - (blaming ? 2.0 : 0.0));
        churn2.values.push_back(
            std::clamp((supported ? 0.2 : 0.35) + 0.02 * rng.normal(), 0.0, 1.0));
        per_child.values.push_back(1.5 + 0.0004 * static_cast<double>(d));
    }
    for (auto* s : {&capacity, &multiplier, &judgement, &kpi, &hazard, &blame, &coverage, &managers,
                    &churn2, &per_child}) {
        r.series.push_back(std::move(*s));
    }
    auto event = [&](std::int64_t day, std::string kind, std::int64_t entity, std::string text) {
        if (day < days)
            r.events.push_back({day * 1440 + 600, std::move(kind), entity, std::move(text)});
    };
    event(700, "inspection", -1, "Inspection: requires improvement");
    event(1400, "inspection", -1, supported ? "Inspection: good" : "Inspection: inadequate");
    if (!supported)
        event(1402, "resignation_wave", -1, "Resignation wave after the inadequate judgement");
    event(900, "prevention_change", -1, "Health visiting capacity cut by a quarter");
    event(1000, "blame", -1, "Serious case: a blame period begins");
    event(1180, "learning_review", -1, "Learning review published");
    // Team managers: one long-term sick, one leaving (vacant, then replaced), one post deleted.
    for (auto& t : r.tracks) {
        if (t.role != "team_manager")
            continue;
        const std::int64_t team = t.id / 16;
        for (std::int64_t d = 0; d < static_cast<std::int64_t>(t.status.size()); ++d) {
            std::uint8_t status = kWorking;
            if (team % 3 == 0 && d >= 600 + 40 * team && d < 800 + 40 * team)
                status = kLongTermSick;
            else if (team % 3 == 1 && d >= 900 && d < 1000)
                status = kVacant;
            else if (team % 3 == 2 && team > 6 && d >= 1500)
                status = kDeleted;
            t.status[static_cast<std::size_t>(d)] = status;
            t.caseload[static_cast<std::size_t>(d)] = 0.0f;
        }
        if (team % 3 == 0)
            event(600 + 40 * team, "manager_sick", t.id, t.label + " off sick (long term)");
        if (team % 3 == 1) {
            event(900, "manager_leaves", t.id, t.label + " left");
            event(1000, "manager_starts", t.id, t.label + " filled");
        }
    }
    std::sort(r.events.begin(), r.events.end(),
              [](const auto& x, const auto& y) { return x.tick < y.tick; });
}

record::ReplicationRecord make_replication(const SyntheticSpec& spec,
                                           const record::RunLayout& layout, std::uint64_t rep) {
    Rng rng(spec.seed * 1000003ULL + rep);
    record::ReplicationRecord r;
    r.replication = rep;
    r.seed = spec.seed + rep;
    const std::int64_t days = spec.days;
    const double admin = spec.admin_support ? 0.14 : 0.36;
    const double direct = spec.admin_support ? 0.58 : 0.34;
    const double pressure_scale = spec.admin_support ? 0.8 : 1.0;

    // A referral surge in year 4 and a funding change in year 6 give the charts some shape.
    auto surge = [&](std::int64_t d) {
        const double x = static_cast<double>(d - 1200) / 180.0;
        return d < 1200 ? 0.0 : 0.7 * std::exp(-x * x / 4.0) * (d < 1750 ? 1.0 : 0.5);
    };
    auto season = [](std::int64_t d) {
        return 0.08 * std::sin(2.0 * std::numbers::pi * static_cast<double>(d) / 365.25);
    };

    auto caseload =
        make_series("caseload_mean", "cases", "Mean cases per case-holding FTE (end of day)", days);
    auto unallocated = make_series("unallocated_cases", "cases",
                                   "Cases waiting for a social worker (end of day)", days);
    auto direct_s = make_series("direct_time_share", "share",
                                "Share of worked time spent with children and families", days);
    auto admin_s =
        make_series("admin_time_share", "share", "Share of worked time spent on admin", days);
    auto stress = make_series("stress_mean", "index", "Mean stress of workers in post, 0-1", days);
    auto agency = make_series("agency_share", "share", "Agency share of filled posts", days);
    auto vacancy = make_series("vacancy_rate", "share", "Vacant share of funded posts", days);
    auto referrals =
        make_series("referrals", "children", "Referrals received that day (flow)", days);
    auto spend = make_series("spend_to_date", "GBP", "Spend in the financial year so far", days);
    std::array<record::Series, 4> time_use{
        make_series("time_use/direct", "share", "Direct work share of the day's hours", days),
        make_series("time_use/admin", "share", "Admin share of the day's hours", days),
        make_series("time_use/travel", "share", "Travel share of the day's hours", days),
        make_series("time_use/other", "share", "Meetings, court and other work", days)};
    std::vector<record::Series> stages;
    for (const auto& n : layout.nodes) {
        stages.push_back(make_series(n.series, "children",
                                     "Children at the " + n.label + " stage (end of day)", days));
    }
    const std::array<double, 10> stage_base{12, 30, 260, 420, 1500, 90, 25, 380, 520, 40};

    double walk = 0.0;
    for (std::int64_t d = 0; d < days; ++d) {
        walk = 0.995 * walk + 0.02 * rng.normal();
        const double p = (surge(d) + season(d) + walk) * pressure_scale;
        const double cl = 17.5 + 6.0 * p + 0.4 * rng.normal();
        caseload.values.push_back(cl);
        unallocated.values.push_back(
            std::max(0.0, std::round(15.0 + 90.0 * p + 6.0 * rng.normal())));
        const double a = std::clamp(admin + 0.04 * p + 0.01 * rng.normal(), 0.05, 0.6);
        const double dt = std::clamp(direct - 0.05 * p + 0.01 * rng.normal(), 0.1, 0.8);
        const double travel = 0.12 + 0.005 * rng.normal();
        const double other = std::max(0.0, 1.0 - a - dt - travel);
        admin_s.values.push_back(a);
        direct_s.values.push_back(dt);
        time_use[0].values.push_back(dt);
        time_use[1].values.push_back(a);
        time_use[2].values.push_back(travel);
        time_use[3].values.push_back(other);
        stress.values.push_back(std::clamp(0.35 + 0.3 * p + 0.02 * rng.normal(), 0.0, 1.0));
        agency.values.push_back(std::clamp(0.16 + 0.1 * p, 0.0, 1.0));
        vacancy.values.push_back(std::clamp(0.17 + 0.08 * p, 0.0, 1.0));
        referrals.values.push_back(
            std::max(0.0, std::round(16.0 * (1.0 + surge(d) + season(d)) + 4.0 * rng.normal())));
        const std::int64_t fy_day = (d + 0) % 365;  // financial years start on day 0 (1 April)
        spend.values.push_back(1.0e5 * static_cast<double>(fy_day + 1) * (1.0 + 0.2 * p));
        for (std::size_t k = 0; k < stages.size(); ++k) {
            stages[k].values.push_back(
                std::max(0.0, std::round(stage_base[k] * (1.0 + 0.6 * p) +
                                         std::sqrt(stage_base[k]) * rng.normal())));
        }
    }
    r.series = {caseload, unallocated, direct_s,  admin_s, stress,
                agency,   vacancy,     referrals, spend};
    for (auto& s : time_use)
        r.series.push_back(std::move(s));
    for (auto& s : stages)
        r.series.push_back(std::move(s));
    for (std::size_t k = r.series.size(); k < spec.series; ++k) {
        auto s = make_series("indicator_" + std::to_string(k), "index",
                             "Synthetic indicator " + std::to_string(k), days);
        double v = 50.0;
        for (std::int64_t d = 0; d < days; ++d) {
            v += rng.normal();
            s.values.push_back(v);
        }
        r.series.push_back(std::move(s));
    }

    // Office floor: teams of 15 social workers and a manager, plus PAs when supported.
    const std::size_t pas = spec.admin_support ? spec.posts / 16 : 0;
    for (std::size_t i = 0; i < spec.posts; ++i) {
        record::EntityTrack t;
        t.id = static_cast<std::uint32_t>(i);
        const bool is_pa = i >= spec.posts - pas;
        const bool is_manager = !is_pa && i % 16 == 15;
        t.role = is_pa ? "pa" : is_manager ? "team_manager" : "social_worker";
        t.label = (is_pa ? "PA " : is_manager ? "TM " : "SW ") + std::to_string(i + 1);
        t.team = is_pa ? "Business support" : "Team " + std::to_string(i / 16 + 1);
        std::uint8_t status = kWorking;
        std::uint8_t contract = rng.uniform() < 0.15 ? kAgency : kEmployed;
        int left = 0;  // days left in the current spell
        double load = is_pa ? 0.0 : 12.0 + 8.0 * rng.uniform();
        double st = 0.3;
        for (std::int64_t d = 0; d < days; ++d) {
            const double p = surge(d) * pressure_scale;
            if (left > 0) {
                --left;
            } else if (status == kSick) {
                status = kWorking;
            } else if (status == kOnNotice) {
                status = kVacant;
                left = 60 + static_cast<int>(rng.uniform() * 120);
                r.events.push_back({d * 1440 + 1020, "leaver", t.id, t.label + " left"});
            } else if (status == kVacant) {
                status = kWorking;
                contract = rng.uniform() < 0.3 ? kAgency : kNewlyQualified;
                load = is_pa ? 0.0 : 8.0;
                r.events.push_back({d * 1440 + 540, "hire", t.id,
                                    t.label + (contract == kAgency ? " filled by agency staff"
                                                                   : " filled: newly qualified")});
            } else if (rng.uniform() < (0.002 + 0.004 * st) * (1.0 + p)) {
                status = kSick;
                left = 1 + static_cast<int>(rng.uniform() * 15);
            } else if (rng.uniform() < 0.0003 * (1.0 + 2.0 * p)) {
                status = kOnNotice;
                left = 28;
                r.events.push_back(
                    {d * 1440 + 600, "resignation", t.id, t.label + " (" + t.team + ") resigned"});
            }
            if (status == kVacant) {
                load = 0.0;
            } else if (!is_pa) {
                load = std::clamp(load + 0.05 * rng.normal() + 0.02 * (17.0 + 10.0 * p - load), 0.0,
                                  35.0);
            }
            st = std::clamp(0.995 * st + 0.005 * (load / 30.0 + (spec.admin_support ? 0.0 : 0.15)) +
                                0.01 * rng.normal(),
                            0.0, 1.0);
            t.status.push_back(status);
            t.contract.push_back(contract);
            t.caseload.push_back(static_cast<float>(load));
            t.stress.push_back(static_cast<float>(status == kVacant ? 0.0 : st));
        }
        r.tracks.push_back(std::move(t));
    }
    if (days > 1200) {
        r.events.push_back({1200 * 1440, "surge_start", -1, "Referral surge begins (+70%)"});
    }
    if (days > 2000) {
        r.events.push_back({2000 * 1440, "funding_change", -1, "Budget cut by 10% from April"});
    }
    std::sort(r.events.begin(), r.events.end(),
              [](const auto& x, const auto& y) { return x.tick < y.tick; });

    auto mean_of = [](const record::Series& s) {
        double sum = 0.0;
        for (double v : s.values)
            sum += v;
        return s.values.empty() ? 0.0 : sum / static_cast<double>(s.values.size());
    };
    if (spec.system_effects)
        add_system_effects(spec, rep, r);
    r.metrics = {{"direct_time_share", mean_of(r.series[2])},
                 {"admin_time_share", mean_of(r.series[3])},
                 {"caseload_mean", mean_of(r.series[0])},
                 {"unallocated_cases_mean", mean_of(r.series[1])},
                 {"agency_share", mean_of(r.series[5])},
                 {"vacancy_rate", mean_of(r.series[6])},
                 {"turnover_rate", 0.16 + 0.01 * rng.normal()},
                 {"short_term_sickness_spells_per_fte",
                  (spec.admin_support ? 0.9 : 2.0) + 0.05 * rng.normal()},
                 {"cin_per_10k", 330.0 + 5.0 * rng.normal()},
                 {"admin_time_value_per_worker", spec.admin_support ? 4200.0 : 13200.0},
                 {"spend_total", 3.6e7 + 1.0e5 * rng.normal()}};
    return r;
}

}  // namespace

SyntheticRun make_synthetic_run(const SyntheticSpec& spec) {
    SyntheticRun run;
    auto& info = run.info;
    info.scenario_name = spec.scenario_name;
    info.model = "department";
    info.scenario_json = "{\"name\":\"" + spec.scenario_name + "\"}";
    info.master_seed = spec.seed;
    info.replications = spec.replications;
    info.command_line = "synthetic (tests/viewer)";
    info.version = "test";
    info.created_utc = "2026-01-01T00:00:00Z";
    info.stream_names = {"synthetic"};
    info.layout = make_layout(spec);
    for (std::uint64_t rep = 0; rep < spec.replications; ++rep) {
        run.replications.push_back(make_replication(spec, info.layout, rep));
    }
    return run;
}

std::filesystem::path write_synthetic_archive(const std::filesystem::path& dir,
                                              const SyntheticSpec& spec) {
    std::filesystem::create_directories(dir);
    const auto run = make_synthetic_run(spec);
    const auto path = dir / "run.sqlite";
    record::write_archive(path, run.info, run.replications);
    return path;
}

}  // namespace cssim::viewer::testing
