// The department reader's system-effect sections (department_reader.hpp).
#include <string>

#include "cssim/department/calendar_constants.hpp"
#include "cssim/department/department.hpp"
#include "cssim/department/pathway.hpp"
#include "department_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario::department_reader {

using namespace cssim::department;

/** @brief The system-effect submodels of issue 7 (docs/model.md, "System effects"). */
void read_system_effects(ObjectReader& root, DepartmentConfig& c) {
    root.object("prevention", {.doc = "Health visiting and early help as prevention"},
                [&](ObjectReader& r) {
                    PreventionConfig& k = c.prevention;
                    r.boolean("enabled", k.enabled);
                    r.number("health_visitors", k.health_visitors,
                             {.range = Range::closed(0.0, kMaxPosts), .unit = "FTE"});
                    r.number("health_visitor_cost", k.health_visitor_cost,
                             {.range = Range::non_negative(), .unit = "GBP per FTE-year"});
                    r.number("health_visitor_weight", k.health_visitor_weight,
                             {.range = Range::unit()});
                    r.number("delay_months", k.delay_months,
                             {.range = Range::closed(0.0, 600.0), .unit = "months"});
                    r.number("referral_elasticity", k.referral_elasticity,
                             {.range = Range::closed(0.0, 10.0),
                              .doc = "Relative rise in referrals per unit of prevention gap"});
                    r.number("severity_shift", k.severity_shift, {.range = Range::unit()});
                });
    root.object(
        "inspection", {.doc = "Ofsted inspections and their judgement"}, [&](ObjectReader& r) {
            InspectionConfig& k = c.inspection;
            r.boolean("enabled", k.enabled);
            r.string("first_date", k.first_date, {.doc = "YYYY-MM-DD"});
            check_date(r, "first_date", k.first_date);
            const Field months = {.range = Range::closed(0.0, 1200.0), .unit = "months"};
            r.number("interval_months", k.interval_months, months);
            r.number("reinspection_months_if_inadequate", k.reinspection_months_if_inadequate,
                     months);
            const std::vector<std::string> judgements = inspection_judgements();
            std::vector<std::string_view> judgement_views(judgements.begin(), judgements.end());
            r.choice("first_judgement", k.first_judgement, judgement_views);
            r.number("kpi_window_months", k.kpi_window_months,
                     {.range = Range::closed(0.1, 120.0), .unit = "months"});
            if (!r.is_schema() && r.has("kpis"))
                k.kpis.clear();
            const std::vector<std::string> kpi_names = inspection_kpi_names();
            std::vector<std::string_view> kpi_views(kpi_names.begin(), kpi_names.end());
            r.array("kpis", {.doc = "KPIs scored: 1 point beyond amber, 2 beyond red"},
                    [&](ObjectReader& e, std::size_t) {
                        InspectionKpi& kpi = k.kpis.emplace_back();
                        e.choice("name", kpi.name, kpi_views, {.required = true});
                        e.number("amber", kpi.amber, {.required = true});
                        e.number("red", kpi.red, {.required = true});
                    });
            const Field points = {.range = Range::non_negative(), .unit = "points"};
            r.number("inadequate_points", k.inadequate_points, points);
            r.number("requires_improvement_points", k.requires_improvement_points, points);
            r.number("good_points", k.good_points, points);
            if (!r.is_schema() && !(k.good_points <= k.requires_improvement_points &&
                                    k.requires_improvement_points <= k.inadequate_points)) {
                r.error("good_points",
                        "need good_points <= requires_improvement_points <= "
                        "inadequate_points");
            }
            r.number("effect_months", k.effect_months, months);
            r.number("resignation_wave_share", k.resignation_wave_share, {.range = Range::unit()});
            r.number("resignation_multiplier", k.resignation_multiplier,
                     {.range = Range::closed(0.0, 100.0)});
            r.number("fill_multiplier", k.fill_multiplier, {.range = Range::closed(0.01, 100.0)});
            r.number("agency_renewal_probability", k.agency_renewal_probability,
                     {.range = Range::unit()});
            r.number("compliance_admin_hours_per_week", k.compliance_admin_hours_per_week,
                     {.range = Range::closed(0.0, 40.0), .unit = "hours per week"});
        });
    root.object("culture", {.doc = "Blame or learning after serious harm"}, [&](ObjectReader& r) {
        CultureConfig& k = c.culture;
        const std::vector<std::string> modes = culture_modes();
        std::vector<std::string_view> mode_views(modes.begin(), modes.end());
        r.choice("mode", k.mode, mode_views);
        r.number(
            "blame_trigger_probability", k.blame_trigger_probability,
            {.range = Range::unit(), .doc = "Share of serious harms that set off a blame period"});
        r.number("blame_months", k.blame_months,
                 {.range = Range::closed(0.0, 600.0), .unit = "months"});
        r.number("blame_resignation_multiplier", k.blame_resignation_multiplier,
                 {.range = Range::closed(0.0, 100.0)});
        r.number("defensive_section_47_probability", k.defensive_section_47_probability,
                 {.range = Range::unit()});
        r.number("defensive_recording_multiplier", k.defensive_recording_multiplier,
                 {.range = Range::closed(0.0, 10.0)});
        r.number("near_miss_reporting", k.near_miss_reporting, {.range = Range::unit()});
        r.number("review_hours", k.review_hours,
                 {.range = Range::closed(0.0, 100.0), .unit = "hours"});
        r.number("learning_per_review", k.learning_per_review, {.range = Range::closed(0.0, 10.0)});
        r.number("learning_floor", k.learning_floor, {.range = Range::unit()});
        r.number("learning_decay_years", k.learning_decay_years,
                 {.range = Range::closed(0.01, 1000.0), .unit = "years"});
    });
    root.object(
        "management", {.doc = "Team managers, supervision and escalation"}, [&](ObjectReader& r) {
            ManagementConfig& k = c.management;
            r.boolean("enabled", k.enabled);
            // At most once a working day.
            const Field rate = {.range = Range::closed(0.0, kWorkingDaysPerYear),
                                .unit = "per year"};
            r.number("short_spells_per_year", k.short_spells_per_year, rate);
            read_distribution(r, "short_duration_wd", k.short_duration_wd,
                              {.required = false, .unit = "working days"});
            r.number("long_spells_per_year", k.long_spells_per_year, rate);
            read_distribution(r, "long_duration_wd", k.long_duration_wd,
                              {.required = false, .unit = "working days"});
            r.number("resignation_rate", k.resignation_rate, rate);
            read_distribution(r, "months_to_fill", k.months_to_fill,
                              {.required = false, .unit = "months"});
            r.number("teams_per_manager_max", k.teams_per_manager_max,
                     {.range = Range::closed(1.0, 10.0)});
            r.number("cover_supervision_share", k.cover_supervision_share,
                     {.range = Range::unit(),
                      .doc = "Supervision a covered team gets, as a share of its own manager's"});
            r.number("unsupervised_hazard_multiplier", k.unsupervised_hazard_multiplier,
                     {.range = Range::closed(0.0, 100.0)});
            r.number("unsupervised_error_multiplier", k.unsupervised_error_multiplier,
                     {.range = Range::closed(0.0, 100.0)});
            r.number("unsupervised_stress", k.unsupervised_stress, {.range = Range::unit()});
        });
    root.object("churn", {.doc = "Changes of social worker as children experience them"},
                [&](ObjectReader& r) {
                    r.boolean("enabled", c.churn.enabled);
                    r.number("hazard_multiplier_per_recent_change",
                             c.churn.hazard_multiplier_per_recent_change,
                             {.range = Range::closed(0.0, 10.0)});
                });
}

}  // namespace cssim::scenario::department_reader
