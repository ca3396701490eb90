#pragma once
/**
 * @file config.hpp
 * @brief The plain configuration of the department model (DESIGN §3), one struct per scenario
 * section. Every field states its unit, default and source; "calibrated" means the value was
 * tuned so that base.json reproduces the national figure named (see docs/model.md and
 * docs/validation.md). Sources: DfE Children's social work workforce 2023 (workforce), DfE
 * Characteristics of children in need 2024/25 (CIN), DfE Children looked after in England 2024
 * (CLA), Working Together 2023 (timescales), Hampshire and Isle of Wight PA evaluation, DfE
 * Innovation Programme report 23, 2017 (PA), PSSRU unit costs (PSSRU).
 *
 * Built by models/scenario from a `"model": "department"` scenario; the model never sees JSON.
 * Invariants (checked by the scenario reader, assumed by the model): counts >= 0, shares and
 * probabilities in [0, 1], vectors "by need" have kNeedLevels entries, seasonality has 12.
 */
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/department/pathway_config.hpp"

namespace cssim::department {

/** @brief Run length. Dates are ISO "YYYY-MM-DD". */
struct RunConfig {
    std::string start_date = "2023-04-01";  ///< day 0; the start of financial year 2023-24
    double years = 10.0;                    ///< simulated years, warm-up included
    double warmup_years = 2.0;              ///< statistics start after this (see docs/model.md §5)
};

/** @brief The council's child population. */
struct PopulationConfig {
    double children = 80000.0;  ///< children aged 0-17; a typical council (~12.0m / 152, ONS 2024)
};

/** @brief A dated change in referral demand: ramps linearly to `extra` over ramp_months, holds,
 * and ends after duration_months (0 = never ends). Seed 003: +70% referrals in 18 months. */
struct DemandShock {
    std::string label = "referral surge";
    std::string start_date = "2025-04-01";
    double extra = 0.7;            ///< fractional increase at full strength (+70%: seed 003)
    double ramp_months = 18.0;     ///< months to reach full strength (seed 003: 18 months)
    double duration_months = 0.0;  ///< months from start until demand returns to base; 0 = never
};

/** @brief The calendar a referral source follows (demand.sources[].calendar). */
enum class SourceCalendar {
    kWeekdays,     ///< working days 1; weekends and bank holidays quieter (the factors below)
    kSchoolTerms,  ///< school days only (term-time Monday to Friday, not bank holidays)
    kEveryDay,     ///< flat: every day alike
};

/** @brief Where referrals come from, and the calendar each source follows. Shares are of new
 * referrals and sum to 1 (DfE Characteristics of children in need 2024, referrals by source). */
struct ReferralSource {
    std::string name;
    double share = 0.0;
    SourceCalendar calendar = SourceCalendar::kWeekdays;
};

/** @brief An inclusive range of dates (YYYY-MM-DD). */
struct DateRange {
    std::string start;
    std::string end;
};

/** @brief The referral calendar: how quiet weekends and bank holidays are for weekday sources,
 * and the school holidays of school-term sources (docs/model.md 7.1). */
struct DemandCalendarConfig {
    /** @brief Rate of a weekday source on a Saturday or Sunday relative to a working day. L: no
     * published day-of-week split; out-of-hours (emergency duty) teams take a minority. */
    double weekend_factor = 0.3;
    /** @brief The same on a weekday bank holiday (England and Wales, computed by rule). L. */
    double bank_holiday_factor = 0.3;
    /** @brief School holidays (inclusive); empty = the default English rule (department
     * docs/model.md 7.1: Christmas, February half-term, Easter, May half-term, summer,
     * October half-term). */
    std::vector<DateRange> school_holidays;
};

/** @brief Demand: Poisson referrals and model-made re-referrals (mechanism 1). */
struct DemandConfig {
    /** @brief NEW referrals from outside per 10,000 children per year. Calibrated so that new
     * referrals plus the re-referrals the model makes itself total ~527 per 10,000 (DfE CIN
     * 2024/25): about 30% of all referrals are re-referrals at some interval, 22.6% within 12
     * months. */
    double referrals_per_10k_children_per_year = 370.0;
    /** @brief Monthly multipliers, January first; mean should be 1. Default flat (no source). */
    std::vector<double> seasonality = std::vector<double>(12, 1.0);
    double trend_per_year = 0.0;  ///< compound growth of the rate per year (NAO: +1%/y 2010-18)
    std::vector<DemandShock> shocks;
    /** @brief Latent need at referral: none, low, moderate, high, acute. Calibrated to ~30%
     * assessed as not in need and 6.5% NFA (DfE CIN 2024/25). */
    std::vector<double> need_mix{0.22, 0.26, 0.27, 0.18, 0.07};
    /** @brief Sources of new referrals, each with its calendar. Shares: DfE Characteristics of
     * children in need 2024 (year to 31 March), referrals by source: police 29%, schools 21%,
     * health services 14%, local authority services 13%; individuals and the rest (other legal
     * agency, housing, voluntary, anonymous, unknown) share the remaining 23% (split: L). */
    std::vector<ReferralSource> sources{{"police", 0.29, SourceCalendar::kWeekdays},
                                        {"schools", 0.21, SourceCalendar::kSchoolTerms},
                                        {"health", 0.14, SourceCalendar::kWeekdays},
                                        {"local_authority", 0.13, SourceCalendar::kWeekdays},
                                        {"individual", 0.08, SourceCalendar::kWeekdays},
                                        {"other", 0.15, SourceCalendar::kWeekdays}};
    DemandCalendarConfig calendar;
    /** @brief Coefficient of variation of a gamma-distributed multiplier of the referral rate,
     * drawn per replication and financial year (mean 1): a council's yearly totals vary more
     * than Poisson. L: chosen so year-on-year changes of a council's referrals are ~±11% (sd),
     * against ~±3% for England's total (DfE CIN series 2014-2024, COVID years aside). */
    double yearly_rate_cv = 0.08;
    /** @brief Probability that a child whose case closed with need remaining is referred again,
     * by need level. Calibrated to 22.6% re-referrals within 12 months (DfE CIN 2024/25). */
    std::vector<double> re_referral_probability_by_need{0.7, 0.8, 0.85, 0.9, 0.95};
    /** @brief Delay until that re-referral, days. Calibrated (22.6% within 12 months). */
    core::Distribution re_referral_delay_days = core::Distribution::exponential(120.0);
};

/** @brief Front door (MASH) screening (mechanism 2). */
struct FrontDoorConfig {
    double screening_fte = 7.0;  ///< front-door staff FTE (L: ~1 per 600 referrals a year)
    double screening_hours_per_referral = 1.5;  ///< hours per referral screened (L: illustrative)
    int decision_due_wd = 1;  ///< decision within 1 working day (Working Together)
    /** @brief Probability the perceived need equals the true need when pressure <= 1. */
    double accuracy = 0.85;
    /** @brief Accuracy lost per unit of pressure above 1 (pressure = hours of screening
     * waiting / hours available that day). L: illustrative. */
    double accuracy_loss_per_pressure = 0.25;
    double minimum_accuracy = 0.5;
};

/** @brief Who holds a child's case when it moves to a stage another team holds. */
enum class PracticeModel {
    kTransfer,    ///< "transfer": the receiving team allocates a new worker (a handover)
    kSameWorker,  ///< "same_worker": one worker keeps the child throughout
};

/** @brief How a team manager picks the worker for a new case. */
enum class AllocationPolicy {
    kMostRoom,  ///< "most_room": the worker with most room under the cap (balances caseloads)
    kInTurn,    ///< "in_turn": the next worker in the team's rota with room (a duty rota)
};

/**
 * @brief A team (issue 11 item 2): the social-work stages it holds, its share of the
 * department's posts (`workforce.social_worker_posts` stays the total), its managers, a caseload
 * cap with stage weights, and how its manager allocates. A scenario without `teams` runs as one
 * department-wide team holding every stage, with `allocation`'s cap and policy "most_room".
 */
struct TeamConfig {
    std::string id;                   ///< unique, e.g. "assessment"
    std::string label;                ///< for the viewer, e.g. "Assessment"
    std::vector<std::string> stages;  ///< pathway stage ids this team holds
    /** @brief Share of `workforce.social_worker_posts`; the teams' shares sum to 1. A team that
     * holds no social-work stage (the front door, staffed by `front_door.screening_fte`) has 0. */
    double posts_share = 0.0;
    /** @brief Team manager posts; 0 = one per `workforce.team_size` posts (rounded up). */
    int managers = 0;
    /** @brief Most weighted cases a worker is given; 0 = `allocation.caseload_cap`. */
    double caseload_cap = 0.0;
    /** @brief Weights of stages under this team's cap (stage id -> weight); a stage not listed
     * keeps its own `caseload_weight`. */
    std::map<std::string, double> stage_weights;
    AllocationPolicy policy = AllocationPolicy::kMostRoom;
    /** @brief Cases a present manager allocates per working day; an absent manager's team gets
     * the cover supervision share of it (management); 0 = no limit. */
    double allocations_per_manager_per_day = 0.0;
    /** @brief A worker above this many weighted cases has their newest case moved to the worker
     * with most room in the team (a change of worker); 0 = never. */
    double reallocate_above = 0.0;
    /** @brief Under practice_model "transfer": working days into one of this team's stages
     * before the team takes a child transferred from another team's worker (the transfer
     * point, e.g. the first looked-after review); the worker before keeps the child until
     * then. 0 = as soon as the team can allocate. */
    int takes_after_wd = 0;
};

/**
 * @brief The teams of base.json: a front door (MASH, staffed by
 * front_door.screening_fte), assessment and first response (assessment, section 47, initial
 * conference), child in need, child protection and children in care, sized in docs/model.md 7.4
 * (team_defaults.cpp).
 */
std::vector<TeamConfig> default_teams();

/** @brief Allocation of cases to social workers (mechanism 4). */
struct AllocationConfig {
    /** @brief Most weighted cases a worker is given (local policy; Kim et al. 2019: workload
     * "unmanageable" above ~17 ongoing cases; surveys report ~18.8). */
    double caseload_cap = 22.0;
    /** @brief Cap for newly qualified workers in their protected period, as a share of the cap
     * (ASYE protected caseload, ~90% of a full one is common; L). */
    double newly_qualified_cap_share = 0.7;
    /** @brief A case that has waited this many working days is allocated over the cap to the
     * least-loaded worker (managers cannot leave children unallocated for ever; seed 001 reports
     * caseloads of 30-50 under collapse). 0 = never: cases wait. (L) */
    int over_cap_after_wd = 10;
    /** @brief Who holds a child's case as it moves between teams (issue 11): "transfer" (the
     * default) hands the case to the team that holds the next stage, a change of worker with a
     * handover; "same_worker" keeps one worker throughout whatever the stage. */
    PracticeModel practice_model = PracticeModel::kTransfer;
};

/** @brief Working hours and the time each piece of work takes (mechanism 5). Calibrated so that
 * base.json gives ~36% admin / ~34% direct (PA evaluation, without PA) as OUTPUTS. */
struct TimeUseConfig {
    double contracted_hours_per_week = 37.0;  ///< NJC standard week
    /** @brief Unpaid overtime per case held per week, hours (calibrated: ~8 h at 16 cases;
     * BASW 80-20 survey 2018: 45-hour weeks). */
    double overtime_hours_per_case_per_week = 0.5;
    double max_overtime_hours_per_week = 11.0;  ///< ~11 h unpaid overtime reported (2018)
    double visit_hours = 1.5;                   ///< face-to-face time per statutory visit (L)
    double travel_hours_per_visit = 0.7;        ///< (L; calibrated with the time shares)
    /** @brief Recording per hour of visit (calibrated to 36% admin without PA). */
    double recording_hours_per_visit_hour = 0.63;
    double fixed_admin_hours_per_week = 1.5;  ///< email, IT, returns per worker (calibrated)
    double fixed_other_hours_per_week = 1.5;  ///< supervision, team meetings, training (L)
    /** @brief Share of a social worker's admin a PA could do (scheduling, typing notes, minutes,
     * requesting information: PA evaluation task list). Calibrated to 14% admin at 1:3. */
    double delegable_admin_share = 0.68;
    /** @brief Most of a day that admin and meetings may take while visits are due; the rest is
     * kept for visits and the admin left undone becomes a backlog (L). */
    double max_admin_meeting_share = 0.75;
    double max_admin_backlog_hours = 37.0;  ///< backlog beyond a week is never caught up (L)
    double handover_hours_per_case = 3.0;   ///< reading in and introductions (L), as admin
    /** @brief Value of one hour of social worker time, pounds: £35,400 pay (2018 national
     * average) / (37 h x 52.14 weeks). Used for admin_time_value_per_worker. */
    double hourly_value = 18.35;
};

/** @brief Personal assistants (mechanism 5). */
struct AdminSupportConfig {
    /** @brief Social workers served by one PA; 0 = no admin support. PA evaluation: 3. */
    double workers_per_pa = 0.0;
    double pa_hours_per_week = 37.0;  ///< full-time PA
    /** @brief Social-worker admin hours a PA clears per PA hour (> 1: a skilled administrator
     * is faster at typing and scheduling than a social worker). Calibrated (PA evaluation). */
    double pa_efficiency = 1.0;
};

/** @brief Stress in [0, 1] and its effects (mechanism 6). Caseload acts through stress
 * (Kim & Kao 2014; Mor Barak et al. 2001). target = w_admin x admin share (paperwork is the top
 * stressor, 68%) + w_pressure x (compulsory hours / contracted - 1) + w_overtime x overtime /
 * contracted, clamped to [0, 1]; stress moves toward the target with the time constants. */
struct StressConfig {
    double weight_admin_share = 0.89;  ///< DfE longitudinal study wave 1: paperwork 68%
    double weight_pressure = 0.8;      ///< too many cases 50%, too little direct time 44%
    double weight_overtime = 0.5;
    double baseline = 0.0;
    double rise_days = 20.0;     ///< time constant when rising, working days (L)
    double recover_days = 60.0;  ///< time constant when easing, working days (L)
};

/** @brief Sickness spells as hazards of stress: rate = base x exp(coefficient x stress). */
struct SicknessConfig {
    /** @brief Short spells per FTE-year at zero stress (calibrated: 3.2% absence, DfE 2023, and
     * the PA evaluation's >80% fall in short-term sickness). */
    double short_spells_per_year_at_zero_stress = 0.22;
    double short_stress_coefficient = 3.9;  ///< calibrated (PA evaluation)
    core::Distribution short_duration_wd = core::Distribution::triangular(1.0, 2.0, 5.0);
    /** @brief Long spells per FTE-year of the stress-related kind at zero stress (mental ill
     * health, stress); calibrated with the next so base keeps 3.2% absence (DfE 2023). */
    double long_spells_per_year_at_zero_stress = 0.01;
    double long_stress_coefficient = 2.5;
    /** @brief Long spells per FTE-year from causes beyond workload (acute illness, operations,
     * injuries, musculoskeletal, cancer), independent of stress: about half of base's long spells
     * (L: mental ill health and stress lead the causes of long-term absence, the rest is not
     * workload; issue 11 item 7). Keeps long-term absence when admin support lowers stress. */
    double long_spells_per_year_other_causes = 0.04;
    /** @brief Long spells (>= 4 weeks): cases are handed over. Mean ~40 wd (L). */
    core::Distribution long_duration_wd = core::Distribution::gamma(40.0, 20.0);
};

/** @brief Posts, resignation and notice (mechanism 6). */
struct WorkforceConfig {
    /** @brief Case-holding social worker posts (establishment). ~64% of 218 FTE (33,119 / 152
     * councils, DfE workforce 2023) hold cases; calibrated with caseload 16.0. */
    double social_worker_posts = 168.0;
    int team_size = 6;                     ///< social workers per team manager (L)
    double initial_agency_share = 0.176;   ///< of posts; 17.8% agency (DfE workforce 2023)
    double initial_vacancy_share = 0.013;  ///< posts empty (18.9% vacancy less agency cover)
    double initial_newly_qualified_share = 0.1;
    /** @brief Resignations per employed FTE-year at zero stress; rate = base x exp(k x stress).
     * Calibrated to turnover 15.9% (DfE workforce 2023). */
    double resignation_rate_at_zero_stress = 0.09;
    double resignation_stress_coefficient = 1.2;  ///< stress, not caseload, drives leaving
    int notice_wd = 20;                           ///< one month's notice (typical contract; L)
};

/** @brief Recruitment, newly qualified workers and agency cover (mechanism 7). */
struct RecruitmentConfig {
    /** @brief Months from a post falling vacant to an employed starter. Calibrated: with 15.9%
     * turnover, a vacancy rate of 18.9% (DfE workforce 2023) needs ~19 months on average. */
    core::Distribution months_to_fill = core::Distribution::gamma(19.0, 10.0);
    bool inspection_inadequate = false;
    double inadequate_fill_multiplier = 1.5;      ///< slower for an inadequate council (seed 004)
    double newly_qualified_share_of_hires = 0.3;  ///< (L)
    double newly_qualified_protected_months = 12.0;  ///< ASYE year
    double newly_qualified_efficiency = 0.8;  ///< hours of work per hour of a qualified worker
    bool agency_allowed = true;
    core::Distribution agency_start_wd = core::Distribution::gamma(15.0, 8.0);  ///< within weeks
    core::Distribution agency_contract_months = core::Distribution::gamma(6.0, 3.0);
    double agency_renewal_probability = 0.8;  ///< (L) ~80% of vacancies agency-covered (DfE)
};

/** @brief Early help capacity (mechanisms 2 and 9). */
struct EarlyHelpConfig {
    double capacity_families = 400.0;  ///< families supported at once (L)
    double cost_per_family = 5000.0;   ///< £3,000-£9,300 per family (2012)
};

/** @brief Quality and harm (mechanism 8). Hazards per child-year by latent need level. */
struct QualityConfig {
    std::vector<double> harm_rate_by_need{0.0, 0.0005, 0.002, 0.008, 0.02};   ///< (L)
    std::vector<double> escalation_rate_by_need{0.0, 0.05, 0.05, 0.03, 0.0};  ///< need +1 (L)
    double late_visit_multiplier = 2.0;   ///< hazard x while a visit is overdue (L)
    double unallocated_multiplier = 2.0;  ///< hazard x while the case has no worker (L)
    double handover_multiplier = 1.5;     ///< hazard x during reduced risk detection (L)
    int handover_risk_wd = 20;            ///< reduced risk detection after a handover (L)
    /** @brief A worker's compulsory hours / available hours above which an assessment counts as
     * rushed; a rushed decision misjudges need with rushed_error_probability. */
    double rushed_pressure = 1.1;
    double rushed_error_probability = 0.3;
    /** @brief Resolution probability lost per late visit share and per handover (L). */
    double resolution_loss_per_late_share = 0.1;
    double resolution_loss_per_handover = 0.02;
};

/** @brief A placement type for looked-after children. */
struct PlacementType {
    std::string name;
    double share = 0.0;        ///< of children entering care (L: illustrative mix)
    double weekly_cost = 0.0;  ///< pounds per week
};

/** @brief A dated funding change and the council's response (mechanism 9). Every field defaults
 * to "no change": a change does only what it states. */
struct FundingChange {
    std::string label = "funding change";
    std::string date = "2025-04-01";     ///< applies from this date (usually 1 April)
    double budget_change = 0.0;          ///< fractional change of the yearly budget (-0.2 = cut)
    bool hiring_freeze = false;          ///< no recruitment: neither employed hires nor new agency
    double hiring_freeze_months = 12.0;  ///< how long the freeze lasts; 0 = for good (L)
    bool agency_ban = false;             ///< agency contracts end and are not replaced
    bool cut_pas = false;                ///< all PA posts are removed
    double early_help_cut = 0.0;         ///< fraction of early help capacity removed
    double posts_cut = 0.0;  ///< fraction of social worker posts deleted as they fall vacant
    /** @brief Fraction of health visitor FTE removed (seed 000: one county cut 31 of 120). */
    double health_visiting_cut = 0.0;
    double manager_posts_cut = 0.0;  ///< fraction of team manager posts deleted as they fall vacant
};

/** @brief Money (mechanism 9). Pounds per year unless stated. */
struct MoneyConfig {
    double employed_social_worker_cost = 66500.0;  ///< ~£1,280/week fully loaded (2025)
    double agency_social_worker_cost = 93600.0;    ///< ~£1,800/week, ~1.4x (2025)
    double pa_cost = 13224.0;       ///< £4,408 per social worker supported x 3 (PA evaluation)
    double manager_cost = 80000.0;  ///< team manager, fully loaded (L)
    double front_door_fte_cost = 66500.0;  ///< as an employed social worker
    std::vector<PlacementType> placements{{"in_house_foster", 0.55, 650.0},
                                          {"independent_foster", 0.27, 820.0},
                                          {"childrens_home", 0.10, 4950.0},
                                          {"kinship_other", 0.08, 300.0}};
    /** @brief Budget per financial year; 0 = automatic: the cost of the full establishment
     * employed, PAs, managers, early help at capacity, and placements for 70 looked-after
     * children per 10,000 (CLA 2024), times (1 + budget_headroom). */
    double budget_per_year = 0.0;
    double budget_headroom = 0.0;
    std::vector<FundingChange> funding_changes;
};

/** @brief Prevention by health visiting and early help (issue 7; seeds 000 and 003). Families
 * whose lower need is not found early deteriorate and come back later as referrals, more of them
 * at high need. Prevention capacity P(t) = health_visitor_weight x HV(t)/HV(0) + (1 -
 * health_visitor_weight) x EH(t)/EH(0); the gap G = 1 - P reaches demand through a first-order
 * lag of delay_months (the time families take to deteriorate), so at the base capacity the
 * submodel changes nothing and base.json keeps its calibration. Referral rate x (1 +
 * referral_elasticity x lagged gap); a share severity_shift x lagged gap of the referrals that
 * would have been at need 0-1 arrive at need 3-4 instead. */
struct PreventionConfig {
    bool enabled = true;
    /** @brief Health visitor FTE serving the council's children: 7,852 in England (2023, seed 000,
     * Institute of Health Visiting) / 152 councils ~ 52. */
    double health_visitors = 52.0;
    double health_visitor_cost = 52000.0;  ///< pounds per FTE-year, fully loaded band 6 (L)
    double health_visitor_weight = 0.5;    ///< share of prevention from health visiting (L)
    double delay_months = 12.0;            ///< time for unmet need to surface as referrals (L)
    /** @brief Relative rise in referrals per unit of prevention gap. Calibrated with
     * severity_shift so that a 25% cut of both services raises the children-in-need rate by
     * ~3.3% over the following years, inside Webb (2021)'s estimate of 0.07-0.157% more children
     * in need per 1% less early help spending (a 25% cut: +1.75% to +3.9%). */
    double referral_elasticity = 0.05;
    double severity_shift = 0.1;  ///< share of low-need referrals moved to high need per unit gap
};

/** @brief Ofsted inspection of children's services (issue 7; seed 004). Inspections judge the
 * department from its recent KPIs (exponential averages with kpi_window_months); an inadequate
 * judgement brings a wave of resignations, slower recruitment, more agency cover and more
 * compliance admin for effect_months, and a re-inspection sooner. */
struct InspectionKpi {
    std::string name;    ///< caseload_mean, unallocated_share, visits_on_time_share,
                         ///< assessments_on_time_share, agency_share, vacancy_rate, turnover_rate
    double amber = 0.0;  ///< one point beyond this value
    double red = 0.0;    ///< two points beyond this value
};

struct InspectionConfig {
    bool enabled = true;
    std::string first_date = "2025-10-01";  ///< date of the first inspection in the run
    double interval_months = 36.0;          ///< ILACS standard inspections about every three years
    double reinspection_months_if_inadequate = 18.0;  ///< after monitoring visits (L)
    /** @brief "from_kpis", or a forced judgement for the first inspection: "outstanding",
     * "good", "requires_improvement", "inadequate" (workshops: what does a judgement do?). */
    std::string first_judgement = "from_kpis";
    double kpi_window_months = 6.0;  ///< time constant of the KPI averages inspectors see (L)
    std::vector<InspectionKpi> kpis{
        {"caseload_mean", 18.0, 22.0},        {"unallocated_share", 0.02, 0.05},
        {"visits_on_time_share", 0.85, 0.75}, {"assessments_on_time_share", 0.80, 0.70},
        {"agency_share", 0.15, 0.30},         {"turnover_rate", 0.15, 0.22}};
    double inadequate_points = 6.0;            ///< points at or above: inadequate
    double requires_improvement_points = 3.0;  ///< at or above: requires improvement
    double good_points = 1.0;                  ///< at or above: good; below: outstanding
    double effect_months = 24.0;               ///< how long an inadequate judgement bites (L)
    /** @brief Share of employed social workers who resign in the month after the judgement
     * (seed 004: staff leaving "in droves"; L). */
    double resignation_wave_share = 0.08;
    double resignation_multiplier = 1.4;       ///< resignation hazard x during the effect (L)
    double fill_multiplier = 1.5;              ///< months to fill x during the effect (seed 004)
    double agency_renewal_probability = 0.95;  ///< agency kept on during the effect (L)
    double compliance_admin_hours_per_week = 2.0;  ///< audits, action plans per worker (L)
};

/** @brief How the organisation responds to a serious harm event (issue 7; seeds 002, 003).
 * "blame": for blame_months after each harm, resignations rise, practice turns defensive (more
 * section 47 enquiries) and recording grows, and near misses go unreported. "learning": near
 * misses (need escalations) are reported and reviewed; each review lowers the harm and
 * escalation hazards toward learning_floor, and learning fades with learning_decay_years.
 * "neutral" (default): neither. */
struct CultureConfig {
    std::string mode = "neutral";
    /** @brief Share of serious harms that become a public serious incident and set off blame
     * (L: the model's ~26 harms a year per council are more than the ~3 serious incident
     * notifications a typical council makes). */
    double blame_trigger_probability = 0.1;
    double blame_months = 3.0;                  ///< (L)
    double blame_resignation_multiplier = 1.5;  ///< hazard x (seed 003: blame drives leaving; L)
    double defensive_section_47_probability = 0.15;  ///< moderate need escalated to s47 (L)
    double defensive_recording_multiplier = 1.25;    ///< case admin x during blame (L)
    double near_miss_reporting = 0.6;  ///< share of near misses reported in a learning culture (L)
    double review_hours = 3.0;         ///< admin hours per reviewed near miss or harm (L)
    double learning_per_review = 0.005;  ///< learning gained per review (L)
    double learning_floor = 0.6;         ///< hazards fall at most to this share (L)
    double learning_decay_years = 3.0;   ///< learning fades without new reviews (L)
};

/** @brief Team managers: supervision and escalation (issue 7; seed 001's "significant levels of
 * management sick leave" and "lack of appropriate escalation"). One manager per team; a present
 * manager can also cover (teams_per_manager_max - 1) of an absent colleague's team, at
 * cover_supervision_share of a manager's own supervision. Cases of
 * workers without supervision carry a higher harm and escalation hazard (risk is missed) and a
 * rushed assessment's error is more likely to stand. Disabled: managers are always present. */
struct ManagementConfig {
    bool enabled = true;
    double short_spells_per_year = 0.5;  ///< (L; 3.2% absence overall, DfE workforce 2023)
    core::Distribution short_duration_wd = core::Distribution::triangular(1.0, 2.0, 5.0);
    double long_spells_per_year = 0.04;  ///< (L)
    core::Distribution long_duration_wd = core::Distribution::gamma(40.0, 20.0);
    double resignation_rate = 0.12;  ///< per manager-year (L; near social worker turnover)
    core::Distribution months_to_fill = core::Distribution::gamma(6.0, 3.0);  ///< (L)
    double teams_per_manager_max = 1.5;  ///< span a present manager can stretch to (L)
    /** @brief Supervision an absent manager's team gets from a colleague covering it, as a
     * share of its own manager's (an acting manager has half the time; L). */
    double cover_supervision_share = 0.5;
    double unsupervised_hazard_multiplier = 1.5;  ///< harm and escalation x (L)
    double unsupervised_error_multiplier = 2.0;   ///< rushed-assessment error x (L)
    double unsupervised_stress = 0.1;  ///< added to the stress target without supervision (L)
};

/** @brief Churn as children experience it (issue 7). Each change of social worker in the last
 * 12 months multiplies the child's harm and escalation hazard (the child retells the story and
 * the new worker does not know the history; L); the loss of resolution per handover is in
 * QualityConfig. Disabled: no extra hazard (the metrics are still reported). */
struct ChurnConfig {
    bool enabled = true;
    double hazard_multiplier_per_recent_change = 1.1;  ///< (L)
};

/** @brief Open cases at day 0 in one stage, so the run does not start from an empty office. */
struct InitialStock {
    std::string stage;
    double per_10k_children = 0.0;
    int need = 3;  ///< latent need level 0..4 of these children
};

/** @brief The state at day 0 (the warm-up removes what remains of it from the statistics). */
struct InitialStateConfig {
    /** @brief Default: the model's own steady state by stage and need level (base.json run for
     * 16 years, 10 replications, open cases on the last day), so that runs start close to
     * equilibrium: 343 children in need per 10,000 of whom 46.5 on plans and 73 looked after,
     * within the calibration bands of DfE CIN 2024 (332.9; ~42) and CLA 2024 (70). Residual
     * stage times are drawn length-biased (spells in progress are longer than average). */
    std::vector<InitialStock> stocks{{"assessment", 6.4, 0},
                                     {"assessment", 11.0, 1},
                                     {"assessment", 13.1, 2},
                                     {"assessment", 3.8, 3},
                                     {"assessment", 0.6, 4},
                                     {"child_in_need", 1.1, 0},
                                     {"child_in_need", 21.4, 1},
                                     {"child_in_need", 70.1, 2},
                                     {"child_in_need", 60.5, 3},
                                     {"child_in_need", 24.4, 4},
                                     {"section_47", 0.1, 1},
                                     {"section_47", 1.7, 2},
                                     {"section_47", 5.3, 3},
                                     {"section_47", 2.7, 4},
                                     {"initial_conference", 0.1, 2},
                                     {"initial_conference", 0.8, 3},
                                     {"initial_conference", 0.5, 4},
                                     {"child_protection_plan", 2.0, 2},
                                     {"child_protection_plan", 23.7, 3},
                                     {"child_protection_plan", 20.8, 4},
                                     {"looked_after", 2.6, 2},
                                     {"looked_after", 25.6, 3},
                                     {"looked_after", 44.9, 4},
                                     {"early_help", 10.4, 0},
                                     {"early_help", 22.6, 1},
                                     {"early_help", 7.5, 2},
                                     {"early_help", 0.1, 3}};
    double stress = 0.5;  ///< every worker's stress at day 0 (the steady state is ~0.5)
};

struct DepartmentConfig;

/**
 * @brief A dated change of levers (the scenario's `changes`): from the start of `date` the model
 * runs with `config`, the whole configuration with the change's `set` applied (on top of every
 * earlier change). The reader checks every path and value as it checks the scenario itself.
 */
struct DatedChange {
    std::string date;                ///< YYYY-MM-DD, applied at 00:00 of that day
    std::string label;               ///< free text for the event ticker (may be empty)
    std::vector<std::string> paths;  ///< the dotted JSON paths the change sets
    std::shared_ptr<const DepartmentConfig> config;  ///< the configuration from `date` on
};

/** @brief Everything the department model needs for one scenario. */
struct DepartmentConfig {
    RunConfig run;
    PopulationConfig population;
    DemandConfig demand;
    FrontDoorConfig front_door;
    PathwayConfig pathway = default_pathway();
    AllocationConfig allocation;
    TimeUseConfig time_use;
    AdminSupportConfig admin_support;
    StressConfig stress;
    SicknessConfig sickness;
    WorkforceConfig workforce;
    RecruitmentConfig recruitment;
    EarlyHelpConfig early_help;
    QualityConfig quality;
    MoneyConfig money;
    InitialStateConfig initial;
    PreventionConfig prevention;
    InspectionConfig inspection;
    CultureConfig culture;
    ManagementConfig management;
    ChurnConfig churn;
    std::vector<DatedChange> changes;  ///< in date order; each holds its whole configuration
    /** @brief The teams: default_teams() (base.json); empty = one department-wide team holding
     * every stage, the model before teams. */
    std::vector<TeamConfig> teams = default_teams();
};

}  // namespace cssim::department
