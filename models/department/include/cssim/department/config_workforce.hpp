#pragma once
/**
 * @file config_workforce.hpp
 * @brief Time use, admin support, stress, sickness, the workforce and recruitment (mechanisms 5-7).
 * Part of the department model's configuration; include cssim/department/config.hpp (see its notes
 * on units, sources and invariants).
 */
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"

namespace cssim::department {

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
    /** @brief Working days a long spell's cases stay with the absent worker before the team
     * manager passes them to colleagues as cover: an employee self-certifies the first 7
     * calendar days of sickness (5 working days) and a fit note then tells the employer the
     * absence will be long (GOV.UK, "Statutory Sick Pay" and fit note guidance). 0 = at once. */
    int cover_after_wd = 5;
    /** @brief On returning from a long spell, the worker takes back the covered children still
     * in their team's stages and held by a colleague of their team (in person); false = the
     * cover keeps them. Cover is temporary (L: which children go back is an assumption). */
    bool covered_cases_return = true;
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
    /** @brief An agency worker may also leave during an assignment, with the employed
     * resignation hazard at their stress times this (0 = only at contract ends). The DfE's
     * agency rules (consultation 2023, statutory guidance from October 2024) set a notice period
     * "to minimise immediate or quick departures and the associated impact on children and
     * families"; that they leave as readily as employed staff is L. */
    double agency_resignation_multiplier = 1.0;
    /** @brief Working days of notice an agency worker gives (four weeks: the statutory guidance
     * on agency social workers from October 2024). */
    int agency_notice_wd = 20;
};

}  // namespace cssim::department
