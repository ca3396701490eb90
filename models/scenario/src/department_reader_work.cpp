// The department reader's `allocation`, `time_use`, staffing and `money` sections
// (department_reader.hpp).
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/department/pathway.hpp"
#include "department_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario::department_reader {

using namespace cssim::department;

void read_work(ObjectReader& root, DepartmentConfig& c) {
    root.object("allocation", {.doc = "Allocation (mechanism 4)"}, [&](ObjectReader& r) {
        r.number("caseload_cap", c.allocation.caseload_cap,
                 {.range = Range::positive(), .unit = "weighted cases"});
        r.number("newly_qualified_cap_share", c.allocation.newly_qualified_cap_share,
                 {.range = Range::unit()});
        r.integer("over_cap_after_wd", c.allocation.over_cap_after_wd,
                  {.range = Range::closed(0, 10000), .unit = "working days"});
        r.number("redeploy_above", c.allocation.redeploy_above,
                 {.range = Range::non_negative(),
                  .doc = "Team pressure above which a post is redeployed into it; 0 = never"});
        r.number("redeploy_gap", c.allocation.redeploy_gap, {.range = Range::non_negative()});
        r.integer("redeploy_every_wd", c.allocation.redeploy_every_wd,
                  {.range = Range::closed(1, 10000), .unit = "working days"});
    });
    root.object("time_use", {.doc = "Hours and task times (mechanism 5)"}, [&](ObjectReader& r) {
        TimeUseConfig& t = c.time_use;
        const Field hours = {.range = Range::non_negative(), .unit = "hours"};
        r.number("contracted_hours_per_week", t.contracted_hours_per_week,
                 {.range = Range::closed(1.0, 80.0), .unit = "hours"});
        r.number("overtime_hours_per_case_per_week", t.overtime_hours_per_case_per_week, hours);
        r.number("max_overtime_hours_per_week", t.max_overtime_hours_per_week, hours);
        r.number("visit_hours", t.visit_hours, hours);
        r.number("travel_hours_per_visit", t.travel_hours_per_visit, hours);
        r.number("recording_hours_per_visit_hour", t.recording_hours_per_visit_hour,
                 {.range = Range::non_negative()});
        r.number("fixed_admin_hours_per_week", t.fixed_admin_hours_per_week, hours);
        r.number("fixed_other_hours_per_week", t.fixed_other_hours_per_week, hours);
        r.number("delegable_admin_share", t.delegable_admin_share, {.range = Range::unit()});
        r.number("max_admin_meeting_share", t.max_admin_meeting_share, {.range = Range::unit()});
        r.number("max_admin_backlog_hours", t.max_admin_backlog_hours, hours);
        r.number("handover_hours_per_case", t.handover_hours_per_case, hours);
        r.number("hourly_value", t.hourly_value, {.range = Range::non_negative(), .unit = "GBP"});
    });
    root.object(
        "admin_support", {.doc = "Personal assistants (mechanism 5)"}, [&](ObjectReader& r) {
            r.number("workers_per_pa", c.admin_support.workers_per_pa,
                     {.range = Range::closed(0.0, 1000.0),
                      .doc = "0 = no admin support",
                      .unit = "social workers"});
            r.number("pa_hours_per_week", c.admin_support.pa_hours_per_week,
                     {.range = Range::closed(0.0, 80.0), .unit = "hours"});
            r.number("pa_efficiency", c.admin_support.pa_efficiency, {.range = Range::positive()});
        });
    root.object("stress", {.doc = "Stress (mechanism 6)"}, [&](ObjectReader& r) {
        StressConfig& s = c.stress;
        r.number("weight_admin_share", s.weight_admin_share);
        r.number("weight_pressure", s.weight_pressure);
        r.number("weight_overtime", s.weight_overtime);
        r.number("baseline", s.baseline, {.range = Range::unit()});
        r.number("rise_days", s.rise_days, {.range = Range::at_least(1.0), .unit = "working days"});
        r.number("recover_days", s.recover_days,
                 {.range = Range::at_least(1.0), .unit = "working days"});
    });
    root.object("sickness", {.doc = "Sickness as a hazard of stress"}, [&](ObjectReader& r) {
        SicknessConfig& s = c.sickness;
        r.number("short_spells_per_year_at_zero_stress", s.short_spells_per_year_at_zero_stress,
                 {.range = Range::non_negative(), .unit = "per FTE-year"});
        r.number("short_stress_coefficient", s.short_stress_coefficient);
        read_distribution(r, "short_duration_wd", s.short_duration_wd,
                          {.required = false, .unit = "working days"});
        r.number("long_spells_per_year_at_zero_stress", s.long_spells_per_year_at_zero_stress,
                 {.range = Range::non_negative(), .unit = "per FTE-year"});
        r.number("long_stress_coefficient", s.long_stress_coefficient);
        r.number("long_spells_per_year_other_causes", s.long_spells_per_year_other_causes,
                 {.range = Range::non_negative(),
                  .doc = "Long spells from causes beyond workload (illness, injury, operations), "
                         "whatever the stress",
                  .unit = "per FTE-year"});
        read_distribution(r, "long_duration_wd", s.long_duration_wd,
                          {.required = false, .unit = "working days"});
        r.integer("cover_after_wd", s.cover_after_wd,
                  {.range = Range::closed(0, 2520),
                   .doc = "Working days a long spell's cases wait with the absent worker before "
                          "colleagues cover them (0 = at once)",
                   .unit = "working days"});
        r.boolean("covered_cases_return", s.covered_cases_return,
                  {.doc = "A worker back from a long spell takes back the covered children still "
                          "in their team"});
    });
}

