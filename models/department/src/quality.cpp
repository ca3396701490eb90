/**
 * @file quality.cpp
 * @brief The Quality component (quality.hpp): the daily hazards of serious harm and escalation.
 */
#include "quality.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <tuple>

#include "department_constants.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {

Quality::Quality(const DepartmentConfig& config, std::uint64_t master_seed,
                 std::uint64_t replication, Outputs& outputs, QualityHost& host, bool detail)
    : cfg_(&config),
      outputs_(outputs),
      host_(host),
      detail_(detail),
      rng_(core::RandomStream::derive(master_seed, replication, "quality")) {
    prepare();
}

void Quality::prepare() {
    // The churn factor by recent changes (at most the ring's size), instead of a std::pow per
    // case: the same values, so the same draws decide.
    static_assert(std::tuple_size_v<decltype(Case::changes)> + 1 ==
                  std::tuple_size_v<decltype(churn_factor_)>);
    for (std::size_t k = 0; k < churn_factor_.size(); ++k) {
        churn_factor_[k] =
            std::pow(cfg_->churn.hazard_multiplier_per_recent_change, static_cast<double>(k));
    }
    // Per stage: 0 no hazards, 1 social work, 2 early help or the front door.
    const std::vector<PathwayStage>& stages = cfg_->pathway.stages;
    stage_kind_.resize(stages.size());
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const StageKind kind = stages[s].kind;
        stage_kind_[s] = kind == StageKind::SocialWork                                    ? 1
                         : (kind == StageKind::EarlyHelp || kind == StageKind::FrontDoor) ? 2
                                                                                          : 0;
    }
}

void Quality::hazards(core::DayIndex day, std::vector<Case>& cases, int posts, double culture,
                      bool measure) {
    const QualityConfig& q = cfg_->quality;
    const double per_day = 1.0 / kWorkingDaysPerYear;  // hazards are per year of working days
    double sw_cases = 0.0, two_plus = 0.0, workers = 0.0;
    const auto& churn_factor = churn_factor_;
    // Management: a worker without supervision is more likely to miss rising risk. One factor
    // per post for the day (supervision changes only with managers' absences).
    post_multiplier_.resize(static_cast<std::size_t>(std::max(0, posts)));
    for (std::size_t i = 0; i < post_multiplier_.size(); ++i) {
        post_multiplier_[i] = 1.0 + (cfg_->management.unsupervised_hazard_multiplier - 1.0) *
                                        (1.0 - host_.quality_supervision(static_cast<int>(i)));
    }
    // The most p_harm + p_escalate can be today at each need level, every factor at its largest
    // (with a margin far above rounding): a draw at or above it decides nothing, so the exact
    // probabilities are only formed below it. The same draws and the same comparisons as forming
    // them for every case, so the same outcomes; most cases stop at the bound.
    const bool churn_on = cfg_->churn.enabled;
    double most = culture;
    auto widen = [&most](double factor) { most *= std::max(1.0, factor); };
    if (churn_on) {
        widen(*std::max_element(churn_factor.begin(), churn_factor.end()));
    }
    double largest_post = 1.0;
    for (double f : post_multiplier_) {
        largest_post = std::max(largest_post, f);
    }
    widen(largest_post);
    widen(q.late_visit_multiplier);
    widen(q.unallocated_multiplier);
    widen(q.handover_multiplier);
    std::array<double, kNeedLevels> bound{};
    bound.fill(std::numeric_limits<double>::infinity());
    const std::size_t levels =
        std::min({kNeedLevels, q.harm_rate_by_need.size(), q.escalation_rate_by_need.size()});
    for (std::size_t n = 0; n < levels; ++n) {
        const double b = (q.harm_rate_by_need[n] + q.escalation_rate_by_need[n]) * most * per_day;
        // Negative or non-finite inputs: no shortcut (the exact comparison decides every case).
        const bool usable = std::isfinite(b) && most >= 0.0 && q.harm_rate_by_need[n] >= 0.0 &&
                            q.escalation_rate_by_need[n] >= 0.0;
        bound[n] = usable ? b * (1.0 + 1e-9) : std::numeric_limits<double>::infinity();
    }
    Accumulators& acc = outputs_.acc;
    double exposure_two_plus = 0.0, exposure_fewer = 0.0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        Case& c = cases[i];
        if (!c.active) {
            continue;
        }
        const std::uint8_t hk = stage_kind_[static_cast<std::size_t>(c.stage)];
        if (hk == 0) {
            continue;
        }
        const bool social_work = hk == 1;
        const std::size_t need = static_cast<std::size_t>(c.need);
        double multiplier = culture;
        // Churn as the child experiences it: changes of worker in the last 12 months.
        const int recent = social_work ? c.recent_changes(day) : 0;
        if (social_work) {
            sw_cases += 1.0;
            two_plus += recent >= 2 ? 1.0 : 0.0;
            workers += c.social_workers;
            // The exposure counts go to the accumulators after the loop (whole numbers, so
            // the same sums).
            (recent >= 2 ? exposure_two_plus : exposure_fewer) += 1.0;
        }
        const double u = rng_.uniform01();
        if (u >= bound[need]) {
            continue;
        }
        if (churn_on && recent > 0) {
            multiplier *= churn_factor[static_cast<std::size_t>(recent)];
        }
        if (c.worker >= 0) {
            multiplier *= post_multiplier_[static_cast<std::size_t>(c.worker)];
        }
        if (c.next_visit >= 0 && c.next_visit < day) {
            multiplier *= q.late_visit_multiplier;
        }
        if (social_work && c.worker < 0) {
            multiplier *= q.unallocated_multiplier;
        }
        if (c.handover_until >= day) {
            multiplier *= q.handover_multiplier;
        }
        const double p_harm = q.harm_rate_by_need[need] * multiplier * per_day;
        const double p_escalate = q.escalation_rate_by_need[need] * multiplier * per_day;
        const int index = static_cast<int>(i);
        if (u < p_harm) {
            ++harm_today_;
            if (measure) {
                acc.harm_events += 1.0;
                if (social_work) {
                    (recent >= 2 ? acc.harm_two_plus : acc.harm_fewer) += 1.0;
                }
            }
            if (detail_) {
                host_.log_harm(index, day);
            }
            c.need = std::min(c.need + 1, static_cast<int>(kNeedLevels) - 1);
            host_.need_rose(index, day);
            host_.review_incident(index, true, day, measure);
        } else if (u < p_harm + p_escalate) {
            c.need = std::min(c.need + 1, static_cast<int>(kNeedLevels) - 1);
            host_.need_rose(index, day);
            host_.review_incident(index, false, day, measure);  // risk rose; nobody hurt yet
        }
    }
    churn_.two_plus_share = sw_cases > 0.0 ? two_plus / sw_cases : 0.0;
    churn_.workers_mean = sw_cases > 0.0 ? workers / sw_cases : 0.0;
    if (measure) {
        acc.exposure_two_plus += exposure_two_plus;
        acc.exposure_fewer += exposure_fewer;
        acc.churn_case_days += sw_cases;
        acc.churn_two_plus_days += two_plus;
        acc.churn_workers_sum += workers;
    }
}

}  // namespace cssim::department::detail
