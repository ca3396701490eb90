/**
 * @file pathway_defaults.cpp
 * @brief The default pathway graph and stage-kind names.
 *
 * Durations and visit cadences follow Working Together 2023 and local standards (evidence:
 * "Timescales"); flows are calibrated so base.json reproduces DfE Characteristics of children in
 * need 2024/25 (6.5% NFA, ~30% assessed not in need, ~31% of section 47 enquiries lead to an
 * initial conference) and the CIN / CP / looked-after stocks per 10,000 (see docs/model.md).
 */
#include "cssim/department/pathway_config.hpp"

namespace cssim::department {
namespace {

using core::Distribution;

PathwayStage stage(std::string id, std::string label, StageKind kind) {
    PathwayStage s;
    s.id = std::move(id);
    s.label = std::move(label);
    s.kind = kind;
    s.duration_wd = Distribution::deterministic(0.0);
    return s;
}

PathwayTransition edge(std::string from, std::string to, std::vector<double> by_need) {
    PathwayTransition t;
    t.from = std::move(from);
    t.to = std::move(to);
    t.probability_by_need = std::move(by_need);
    return t;
}

PathwayTransition edge(std::string from, std::string to, double probability) {
    PathwayTransition t;
    t.from = std::move(from);
    t.to = std::move(to);
    t.probability = probability;
    return t;
}

}  // namespace

PathwayConfig default_pathway() {
    // base.json's pathway: durations emerge from work and reviews (docs/model.md 7.3).
    PathwayConfig p = drawn_pathway();
    use_emergent_durations(p);
    return p;
}

PathwayConfig drawn_pathway() {
    PathwayConfig p;
    p.stages.push_back(stage("referral", "Referral", StageKind::Entry));
    PathwayStage screening = stage("screening", "Screening (front door)", StageKind::FrontDoor);
    // A referral closed at the front door has had nothing done: the concern usually remains.
    screening.resolution_probability_by_need = {0.4, 0.3, 0.2, 0.1, 0.0};
    p.stages.push_back(screening);

    PathwayStage assessment = stage("assessment", "Assessment", StageKind::SocialWork);
    assessment.duration_wd = Distribution::lognormal(22.0, 9.0);  // most finish well inside 45 wd
    assessment.required_visits = 2;
    assessment.visit_interval_wd = 10;
    assessment.admin_hours_per_week = 1.0;  // writing the assessment
    assessment.meeting_hours_per_week = 0.2;
    assessment.deadline_wd = 45;  // Working Together: within 45 working days of referral
    assessment.resolution_probability_by_need = {0.6, 0.5, 0.4, 0.3, 0.2};
    p.stages.push_back(assessment);

    PathwayStage cin = stage("child_in_need", "Child in need", StageKind::SocialWork);
    cin.duration_wd = Distribution::lognormal(165.0, 120.0);  // ~8 months (calibrated: CIN stock)
    cin.visit_interval_wd = 20;   // local: visits ~every 20 working days
    cin.review_interval_wd = 60;  // reviews 4-12 weekly
    cin.review_hours = 2.0;
    cin.admin_hours_per_week = 0.35;
    cin.meeting_hours_per_week = 0.2;
    p.stages.push_back(cin);

    PathwayStage s47 = stage("section_47", "Section 47 enquiry", StageKind::SocialWork);
    s47.duration_wd = Distribution::triangular(5.0, 10.0, 15.0);
    s47.required_visits = 1;
    s47.visit_interval_wd = 5;
    s47.admin_hours_per_week = 1.5;
    s47.meeting_hours_per_week = 1.5;  // strategy discussion, joint visits with police
    s47.caseload_weight = 1.5;
    p.stages.push_back(s47);

    PathwayStage icpc =
        stage("initial_conference", "Initial child protection conference", StageKind::SocialWork);
    icpc.duration_wd = Distribution::triangular(3.0, 5.0, 8.0);  // within 15 wd of the strategy
    icpc.visit_interval_wd = 10;                                 // discussion (Working Together)
    icpc.admin_hours_per_week = 1.5;                             // conference report
    icpc.meeting_hours_per_week = 1.5;
    icpc.caseload_weight = 1.3;
    p.stages.push_back(icpc);

    PathwayStage cp =
        stage("child_protection_plan", "Child protection plan", StageKind::SocialWork);
    cp.duration_wd = Distribution::lognormal(230.0, 130.0);  // ~11 months (calibrated: CP stock)
    cp.visit_interval_wd = 10;    // local standard: every 10 working days
    cp.review_interval_wd = 120;  // review conference at 3 then every 6 months
    cp.review_hours = 4.0;
    cp.admin_hours_per_week = 0.5;
    cp.meeting_hours_per_week = 0.6;  // core groups
    cp.caseload_weight = 1.3;
    cp.resolution_probability_by_need = {1.0, 0.9, 0.8, 0.65, 0.55};
    p.stages.push_back(cp);

    PathwayStage lac = stage("looked_after", "Looked after", StageKind::SocialWork);
    lac.duration_wd = Distribution::lognormal(630.0, 500.0);  // mean stay ~2.5 years (CLA 2024)
    lac.visit_interval_wd = 30;                               // at least every 6 weeks in year 1
    lac.review_interval_wd = 120;                             // reviews at 3 then every 6 months
    lac.review_hours = 3.0;
    lac.admin_hours_per_week = 0.4;
    lac.meeting_hours_per_week = 0.4;  // court, placement meetings
    lac.caseload_weight = 1.2;
    lac.resolution_probability_by_need = {1.0, 0.95, 0.9, 0.85, 0.8};
    p.stages.push_back(lac);

    PathwayStage eh = stage("early_help", "Early help", StageKind::EarlyHelp);
    eh.duration_wd = Distribution::lognormal(120.0, 50.0);  // ~6 months of family support
    eh.resolution_probability_by_need = {0.8, 0.6, 0.5, 0.3, 0.2};
    p.stages.push_back(eh);

    p.stages.push_back(stage("closed", "Closed", StageKind::Closed));

    // Flows: one probability per need level (none, low, moderate, high, acute).
    p.transitions = {
        edge("referral", "screening", 1.0),
        edge("screening", "closed", {0.30, 0.0, 0.0, 0.0, 0.0}),  // 6.5% NFA
        edge("screening", "early_help", {0.15, 0.14, 0.0, 0.0, 0.0}),
        edge("screening", "assessment", {0.55, 0.86, 1.0, 0.4, 0.1}),
        edge("screening", "section_47", {0.0, 0.0, 0.0, 0.6, 0.9}),
        edge("assessment", "closed", {0.95, 0.5, 0.1, 0.0, 0.0}),  // ~30% not in need
        edge("assessment", "early_help", {0.05, 0.25, 0.05, 0.0, 0.0}),
        edge("assessment", "child_in_need", {0.0, 0.25, 0.7, 0.3, 0.0}),
        edge("assessment", "section_47", {0.0, 0.0, 0.15, 0.7, 1.0}),
        edge("section_47", "closed", {1.0, 0.7, 0.32, 0.155, 0.07}),
        edge("section_47", "child_in_need", {0.0, 0.3, 0.6, 0.5, 0.3}),
        edge("section_47", "initial_conference", {0.0, 0.0, 0.08, 0.3, 0.45}),  // ~31% overall
        edge("section_47", "looked_after", {0.0, 0.0, 0.0, 0.045, 0.18}),
        edge("initial_conference", "child_protection_plan", {0.4, 0.5, 0.7, 0.8, 0.85}),
        edge("initial_conference", "child_in_need", {0.6, 0.5, 0.3, 0.2, 0.15}),
        edge("child_protection_plan", "closed", {0.6, 0.43, 0.35, 0.3, 0.25}),
        edge("child_protection_plan", "child_in_need", {0.4, 0.55, 0.6, 0.6, 0.6}),
        edge("child_protection_plan", "looked_after", {0.0, 0.02, 0.05, 0.1, 0.15}),
        edge("child_in_need", "closed", {0.95, 0.89, 0.89, 0.81, 0.72}),
        edge("child_in_need", "early_help", {0.05, 0.1, 0.05, 0.0, 0.0}),
        edge("child_in_need", "section_47", {0.0, 0.01, 0.05, 0.15, 0.2}),
        edge("child_in_need", "looked_after", {0.0, 0.0, 0.01, 0.04, 0.08}),
        edge("looked_after", "closed", 1.0),
        edge("early_help", "closed", 1.0),
    };
    return p;
}

void use_emergent_durations(PathwayConfig& p) {
    auto find = [&p](const char* id) -> PathwayStage* {
        for (PathwayStage& s : p.stages) {
            if (s.id == id) {
                return &s;
            }
        }
        return nullptr;
    };
    if (PathwayStage* a = find("assessment")) {
        // Hours beyond the two visits, their recording and the weekly admin and meetings that
        // the stage already costs (interviews, checks with other agencies, analysis), more for
        // higher need (all L; docs/model.md 7.3).
        a->work_hours_by_need = {1.5, 2.0, 3.0, 4.0, 5.0};
        // Writing the assessment up is a fixed amount per assessment, not per week open: the
        // 1.0 h a week of admin_hours_per_week over the drawn stage's mean of 22 working days
        // (4.4 weeks) is 4.4 h, the admin the time-use table was calibrated with. It is done
        // after the work, as free time allows, and counted as admin.
        a->writing_hours_by_need = {4.4, 4.4, 4.4, 4.4, 4.4};
        a->admin_hours_per_week = 0.0;
        // A proportionate assessment (Working Together 2023: the assessment is proportionate
        // to the child's needs; the child is seen): one visit where the need is none or low,
        // two otherwise (L: which needs get one visit is a guess; docs/validation.md).
        a->required_visits_by_need = {1, 1, 2, 2, 2};
        a->work_hours_cv = 0.5;
        a->work_hours_per_day = 0.1;  // appointments and other agencies' replies set the pace
        a->deadline_push_wd = 10;     // the last two weeks before the 45-day deadline
        a->deadline_push_hours_per_day = 1.0;
    }
    if (PathwayStage* s47 = find("section_47")) {
        s47->opens_assessment = true;  // every enquiry carries a child and family assessment
    }
    if (PathwayStage* cin = find("child_in_need")) {
        cin->reassess_on_escalation = true;  // a change of circumstances: a re-assessment
    }
    if (PathwayStage* cp = find("child_protection_plan")) {
        cp->reassess_on_escalation = true;
        // Review conferences within 3 months of the initial conference, then at most every 6
        // months (Working Together): 63 and 126 working days (252 / 4, 252 / 2).
        cp->review_schedule_wd = {63, 126};
        cp->review_exit_probability_by_need = {0.9, 0.85, 0.8, 0.7, 0.6};
        cp->first_review_exit_factor = 0.3;         // (L) three months is little time for a plan
        cp->review_exit_loss_per_late_share = 0.5;  // (L) progress: visits missed, the plan slips
        cp->early_exit_to = "looked_after";
        // The old end-of-plan chance of care spread over a plan's mean length (0.91 years).
        cp->early_exit_rate_by_need = {0.0, 0.022, 0.055, 0.11, 0.165};
    }
    if (PathwayStage* lac = find("looked_after")) {
        // Reviews within 20 working days, then 3 months, then every 6 months (evidence.md).
        lac->review_schedule_wd = {20, 63, 126};
        // The mean stay from the published stock and flow, 2.5 years (83,630 looked after,
        // 33,620 leaving; Little's law, evidence.md) = 630 working days: with these reviews and
        // the care stock's need mix (model.md 5: 2.6, 25.6, 44.9 per 10,000 at need 2, 3, 4) the
        // expected stay is 630 wd at 0.8 x the earlier guesses (0.6, 0.45, 0.32, 0.24, 0.2 gave
        // 486 wd, 1.9 years). Derivation: docs/validation.md.
        lac->review_exit_probability_by_need = {0.48, 0.36, 0.26, 0.19, 0.16};
        lac->first_review_exit_factor = 0.5;         // (L)
        lac->review_exit_loss_per_late_share = 0.5;  // (L)
    }
    // A plan ending at a review closes or steps down; care comes early instead (the old
    // end-of-plan shares renormalised without it).
    for (PathwayTransition& t : p.transitions) {
        if (t.from != "child_protection_plan") {
            continue;
        }
        if (t.to == "closed") {
            t.probability_by_need = {0.6, 0.44, 0.37, 0.33, 0.29};
        } else if (t.to == "child_in_need") {
            t.probability_by_need = {0.4, 0.56, 0.63, 0.67, 0.71};
        } else if (t.to == "looked_after") {
            t.probability_by_need = {0.0, 0.0, 0.0, 0.0, 0.0};
        }
    }
}

bool parse_stage_kind(const std::string& name, StageKind& out) {
    for (StageKind k : {StageKind::Entry, StageKind::FrontDoor, StageKind::SocialWork,
                        StageKind::EarlyHelp, StageKind::Closed}) {
        if (name == stage_kind_name(k)) {
            out = k;
            return true;
        }
    }
    return false;
}

const char* stage_kind_name(StageKind kind) {
    switch (kind) {
        case StageKind::Entry:
            return "entry";
        case StageKind::FrontDoor:
            return "front_door";
        case StageKind::SocialWork:
            return "social_work";
        case StageKind::EarlyHelp:
            return "early_help";
        case StageKind::Closed:
            return "closed";
    }
    return "social_work";
}

}  // namespace cssim::department
