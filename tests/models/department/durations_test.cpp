/**
 * @file durations_test.cpp
 * @brief Durations that emerge from work and reviews (issue 11 item 3), on hand-built states:
 * one worker and one assessment that completes when its hours are given; the deadline pushing
 * an assessment ahead of the worker's other work; review conferences ending a plan; and, through
 * the model on a small council, plans and care episodes that end only at their reviews.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/department/department.hpp"
#include "department_durations.hpp"
#include "department_test_support.hpp"

namespace cssim::department::detail {
namespace {

PathwayStage plan_stage() {
    PathwayStage s;
    s.id = "child_protection_plan";
    s.review_schedule_wd = {63, 126};
    s.review_exit_probability_by_need = {0.8, 0.7, 0.6, 0.5, 0.4};
    s.first_review_exit_factor = 0.25;
    s.review_exit_loss_per_late_share = 0.5;
    return s;
}

TEST(DepartmentDurations, OneAssessmentCompletesWhenItsHoursAreGiven) {
    // One worker, one assessment needing 10 hours, 3 free hours a day and a pace of 2 hours a
    // day: it is done on the fifth day, not before.
    std::vector<AssessmentWork> items(1);
    items[0].hours_left = 10.0;
    int days = 0;
    while (items[0].hours_left > 1e-9) {
        ++days;
        const double given = share_assessment_time(3.0, 2.0, 0.0, 1.0, items);
        EXPECT_DOUBLE_EQ(given, items[0].given);
        EXPECT_DOUBLE_EQ(given, 2.0);
        items[0].hours_left -= items[0].given;
        ASSERT_LT(days, 100);
    }
    EXPECT_EQ(days, 5);
    // A worker with no free time gives nothing: the assessment waits (its clock runs).
    items[0].hours_left = 1.0;
    EXPECT_DOUBLE_EQ(share_assessment_time(0.0, 2.0, 2.0, 1.0, items), 0.0);
    // Never more than the work left: the rest stays free time (extra direct work).
    items[0].hours_left = 0.5;
    EXPECT_DOUBLE_EQ(share_assessment_time(3.0, 2.0, 0.0, 1.0, items), 0.5);
}

TEST(DepartmentDurations, AssessmentsTakeTheirPaceBeforeOtherWork) {
    // Free time 3.5 h, two assessments at a pace of 0.5 h a day: each gets its 0.5 h, and 2.5 h
    // stay for other work with families.
    std::vector<AssessmentWork> items(2);
    items[0].hours_left = items[1].hours_left = 100.0;
    EXPECT_NEAR(share_assessment_time(3.5, 0.5, 0.0, 1.0, items), 1.0, 1e-12);
    EXPECT_NEAR(items[0].given, 0.5, 1e-12);
    EXPECT_NEAR(items[1].given, 0.5, 1e-12);
    // A newly qualified worker (slow = 1.25) spends 0.625 h on each for the same 0.5 h of work;
    // a nearly finished assessment takes only the time its work needs at that pace.
    items[1].hours_left = 0.2;
    share_assessment_time(3.5, 0.5, 0.0, 1.25, items);
    EXPECT_NEAR(items[0].given, 0.625, 1e-12);
    EXPECT_NEAR(items[1].given, 0.25, 1e-12);
}

TEST(DepartmentDurations, TheDeadlinePushesAnAssessmentAheadOfOtherWork) {
    // Two assessments on one desk, pace 0.3 h a day, 2 h a day once pushed.
    std::vector<AssessmentWork> items(2);
    items[0].hours_left = items[1].hours_left = 20.0;
    items[0].deadline_day = 100;
    items[1].deadline_day = 90;
    share_assessment_time(2.5, 0.3, 2.0, 1.0, items);
    EXPECT_NEAR(items[0].given, 0.3, 1e-12);
    EXPECT_NEAR(items[1].given, 0.3, 1e-12);
    // Inside its push window the second takes up to 2 h, and comes first when time is short.
    items[1].pushed = true;
    share_assessment_time(2.5, 0.3, 2.0, 1.0, items);
    EXPECT_NEAR(items[1].given, 2.0, 1e-12);
    EXPECT_NEAR(items[0].given, 0.3, 1e-12);
    share_assessment_time(1.0, 0.3, 2.0, 1.0, items);
    EXPECT_NEAR(items[1].given, 1.0, 1e-12);
    EXPECT_NEAR(items[0].given, 0.0, 1e-12);
    // Two pushed: the earlier deadline first.
    items[0].pushed = true;
    share_assessment_time(2.5, 0.3, 2.0, 1.0, items);
    EXPECT_NEAR(items[1].given, 2.0, 1e-12);
    EXPECT_NEAR(items[0].given, 0.5, 1e-12);
    // Days to finish 12 hours with time to spare: at its pace 40 days; pushed, 6.
    auto days_to_finish = [](bool pushed) {
        std::vector<AssessmentWork> one(1);
        one[0].hours_left = 12.0;
        one[0].pushed = pushed;
        int d = 0;
        while (one[0].hours_left > 1e-9) {
            ++d;
            share_assessment_time(4.0, 0.3, 2.0, 1.0, one);
            one[0].hours_left -= one[0].given;
        }
        return d;
    };
    EXPECT_EQ(days_to_finish(false), 40);
    EXPECT_EQ(days_to_finish(true), 6);
}

/** Gives `items` 1 h each at most, out of `free` hours, and checks that the hours went in the
 * documented order (pushed first, then by deadline, then by place): the order worked out here
 * with a stable sort. */
