// validate_pathway(): the default graph is valid and every kind of invalid graph is reported,
// naming the stage or transition at fault.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cssim/department/pathway.hpp"

namespace cssim::department {
namespace {

bool has_problem(const std::vector<PathwayProblem>& problems, const std::string& text,
                 int stage = -2, int transition = -2) {
    return std::any_of(problems.begin(), problems.end(), [&](const PathwayProblem& p) {
        return p.message.find(text) != std::string::npos &&
               (stage == -2 || p.stage_index == stage) &&
               (transition == -2 || p.transition_index == transition);
    });
}

int stage_index(const PathwayConfig& p, const std::string& id) {
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        if (p.stages[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int transition_index(const PathwayConfig& p, const std::string& from, const std::string& to) {
    for (std::size_t i = 0; i < p.transitions.size(); ++i) {
        if (p.transitions[i].from == from && p.transitions[i].to == to)
            return static_cast<int>(i);
    }
    return -1;
}

TEST(PathwayValidation, DefaultPathwayIsValid) {
    const auto problems = validate_pathway(default_pathway());
    for (const auto& p : problems)
        ADD_FAILURE() << p.message;
    EXPECT_TRUE(problems.empty());
}

TEST(PathwayValidation, DefaultPathwayHasTheTenStages) {
    const PathwayConfig p = default_pathway();
    for (const char* id :
         {"referral", "screening", "assessment", "child_in_need", "section_47",
          "initial_conference", "child_protection_plan", "looked_after", "early_help", "closed"}) {
        EXPECT_GE(stage_index(p, id), 0) << id;
    }
}

TEST(PathwayValidation, EmergentDurationsAreValidAndWritingNeedsWork) {
    PathwayConfig p = default_pathway();
    use_emergent_durations(p);
    EXPECT_TRUE(validate_pathway(p).empty());
    const int a = stage_index(p, "assessment");
    p.stages[static_cast<std::size_t>(a)].writing_hours_by_need = {4.0, 4.0};
    EXPECT_TRUE(has_problem(validate_pathway(p), "exactly 5 values", a));
    PathwayConfig q = drawn_pathway();  // no work hours
    q.stages[static_cast<std::size_t>(a)].writing_hours_by_need = {4.0, 4.0, 4.0, 4.0, 4.0};
    EXPECT_TRUE(has_problem(validate_pathway(q), "writing hours need work_hours_by_need", a));
    PathwayConfig v = default_pathway();
    v.stages[static_cast<std::size_t>(a)].required_visits_by_need = {1, 1, 2};
    EXPECT_TRUE(has_problem(validate_pathway(v), "exactly 5 values", a));
}

TEST(PathwayValidation, ReportsDuplicateStageIds) {
    PathwayConfig p = default_pathway();
    p.stages.push_back(p.stages[2]);  // a second "assessment"
    const int dup = static_cast<int>(p.stages.size()) - 1;
    EXPECT_TRUE(has_problem(validate_pathway(p), "duplicate stage id", dup));
}

TEST(PathwayValidation, ReportsUnknownStageNamesInTransitions) {
    PathwayConfig p = default_pathway();
    const int t = transition_index(p, "looked_after", "closed");
    p.transitions[t].to = "adopted";
    const auto problems = validate_pathway(p);
    EXPECT_TRUE(has_problem(problems, "unknown stage \"adopted\"", -1, t));
    EXPECT_EQ(std::find_if(problems.begin(), problems.end(),
                           [&](const PathwayProblem& x) { return x.transition_index == t; })
                  ->field,
              "to");
}

TEST(PathwayValidation, ReportsProbabilitiesThatDoNotSumToOne) {
    PathwayConfig p = default_pathway();
    const int t = transition_index(p, "looked_after", "closed");
    p.transitions[t].probability = 0.9;
    EXPECT_TRUE(has_problem(validate_pathway(p), "sum to 0.9", stage_index(p, "looked_after")));
}

TEST(PathwayValidation, ReportsASumOffByMoreThanTheTolerancePerNeedLevel) {
    PathwayConfig p = default_pathway();
    const int t = transition_index(p, "screening", "closed");
    p.transitions[t].probability_by_need[4] += 1e-6;  // acute only; 1e-6 > 1e-9 tolerance
    EXPECT_TRUE(has_problem(validate_pathway(p), "need level 4", stage_index(p, "screening")));
}

TEST(PathwayValidation, ReportsStagesUnreachableFromReferral) {
    PathwayConfig p = default_pathway();
    PathwayStage island;
    island.id = "island";
    p.stages.push_back(island);
    PathwayTransition out;
    out.from = "island";
    out.to = "closed";
    out.probability = 1.0;
    p.transitions.push_back(out);
    EXPECT_TRUE(has_problem(validate_pathway(p), "cannot be reached from \"referral\"",
                            static_cast<int>(p.stages.size()) - 1));
}

TEST(PathwayValidation, ReportsStagesFromWhichClosedCannotBeReached) {
    PathwayConfig p = default_pathway();
    // Looked-after children now only ever move to a trap stage that loops on itself.
    PathwayStage trap;
    trap.id = "trap";
    p.stages.push_back(trap);
    const int t = transition_index(p, "looked_after", "closed");
    p.transitions[t].to = "trap";
    PathwayTransition loop;
    loop.from = "trap";
    loop.to = "trap";
    loop.probability = 1.0;
    p.transitions.push_back(loop);
    const auto problems = validate_pathway(p);
    EXPECT_TRUE(has_problem(problems, "\"closed\" cannot be reached from stage \"trap\"",
                            static_cast<int>(p.stages.size()) - 1));
}

TEST(PathwayValidation, ReportsOutgoingTransitionsFromClosedAndStagesWithNone) {
    PathwayConfig p = default_pathway();
    PathwayTransition back;
    back.from = "closed";
    back.to = "referral";
    back.probability = 1.0;
    p.transitions.push_back(back);
    PathwayStage dead_end;
    dead_end.id = "dead_end";
    p.stages.push_back(dead_end);
    const auto problems = validate_pathway(p);
    EXPECT_TRUE(has_problem(problems, "must have no outgoing", stage_index(p, "closed")));
    EXPECT_TRUE(has_problem(problems, "has no outgoing transitions", stage_index(p, "dead_end")));
}

TEST(PathwayValidation, ReportsMissingReferralOrClosed) {
    PathwayConfig p = default_pathway();
    p.stages.erase(p.stages.begin());  // no "referral"
    EXPECT_TRUE(has_problem(validate_pathway(p), "no stage with id \"referral\""));
    PathwayConfig q = default_pathway();
    q.stages.pop_back();  // no "closed"
    EXPECT_TRUE(has_problem(validate_pathway(q), "no stage with id \"closed\""));
}

TEST(PathwayValidation, ReportsDuplicateTransitionsAndBadByNeedSizes) {
    PathwayConfig p = default_pathway();
    p.transitions.push_back(p.transitions[0]);
    const int dup = static_cast<int>(p.transitions.size()) - 1;
    const int t = transition_index(p, "assessment", "closed");
    p.transitions[t].probability_by_need = {0.5, 0.5};
    const auto problems = validate_pathway(p);
    EXPECT_TRUE(has_problem(problems, "duplicate transition", -1, dup));
    EXPECT_TRUE(has_problem(problems, "needs exactly 5 values", -1, t));
}

TEST(PathwayValidation, ReportsProbabilitiesOutsideTheUnitInterval) {
    PathwayConfig p = default_pathway();
    const int t = transition_index(p, "early_help", "closed");
    p.transitions[t].probability = 1.5;
    EXPECT_TRUE(has_problem(validate_pathway(p), "must be in [0, 1]", -1, t));
}

}  // namespace
}  // namespace cssim::department
