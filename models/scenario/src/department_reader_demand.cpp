// The department reader's `demand` and `pathway` sections (department_reader.hpp).
#include <cmath>
#include <string>
#include <vector>

#include "cssim/department/department.hpp"
#include "cssim/department/pathway.hpp"
#include "department_reader.hpp"
#include "json_reader_internal.hpp"

namespace cssim::scenario::department_reader {

using namespace cssim::department;

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
        r.number("threshold_above", f.threshold_above,
                 {.range = Range::non_negative(),
                  .doc = "Assessment team pressure above which the threshold rises; 0 = never"});
        r.number("threshold_share_per_pressure", f.threshold_share_per_pressure,
                 {.range = Range::non_negative()});
        r.number("threshold_max_share", f.threshold_max_share, {.range = Range::unit()});
        r.integer("threshold_max_need", f.threshold_max_need, {.range = Range::closed(0, 4)});
    });
}

namespace {

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
    {
        std::vector<double> visits(st.required_visits_by_need.begin(),
                                   st.required_visits_by_need.end());
        s.number_array("required_visits_by_need", visits,
                       {.range = Range::closed(0.0, 1000.0),
                        .doc = "Visits before the stage can end, by need (overrides "
                               "required_visits)"});
        st.required_visits_by_need.assign(visits.size(), 0);
        for (std::size_t i = 0; i < visits.size(); ++i) {
            st.required_visits_by_need[i] = static_cast<int>(std::lround(visits[i]));
        }
    }
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
    by_need(s, "writing_hours_by_need", st.writing_hours_by_need,
            "Hours of writing the assessment up by need (admin), after its work hours", "hours",
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

}  // namespace

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

}  // namespace cssim::scenario::department_reader