void durations_expect_share_order(std::vector<AssessmentWork> items, double free) {
    for (AssessmentWork& w : items) {
        w.hours_left = 10.0;
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&items](std::size_t x, std::size_t y) {
        if (items[x].pushed != items[y].pushed) {
            return items[x].pushed;
        }
        return items[x].deadline_day < items[y].deadline_day;
    });
    EXPECT_DOUBLE_EQ(share_assessment_time(free, 1.0, 1.0, 1.0, items), free);
    double left = free;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const double expected = std::min(1.0, std::max(0.0, left));
        left -= expected;
        EXPECT_DOUBLE_EQ(items[order[k]].given, expected) << "place " << k << ", item " << order[k];
    }
}

TEST(DepartmentDurations, AssessmentTimeGoesPushedFirstThenByDeadlineThenByPlace) {
    // A worker's handful (the keys on the stack), and a desk of 40 (the keys in a vector), with
    // ties and the -1 of an assessment without a deadline: time for about half of them.
    for (const std::size_t n : {std::size_t{7}, std::size_t{40}}) {
        std::vector<AssessmentWork> items(n);
        for (std::size_t i = 0; i < n; ++i) {
            items[i].pushed = i % 3 == 1;
            items[i].deadline_day = static_cast<std::int64_t>((i * 7) % 5) * 10 - 1;
        }
        durations_expect_share_order(items, static_cast<double>(n) / 2.0 + 0.25);
        // A deadline beyond the packed keys' range (not a run's day) is compared in full.
        items[n / 2].deadline_day = INT64_MAX;
        items[1].deadline_day = -5;
        durations_expect_share_order(items, static_cast<double>(n) / 2.0 + 0.25);
    }
}

TEST(DepartmentDurations, WithTimeForEveryShareTheOrderDecidesNothing) {
    // Five assessments (two pushed, one nearly done): with time to spare each takes its pace or
    // what it still needs; with exactly the time they need (no room to spare: given in order)
    // the same shares, and with less, the last in order goes short.
    std::vector<AssessmentWork> items(5);
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].hours_left = 10.0;
        items[i].deadline_day = 100 - static_cast<std::int64_t>(i);
    }
    items[1].pushed = items[3].pushed = true;
    items[4].hours_left = 0.1;
    const std::vector<double> expected{0.3, 2.0, 0.3, 2.0, 0.1};
    for (const double free : {100.0, 4.7}) {
        EXPECT_NEAR(share_assessment_time(free, 0.3, 2.0, 1.0, items), 4.7, 1e-12) << free;
        for (std::size_t i = 0; i < items.size(); ++i) {
            EXPECT_DOUBLE_EQ(items[i].given, expected[i]) << free << " " << i;
        }
    }
    // Order: pushed 3, pushed 1, then 4, 2, 0 by deadline; 4.5 hours leave item 0 with 0.1.
    share_assessment_time(4.5, 0.3, 2.0, 1.0, items);
    EXPECT_NEAR(items[0].given, 0.1, 1e-12);
    EXPECT_DOUBLE_EQ(items[2].given, 0.3);
}

