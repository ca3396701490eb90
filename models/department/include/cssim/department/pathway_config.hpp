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
    int required_visits = 0;  ///< visits that must be done before the stage can end
    /** @brief Visits that must be done before the stage can end, by need level (kNeedLevels
     * values), overriding `required_visits`: a proportionate assessment (Working Together 2023)
     * sees a child at low need once. Empty: `required_visits` at every need. */
    std::vector<int> required_visits_by_need;
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

    // Durations that emerge from work and reviews (issue 11 item 3; docs/model.md 7.3). All
    // empty or zero: the stage lasts `duration_wd`, as before.

    /** @brief Hours of assessment work by need level (beyond the stage's statutory visits,
     * recording and weekly admin): interviews, checks with other agencies, analysis. Non-empty
     * (kNeedLevels values) on the "assessment" stage: the stage ends when its worker has given
     * these hours and made its required visits, not after `duration_wd`. */
    std::vector<double> work_hours_by_need;
    /** @brief Hours of writing the assessment up (analysis, the report, its authorisation) by
     * need level, on the "assessment" stage with work_hours_by_need: admin time, done once the
     * work hours are given, at whatever pace the worker's free time allows (nobody else is waited
     * on), scaled with the work by the same draw. Empty: no writing beyond the work hours (the
     * writing is then in the stage's admin_hours_per_week). */
    std::vector<double> writing_hours_by_need;
    /** @brief Coefficient of variation of one assessment's hours (gamma around the need's mean). */
    double work_hours_cv = 0.0;
    /** @brief Most hours of work an assessment takes in a day before its push window: it
     * waits on appointments and other agencies' replies. Its worker gives it these hours out of
     * the time admin, meetings and visits leave, before other work with families. */
    double work_hours_per_day = 1.0;
    /** @brief Working days before the deadline from which the assessment is pushed forward:
     * it comes before the other assessments, its time is kept like a visit due's, and it may
     * take deadline_push_hours_per_day. */
    int deadline_push_wd = 0;
    /** @brief Hours a day a pushed assessment may take from its worker's day. */
    double deadline_push_hours_per_day = 0.0;
    /** @brief Entering this stage opens an assessment (the "assessment" stage's work and
     * deadline) for a child who has none open and did not come from an assessment: every
     * section 47 enquiry carries one. */
    bool opens_assessment = false;
    /** @brief A rise in a child's need in this stage (a change of circumstances) opens a
     * re-assessment, its clock starting that day. */
    bool reassess_on_escalation = false;
    /** @brief Review conferences, working days: the first after entry, then each gap after the
     * previous review; the last value repeats. Non-empty with review_exit_probability_by_need:
     * the stage ends only at a review (or early, below), not after `duration_wd`. */
    std::vector<int> review_schedule_wd;
    /** @brief Chance that a review ends the stage, by need level (kNeedLevels values). */
    std::vector<double> review_exit_probability_by_need;
    /** @brief Multiplier of that chance at the first review (the plan has had little time). */
    double first_review_exit_factor = 1.0;
    /** @brief Progress: the chance is multiplied by 1 - this x the share of the child's
     * statutory visits made late. */
    double review_exit_loss_per_late_share = 0.0;
    /** @brief Stage entered early, between reviews (e.g. "looked_after" from a plan); empty =
     * none. The time to it is exponential with early_exit_rate_by_need per year of working days
     * (kNeedLevels values), drawn on entry. */
    std::string early_exit_to;
    std::vector<double> early_exit_rate_by_need;

    /** @brief The stage ends when its assessment work is done. */
    bool ends_when_work_done() const { return !work_hours_by_need.empty(); }
    /** @brief The stage ends at a review conference. */
    bool ends_at_review() const {
        return !review_schedule_wd.empty() && !review_exit_probability_by_need.empty();
    }
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

/**
 * @brief default_pathway() with every stage's duration drawn from `duration_wd` (the model before
 * issue 11 item 3): use_emergent_durations() of it is default_pathway().
 */
PathwayConfig drawn_pathway();

/**
 * @brief Switches on durations that emerge from work and reviews (issue 11 item 3) in a pathway
 * built like drawn_pathway(): assessments end when their work is done, section 47 enquiries
 * carry assessments, a rise in need re-assesses, plans and care episodes end at reviews.
 * default_pathway() (base.json) has them on (docs/model.md 7.3).
 */
void use_emergent_durations(PathwayConfig& pathway);

/** @brief Parses a stage kind name ("entry", "front_door", "social_work", "early_help",
 * "closed"); false if unknown. */
bool parse_stage_kind(const std::string& name, StageKind& out);
/** @brief The scenario name of a stage kind. */
const char* stage_kind_name(StageKind kind);

}  // namespace cssim::department
