/**
 * @file department_demand_calendar.cpp
 * @brief The referral calendar: school holidays by the English rule, source weights by day
 * normalised per financial year, and the gamma yearly multiplier (docs/model.md 7.1).
 */
#include "department_demand_calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/working_calendar.hpp"

namespace cssim::department::detail {
namespace {

core::Date add_days(const core::Date& d, std::int64_t n) {
    return core::Date::from_days_since_epoch(d.days_since_epoch() + n);
}

bool is_weekend(const core::Date& d) {
    const core::Weekday w = d.weekday();
    return w == core::Weekday::Saturday || w == core::Weekday::Sunday;
}

int weekday_number(const core::Date& d) {
    return static_cast<int>(d.weekday());
}  // Monday 0

/** @brief The first date on or after `d` that is a Monday-to-Friday day. */
core::Date weekday_on_or_after(core::Date d) {
    while (is_weekend(d)) {
        d = add_days(d, 1);
    }
    return d;
}

core::Date weekday_on_or_before(core::Date d) {
    while (is_weekend(d)) {
        d = add_days(d, -1);
    }
    return d;
}

/** @brief The next calendar day. */
core::Date next_day(core::Date d) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int length = d.month == 2 && leap ? 29 : kDays[d.month - 1];
    if (++d.day > length) {
        d.day = 1;
        if (++d.month > 12) {
            d.month = 1;
            ++d.year;
        }
    }
    return d;
}

core::Date monday_on_or_after(const core::Date& d) {
    return add_days(d, (7 - weekday_number(d)) % 7);
}

core::Date friday_on_or_before(const core::Date& d) {
    return add_days(d, -((weekday_number(d) - 4 + 7) % 7));
}

core::Date last_monday(int year, int month) {
    const core::Date first_of_next =
        month == 12 ? core::Date{year + 1, 1, 1} : core::Date{year, month + 1, 1};
    const core::Date last = add_days(first_of_next, -1);
    return add_days(last, -weekday_number(last));
}

/** @brief Easter Sunday, read from the bank holidays: the day before the Monday bank holiday in
 * March or April that comes three days after a Friday bank holiday (Easter Monday and Good
 * Friday), so the statutory rule lives in one place (engine/core). */
core::Date easter_sunday(int year) {
    const std::vector<core::Date> days = core::bank_holidays(year);
    for (const core::Date& d : days) {
        if ((d.month == 3 || d.month == 4) && d.weekday() == core::Weekday::Monday &&
            std::binary_search(days.begin(), days.end(), add_days(d, -3))) {
            return add_days(d, -1);
        }
    }
    return core::Date{year, 4, 1};  // unreachable for the statutory calendar
}

/** @brief School holidays of a calendar year: the custom list, or the English rule. */
class SchoolHolidays {
public:
    explicit SchoolHolidays(const std::vector<DateRange>& custom) {
        for (const DateRange& r : custom) {
            core::Date a, b;
            if (core::Date::parse(r.start, a) && core::Date::parse(r.end, b)) {
                custom_.emplace_back(a, b);
            }
        }
        use_custom_ = !custom.empty();
    }
    bool contains(const core::Date& d) {
        if (use_custom_) {
            return in(custom_, d);
        }
        auto it = by_year_.find(d.year);
        if (it == by_year_.end()) {
            it = by_year_.emplace(d.year, english_school_holidays(d.year)).first;
        }
        return in(it->second, d);
    }

private:
    static bool in(const std::vector<DateSpan>& spans, const core::Date& d) {
        return std::any_of(spans.begin(), spans.end(),
                           [&](const DateSpan& s) { return s.first <= d && d <= s.second; });
    }
    bool use_custom_ = false;
    std::vector<DateSpan> custom_;
    std::map<int, std::vector<DateSpan>> by_year_;
};

}  // namespace

std::vector<DateSpan> english_school_holidays(int year) {
    std::vector<DateSpan> h;
    const core::Date spring_start = monday_on_or_after(core::Date{year, 1, 4});
    h.emplace_back(core::Date{year, 1, 1}, add_days(spring_start, -1));
    const core::Date feb = monday_on_or_after(core::Date{year, 2, 11});
    h.emplace_back(feb, add_days(feb, 4));
    const core::Date easter = easter_sunday(year);
    h.emplace_back(add_days(easter, -6), add_days(easter, 5));
    const core::Date may = last_monday(year, 5);
    h.emplace_back(may, add_days(may, 4));
    const core::Date summer_end = weekday_on_or_before(core::Date{year, 7, 22});
    const core::Date autumn_start = weekday_on_or_after(core::Date{year, 9, 3});
    h.emplace_back(add_days(summer_end, 1), add_days(autumn_start, -1));
    const core::Date october = last_monday(year, 10);
    h.emplace_back(october, add_days(october, 4));
    const core::Date autumn_end = friday_on_or_before(core::Date{year, 12, 20});
    h.emplace_back(add_days(autumn_end, 1), core::Date{year, 12, 31});
    return h;
}

