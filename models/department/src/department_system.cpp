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

// ---------------------------------------------------------------------------------------------
// Prevention

double Model::prevention_capacity_on(double day) const {
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

double Model::advance_prevention(core::DayIndex segment_start, double mid_day) {
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

double Model::prevention_gap_at(core::DayIndex day) const {
    const auto it = std::upper_bound(prevention_day_.begin(), prevention_day_.end(), day);
    if (it == prevention_day_.begin()) {
        return 0.0;
    }
    return prevention_gap_[static_cast<std::size_t>(it - prevention_day_.begin() - 1)];
}

int Model::draw_referral_need() {
    // One uniform draw whatever the shift, so scenarios keep common random numbers.
    std::array<double, kNeedLevels> mix{};
    for (std::size_t n = 0; n < kNeedLevels; ++n) {
        mix[n] = cfg_->demand.need_mix[n];
    }
    const double shift =
        std::clamp(cfg_->prevention.severity_shift * prevention_gap_at(today()), -1.0, 1.0);
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

// ---------------------------------------------------------------------------------------------
// Inspection

void Model::update_kpis(double caseload, double open_cases, double agency, double holders,
                        double vacant, double posts, double employed) {
    KpiAverages& k = kpi_;
    const double alpha =
        kpi_.started
            ? 1.0 -
                  std::exp(-1.0 / std::max(1.0, cfg_->inspection.kpi_window_months * kDaysPerMonth))
            : 1.0;
    auto blend = [alpha](double& average, double x) { average += alpha * (x - average); };
    blend(k.caseload, caseload);
    blend(k.unallocated, unallocated_count_);
    blend(k.open_cases, open_cases);
    blend(k.visits_on_time, day_visits_on_time_);
    blend(k.visits, day_visits_);
    blend(k.assessments_on_time, day_assessments_on_time_);
    blend(k.assessments, day_assessments_);
    blend(k.agency, agency);
    blend(k.holders, holders);
    blend(k.vacant, vacant);
    blend(k.posts, posts);
    blend(k.leavers_per_year, day_leavers_ * kDaysPerYear);
    blend(k.employed, employed);
    k.started = true;
    day_visits_on_time_ = day_visits_ = day_assessments_on_time_ = day_assessments_ = 0;
    day_leavers_ = 0;
}

void Model::resolve_kpis() {
    kpi_ids_.clear();
    for (const InspectionKpi& kpi : cfg_->inspection.kpis) {
        kpi_ids_.push_back(index_of(kKpiNames, kpi.name));
    }
}

double Model::kpi_points() const {
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

void Model::on_inspection() {
    const InspectionConfig& ic = cfg_->inspection;
    const core::DayIndex day = today();
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
        resignation_wave(day);
    }
    const double months =
        judgement == 4 ? ic.reinspection_months_if_inadequate : ic.interval_months;
    if (months > 0.0) {
        sim_.schedule_after(core::ticks_from_days(months * kDaysPerMonth), kInspection);
    }
}

void Model::resignation_wave(core::DayIndex day) {
    int leaving = 0;
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        Post& p = posts_[i];
        // One draw per post whatever its state (common random numbers across scenarios).
        const bool draw = rng_inspection_.bernoulli(cfg_->inspection.resignation_wave_share);
        if (draw && is_case_holder(p) && p.contract != Contract::kAgency && !p.on_notice) {
            resign(static_cast<int>(i), day, "after the inadequate judgement");
            ++leaving;
        }
    }
    add_event("resignation_wave", -1,
              std::to_string(leaving) +
                  " social workers resign in the month after the inadequate judgement");
}

double Model::resignation_multiplier(core::DayIndex day) const {
    double m = 1.0;
    if (cfg_->inspection.enabled && is_inadequate(day)) {
        m *= cfg_->inspection.resignation_multiplier;
    }
    if (blame_mode_ && is_blame(day)) {
        m *= cfg_->culture.blame_resignation_multiplier;
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// Culture

double Model::culture_hazard_multiplier() const {
    if (!learning_mode_) {
        return 1.0;
    }
    const double floor = cfg_->culture.learning_floor;
    return floor + (1.0 - floor) * std::exp(-learning_);
}

void Model::review_incident(int case_index) {
    learning_ += cfg_->culture.learning_per_review;
    const Case& c = cases_[case_index];
    if (c.worker >= 0) {
        posts_[c.worker].pending_handover_hours += cfg_->culture.review_hours;  // admin time
    }
}

void Model::on_harm(int case_index, core::DayIndex day) {
    if (blame_mode_) {
        // One draw per harm (common random numbers with other cultures' runs do not matter: the
        // culture stream is used only by this submodel).
        if (!rng_culture_.bernoulli(cfg_->culture.blame_trigger_probability)) {
            return;
        }
        if (!is_blame(day)) {
            add_event("blame", cases_[case_index].worker >= 0 ? cases_[case_index].worker : -1,
                      "Blame after serious harm: staff fear for their registration; practice "
                      "turns defensive for " +
                          std::to_string(std::lround(cfg_->culture.blame_months)) + " months");
        }
        blame_until_ = day + static_cast<core::DayIndex>(
                                 std::lround(cfg_->culture.blame_months * kDaysPerMonth));
    } else if (learning_mode_) {
        review_incident(case_index);
        if (measuring()) {
            outputs_.acc.near_misses_reviewed += 1.0;
        }
        add_event("learning_review",
                  cases_[case_index].worker >= 0 ? cases_[case_index].worker : -1,
                  "Learning review of a serious harm: what made it likely, shared with every team");
    }
}

void Model::on_near_miss(int case_index, core::DayIndex /*day*/) {
    if (!learning_mode_) {
        return;  // in a blame or neutral culture near misses go unreported
    }
    if (rng_culture_.bernoulli(cfg_->culture.near_miss_reporting)) {
        review_incident(case_index);
        if (measuring()) {
            outputs_.acc.near_misses_reviewed += 1.0;
        }
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
