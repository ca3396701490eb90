#pragma once
/**
 * @file quality.hpp
 * @brief Private: the Quality component — the daily hazards of serious harm and of risk rising
 * (escalation) for every open case of social work, early help or the front door, and what
 * raises them: a child's recent changes of social worker (churn), a worker without supervision,
 * an overdue visit, having no worker, a handover's reduced risk detection; the culture's
 * multiplier comes from SystemEffects.
 *
 * Quality owns the "quality" random stream (one draw per case with hazards per working day),
 * the day's harm count and the churn shares of the day; it raises a child's need after harm or
 * escalation and asks the rest of the model through a QualityHost for what follows (the event
 * log, a re-assessment, the review and its admin hours). Quality reads the cases (`Case`,
 * department_state.hpp) and writes only their `need`. The quality of practice as a case leaves a
 * stage — a rushed assessment's error, and the losses to a closure's chance of meeting need from
 * late visits and handovers — is in quality_closure.cpp, drawn from the caller's stream.
 */
#include <array>
#include <cstdint>
#include <vector>

#include "cssim/core/random.hpp"
#include "cssim/core/time.hpp"
#include "cssim/department/config.hpp"
#include "department_outputs.hpp"

namespace cssim::department::detail {

struct Case;

/** @brief What the Quality component asks of the rest of the model. */
class QualityHost {
public:
    /** @brief The share of post `post`'s working time under supervision today (0..1). */
    virtual double quality_supervision(int post) const = 0;
    /** @brief Serious harm to the child of case `case_index` today (its need not yet raised):
     * written to the event log (called only with detail). */
    virtual void log_harm(int case_index, core::DayIndex day) = 0;
    /** @brief The need of case `case_index` has just risen by harm or escalation: a
     * re-assessment opens where its stage says so. */
    virtual void need_rose(int case_index, core::DayIndex day) = 0;
    /** @brief The review after serious harm (`harm`) or a near miss, and the admin hours it
     * costs the case's worker. */
    virtual void review_incident(int case_index, bool harm, core::DayIndex day, bool measure) = 0;

protected:
    ~QualityHost() = default;
};

/** @brief The day's churn as the children in social work experience it. */
struct QualityChurn {
    double two_plus_share = 0.0;  ///< of case-days, with 2+ changes of worker in 12 months
    double workers_mean = 0.0;    ///< different social workers per case
};

/** @brief The quality hazards of one replication. */
class Quality {
public:
    /** @brief The stream "quality" of the replication; `config` may change at a date. */
    Quality(const DepartmentConfig& config, std::uint64_t master_seed, std::uint64_t replication,
            Outputs& outputs, QualityHost& host, bool detail);
    /** @brief Follows a dated change of configuration. */
    void on_config_changed(const DepartmentConfig& config) {
        cfg_ = &config;
        prepare();
    }

    /** @brief One working day's hazards over `cases` (one draw for each active case in a stage
     * with hazards, in index order) for `posts` posts; `culture` multiplies every hazard;
     * accumulators count when `measure`. */
    void hazards(core::DayIndex day, std::vector<Case>& cases, int posts, double culture,
                 bool measure);

    /** @brief Serious harm counted today so far. */
    int harm_today() const { return harm_today_; }
    /** @brief Forgets the day's harm count (after the daily snapshot). */
    void clear_harm_today() { harm_today_ = 0; }
    /** @brief The churn of the last working day's hazards. */
    const QualityChurn& churn() const { return churn_; }

private:
    /** @brief The stage kinds and churn factors of the configuration in force (they change only
     * at a dated change). */
    void prepare();

    const DepartmentConfig* cfg_;
    Outputs& outputs_;
    QualityHost& host_;
    bool detail_;
    core::RandomStream rng_;
    int harm_today_ = 0;
    QualityChurn churn_;
    /// The churn factor by recent changes of worker (0 to the ring's 4), as std::pow gives it.
    std::array<double, 5> churn_factor_{};
    // Scratch, reused every day.
    std::vector<double> post_multiplier_;   ///< per post, from its supervision
    std::vector<std::uint8_t> stage_kind_;  ///< per stage: 0 none, 1 social work, 2 other

public:
    // As a case leaves a stage (quality_closure.cpp).

    /** @brief The need the completed assessment of case `c` concludes: its true need, unless
     * the assessment was rushed and a misjudgement stands — with chance
     * `quality.rushed_error_probability`, raised by `management.unsupervised_error_multiplier`
     * as far as its worker lacks supervision (`QualityHost::quality_supervision`; none lacking
     * without a worker). Draws from `rng` only for a rushed assessment: one draw, and the
     * misjudged need's when it stands. */
    int assessed_need(const Case& c, core::RandomStream& rng) const;
    /** @brief The chance that case `c`, closing from stage `from`, had its need met: the stage's
     * chance for its need less `quality.resolution_loss_per_late_share` times its share of late
     * visits and `quality.resolution_loss_per_handover` per handover, within 0 to 1. */
    double resolution_probability(const PathwayStage& from, const Case& c) const;
};

}  // namespace cssim::department::detail