ReferralCalendar::ReferralCalendar(const DemandConfig& demand, const core::Date& start,
                                   core::DayIndex days)
    : sources_(demand.sources.size()), days_(std::max<core::DayIndex>(days, 0)) {
    const DemandCalendarConfig& cal = demand.calendar;
    for (const ReferralSource& s : demand.sources) {
        shares_.push_back(s.share);
    }
    const std::size_t n = static_cast<std::size_t>(days_) + 1;
    weights_.assign(n * sources_, 0.0);
    totals_.assign(n, 0.0);
    if (sources_ == 0) {
        std::fill(totals_.begin(), totals_.end(), 1.0);  // no sources: a flat calendar
        return;
    }
    SchoolHolidays school(cal.school_holidays);
    std::vector<core::Date> bank;  // the bank holidays of bank_year
    int bank_year = 0;
    // Raw weights of one date, given its weekday (Monday 0), into out.
    auto raw = [&](const core::Date& d, int weekday, double* out) {
        if (d.year != bank_year || bank.empty()) {
            bank_year = d.year;
            bank = core::bank_holidays(d.year);
        }
        const bool weekend = weekday >= 5;
        const bool bank_holiday = !weekend && std::binary_search(bank.begin(), bank.end(), d);
        bool school_day = !weekend && !bank_holiday;
        bool school_checked = false;
        for (std::size_t s = 0; s < sources_; ++s) {
            switch (demand.sources[s].calendar) {
                case SourceCalendar::kWeekdays:
                    out[s] = weekend ? cal.weekend_factor
                                     : (bank_holiday ? cal.bank_holiday_factor : 1.0);
                    break;
                case SourceCalendar::kSchoolTerms:
                    if (!school_checked) {
                        school_day = school_day && !school.contains(d);
                        school_checked = true;
                    }
                    out[s] = school_day ? 1.0 : 0.0;
                    break;
                case SourceCalendar::kEveryDay:
                    out[s] = 1.0;
                    break;
            }
        }
    };
    // One financial year at a time: the raw weights of the whole year (days before day 0 and
    // after the horizon included) and their mean, then the normalised weights of the run's days.
    const core::Date last = add_days(start, days_);
    const std::int64_t s0 = start.days_since_epoch();
    std::vector<double> year_raw, mean(sources_, 0.0);
    for (int fy = financial_year_of(start); fy <= financial_year_of(last); ++fy) {
        const core::Date from{fy, 4, 1}, to{fy + 1, 4, 1};
        const std::int64_t first = from.days_since_epoch(), end = to.days_since_epoch();
        const std::size_t n_days = static_cast<std::size_t>(end - first);
        year_raw.assign(n_days * sources_, 0.0);
        std::fill(mean.begin(), mean.end(), 0.0);
        core::Date d = from;
        int weekday = weekday_number(from);
        for (std::size_t i = 0; i < n_days; ++i) {
            raw(d, weekday, &year_raw[i * sources_]);
            for (std::size_t s = 0; s < sources_; ++s) {
                mean[s] += year_raw[i * sources_ + s];
            }
            weekday = (weekday + 1) % 7;
            d = next_day(d);
        }
        for (double& m : mean) {
            m /= static_cast<double>(n_days);
        }
        const std::int64_t lo = std::max(first, s0), hi = std::min(end, s0 + days_ + 1);
        for (std::int64_t e = lo; e < hi; ++e) {
            const std::size_t i = static_cast<std::size_t>(e - first);
            const std::size_t day = static_cast<std::size_t>(e - s0);
            double total = 0.0;
            for (std::size_t s = 0; s < sources_; ++s) {
                const double w =
                    mean[s] > 0.0 ? shares_[s] * year_raw[i * sources_ + s] / mean[s] : 0.0;
                weights_[day * sources_ + s] = w;
                total += w;
            }
            totals_[day] = total;
        }
    }
}

double ReferralCalendar::weight(std::size_t source, core::DayIndex day) const {
    if (day < 0 || day > days_ || source >= sources_) {
        return 0.0;
    }
    return weights_[static_cast<std::size_t>(day) * sources_ + source];
}

double ReferralCalendar::total(core::DayIndex day) const {
    if (day < 0 || day > days_) {
        return 1.0;
    }
    return totals_[static_cast<std::size_t>(day)];
}

std::size_t ReferralCalendar::draw_source(core::DayIndex day, double u) const {
    if (sources_ == 0) {
        return 0;
    }
    const bool inside = day >= 0 && day <= days_;
    const double total = inside ? totals_[static_cast<std::size_t>(day)] : 0.0;
    double sum_shares = 0.0;
    for (double s : shares_) {
        sum_shares += s;
    }
    const bool by_share = total <= 0.0;
    double x = u * (by_share ? sum_shares : total);
    for (std::size_t s = 0; s < sources_; ++s) {
        x -= by_share ? shares_[s] : weights_[static_cast<std::size_t>(day) * sources_ + s];
        if (x < 0.0) {
            return s;
        }
    }
    return sources_ - 1;
}

double draw_yearly_multiplier(double cv, core::RandomStream& rng) {
    if (!(cv > 0.0)) {
        return 1.0;
    }
    return core::Distribution::gamma(1.0, cv).sample(rng);
}

}  // namespace cssim::department::detail