TEST(DepartmentDurations, WritingUpIsAdminAtTheTimeTheDayAllows) {
    // Two assessments written up, 4 and 3 hours left, deadlines on days 20 and 10: the earlier
    // deadline first, as fast as the day's 5 available hours allow (nobody else is waited on).
    std::vector<AssessmentWriting> items(2);
    items[0] = {4.0, 20, 0, 0.0};
    items[1] = {3.0, 10, 1, 0.0};
    WritingDay d = write_assessments_up(5.0, 0.0, 0.68, 1.0, items);
    ASSERT_EQ(items[0].case_index, 1);  // sorted: deadline day 10 first
    EXPECT_NEAR(items[0].done, 3.0, 1e-12);
    EXPECT_NEAR(items[1].done, 2.0, 1e-12);
    EXPECT_NEAR(d.own, 5.0, 1e-12);
    EXPECT_NEAR(d.pa, 0.0, 1e-12);
    EXPECT_NEAR(d.delegable, 0.68 * 5.0, 1e-12);  // delegable, but no PA to take it
    // With a PA of ample time the worker writes only the non-delegable 32%: 7 hours of writing
    // cost the worker 2.24 hours and the PA 4.76.
    items[0] = {4.0, 20, 0, 0.0};
    items[1] = {3.0, 10, 1, 0.0};
    d = write_assessments_up(5.0, 10.0, 0.68, 1.0, items);
    EXPECT_NEAR(items[0].done + items[1].done, 7.0, 1e-12);
    EXPECT_NEAR(d.own, 0.32 * 7.0, 1e-12);
    EXPECT_NEAR(d.pa, 0.68 * 7.0, 1e-12);
    EXPECT_NEAR(d.delegable, 0.0, 1e-12);
    // A PA with 1 hour left: it helps until its hour is spent, then the worker writes alone.
    items[0] = {4.0, 20, 0, 0.0};
    items[1] = {3.0, 10, 1, 0.0};
    d = write_assessments_up(2.0, 1.0, 0.5, 1.0, items);
    EXPECT_NEAR(d.pa, 1.0, 1e-12);
    EXPECT_NEAR(d.own, 2.0, 1e-12);
    EXPECT_NEAR(items[0].done, 3.0, 1e-12);
    EXPECT_NEAR(items[1].done, 0.0, 1e-12);
    // No time left in the day: nothing is written (the clock runs on).
    items[0] = {4.0, 20, 0, 0.0};
    d = write_assessments_up(0.0, 0.0, 0.68, 1.0, items);
    EXPECT_NEAR(items[0].done + items[1].done, 0.0, 1e-12);
}

TEST(DepartmentDurations, WritingHoursFollowTheWorksDraw) {
    PathwayStage a;
    a.work_hours_by_need = {1.0, 2.0, 3.0, 4.0, 5.0};
    a.writing_hours_by_need = {4.0, 4.0, 4.0, 4.0, 6.0};
    EXPECT_DOUBLE_EQ(writing_hours_for(a, 2, 3.0), 4.0);  // the mean work: the mean writing
    EXPECT_DOUBLE_EQ(writing_hours_for(a, 2, 6.0), 8.0);  // twice the work, twice the writing
    EXPECT_DOUBLE_EQ(writing_hours_for(a, 4, 2.5), 3.0);
    a.writing_hours_by_need.clear();
    EXPECT_DOUBLE_EQ(writing_hours_for(a, 2, 6.0), 0.0);  // none: the writing is weekly admin
}

TEST(DepartmentDurations, WorkHoursByNeedWithTheirSpread) {
    PathwayStage a;
    a.work_hours_by_need = {4.0, 6.0, 8.0, 10.0, 12.0};
    core::RandomStream rng(7);
    EXPECT_DOUBLE_EQ(draw_work_hours(a, 3, rng), 10.0);  // cv 0: the mean
    a.work_hours_cv = 0.5;
    // The mean of n gamma draws with mean 8 and sd 4 has sd 4 / sqrt(n) = 0.02 for n = 40,000:
    // +-0.1 is 5 sd.
    double sum = 0.0, sum2 = 0.0;
    const int n = 40000;
    for (int i = 0; i < n; ++i) {
        const double x = draw_work_hours(a, 2, rng);
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 8.0, 0.1);
    // Sample sd of the draws: its own sd is about 4 x sqrt((kurtosis - 1) / 4n) < 0.05; +-0.3.
    EXPECT_NEAR(std::sqrt(sum2 / n - mean * mean), 4.0, 0.3);
}

