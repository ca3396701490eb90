#pragma once
/**
 * @file config_demand.hpp
 * @brief Run length, population, demand and its calendar, the front door and early help (mechanisms
 * 1, 2). Part of the department model's configuration; include cssim/department/config.hpp (see its
 * notes on units, sources and invariants).
 */
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"

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
    /** @brief The front door raises its threshold (docs/system-effects.md section 6) when the
     * pressure of the team holding assessments (weighted cases held and waiting / the caps of its
     * workers at work) exceeds this: referrals it would send to assessment with a perceived need
     * at most `threshold_max_need` are stepped down to early help (when it has room) or closed
     * with no further action instead (NCB/BASW survey 2017: 70% of 1,646 social workers said the
     * child in need threshold had risen in three years, financial pressure the main reason;
     * Community Care 2015: 71% of 1,000+ said the child protection threshold had risen). 1.5
     * lies above the assessment team's highest pressure in base.json (1.09 over 10 replications
     * of 10 years), so it does not fire under normal pressure. 0 = never. (L) */
    double threshold_above = 1.5;
    /** @brief Share of those referrals turned away per unit of pressure above the threshold.
     * (L) */
    double threshold_share_per_pressure = 1.0;
    /** @brief Most of those referrals ever diverted (some are always assessed). (L) */
    double threshold_max_share = 0.8;
    /** @brief Highest perceived need (0 none .. 4 acute) the raised threshold turns away; section
     * 47 enquiries are never turned away. (L) */
    int threshold_max_need = 1;
};

/** @brief Early help capacity (mechanisms 2 and 9). */
struct EarlyHelpConfig {
    double capacity_families = 400.0;  ///< families supported at once (L)
    double cost_per_family = 5000.0;   ///< £3,000-£9,300 per family (2012)
};

}  // namespace cssim::department