void read_staffing(ObjectReader& root, DepartmentConfig& c) {
    root.object("workforce", {.doc = "Posts and leaving (mechanism 6)"}, [&](ObjectReader& r) {
        WorkforceConfig& w = c.workforce;
        r.number(
            "social_worker_posts", w.social_worker_posts,
            {.range = Range::closed(0.0, kMaxPosts), .doc = "Case-holding posts", .unit = "posts"});
        r.integer("team_size", w.team_size, {.range = Range::closed(1, 1000)});
        r.number("initial_agency_share", w.initial_agency_share, {.range = Range::unit()});
        r.number("initial_vacancy_share", w.initial_vacancy_share, {.range = Range::unit()});
        r.number("initial_newly_qualified_share", w.initial_newly_qualified_share,
                 {.range = Range::unit()});
        r.number("resignation_rate_at_zero_stress", w.resignation_rate_at_zero_stress,
                 {.range = Range::non_negative(), .unit = "per FTE-year"});
        r.number("resignation_stress_coefficient", w.resignation_stress_coefficient);
        r.integer("notice_wd", w.notice_wd,
                  {.range = Range::closed(0, 1000), .unit = "working days"});
        if (!r.is_schema() && w.initial_agency_share + w.initial_vacancy_share > 1.0) {
            r.error("initial_agency_share",
                    "initial_agency_share + initial_vacancy_share must be <= 1");
        }
    });
    root.object("recruitment", {.doc = "Recruitment and agency (mechanism 7)"},
                [&](ObjectReader& r) {
                    RecruitmentConfig& k = c.recruitment;
                    read_distribution(r, "months_to_fill", k.months_to_fill,
                                      {.required = false, .unit = "months"});
                    r.boolean("inspection_inadequate", k.inspection_inadequate);
                    r.number("inadequate_fill_multiplier", k.inadequate_fill_multiplier,
                             {.range = Range::positive()});
                    r.number("newly_qualified_share_of_hires", k.newly_qualified_share_of_hires,
                             {.range = Range::unit()});
                    r.number("newly_qualified_protected_months", k.newly_qualified_protected_months,
                             {.range = Range::non_negative(), .unit = "months"});
                    r.number("newly_qualified_efficiency", k.newly_qualified_efficiency,
                             {.range = Range::closed(0.1, 1.0)});
                    r.boolean("agency_allowed", k.agency_allowed);
                    read_distribution(r, "agency_start_wd", k.agency_start_wd,
                                      {.required = false, .unit = "working days"});
                    read_distribution(r, "agency_contract_months", k.agency_contract_months,
                                      {.required = false, .unit = "months"});
                    r.number("agency_renewal_probability", k.agency_renewal_probability,
                             {.range = Range::unit()});
                    r.number("agency_resignation_multiplier", k.agency_resignation_multiplier,
                             {.range = Range::closed(0.0, 100.0),
                              .doc = "Agency workers leave during an assignment at the employed "
                                     "resignation hazard times this (0 = only at contract ends)"});
                    r.integer("agency_notice_wd", k.agency_notice_wd,
                              {.range = Range::closed(0, 1000), .unit = "working days"});
                });
    root.object("early_help", {.doc = "Early help service"}, [&](ObjectReader& r) {
        r.number("capacity_families", c.early_help.capacity_families,
                 {.range = Range::non_negative(), .unit = "families"});
        r.number("cost_per_family", c.early_help.cost_per_family,
                 {.range = Range::non_negative(), .unit = "GBP"});
    });
    root.object("quality", {.doc = "Quality and harm (mechanism 8)"}, [&](ObjectReader& r) {
        QualityConfig& q = c.quality;
        by_need(r, "harm_rate_by_need", q.harm_rate_by_need, "Serious harm hazard",
                "per child-year", Range::non_negative());
        by_need(r, "escalation_rate_by_need", q.escalation_rate_by_need, "Need escalation hazard",
                "per child-year", Range::non_negative());
        r.number("late_visit_multiplier", q.late_visit_multiplier,
                 {.range = Range::non_negative()});
        r.number("unallocated_multiplier", q.unallocated_multiplier,
                 {.range = Range::non_negative()});
        r.number("handover_multiplier", q.handover_multiplier, {.range = Range::non_negative()});
        r.integer("handover_risk_wd", q.handover_risk_wd, {.range = Range::closed(0, 10000)});
        r.number("rushed_pressure", q.rushed_pressure, {.range = Range::non_negative()});
        r.number("rushed_error_probability", q.rushed_error_probability, {.range = Range::unit()});
        r.number("resolution_loss_per_late_share", q.resolution_loss_per_late_share,
                 {.range = Range::unit()});
        r.number("resolution_loss_per_handover", q.resolution_loss_per_handover,
                 {.range = Range::unit()});
    });
}