TEST(DepartmentDurations, AProportionateAssessmentSeesALowNeedChildOnce) {
    // A stage with visits by need overrides its flat count; without them the flat count holds.
    PathwayStage a;
    a.required_visits = 2;
    EXPECT_EQ(required_visits_for(a, 0), 2);
    EXPECT_EQ(required_visits_for(a, 4), 2);
    a.required_visits_by_need = {1, 1, 2, 2, 3};
    EXPECT_EQ(required_visits_for(a, 0), 1);
    EXPECT_EQ(required_visits_for(a, 1), 1);
    EXPECT_EQ(required_visits_for(a, 2), 2);
    EXPECT_EQ(required_visits_for(a, 4), 3);
    EXPECT_EQ(required_visits_for(a, 9), 3);  // past the table: its last value
}

TEST(DepartmentDurations, ReviewConferencesFollowTheirSchedule) {
    const PathwayStage cp = plan_stage();
    // Within 3 months of the initial conference, then at most every 6 months.
    EXPECT_EQ(review_gap_wd(cp, 0), 63);
    EXPECT_EQ(review_gap_wd(cp, 1), 126);
    EXPECT_EQ(review_gap_wd(cp, 7), 126);
    PathwayStage lac;
    lac.review_schedule_wd = {20, 63, 126};  // looked after: 20 wd, 3 months, then 6-monthly
    EXPECT_EQ(review_gap_wd(lac, 0), 20);
    EXPECT_EQ(review_gap_wd(lac, 1), 63);
    EXPECT_EQ(review_gap_wd(lac, 2), 126);
    EXPECT_EQ(review_gap_wd(lac, 3), 126);
    PathwayStage cin;
    cin.review_interval_wd = 60;  // no schedule: the fixed interval
    EXPECT_EQ(review_gap_wd(cin, 4), 60);
}

TEST(DepartmentDurations, AReviewEndsAPlanByNeedAndProgress) {
    const PathwayStage cp = plan_stage();
    EXPECT_DOUBLE_EQ(review_exit_probability(cp, 2, 1, 0.0), 0.6);
    EXPECT_DOUBLE_EQ(review_exit_probability(cp, 4, 1, 0.0), 0.4);   // higher need: less likely
    EXPECT_DOUBLE_EQ(review_exit_probability(cp, 2, 0, 0.0), 0.15);  // first review
    EXPECT_DOUBLE_EQ(review_exit_probability(cp, 2, 1, 1.0), 0.3);   // every visit late
    // A plan with a certain exit ends at the first review conference: 63 working days.
    PathwayStage sure = cp;
    sure.review_exit_probability_by_need = {1, 1, 1, 1, 1};
    sure.first_review_exit_factor = 1.0;
    core::RandomStream rng(11);
    int wd = 0, k = 0;
    do {
        wd += review_gap_wd(sure, k);
    } while (!(rng.uniform01() < review_exit_probability(sure, 3, k++, 0.0)));
    EXPECT_EQ(wd, 63);
    // Plans of a child at need 3 (0.5 a review, 0.125 at the first), 20,000 plans: the mean
    // length is 63 + 0.875 x 126 / 0.5 = 283.5 wd; its sd is ~230 / sqrt(20,000) = 1.6, so +-8
    // is 5 sd. Every length is a review day: 63 + 126 k.
    const int n = 20000;
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        int len = 0, r = 0;
        do {
            len += review_gap_wd(cp, r);
        } while (!(rng.uniform01() < review_exit_probability(cp, 3, r++, 0.0)));
        ASSERT_EQ((len - 63) % 126, 0);
        total += len;
    }
    EXPECT_NEAR(total / n, 63.0 + 0.875 * 126.0 / 0.5, 8.0);
}

