// The department model's scenario reader ("model": "department"). Every section is optional:
// absent fields keep the defaults of cssim/department/config.hpp (documented in docs/model.md).
#include <cmath>
#include <string>

#include "cssim/department/department.hpp"
#include "cssim/department/pathway.hpp"
#include "department_council.hpp"
#include "json_reader_internal.hpp"
#include "model_registry.hpp"
#include "teams_reader.hpp"

namespace cssim::scenario {

namespace {

using namespace cssim::department;

constexpr double kMaxYears = 200.0;  // runaway-run guard
constexpr double kMaxPosts = 100'000.0;
constexpr double kMaxRatePer10k = 100'000.0;
constexpr double kShareTolerance = 1e-6;
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

void by_need(ObjectReader& r, std::string_view key, std::vector<double>& out, std::string_view doc,
             std::string_view unit = "probability", Range range = Range::unit()) {
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

void read_demand(ObjectReader& root, DepartmentConfig& c) {
    root.object("demand", {.doc = "Referrals (mechanism 1)"}, [&](ObjectReader& r) {
        DemandConfig& d = c.demand;
        r.number("referrals_per_10k_children_per_year", d.referrals_per_10k_children_per_year,
                 {.range = Range::closed(0.0, kMaxRatePer10k),
                  .doc = "New referrals from outside (re-referrals are made by the model)",
                  .unit = "per 10,000 children per year"});
        r.number_array("seasonality", d.seasonality,
                       {.range = Range::non_negative(),
                        .min_items = 12,
                        .max_items = 12,
                        .doc = "Monthly multipliers, January first",
                        .unit = "multiplier"});
        r.number("trend_per_year", d.trend_per_year,
                 {.range = Range::above(-1.0),
                  .doc = "Compound growth of the rate",
                  .unit = "fraction per year"});
        if (!r.is_schema() && r.has("shocks"))
            d.shocks.clear();
        r.array("shocks", {.doc = "Dated demand shocks"}, [&](ObjectReader& s, std::size_t) {
            DemandShock& k = d.shocks.emplace_back();
            s.string("label", k.label, {.doc = "For the event ticker"});
            s.string("start_date", k.start_date, {.required = true, .doc = "YYYY-MM-DD"});
            check_date(s, "start_date", k.start_date);
            s.number("extra", k.extra,
                     {.range = Range::above(-1.0),
                      .doc = "Increase at full strength (0.7 = +70%)",
                      .unit = "fraction"});
            s.number("ramp_months", k.ramp_months,
                     {.range = Range::non_negative(),
                      .doc = "Months to full strength",
                      .unit = "months"});
            s.number("duration_months", k.duration_months,
                     {.range = Range::non_negative(),
                      .doc = "Months until demand returns to base; 0 = never",
                      .unit = "months"});
        });
        by_need(r, "need_mix", d.need_mix,
                "Latent need at referral: none, low, moderate, high, acute", "share");
        if (!r.is_schema() && r.has("need_mix")) {
            double sum = 0.0;
            for (double x : d.need_mix)
                sum += x;
            check_sums_to_one(r, "need_mix", sum);
        }
        if (!r.is_schema() && r.has("sources"))
            d.sources.clear();
        r.array(
            "sources",
            {.min_items = 1, .doc = "Where new referrals come from, each source with its calendar"},
            [&](ObjectReader& s, std::size_t) {
                ReferralSource& k = d.sources.emplace_back();
                s.string("name", k.name, {.required = true, .min_items = 1});
                s.number("share", k.share,
                         {.required = true, .range = Range::unit(), .unit = "share"});
                s.choice("calendar", k.calendar,
                         {{"weekdays", SourceCalendar::kWeekdays},
                          {"school_terms", SourceCalendar::kSchoolTerms},
                          {"every_day", SourceCalendar::kEveryDay}},
                         {.doc = "weekdays (weekends and bank holidays quieter), "
                                 "school_terms (school days only) or every_day"});
            });
        if (!r.is_schema() && r.has("sources")) {
            double sum = 0.0;
            for (std::size_t i = 0; i < d.sources.size(); ++i) {
                sum += d.sources[i].share;
                for (std::size_t j = 0; j < i; ++j) {
                    if (d.sources[j].name == d.sources[i].name && !d.sources[i].name.empty()) {
                        r.error("sources[" + std::to_string(i) + "].name",
                                "duplicate source \"" + d.sources[i].name + "\" (also sources[" +
                                    std::to_string(j) + "])");
                    }
                }
            }
            check_sums_to_one(r, "sources", sum);
        }
        r.object(
            "calendar", {.doc = "The referral calendar of weekday and school-term sources"},
            [&](ObjectReader& k) {
                DemandCalendarConfig& cal = d.calendar;
                k.number("weekend_factor", cal.weekend_factor,
                         {.range = Range::non_negative(),
                          .doc = "A weekday source's rate on Saturdays and Sundays, relative "
                                 "to a working day",
                          .unit = "multiplier"});
                k.number("bank_holiday_factor", cal.bank_holiday_factor,
                         {.range = Range::non_negative(),
                          .doc = "The same on a weekday bank holiday (England and Wales)",
                          .unit = "multiplier"});
                if (!k.is_schema() && k.has("school_holidays"))
                    cal.school_holidays.clear();
                k.array("school_holidays",
                        {.doc = "School holidays (inclusive); absent or empty = the English "
                                "rule (docs/model.md 7.1)"},
                        [&](ObjectReader& h, std::size_t) {
                            DateRange& range = cal.school_holidays.emplace_back();
                            h.string("start", range.start, {.required = true, .doc = "YYYY-MM-DD"});
                            h.string("end", range.end,
                                     {.required = true, .doc = "YYYY-MM-DD, inclusive"});
                            check_date(h, "start", range.start);
                            check_date(h, "end", range.end);
                            core::Date a, b;
                            if (!h.is_schema() && core::Date::parse(range.start, a) &&
                                core::Date::parse(range.end, b) && b < a) {
                                h.error("end", "must not be before start (" + range.start + ")");
                            }
                        });
            });
        r.number("yearly_rate_cv", d.yearly_rate_cv,
                 {.range = Range::closed(0.0, 2.0),
                  .doc = "Coefficient of variation of the gamma multiplier of the referral rate "
                         "drawn per replication and financial year (mean 1); 0 = Poisson only",
                  .unit = "fraction"});
        by_need(r, "re_referral_probability_by_need", d.re_referral_probability_by_need,
                "Chance a child closed with need remaining is referred again");
        read_distribution(r, "re_referral_delay_days", d.re_referral_delay_days,
                          {.required = false, .doc = "Delay until that re-referral"});
    });
    root.object("front_door", {.doc = "Screening (mechanism 2)"}, [&](ObjectReader& r) {
        FrontDoorConfig& f = c.front_door;
        r.number("screening_fte", f.screening_fte, {.range = Range::non_negative(), .unit = "FTE"});
        r.number("screening_hours_per_referral", f.screening_hours_per_referral,
                 {.range = Range::positive(), .unit = "hours"});
        r.integer("decision_due_wd", f.decision_due_wd,
                  {.range = Range::closed(0, 250), .unit = "working days"});
        r.number("accuracy", f.accuracy, {.range = Range::unit(), .doc = "At pressure <= 1"});
        r.number("accuracy_loss_per_pressure", f.accuracy_loss_per_pressure,
                 {.range = Range::non_negative()});
        r.number("minimum_accuracy", f.minimum_accuracy, {.range = Range::unit()});
    });
}

void read_stage(ObjectReader& s, PathwayStage& st) {
    s.string("id", st.id, {.required = true, .min_items = 1});
    s.string("label", st.label);
    s.choice("kind", st.kind,
             {{"entry", StageKind::Entry},
              {"front_door", StageKind::FrontDoor},
              {"social_work", StageKind::SocialWork},
              {"early_help", StageKind::EarlyHelp},
              {"closed", StageKind::Closed}},
             {.doc = "What the model does with a case in this stage"});
    read_distribution(
        s, "duration_wd", st.duration_wd,
        {.required = false, .doc = "Time before the outcome", .unit = "working days"});
    s.integer("required_visits", st.required_visits, {.range = Range::closed(0, 1000)});
    s.integer("visit_interval_wd", st.visit_interval_wd,
              {.range = Range::closed(0, 1000), .unit = "working days"});
    s.integer("review_interval_wd", st.review_interval_wd,
              {.range = Range::closed(0, 10000), .unit = "working days"});
    s.number("review_hours", st.review_hours, {.range = Range::non_negative(), .unit = "hours"});
    s.number("meeting_hours_per_week", st.meeting_hours_per_week,
             {.range = Range::non_negative(), .unit = "hours per case per week"});
    s.number("admin_hours_per_week", st.admin_hours_per_week,
             {.range = Range::non_negative(), .unit = "hours per case per week"});
    s.number("caseload_weight", st.caseload_weight, {.range = Range::non_negative()});
    s.integer("deadline_wd", st.deadline_wd,
              {.range = Range::closed(0, 10000), .unit = "working days"});
    by_need(s, "resolution_probability_by_need", st.resolution_probability_by_need,
            "Chance need is met when the case closes from this stage");
    // Durations from work and reviews (issue 11 item 3; docs/model.md 7.3).
    by_need(s, "work_hours_by_need", st.work_hours_by_need,
            "Hours of assessment work by need; the stage ends when they are given", "hours",
            Range::non_negative());
    s.number("work_hours_cv", st.work_hours_cv, {.range = Range::closed(0.0, 5.0)});
    s.number("work_hours_per_day", st.work_hours_per_day,
             {.range = Range::closed(0.0, 24.0),
              .doc = "Most hours an assessment takes a day before its push window",
              .unit = "hours"});
    s.integer("deadline_push_wd", st.deadline_push_wd,
              {.range = Range::closed(0, 10000), .unit = "working days"});
    s.number("deadline_push_hours_per_day", st.deadline_push_hours_per_day,
             {.range = Range::closed(0.0, 24.0), .unit = "hours"});
    s.boolean("opens_assessment", st.opens_assessment);
    s.boolean("reassess_on_escalation", st.reassess_on_escalation);
    {
        std::vector<double> schedule(st.review_schedule_wd.begin(), st.review_schedule_wd.end());
        s.number_array("review_schedule_wd", schedule,
                       {.range = Range::closed(1.0, 10000.0),
                        .doc = "Review conferences: first gap, then each next; the last repeats",
                        .unit = "working days"});
        st.review_schedule_wd.assign(schedule.size(), 0);
        for (std::size_t i = 0; i < schedule.size(); ++i) {
            st.review_schedule_wd[i] = static_cast<int>(std::lround(schedule[i]));
        }
    }
    by_need(s, "review_exit_probability_by_need", st.review_exit_probability_by_need,
            "Chance a review conference ends the stage");
    s.number("first_review_exit_factor", st.first_review_exit_factor,
             {.range = Range::non_negative()});
    s.number("review_exit_loss_per_late_share", st.review_exit_loss_per_late_share,
             {.range = Range::unit()});
    s.string("early_exit_to", st.early_exit_to);
    by_need(s, "early_exit_rate_by_need", st.early_exit_rate_by_need,
            "Rate of an early exit (e.g. into care) between reviews", "per year",
            Range::non_negative());
}

void read_pathway(ObjectReader& root, DepartmentConfig& c) {
    root.object(
        "pathway", {.doc = "The pathway graph; replaces the default graph entirely"},
        [&](ObjectReader& r) {
            PathwayConfig& p = c.pathway;
            if (!r.is_schema()) {
                p.stages.clear();
                p.transitions.clear();
            }
            r.array("stages", {.required = true, .min_items = 2},
                    [&](ObjectReader& s, std::size_t) { read_stage(s, p.stages.emplace_back()); });
            r.array(
                "transitions", {.required = true, .min_items = 1},
                [&](ObjectReader& t, std::size_t) {
                    PathwayTransition& tr = p.transitions.emplace_back();
                    t.string("from", tr.from, {.required = true});
                    t.string("to", tr.to, {.required = true});
                    t.number("probability", tr.probability, {.range = Range::unit()});
                    t.number_array(
                        "probability_by_need", tr.probability_by_need,
                        {.range = Range::unit(),
                         .min_items = kNeedLevels,
                         .max_items = kNeedLevels,
                         .doc = "One probability per need level (replaces probability)"});
                    if (!t.is_schema() && !t.has("probability") && !t.has("probability_by_need")) {
                        t.error("", "give probability or probability_by_need");
                    }
                });
            if (r.is_schema() || r.has_errors())
                return;
            for (const PathwayProblem& problem : validate_pathway(p)) {
                std::string key = "stages";
                if (problem.transition_index >= 0) {
                    key = "transitions[" + std::to_string(problem.transition_index) + "]." +
                          problem.field;
                } else if (problem.stage_index >= 0) {
                    key = "stages[" + std::to_string(problem.stage_index) + "]." + problem.field;
                }
                r.error(key, problem.message);
            }
        });
}

void read_work(ObjectReader& root, DepartmentConfig& c) {
    root.object("allocation", {.doc = "Allocation (mechanism 4)"}, [&](ObjectReader& r) {
        r.number("caseload_cap", c.allocation.caseload_cap,
                 {.range = Range::positive(), .unit = "weighted cases"});
        r.number("newly_qualified_cap_share", c.allocation.newly_qualified_cap_share,
                 {.range = Range::unit()});
        r.integer("over_cap_after_wd", c.allocation.over_cap_after_wd,
                  {.range = Range::closed(0, 10000), .unit = "working days"});
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
            const Field rate = {.range = Range::closed(0.0, 252.0), .unit = "per year"};
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
