/**
 * @file demand_calendar_model_test.cpp
 * @brief The referral calendar through the whole model (issue 11 item 4): over many
 * replications no school referral arrives in August, weekend days get the weekend factor of a
 * working day's weekday-source referrals, the schools' share of the year is their share, and a
 * year's new referrals keep the configured mean rate with the spread the gamma multiplier sets.
 *
 * The per-source series count the new referrals since the previous day's 08:00 snapshot, so the
 * value on day d covers 16 hours of day d-1 and 8 hours of day d: the tests use only days whose
 * window lies wholly in one kind of day (August 2-31 in the summer holiday; a Sunday's window is
 * all weekend; a window on two consecutive working days is all weekday).
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cssim/core/working_calendar.hpp"
#include "cssim/department/department.hpp"

namespace cssim::department {
namespace {

constexpr int kReplications = 50;
constexpr int kYears = 5;
constexpr double kChildren = 40000.0;

const std::vector<double>& series(const record::ReplicationRecord& rec, const std::string& name) {
    for (const record::Series& s : rec.series) {
        if (s.name == name) {
            return s.values;
        }
    }
    throw std::out_of_range("no series " + name);
}

DepartmentConfig small_council(double cv) {
    DepartmentConfig c;
    c.population.children = kChildren;
    c.run.years = kYears;
    c.run.warmup_years = 1.0;
    c.demand.yearly_rate_cv = cv;
    return c;
}

struct Totals {
    double august_schools = 0.0, august_all = 0.0;
    double schools = 0.0, all = 0.0;
    double sunday = 0.0, sundays = 0.0, weekday = 0.0, weekdays = 0.0;  ///< weekday sources
    std::vector<double> years;  ///< new referrals per (replication, financial year)
};

Totals run(const DepartmentConfig& config) {
    Totals t;
    const core::Date start{2023, 4, 1};
    const core::WorkingCalendar cal(start, kYears + 1);
    const std::int64_t days = static_cast<std::int64_t>(std::llround(kYears * 365.25));
    for (int r = 0; r < kReplications; ++r) {
        const record::ReplicationRecord rec =
            run_replication(config, 20231201, static_cast<std::uint64_t>(r), true);
        std::vector<const std::vector<double>*> by_source;
        for (const ReferralSource& s : config.demand.sources) {
            by_source.push_back(&series(rec, "referral_source/" + s.name));
        }
        for (int fy = 0; fy < kYears; ++fy) {
            t.years.push_back(0.0);
        }
        // Day 0's window holds day 0's first 8 hours (the run starts at 00:00 on 1 April).
        for (const std::vector<double>* s : by_source) {
            t.years[t.years.size() - kYears] += (*s)[0];
        }
        for (std::int64_t d = 1; d < days; ++d) {
            const core::Date date = cal.date_of(d);
            double all = 0.0, weekday_sources = 0.0;
            for (std::size_t s = 0; s < by_source.size(); ++s) {
                const double x = (*by_source[s])[static_cast<std::size_t>(d)];
                all += x;
                if (config.demand.sources[s].calendar == SourceCalendar::kWeekdays) {
                    weekday_sources += x;
                }
            }
            const double school = (*by_source[1])[static_cast<std::size_t>(d)];
            t.schools += school;
            t.all += all;
            if (date.month == 8 && date.day >= 2) {
                t.august_schools += school;
                t.august_all += all;
            }
            const core::Weekday w = cal.weekday(d);
            if (w == core::Weekday::Sunday) {
                t.sunday += weekday_sources;
                t.sundays += 1.0;
            } else if (cal.is_working_day(d) && cal.is_working_day(d - 1)) {
                t.weekday += weekday_sources;
                t.weekdays += 1.0;
            }
            // The year of the window: the 16 hours of day d-1 dominate it.
            const core::Date prev = cal.date_of(d - 1);
            const int fy = (prev.month >= 4 ? prev.year : prev.year - 1) - start.year;
            if (fy >= 0 && fy < kYears) {
                t.years[t.years.size() - kYears + static_cast<std::size_t>(fy)] += all;
            }
        }
    }
    return t;
}

TEST(DepartmentDemandCalendarModel, SchoolsWeekendsAndTheYearlySpreadEmerge) {
    const DepartmentConfig config = small_council(0.08);
    ASSERT_EQ(config.demand.sources[1].name, "schools");
    ASSERT_EQ(config.demand.sources[1].calendar, SourceCalendar::kSchoolTerms);
    const Totals t = run(config);

    // August: schools are closed from ~23 July to ~2 September; their weight there is exactly 0.
    EXPECT_GT(t.august_all, 1000.0);
    EXPECT_EQ(t.august_schools, 0.0);

    // Schools' share of the year is their share (the calendar weights average to 1 over a year).
    // ~50 x 5 x 1,480 = 370,000 new referrals: sd of the share sqrt(.21 x .79 / n) = 0.0007;
    // the window shift at the run's ends moves it by < 0.001; tolerance 0.004.
    EXPECT_NEAR(t.schools / t.all, config.demand.sources[1].share, 0.004);

    // Weekend windows carry weekend_factor x a working day's rate of the weekday sources. Over
    // ~13,000 Sunday windows of ~1.2 referrals: sd of the ratio ~1%; years with different
    // multipliers hold Sundays and weekdays in the same proportion, and the per-year
    // normalisations differ by < 1%: tolerance 0.02 on 0.3.
    const double ratio = (t.sunday / t.sundays) / (t.weekday / t.weekdays);
    EXPECT_NEAR(ratio, config.demand.calendar.weekend_factor, 0.02);

    // A year's new referrals: mean = rate x days (the multiplier has mean 1), variance = mean +
    // (cv x mean)^2 (Poisson mixed by a gamma). With n = 250 years, the sample variance has
    // relative sd ~ sqrt(2 / (n - 1)) = 9%; 3.5 sd bands on it, and 4 sd of the mean.
    const double per_year = config.demand.referrals_per_10k_children_per_year * kChildren / 1e4;
    const double n = static_cast<double>(t.years.size());
    double mean = 0.0;
    for (double y : t.years) {
        mean += y / n;
    }
    double var = 0.0;
    for (double y : t.years) {
        var += (y - mean) * (y - mean) / (n - 1.0);
    }
    const double cv = config.demand.yearly_rate_cv;
    const double expected_var = per_year + cv * cv * per_year * per_year;
    EXPECT_NEAR(mean, per_year, 4.0 * std::sqrt(expected_var / n)) << "mean " << mean;
    const double band = 3.5 * std::sqrt(2.0 / (n - 1.0));
    std::printf(
        "schools share %.4f, August school referrals %.0f of %.0f, weekend/weekday %.3f, "
        "year mean %.1f (expected %.1f), sd %.1f (expected %.1f), cv %.4f\n",
        t.schools / t.all, t.august_schools, t.august_all, ratio, mean, per_year, std::sqrt(var),
        std::sqrt(expected_var), std::sqrt(std::max(0.0, var - mean)) / mean);
    EXPECT_GT(var / expected_var, 1.0 - band) << "variance " << var;
    EXPECT_LT(var / expected_var, 1.0 + band) << "variance " << var;
    // Without the mixing, the years are Poisson: the same test would fail (var ~ mean, far
    // below the band's lower edge of ~0.7 x 15,500).
    EXPECT_LT(per_year, (1.0 - band) * expected_var);
}

TEST(DepartmentDemandCalendarModel, WithoutMixingTheYearsArePoisson) {
    const Totals t = run(small_council(0.0));
    const double per_year =
        DepartmentConfig{}.demand.referrals_per_10k_children_per_year * kChildren / 1e4;
    const double n = static_cast<double>(t.years.size());
    double mean = 0.0, var = 0.0;
    for (double y : t.years) {
        mean += y / n;
    }
    for (double y : t.years) {
        var += (y - mean) * (y - mean) / (n - 1.0);
    }
    // Dispersion index var / mean = 1 for Poisson; relative sd of s^2 ~ 9%, 3.5 sd.
    const double band = 3.5 * std::sqrt(2.0 / (n - 1.0));
    std::printf("without mixing: year mean %.1f, variance / mean %.3f\n", mean, var / mean);
    EXPECT_NEAR(var / per_year, 1.0, band) << "variance " << var << " mean " << mean;
}

}  // namespace
}  // namespace cssim::department