TEST(DepartmentDurations, EarlyExitIsExponentialByNeed) {
    PathwayStage cp = plan_stage();
    cp.early_exit_to = "looked_after";
    cp.early_exit_rate_by_need = {0.0, 0.1, 0.2, 0.5, 1.0};
    core::RandomStream rng(3);
    EXPECT_LT(draw_early_exit_wd(cp, 0, rng), 0.0);  // rate 0: never
    // Mean 252 / 0.5 = 504 wd; the mean of 20,000 has sd 504 / sqrt(20,000) = 3.6: +-18 is 5 sd.
    double sum = 0.0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        sum += draw_early_exit_wd(cp, 3, rng);
    }
    EXPECT_NEAR(sum / n, 504.0, 18.0);
    PathwayStage none = plan_stage();
    EXPECT_LT(draw_early_exit_wd(none, 4, rng), 0.0);
}

/** @brief Through the model: base's defaults (in teams, durations from work and reviews) for 2
 * years (half a year of warm-up), or the same with drawn durations; one detailed replication
 * (its episode records). */
struct EmergentRun {
    record::ReplicationRecord rec;
    double metric(const std::string& name) const {
        for (const record::MetricValue& m : rec.metrics) {
            if (m.name == name) {
                return m.value;
            }
        }
        return std::nan("");
    }
};

EmergentRun run_small(bool emergent) {
    DepartmentConfig config;
    config.run.years = 2.0;
    config.run.warmup_years = 0.5;
    if (!emergent) {
        config.pathway = drawn_pathway();  // base.json's pathway with drawn durations
    }
    return EmergentRun{run_replication(config, 20231207, 0, true)};
}

TEST(DepartmentDurationsModel, PlansAndCareEpisodesEndOnlyAtTheirReviews) {
    const EmergentRun on = run_small(true);
    int plans = 0, plans_into_care = 0, care = 0;
    for (const record::EpisodeRecord& e : on.rec.episodes) {
        if (e.start_day == 0) {
            continue;  // under way at day 0: its first review is drawn, not scheduled
        }
        if (e.stage == "child_protection_plan") {
            if (e.next_stage == "looked_after") {
                ++plans_into_care;  // early, between reviews
                continue;
            }
            ++plans;
            EXPECT_EQ((e.working_days - 63) % 126, 0) << "plan of " << e.working_days << " wd";
            EXPECT_GE(e.working_days, 63);
        } else if (e.stage == "looked_after") {
            ++care;
            EXPECT_TRUE(e.working_days == 20 ||
                        (e.working_days >= 83 && (e.working_days - 83) % 126 == 0))
                << "care episode of " << e.working_days << " wd";
        }
    }
    EXPECT_GT(plans, 50);
    EXPECT_GT(plans_into_care, 0);
    EXPECT_GT(care, 20);
    // Every section 47 enquiry carries an assessment: more assessments than assessment stages.
    const double children_10k = DepartmentConfig{}.population.children / 10000.0;
    EXPECT_GT(on.metric("assessments_per_10k") * children_10k,
              on.metric("entries_per_year/assessment") * 1.1);
    // The test can fail: with drawn durations plans end on any day.
    const EmergentRun off = run_small(false);
    int off_review_days = 0, off_plans = 0;
    for (const record::EpisodeRecord& e : off.rec.episodes) {
        if (e.stage == "child_protection_plan" && e.start_day > 0 &&
            e.next_stage != "looked_after") {
            ++off_plans;
            off_review_days += (e.working_days - 63) % 126 == 0 ? 1 : 0;
        }
    }
    EXPECT_LT(off_review_days, off_plans / 2);
    // Drawn durations: at most one assessment per assessment stage.
    EXPECT_NEAR(off.metric("assessments_per_10k") * children_10k,
                off.metric("entries_per_year/assessment"),
                0.05 * off.metric("entries_per_year/assessment"));
}

TEST(DepartmentDurationsModel, AssessmentsEndWhenTheirWorkIsDone) {
    // With the work mechanism an assessment's episode lasts at least the working days its
    // hours take at the day's pace (1.5 h at 0.1 h a day for the lightest need, on average).
    const EmergentRun on = run_small(true);
    int n = 0, short_ones = 0;
    for (const record::EpisodeRecord& e : on.rec.episodes) {
        if (e.stage == "assessment" && e.start_day > 0) {
            ++n;
            short_ones += e.working_days < 5 ? 1 : 0;
        }
    }
    EXPECT_GT(n, 500);
    // One visit at need 0-1 lets a light assessment end early, but the work's pace keeps it
    // rare: a need-0 draw under 0.5 h (gamma, mean 1.5, cv 0.5: ~5%) at ~14% of assessments,
    // plus its writing, is well under 1% of them (measured: 4 of 500+).
    EXPECT_LE(short_ones, 0.01 * n);
}

