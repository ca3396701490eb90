#pragma once
/**
 * @file pathway_config.hpp
 * @brief The pathway graph as data: stages a child's case passes through and the transitions
 * between them (DESIGN §3, mechanism 3).
 *
 * Built by models/scenario from the scenario's "pathway" object, or left at default_pathway().
 * The model never sees JSON. validate_pathway() (pathway.hpp) checks the graph with Boost.Graph.
 */
#include <cstddef>
#include <string>
#include <vector>

#include "cssim/core/distribution.hpp"

namespace cssim::department {

/** @brief Number of latent need levels: none, low, moderate, high, acute (in that order). */
inline constexpr std::size_t kNeedLevels = 5;

/** @brief What the model does with a case while it sits in a stage. */
enum class StageKind {
    Entry,       ///< "entry": where every referral starts (the stage named "referral"); instant
    FrontDoor,   ///< "front_door": screening by the front door (MASH); decision due in 1 wd
    SocialWork,  ///< "social_work": needs an allocated social worker; visits, admin, meetings
    EarlyHelp,   ///< "early_help": non-statutory family support with a capacity in families
    Closed,      ///< "closed": terminal; no outgoing transitions
};

/**
 * @brief One stage of the pathway. Units: working days (wd) and hours; per-case workloads are
 * hours per case per week. Defaults are those of a generic social-work stage; default_pathway()
 * sets each stage's own values with their sources.
 */
struct PathwayStage {
    std::string id;     ///< unique, snake_case, e.g. "assessment"
    std::string label;  ///< for the viewer, e.g. "Assessment"
    StageKind kind = StageKind::SocialWork;
    /** @brief Time in the stage before its outcome is decided, working days. For social-work
     * stages the stage also waits for its required visits (so it slips under pressure). */
    core::Distribution duration_wd = core::Distribution::deterministic(20.0);
    int required_visits = 0;              ///< visits that must be done before the stage can end
    int visit_interval_wd = 0;            ///< statutory visit every n working days; 0 = none
    int review_interval_wd = 0;           ///< review meeting every n working days; 0 = none
    double review_hours = 0.0;            ///< hours of meeting per review (counted as "other" time)
    double meeting_hours_per_week = 0.0;  ///< core groups, court, strategy: "other" time
    double admin_hours_per_week = 0.0;    ///< case recording, plans, reports: admin time
    double caseload_weight = 1.0;         ///< weight of one case under the caseload cap
    /** @brief Deadline from the referral date, working days, for timeliness metrics; 0 = none.
     * 45 for the assessment (Working Together). */
    int deadline_wd = 0;
    /** @brief Probability that a child leaving this stage for "closed" has had their need met
     * (otherwise need remains and the child may be re-referred). Per need level. */
    std::vector<double> resolution_probability_by_need{1.0, 0.9, 0.75, 0.6, 0.5};
};

/**
 * @brief A directed transition taken when a case leaves `from`. The probability is either one
 * number for every child, or one per latent need level (probability_by_need, size kNeedLevels),
 * which then replaces `probability`. For each stage and need level the outgoing probabilities
 * sum to 1.
 */
struct PathwayTransition {
    std::string from;
    std::string to;
    double probability = 0.0;
    std::vector<double> probability_by_need;  ///< empty, or kNeedLevels values
};

/** @brief The whole graph. Stage ids are unique; "referral" and "closed" must exist. */
struct PathwayConfig {
    std::vector<PathwayStage> stages;
    std::vector<PathwayTransition> transitions;
};

/**
 * @brief The default English pathway: referral, screening, assessment, child in need, section 47,
 * initial conference, child protection plan, looked after, early help, closed. Flows are
 * calibrated to DfE Characteristics of children in need 2024/25 (see docs/model.md).
 */
PathwayConfig default_pathway();

/** @brief Parses a stage kind name ("entry", "front_door", "social_work", "early_help",
 * "closed"); false if unknown. */
bool parse_stage_kind(const std::string& name, StageKind& out);
/** @brief The scenario name of a stage kind. */
const char* stage_kind_name(StageKind kind);

}  // namespace cssim::department
