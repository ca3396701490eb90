#pragma once
/**
 * @file config_teams.hpp
 * @brief Teams, the practice model and allocation (mechanism 4). Part of the department model's
 * configuration; include cssim/department/config.hpp (see its notes on units, sources and
 * invariants).
 */
#include <map>
#include <string>
#include <vector>

namespace cssim::department {

/** @brief Who holds a child's case when it moves to a stage another team holds. */
enum class PracticeModel {
    kTransfer,    ///< "transfer": the receiving team allocates a new worker (a handover)
    kSameWorker,  ///< "same_worker": one worker keeps the child throughout
};

/** @brief How a team manager picks the worker for a new case. */
enum class AllocationPolicy {
    kMostRoom,  ///< "most_room": the worker with most room under the cap (balances caseloads)
    kInTurn,    ///< "in_turn": the next worker in the team's rota with room (a duty rota)
};

/**
 * @brief A team (issue 11 item 2): the social-work stages it holds, its share of the
 * department's posts (`workforce.social_worker_posts` stays the total), its managers, a caseload
 * cap with stage weights, and how its manager allocates. A scenario without `teams` runs as one
 * department-wide team holding every stage, with `allocation`'s cap and policy "most_room".
 */
struct TeamConfig {
    std::string id;                   ///< unique, e.g. "assessment"
    std::string label;                ///< for the viewer, e.g. "Assessment"
    std::vector<std::string> stages;  ///< pathway stage ids this team holds
    /** @brief Share of `workforce.social_worker_posts`; the teams' shares sum to 1. A team that
     * holds no social-work stage (the front door, staffed by `front_door.screening_fte`) has 0. */
    double posts_share = 0.0;
    /** @brief Team manager posts; 0 = one per `workforce.team_size` posts (rounded up). */
    int managers = 0;
    /** @brief Most weighted cases a worker is given; 0 = `allocation.caseload_cap`. */
    double caseload_cap = 0.0;
    /** @brief Weights of stages under this team's cap (stage id -> weight); a stage not listed
     * keeps its own `caseload_weight`. */
    std::map<std::string, double> stage_weights;
    AllocationPolicy policy = AllocationPolicy::kMostRoom;
    /** @brief Cases a present manager allocates per working day; an absent manager's team gets
     * the cover supervision share of it (management); 0 = no limit. */
    double allocations_per_manager_per_day = 0.0;
    /** @brief A worker above this many weighted cases has their newest case moved to the worker
     * with most room in the team (a change of worker); 0 = never. */
    double reallocate_above = 0.0;
    /** @brief Under practice_model "transfer": working days into one of this team's stages
     * before the team takes a child transferred from another team's worker (the transfer
     * point, e.g. the first looked-after review); the worker before keeps the child until
     * then. 0 = as soon as the team can allocate. */
    int takes_after_wd = 0;
};

/**
 * @brief The teams of base.json: a front door (MASH, staffed by
 * front_door.screening_fte), assessment and first response (assessment, section 47, initial
 * conference), child in need, child protection and children in care, sized in docs/model.md 7.4
 * (team_defaults.cpp).
 */
std::vector<TeamConfig> default_teams();

/** @brief Allocation of cases to social workers (mechanism 4). */
struct AllocationConfig {
    /** @brief Most weighted cases a worker is given (local policy; Kim et al. 2019: workload
     * "unmanageable" above ~17 ongoing cases; surveys report ~18.8). */
    double caseload_cap = 22.0;
    /** @brief Cap for newly qualified workers in their protected period, as a share of the cap
     * (ASYE protected caseload, ~90% of a full one is common; L). */
    double newly_qualified_cap_share = 0.7;
    /** @brief A case that has waited this many working days is allocated over the cap to the
     * least-loaded worker (managers cannot leave children unallocated for ever; seed 001 reports
     * caseloads of 30-50 under collapse). 0 = never: cases wait. (L) */
    int over_cap_after_wd = 10;
    /** @brief Who holds a child's case as it moves between teams (issue 11): "transfer" (the
     * default) hands the case to the team that holds the next stage, a change of worker with a
     * handover; "same_worker" keeps one worker throughout whatever the stage. */
    PracticeModel practice_model = PracticeModel::kTransfer;
    /** @brief Redeployment between teams (docs/system-effects.md section 6): when a team's
     * pressure (weighted cases held and waiting / the caps of its workers at work) exceeds this,
     * managers move a worker (a post) from the team under least pressure into it (duty rotas:
     * long-term teams' workers sent to the front; DfE 2025: "managing caseloads" is the reason
     * for 17% of children's new social workers; seed 001: caseloads of 30-50 in the first
     * response teams). 1.75 lies above the highest pressure any team reaches in base.json
     * (children in care, 1.50 over 10 replications of 10 years), so it does not fire under
     * normal pressure. 0 = never. (L) */
    double redeploy_above = 1.75;
    /** @brief The donor team's pressure must be at least this much below the receiving team's
     * (so a move narrows the gap rather than swapping the overload). (L) */
    double redeploy_gap = 0.5;
    /** @brief At most one post moves per this many working days (a manager's weekly duty rota
     * meeting). (L) */
    int redeploy_every_wd = 5;
};

}  // namespace cssim::department
