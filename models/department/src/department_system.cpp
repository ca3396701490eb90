/**
 * @file department_system.cpp
 * @brief System effects (issue 7): prevention by health visiting and early help, Ofsted
 * inspection and its judgement, and the organisation's culture after serious harm (blame or
 * learning). Each is switched and parameterised in config.hpp and documented in docs/model.md.
 *
 * Prevention acts on demand through a lag, computed once when the referral process is built
 * (funding changes are dated, so the capacity path is known in advance). Inspection reads
 * exponential averages of the KPIs the department produces; its consequences act through the
 * workforce and time-use mechanisms. Culture changes hazards, resignations and decisions.
 */
#include <algorithm>
#include <cmath>
#include <sstream>

#include "cssim/department/department.hpp"
#include "department_state.hpp"
#include "department_system_effects.hpp"

namespace cssim::department::detail {
namespace {

/// Scenario names of the judgements; the index is the judgement (0: "from_kpis", not forced).
const char* const kJudgementKeys[] = {"from_kpis", "outstanding", "good", "requires_improvement",
                                      "inadequate"};
/// The same judgements as events and people write them (0: not inspected yet).
const char* const kJudgementNames[] = {"not inspected", "outstanding", "good",
                                       "requires improvement", "inadequate"};

/// The KPIs an inspection can score; the index is what kpi_points() switches on.
enum KpiId {
    kCaseload,
    kUnallocated,
    kVisitsOnTime,
    kAssessmentsOnTime,
    kAgency,
    kVacancy,
    kTurnover
};
const char* const kKpiNames[] = {
    "caseload_mean", "unallocated_share", "visits_on_time_share", "assessments_on_time_share",
    "agency_share",  "vacancy_rate",      "turnover_rate"};

template <std::size_t N>
int index_of(const char* const (&names)[N], const std::string& name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (name == names[i]) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

SystemEffects::SystemEffects(const DepartmentConfig& config, const core::WorkingCalendar& calendar,
                             const core::Simulation& sim, Outputs& outputs,
                             core::RandomStream inspection, core::RandomStream culture)
    : cfg_(&config),
      calendar_(calendar),
      sim_(sim),
      outputs_(outputs),
      rng_inspection_(std::move(inspection)),
      rng_culture_(std::move(culture)) {
    on_config_changed(config);
}

void SystemEffects::on_config_changed(const DepartmentConfig& config) {
    cfg_ = &config;
    blame_mode_ = cfg_->culture.mode == "blame";
    learning_mode_ = cfg_->culture.mode == "learning";
    kpi_ids_.clear();
    for (const InspectionKpi& kpi : cfg_->inspection.kpis) {
        kpi_ids_.push_back(index_of(kKpiNames, kpi.name));
    }
}

core::DayIndex SystemEffects::day_of_date(const std::string& iso) const {
    core::Date d;
    core::Date::parse(iso, d);  // checked by the scenario reader (and the model at the start)
    return calendar_.day_index_of(d);
}

// ---------------------------------------------------------------------------------------------
// Prevention

double SystemEffects::prevention_capacity_on(double day) const {
    const PreventionConfig& pc = cfg_->prevention;
    double hv = 1.0, eh = 1.0;
    for (const FundingChange& f : cfg_->money.funding_changes) {
        if (static_cast<double>(day_of_date(f.date)) <= day) {
            hv *= 1.0 - f.health_visiting_cut;
            eh *= 1.0 - f.early_help_cut;
        }
    }
    return pc.health_visitor_weight * hv + (1.0 - pc.health_visitor_weight) * eh;
}

double SystemEffects::advance_prevention(core::DayIndex segment_start, double mid_day) {
    const PreventionConfig& pc = cfg_->prevention;
    const double capacity = prevention_capacity_on(mid_day);
    if (pc.enabled) {
        // First-order lag: unmet need surfaces over delay_months (exact for a step per month).
        const double gap = 1.0 - capacity;
        const double tau = std::max(1e-9, pc.delay_months * kDaysPerMonth);
        const double keep =
            prevention_day_.empty() ? 1.0 : std::exp(-(mid_day - prevention_last_mid_) / tau);
        prevention_lag_ = gap + (prevention_lag_ - gap) * keep;
    }
    prevention_last_mid_ = mid_day;
    prevention_day_.push_back(segment_start);
    prevention_gap_.push_back(prevention_lag_);
    prevention_capacity_.push_back(capacity);
    return std::max(0.0, 1.0 + pc.referral_elasticity * prevention_lag_);
}

void SystemEffects::reset_prevention() {
    prevention_day_.clear();
    prevention_gap_.clear();
    prevention_capacity_.clear();
    prevention_last_mid_ = prevention_lag_ = 0.0;
}

double SystemEffects::prevention_capacity_at(core::DayIndex day) const {
    const std::size_t at = static_cast<std::size_t>(
        std::upper_bound(prevention_day_.begin(), prevention_day_.end(), day) -
        prevention_day_.begin());
    const std::size_t segment = at > 0 ? at - 1 : 0;
    return prevention_capacity_.empty() ? 1.0 : prevention_capacity_[segment];
}

double SystemEffects::prevention_gap_at(core::DayIndex day) const {
    const auto it = std::upper_bound(prevention_day_.begin(), prevention_day_.end(), day);
    if (it == prevention_day_.begin()) {
        return 0.0;
    }
    return prevention_gap_[static_cast<std::size_t>(it - prevention_day_.begin() - 1)];
}

// ---------------------------------------------------------------------------------------------
// Inspection

void SystemEffects::update_kpis(const KpiDay& d) {
    KpiAverages& k = kpi_;
    const double alpha =
        kpi_.started
            ? 1.0 -
                  std::exp(-1.0 / std::max(1.0, cfg_->inspection.kpi_window_months * kDaysPerMonth))
            : 1.0;
    auto blend = [alpha](double& average, double x) { average += alpha * (x - average); };
    blend(k.caseload, d.caseload);
    blend(k.unallocated, d.unallocated);
    blend(k.open_cases, d.open_cases);
    blend(k.visits_on_time, day_visits_on_time_);
    blend(k.visits, day_visits_);
    blend(k.assessments_on_time, day_assessments_on_time_);
    blend(k.assessments, day_assessments_);
    blend(k.agency, d.agency);
    blend(k.holders, d.holders);
    blend(k.vacant, d.vacant);
    blend(k.posts, d.posts);
    blend(k.leavers_per_year, day_leavers_ * kDaysPerYear);
    blend(k.employed, d.employed);
    k.started = true;
    day_visits_on_time_ = day_visits_ = day_assessments_on_time_ = day_assessments_ = 0;
    day_leavers_ = 0;
}

double SystemEffects::kpi_points() const {
    const KpiAverages& k = kpi_;
    auto ratio = [](double x, double y, double none) { return y > 0.0 ? x / y : none; };
    double points = 0.0;
    for (std::size_t i = 0; i < cfg_->inspection.kpis.size(); ++i) {
        const InspectionKpi& kpi = cfg_->inspection.kpis[i];
        double v = 0.0;
        switch (kpi_ids_[i]) {
            case kCaseload:
                v = k.caseload;
                break;
            case kUnallocated:
                v = ratio(k.unallocated, k.open_cases, 0.0);
                break;
            case kVisitsOnTime:
                v = ratio(k.visits_on_time, k.visits, 1.0);
                break;
            case kAssessmentsOnTime:
                v = ratio(k.assessments_on_time, k.assessments, 1.0);
                break;
            case kAgency:
                v = ratio(k.agency, k.holders, 0.0);
                break;
            case kVacancy:
                v = ratio(k.vacant, k.posts, 0.0);
                break;
            case kTurnover:
                v = ratio(k.leavers_per_year, k.employed, 0.0);
                break;
            default:
                continue;  // the scenario reader rejects unknown names
        }
        // red beyond amber in the direction that is worse
        const bool higher_is_worse = kpi.red >= kpi.amber;
        const bool red = higher_is_worse ? v >= kpi.red : v <= kpi.red;
        const bool amber = higher_is_worse ? v >= kpi.amber : v <= kpi.amber;
        points += red ? 2.0 : (amber ? 1.0 : 0.0);
    }
    return points;
}

int SystemEffects::inspect(core::DayIndex day) {
    const InspectionConfig& ic = cfg_->inspection;
    const double points = kpi_points();
    int judgement = 1;
    if (points >= ic.inadequate_points) {
        judgement = 4;
    } else if (points >= ic.requires_improvement_points) {
        judgement = 3;
    } else if (points >= ic.good_points) {
        judgement = 2;
    }
    const int forced =
        inspections_done_ == 0 ? std::max(0, index_of(kJudgementKeys, ic.first_judgement)) : 0;
    if (forced > 0) {
        judgement = forced;
    }
    ++inspections_done_;
    judgement_ = judgement;
    std::ostringstream os;
    os << "Ofsted inspection: " << kJudgementNames[judgement] << " (KPI points " << points
       << (forced > 0 ? "; judgement set by the scenario)" : ")");
    add_event("inspection", -1, os.str());
    if (judgement == 4) {
        inadequate_until_ =
            day + static_cast<core::DayIndex>(std::lround(ic.effect_months * kDaysPerMonth));
    }
    return judgement;
}

void Model::resignation_wave(core::DayIndex day) {
    int leaving = 0;
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        Post& p = posts_[i];
        // One draw per post whatever its state (common random numbers across scenarios).
        const bool draw = system_.joins_resignation_wave();
        if (draw && is_case_holder(p) && p.contract != Contract::kAgency && !p.on_notice) {
            workforce_.resign(static_cast<int>(i), day, "after the inadequate judgement");
            ++leaving;
        }
    }
    add_event("resignation_wave", -1,
              std::to_string(leaving) +
                  " social workers resign in the month after the inadequate judgement");
}

double SystemEffects::resignation_multiplier(core::DayIndex day) const {
    double m = 1.0;
    if (is_inadequate(day)) {
        m *= cfg_->inspection.resignation_multiplier;
    }
    if (in_blame(day)) {
        m *= cfg_->culture.blame_resignation_multiplier;
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// Culture

double SystemEffects::culture_hazard_multiplier() const {
    if (!learning_mode_) {
        return 1.0;
    }
    const double floor = cfg_->culture.learning_floor;
    return floor + (1.0 - floor) * std::exp(-learning_);
}

int SystemEffects::defensive_need(int perceived, core::DayIndex day) {
    if (blame_mode_ && day < blame_until_ && perceived == 2 &&
        rng_culture_.bernoulli(cfg_->culture.defensive_section_47_probability)) {
        return 3;  // defensive practice: moderate need treated as high (more section 47s)
    }
    return perceived;
}

void SystemEffects::decay_learning() {
    learning_ *=
        std::exp(-1.0 / std::max(1.0, cfg_->culture.learning_decay_years * kWorkingDaysPerYear));
}

double SystemEffects::review_incident() {
    learning_ += cfg_->culture.learning_per_review;
    return cfg_->culture.review_hours;  // the worker's admin time on the review
}

double SystemEffects::on_harm(int worker, core::DayIndex day, bool measuring) {
    double hours = 0.0;
    if (blame_mode_) {
        // One draw per harm (common random numbers with other cultures' runs do not matter: the
        // culture stream is used only by this submodel).
        if (!rng_culture_.bernoulli(cfg_->culture.blame_trigger_probability)) {
            return 0.0;
        }
        if (!(day < blame_until_)) {
            add_event("blame", worker,
                      "Blame after serious harm: staff fear for their registration; practice "
                      "turns defensive for " +
                          std::to_string(std::lround(cfg_->culture.blame_months)) + " months");
        }
        blame_until_ = day + static_cast<core::DayIndex>(
                                 std::lround(cfg_->culture.blame_months * kDaysPerMonth));
    } else if (learning_mode_) {
        hours = review_incident();
        if (measuring) {
            outputs_.acc.near_misses_reviewed += 1.0;
        }
        add_event("learning_review", worker,
                  "Learning review of a serious harm: what made it likely, shared with every team");
    }
    return hours;
}

double SystemEffects::on_near_miss(bool measuring) {
    if (!learning_mode_) {
        return 0.0;  // in a blame or neutral culture near misses go unreported
    }
    if (rng_culture_.bernoulli(cfg_->culture.near_miss_reporting)) {
        const double hours = review_incident();
        if (measuring) {
            outputs_.acc.near_misses_reviewed += 1.0;
        }
        return hours;
    }
    return 0.0;
}

// ---------------------------------------------------------------------------------------------
// The department's side of an inspection

void Model::on_inspection() {
    const InspectionConfig& ic = cfg_->inspection;
    const core::DayIndex day = today();
    const int judgement = system_.inspect(day);
    if (judgement == 4) {
        resignation_wave(day);
    }
    const double months =
        judgement == 4 ? ic.reinspection_months_if_inadequate : ic.interval_months;
    if (months > 0.0) {
        sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kInspection);
    }
}

}  // namespace cssim::department::detail

namespace cssim::department {

std::vector<std::string> inspection_kpi_names() {
    return {std::begin(detail::kKpiNames), std::end(detail::kKpiNames)};
}

std::vector<std::string> culture_modes() {
    return {"neutral", "blame", "learning"};
}

std::vector<std::string> inspection_judgements() {
    return {std::begin(detail::kJudgementKeys), std::end(detail::kJudgementKeys)};
}

}  // namespace cssim::department
