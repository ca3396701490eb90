/**
 * @file department_demand.cpp
 * @brief The Demand component (department_demand.hpp), mechanism 1: the referral process (monthly
 * rates from the base rate, seasonality, trend, shocks and the prevention lost earlier; within each
 * month, daily rates from the referral calendar and the financial year's overdispersed multiplier)
 * and the need of each referral.
 */
#include "department_demand.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "department_constants.hpp"
#include "department_events.hpp"

namespace cssim::department::detail {

Demand::Demand(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
               core::Simulation& sim, DemandHost& host, std::uint64_t master_seed,
               std::uint64_t replication)
    : cfg_(&config),
      calendar_(calendar),
      sim_(sim),
      host_(host),
      rng_referrals_(core::RandomStream::derive(master_seed, replication, "referrals")),
      rng_need_(core::RandomStream::derive(master_seed, replication, "need")),
      rng_rate_(core::RandomStream::derive(master_seed, replication, "referral_rate")),
      rng_source_(core::RandomStream::derive(master_seed, replication, "referral_source")) {}

void Demand::initialise(core::DayIndex end_day) {
    end_day_ = end_day;
    first_fy_ = financial_year_of(calendar_.start());
    yearly_cv_ = cfg_->demand.yearly_rate_cv;
    draw_yearly_multipliers(first_fy_);
    build_process();
}

void Demand::rebuild(core::DayIndex day) {
    if (cfg_->demand.yearly_rate_cv != yearly_cv_) {
        // Financial years from the next one on draw their multipliers afresh.
        yearly_cv_ = cfg_->demand.yearly_rate_cv;
        draw_yearly_multipliers(financial_year_of(calendar_.date_of(day)) + 1);
    }
    build_process();
    ++generation_;
    schedule_next();
}

double Demand::expected_referrals(core::DayIndex end_day) const {
    return process_.expected_count(0, core::start_of_day(end_day));
}

bool Demand::accept(std::uint64_t payload, core::DayIndex day) {
    if (payload != generation_) {
        return false;  // drawn from a referral process a dated change has replaced
    }
    if (!source_slot_.empty()) {
        const int slot = source_slot_[referral_calendar_.draw_source(day, rng_source_.uniform01())];
        if (slot >= 0) {
            ++day_source_referrals_[static_cast<std::size_t>(slot)];
        }
    }
    return true;
}

void Demand::draw_yearly_multipliers(int from_fy) {
    // One draw per financial year of the horizon (and the month after it), in year order.
    const int last_fy = financial_year_of(calendar_.date_of(end_day_ + 62));
    const std::size_t n = static_cast<std::size_t>(std::max(0, last_fy - first_fy_ + 1));
    yearly_multiplier_.resize(n, 1.0);
    for (int fy = std::max(from_fy, first_fy_); fy <= last_fy; ++fy) {
        yearly_multiplier_[static_cast<std::size_t>(fy - first_fy_)] =
            draw_yearly_multiplier(yearly_cv_, rng_rate_);
    }
}

void Demand::build_process() {
    // Monthly segments: base rate x seasonality x trend x shocks, evaluated at mid-month; each
    // month is cut into days weighted by the referral calendar (mean 1 over each financial
    // year) and the year's multiplier (mean 1).
    const DemandConfig& d = cfg_->demand;
    referral_calendar_ = ReferralCalendar(d, calendar_.start(), end_day_ + 62);
    if (source_names_.empty()) {
        for (const ReferralSource& s : d.sources) {
            source_names_.push_back(s.name);
        }
        day_source_referrals_.assign(source_names_.size(), 0);
    }
    source_slot_.clear();
    for (const ReferralSource& s : d.sources) {
        const auto it = std::find(source_names_.begin(), source_names_.end(), s.name);
        source_slot_.push_back(
            it == source_names_.end() ? -1 : static_cast<int>(it - source_names_.begin()));
    }
    const double base_per_day =
        d.referrals_per_10k_children_per_year * cfg_->population.children / 10000.0 / kDaysPerYear;
    std::vector<core::Tick> starts;
    std::vector<double> rates;
    std::vector<core::DayIndex> shock_start;
    for (const DemandShock& s : d.shocks) {
        shock_start.push_back(host_.demand_day_of(s.start_date));
    }
    core::Date date = calendar_.start();
    core::DayIndex day = 0;
    while (day <= end_day_ + 31) {
        core::Date next = date;
        next.day = 1;
        next.month = date.month == 12 ? 1 : date.month + 1;
        next.year = date.month == 12 ? date.year + 1 : date.year;
        const core::DayIndex next_day = calendar_.day_index_of(next);
        const double mid = 0.5 * static_cast<double>(day + next_day);
        double rate = base_per_day * d.seasonality[static_cast<std::size_t>(date.month - 1)] *
                      std::pow(1.0 + d.trend_per_year, mid / kDaysPerYear);
        for (std::size_t i = 0; i < d.shocks.size(); ++i) {
            const DemandShock& s = d.shocks[i];
            const double months_in = (mid - static_cast<double>(shock_start[i])) / kDaysPerMonth;
            if (months_in < 0.0 || (s.duration_months > 0.0 && months_in >= s.duration_months)) {
                continue;
            }
            const double ramp =
                s.ramp_months > 0.0 ? std::min(1.0, months_in / s.ramp_months) : 1.0;
            rate *= 1.0 + s.extra * ramp;
        }
        // Prevention lost earlier returns now as demand (department_system.cpp).
        rate *= host_.demand_prevention_factor(day, mid);
        rate = std::max(0.0, rate);
        // Every day of the segment lies in `date`'s month, so in its financial year.
        const std::size_t y =
            static_cast<std::size_t>(std::max(0, financial_year_of(date) - first_fy_));
        const double year = y < yearly_multiplier_.size() ? yearly_multiplier_[y] : 1.0;
        for (core::DayIndex dd = day; dd < next_day; ++dd) {
            starts.push_back(core::start_of_day(dd));
            rates.push_back(rate * referral_calendar_.total(dd) * year);
        }
        date = next;
        day = next_day;
    }
    process_ = core::PiecewisePoissonProcess(std::move(starts), std::move(rates));
}

void Demand::schedule_next() {
    const core::Tick t = process_.next_arrival(sim_.now(), rng_referrals_);
    if (t < core::start_of_day(end_day_)) {
        sim_.schedule_at(t, kReferral, 0, generation_);
    }
}

int Demand::draw_need(core::DayIndex day) {
    // One uniform draw whatever the shift, so scenarios keep common random numbers.
    std::array<double, kNeedLevels> mix{};
    for (std::size_t n = 0; n < kNeedLevels; ++n) {
        mix[n] = cfg_->demand.need_mix[n];
    }
    const double shift =
        std::clamp(cfg_->prevention.severity_shift * host_.demand_prevention_gap(day), -1.0, 1.0);
    if (shift != 0.0) {
        // Move a share of the low-need mass (levels 0-1) to high need (3-4), each side in
        // proportion to its own mix; a negative gap (more prevention) moves it back.
        const double low = mix[0] + mix[1], high = mix[3] + mix[4];
        const double moved = shift > 0.0 ? shift * low : shift * high;  // signed, low -> high
        if (low > 0.0 && high > 0.0) {
            for (std::size_t n : {0, 1}) {
                mix[n] -= moved * mix[n] / low;
            }
            for (std::size_t n : {3, 4}) {
                mix[n] += moved * mix[n] / high;
            }
        }
    }
    double u = rng_need_.uniform01();
    for (std::size_t n = 0; n < kNeedLevels; ++n) {
        u -= std::max(0.0, mix[n]);
        if (u < 0.0) {
            return static_cast<int>(n);
        }
    }
    return static_cast<int>(kNeedLevels) - 1;
}

}  // namespace cssim::department::detail