void read_money(ObjectReader& root, DepartmentConfig& c) {
    root.object(
        "money", {.doc = "Costs and budget (mechanism 9), pounds per year"}, [&](ObjectReader& r) {
            MoneyConfig& m = c.money;
            const Field gbp = {.range = Range::non_negative(), .unit = "GBP per year"};
            r.number("employed_social_worker_cost", m.employed_social_worker_cost, gbp);
            r.number("agency_social_worker_cost", m.agency_social_worker_cost, gbp);
            r.number("pa_cost", m.pa_cost, gbp);
            r.number("manager_cost", m.manager_cost, gbp);
            r.number("front_door_fte_cost", m.front_door_fte_cost, gbp);
            if (!r.is_schema() && r.has("placements"))
                m.placements.clear();
            r.array(
                "placements", {.doc = "Placement types for looked-after children"},
                [&](ObjectReader& p, std::size_t) {
                    PlacementType& t = m.placements.emplace_back();
                    p.string("name", t.name, {.required = true, .min_items = 1});
                    p.number("share", t.share, {.required = true, .range = Range::unit()});
                    p.number(
                        "weekly_cost", t.weekly_cost,
                        {.required = true, .range = Range::non_negative(), .unit = "GBP per week"});
                });
            if (!r.is_schema() && r.has("placements")) {
                double sum = 0.0;
                for (const PlacementType& t : m.placements)
                    sum += t.share;
                check_sums_to_one(r, "placements", sum);
            }
            r.number("budget_per_year", m.budget_per_year,
                     {.range = Range::non_negative(),
                      .doc = "0 = automatic (see docs/model.md)",
                      .unit = "GBP per year"});
            r.number("budget_headroom", m.budget_headroom, {.range = Range::above(-1.0)});
            if (!r.is_schema() && r.has("funding_changes"))
                m.funding_changes.clear();
            r.array(
                "funding_changes", {.doc = "Dated budget changes and the council's response"},
                [&](ObjectReader& f, std::size_t) {
                    FundingChange& k = m.funding_changes.emplace_back();
                    f.string("label", k.label);
                    f.string("date", k.date,
                             {.required = true, .doc = "YYYY-MM-DD, usually 1 April"});
                    check_date(f, "date", k.date);
                    f.number("budget_change", k.budget_change,
                             {.range = Range::above(-1.0),
                              .doc = "-0.2 = a 20% cut; default 0 (every field of a funding "
                                     "change defaults to no change)",
                              .unit = "fraction"});
                    f.boolean("hiring_freeze", k.hiring_freeze);
                    f.number(
                        "hiring_freeze_months", k.hiring_freeze_months,
                        {.range = Range::non_negative(), .doc = "0 = for good", .unit = "months"});
                    f.boolean("agency_ban", k.agency_ban);
                    f.boolean("cut_pas", k.cut_pas);
                    f.number("early_help_cut", k.early_help_cut, {.range = Range::unit()});
                    f.number("posts_cut", k.posts_cut, {.range = Range::unit()});
                    f.number("health_visiting_cut", k.health_visiting_cut,
                             {.range = Range::unit(),
                              .doc = "Fraction of health visitor FTE removed (prevention)"});
                    f.number("manager_posts_cut", k.manager_posts_cut,
                             {.range = Range::unit(),
                              .doc = "Fraction of team manager posts deleted as they fall vacant"});
                });
        });
    root.object("initial", {.doc = "State at day 0"}, [&](ObjectReader& r) {
        if (!r.is_schema() && r.has("stocks"))
            c.initial.stocks.clear();
        r.array("stocks", {.doc = "Open cases at day 0"}, [&](ObjectReader& s, std::size_t) {
            InitialStock& k = c.initial.stocks.emplace_back();
            s.string("stage", k.stage, {.required = true});
            s.number("per_10k_children", k.per_10k_children,
                     {.required = true, .range = Range::non_negative()});
            s.integer("need", k.need, {.range = Range::closed(0, 4)});
        });
        r.number("stress", c.initial.stress, {.range = Range::unit()});
    });
}

}  // namespace cssim::scenario::department_reader