TEST(DepartmentDurationsModel, OneVisitAtLowNeedLetsAnAssessmentEndBeforeASecondVisit) {
    // The same small council and seed with one visit at need 0-1 (use_emergent_durations())
    // and with two visits at every need. With two, no assessment can end before its second
    // visit (~10 working days after the first, itself up to 5 in): none within 5 working days.
    // With one, an assessment whose drawn work is light ends when its work and writing are
    // done, so some do. The share within 20 working days barely moves (measured 8.0% -> 9.3%):
    // the work's pace (0.1 h a day, L), not the visits, is what keeps assessments long
    // (docs/validation.md); the test asserts only that it does not fall.
    DepartmentConfig one;
    one.run.years = 2.0;
    one.run.warmup_years = 0.5;
    use_emergent_durations(one.pathway);
    DepartmentConfig two = one;
    for (PathwayStage& st : two.pathway.stages) {
        if (st.id == "assessment") {
            st.required_visits_by_need.clear();
        }
    }
    struct Shares {
        double n = 0, within_5 = 0, within_20 = 0;
    };
    auto count = [](const DepartmentConfig& c) {
        const record::ReplicationRecord rec = run_replication(c, 20231207, 0, true);
        Shares s;
        for (const record::EpisodeRecord& e : rec.episodes) {
            if (e.stage == "assessment" && e.start_day > 0) {
                s.n += 1;
                s.within_5 += e.working_days < 5 ? 1 : 0;
                s.within_20 += e.working_days <= 20 ? 1 : 0;
            }
        }
        return s;
    };
    const Shares with_one = count(one);
    const Shares with_two = count(two);
    ASSERT_GT(with_one.n, 500);
    ASSERT_GT(with_two.n, 500);
    EXPECT_EQ(with_two.within_5, 0);
    EXPECT_GT(with_one.within_5, 0);
    EXPECT_GE(with_one.within_20 / with_one.n, with_two.within_20 / with_two.n);
}

TEST(DepartmentDurationsModel, AssessmentCountAndStocksEmergeWithTheMechanismsOn) {
    // base.json's defaults with use_emergent_durations(), 8 replications of 10 years (2 of
    // warm-up), master seed 20230401: the 95% interval of each mean must lie inside its band
    // (validation.md). Bands: assessments 541 per 10,000 +-10% (DfE CIN 2024/25; year-to-year
    // movement and one council against England); plans ~42 per 10,000 +-20% (the figure is
    // itself approximate); looked after 70 +-12 (councils range 22-164, the stock settles
    // slowly), as DepartmentCalibration uses. Nothing here was tuned to these: the count comes
    // from enquiries carrying assessments and re-assessments on top of the assessment stage's
    // (373 per 10,000 with drawn durations, far outside the band, so the test can fail).
    // The assessment median and the share within 45 working days are DepartmentCalibration's
    // (validation.md).
    DepartmentConfig config;
    use_emergent_durations(config.pathway);
    const testing::MetricSamples s = testing::run_many(config, 8);
    auto inside = [&](const char* name, double low, double high) {
        const core::ConfidenceInterval c = testing::ci(s, name);
        EXPECT_GE(c.low, low) << name << " " << testing::show(c);
        EXPECT_LE(c.high, high) << name << " " << testing::show(c);
    };
    inside("assessments_per_10k", 541.0 * 0.9, 541.0 * 1.1);
    inside("cp_plans_per_10k", 42.0 * 0.8, 42.0 * 1.2);
    inside("looked_after_per_10k", 70.0 - 12.0, 70.0 + 12.0);
}

