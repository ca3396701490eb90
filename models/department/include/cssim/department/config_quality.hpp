#pragma once
/**
 * @file config_quality.hpp
 * @brief Quality and harm, and churn as children experience it (mechanism 8). Part of the
 * department model's configuration; include cssim/department/config.hpp (see its notes on units,
 * sources and invariants).
 */
#include <string>
#include <vector>

namespace cssim::department {

/** @brief Quality and harm (mechanism 8). Hazards per child-year by latent need level. */
struct QualityConfig {
    std::vector<double> harm_rate_by_need{0.0, 0.0005, 0.002, 0.008, 0.02};   ///< (L)
    std::vector<double> escalation_rate_by_need{0.0, 0.05, 0.05, 0.03, 0.0};  ///< need +1 (L)
    double late_visit_multiplier = 2.0;   ///< hazard x while a visit is overdue (L)
    double unallocated_multiplier = 2.0;  ///< hazard x while the case has no worker (L)
    double handover_multiplier = 1.5;     ///< hazard x during reduced risk detection (L)
    int handover_risk_wd = 20;            ///< reduced risk detection after a handover (L)
    /** @brief A worker's compulsory hours / available hours above which an assessment counts as
     * rushed; a rushed decision misjudges need with rushed_error_probability. */
    double rushed_pressure = 1.1;
    double rushed_error_probability = 0.3;
    /** @brief Resolution probability lost per late visit share and per handover (L). */
    double resolution_loss_per_late_share = 0.1;
    double resolution_loss_per_handover = 0.02;
};

/** @brief Churn as children experience it (issue 7). Each change of social worker in the last
 * 12 months multiplies the child's harm and escalation hazard (the child retells the story and
 * the new worker does not know the history; L); the loss of resolution per handover is in
 * QualityConfig. Disabled: no extra hazard (the metrics are still reported). */
struct ChurnConfig {
    bool enabled = true;
    double hazard_multiplier_per_recent_change = 1.1;  ///< (L)
};

}  // namespace cssim::department
