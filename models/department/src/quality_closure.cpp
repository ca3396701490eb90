/**
 * @file quality_closure.cpp
 * @brief The Quality component (quality.hpp) as a case leaves a stage: a rushed assessment's
 * error, which stands more often without supervision (no manager to challenge it), and the
 * resolution losses at closure (premature closure: late visits and handovers lower the chance
 * that need was met). The draws are the caller's (the pathway's streams).
 */
#include <algorithm>

#include "department_state.hpp"
#include "quality.hpp"

namespace cssim::department::detail {

int Quality::assessed_need(const Case& c, core::RandomStream& rng) const {
    const double unsupervised = c.worker >= 0 ? 1.0 - host_.quality_supervision(c.worker) : 0.0;
    const double p_error = std::min(
        1.0, cfg_->quality.rushed_error_probability *
                 (1.0 + (cfg_->management.unsupervised_error_multiplier - 1.0) * unsupervised));
    return c.rushed && rng.bernoulli(p_error) ? misjudge_need(c.need, rng) : c.need;
}

double Quality::resolution_probability(const PathwayStage& from, const Case& c) const {
    const QualityConfig& q = cfg_->quality;
    const double visits = static_cast<double>(c.visits_done + c.visits_late);
    const double late_share = visits > 0.0 ? c.visits_late / visits : 0.0;
    return std::clamp(from.resolution_probability_by_need[static_cast<std::size_t>(c.need)] -
                          q.resolution_loss_per_late_share * late_share -
                          q.resolution_loss_per_handover * c.handovers,
                      0.0, 1.0);
}

}  // namespace cssim::department::detail