TEST(DepartmentDurationsModel, PlanLengthsArePlausibleAgainstTheDfE) {
    // Plans ending after the warm-up, from the episode records of 8 detailed replications of
    // base with use_emergent_durations() (10 years, 2 of warm-up, seed 20230401). DfE CIN
    // 2024/25 table D7 (England, 62,300 plans ending): 26.9% within 6 months, 43.5% over 6
    // months to under a year, 29.6% a year or more. The English regions lie up to ~8 points
    // away (North East 30.5 / 47.4 / 22.1; North West 24.6 / 43.8 / 31.6), and one
    // council varies more, so the band is +-10 points; the 95% interval of each share over
    // the replications must lie inside it. A plausibility check of the reviews' timing and exit
    // chances, not of a tuned number: drawn lognormal plans (mean 230 wd, sd 130) would give
    // about 19 / 48 / 33% and pass too, while plans ending at their first review (exit chance 1)
    // would put everything within 6 months and fail. (With 4 replications and one assessment
    // visit at need 0-1 the 6-12 months share's interval was [0.486, 0.537] around 0.512, its
    // top 0.2 points over the band; 8 replications narrow the interval, the band is unchanged.)
    DepartmentConfig config;
    use_emergent_durations(config.pathway);
    const double month = 30.4375;
    std::vector<double> within_6, six_to_12, year_plus;
    for (std::uint64_t r = 0; r < 8; ++r) {
        const record::ReplicationRecord rec = run_replication(config, 20230401, r, true);
        const std::int64_t warmup_end = 731;  // two years from 1 April 2023
        double n = 0, a = 0, b = 0, c = 0;
        for (const record::EpisodeRecord& e : rec.episodes) {
            if (e.stage != "child_protection_plan" || e.start_day == 0 || e.end_day < warmup_end) {
                continue;
            }
            const double days = static_cast<double>(e.end_day - e.start_day);
            n += 1;
            a += days <= 6 * month ? 1 : 0;
            b += days > 6 * month && days < 365.25 ? 1 : 0;
            c += days >= 365.25 ? 1 : 0;
        }
        ASSERT_GT(n, 1000);
        within_6.push_back(a / n);
        six_to_12.push_back(b / n);
        year_plus.push_back(c / n);
    }
    auto inside = [](const std::vector<double>& x, double target, const char* what) {
        const core::ConfidenceInterval c = core::mean_ci(x, 0.95);
        EXPECT_GE(c.low, target - 0.10) << what << " " << testing::show(c);
        EXPECT_LE(c.high, target + 0.10) << what << " " << testing::show(c);
    };
    inside(within_6, 0.269, "within 6 months");
    inside(six_to_12, 0.435, "6 to 12 months");
    inside(year_plus, 0.296, "a year or more");
}

TEST(DepartmentDurationsModel, WithoutTheDeadlinePushAssessmentsSlipAndPileUp) {
    // The deadline pressing work forward, through the model: base with use_emergent_durations()
    // against the same with deadline_push_hours_per_day = 0 (an assessment near its deadline
    // still comes first but gets no more than its usual pace), 6 paired replications of 10
    // years (common random numbers), paired intervals at 99.99% (kSignLevel). Measured with
    // cssim run, 6 replications each (one visit at need 0-1): within 45 wd 0.86 -> 0.42, median
    // 38 -> 53 wd, children in need 344 -> 374 per 10,000.
    DepartmentConfig pushed;
    use_emergent_durations(pushed.pathway);
    DepartmentConfig flat = pushed;
    for (PathwayStage& st : flat.pathway.stages) {
        if (st.id == "assessment") {
            st.deadline_push_hours_per_day = 0.0;
        }
    }
    const testing::MetricSamples a = testing::run_many(pushed, 6);
    const testing::MetricSamples b = testing::run_many(flat, 6);
    const core::ConfidenceInterval on_time =
        testing::paired(a, b, "assessments_within_45wd_share", testing::kSignLevel);
    EXPECT_LT(on_time.high, 0.0) << testing::show(on_time);
    // The median as a paired log ratio: without the push a department near overload can tip
    // into it by different amounts in each replication (medians of 200-360 wd were measured
    // before an assessment's visits ended with its required ones), and the differences would
    // spread too widely for 6 pairs at 99.99%; their logs do not.
    std::vector<double> log_a, log_b;
    for (double x : testing::samples(a, "assessment_duration_median_wd")) {
        log_a.push_back(std::log(x));
    }
    for (double x : testing::samples(b, "assessment_duration_median_wd")) {
        log_b.push_back(std::log(x));
    }
    const core::ConfidenceInterval median =
        core::paired_difference_ci(log_a, log_b, testing::kSignLevel);
    EXPECT_GT(median.low, 0.0) << "log median, flat - pushed: " << testing::show(median);
}

}  // namespace
}  // namespace cssim::department::detail
