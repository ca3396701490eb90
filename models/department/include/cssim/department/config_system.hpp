#pragma once
/**
 * @file config_system.hpp
 * @brief System effects: prevention, inspection, culture and management (issue 7). Part of the
 * department model's configuration; include cssim/department/config.hpp (see its notes on units,
 * sources and invariants).
 */
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"

namespace cssim::department {

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

}  // namespace cssim::department
