/**
 * @file pathway_validation.cpp
 * @brief validate_pathway(): the graph checks, with Boost.Graph for reachability.
 */
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "cssim/department/pathway.hpp"

namespace cssim::department {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

constexpr double kSumTolerance = 1e-9;

/** @brief Vertices reachable from `source` in g (any Boost graph). */
template <class G>
std::vector<bool> reachable_from(const G& g, Vertex source) {
    std::vector<boost::default_color_type> colour(boost::num_vertices(g));
    auto colour_map =
        boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g));
    boost::breadth_first_search(g, source,
                                boost::visitor(boost::default_bfs_visitor()).color_map(colour_map));
    std::vector<bool> seen(colour.size());
    for (std::size_t i = 0; i < colour.size(); ++i) {
        seen[i] = colour[i] != boost::white_color;
    }
    return seen;
}

PathwayProblem stage_problem(int index, std::string field, std::string message) {
    return PathwayProblem{index, -1, std::move(field), std::move(message)};
}

PathwayProblem transition_problem(int index, std::string field, std::string message) {
    return PathwayProblem{-1, index, std::move(field), std::move(message)};
}

}  // namespace

std::vector<PathwayProblem> validate_pathway(const PathwayConfig& pathway) {
    std::vector<PathwayProblem> problems;
    std::map<std::string, int> index_of;
    for (std::size_t i = 0; i < pathway.stages.size(); ++i) {
        const PathwayStage& s = pathway.stages[i];
        const int si = static_cast<int>(i);
        if (s.id.empty()) {
            problems.push_back(stage_problem(si, "id", "stage has an empty id"));
            continue;
        }
        if (!index_of.emplace(s.id, si).second) {
            problems.push_back(stage_problem(si, "id",
                                             "duplicate stage id \"" + s.id +
                                                 "\" (first defined as stage " +
                                                 std::to_string(index_of[s.id]) + ")"));
        }
        if (s.resolution_probability_by_need.size() != kNeedLevels) {
            problems.push_back(stage_problem(si, "resolution_probability_by_need",
                                             "needs exactly 5 values (none..acute)"));
        }
    }
    const auto referral = index_of.find("referral");
    const auto closed = index_of.find("closed");
    if (referral == index_of.end()) {
        problems.push_back(stage_problem(-1, "stages", "no stage with id \"referral\""));
    }
    if (closed == index_of.end()) {
        problems.push_back(stage_problem(-1, "stages", "no stage with id \"closed\""));
    }

    // Durations from work and reviews: per-need vectors complete, the early exit a known stage.
    for (std::size_t i = 0; i < pathway.stages.size(); ++i) {
        const PathwayStage& s = pathway.stages[i];
        const int si = static_cast<int>(i);
        auto empty_or_by_need = [&](const std::vector<double>& v, const char* field) {
            if (!v.empty() && v.size() != kNeedLevels) {
                problems.push_back(
                    stage_problem(si, field, "needs exactly 5 values (none..acute) or none"));
            }
        };
        if (!s.required_visits_by_need.empty() && s.required_visits_by_need.size() != kNeedLevels) {
            problems.push_back(stage_problem(si, "required_visits_by_need",
                                             "needs exactly 5 values (none..acute) or none"));
        }
        empty_or_by_need(s.work_hours_by_need, "work_hours_by_need");
        empty_or_by_need(s.writing_hours_by_need, "writing_hours_by_need");
        if (!s.writing_hours_by_need.empty() && s.work_hours_by_need.empty()) {
            problems.push_back(stage_problem(
                si, "writing_hours_by_need",
                "writing hours need work_hours_by_need (the stage ends when its work is done)"));
        }
        empty_or_by_need(s.review_exit_probability_by_need, "review_exit_probability_by_need");
        empty_or_by_need(s.early_exit_rate_by_need, "early_exit_rate_by_need");
        for (int gap : s.review_schedule_wd) {
            if (gap < 1) {
                problems.push_back(stage_problem(si, "review_schedule_wd",
                                                 "review gaps must be at least 1 working day"));
                break;
            }
        }
        if (s.review_schedule_wd.empty() != s.review_exit_probability_by_need.empty()) {
            problems.push_back(
                stage_problem(si,
                              s.review_schedule_wd.empty() ? "review_schedule_wd"
                                                           : "review_exit_probability_by_need",
                              "a stage ending at reviews needs both review_schedule_wd and "
                              "review_exit_probability_by_need"));
        }
        if (!s.early_exit_to.empty() && index_of.find(s.early_exit_to) == index_of.end()) {
            problems.push_back(
                stage_problem(si, "early_exit_to", "unknown stage \"" + s.early_exit_to + "\""));
        }
        if (!s.early_exit_to.empty() && !s.ends_at_review()) {
            problems.push_back(stage_problem(si, "early_exit_to",
                                             "an early exit needs a stage that ends at reviews"));
        }
    }

    Graph g(pathway.stages.size());
    std::set<std::pair<int, int>> seen_edges;
    // sums[stage][need]: outgoing probability per need level.
    std::vector<std::vector<double>> sums(pathway.stages.size(),
                                          std::vector<double>(kNeedLevels, 0.0));
    std::vector<int> outgoing(pathway.stages.size(), 0);
    for (std::size_t i = 0; i < pathway.transitions.size(); ++i) {
        const PathwayTransition& t = pathway.transitions[i];
        const int ti = static_cast<int>(i);
        const auto from = index_of.find(t.from);
        const auto to = index_of.find(t.to);
        if (from == index_of.end()) {
            problems.push_back(transition_problem(ti, "from", "unknown stage \"" + t.from + "\""));
        }
        if (to == index_of.end()) {
            problems.push_back(transition_problem(ti, "to", "unknown stage \"" + t.to + "\""));
        }
        bool probabilities_ok = true;
        if (!t.probability_by_need.empty() && t.probability_by_need.size() != kNeedLevels) {
            problems.push_back(
                transition_problem(ti, "probability_by_need",
                                   "needs exactly 5 values (none..acute), got " +
                                       std::to_string(t.probability_by_need.size())));
            probabilities_ok = false;
        }
        const std::vector<double> p = t.probability_by_need.empty()
                                          ? std::vector<double>(kNeedLevels, t.probability)
                                          : t.probability_by_need;
        for (double x : p) {
            if (!(x >= 0.0 && x <= 1.0)) {
                problems.push_back(transition_problem(
                    ti, t.probability_by_need.empty() ? "probability" : "probability_by_need",
                    "probability must be in [0, 1]"));
                probabilities_ok = false;
                break;
            }
        }
        if (from == index_of.end() || to == index_of.end()) {
            continue;
        }
        if (!seen_edges.emplace(from->second, to->second).second) {
            problems.push_back(
                transition_problem(ti, "to", "duplicate transition " + t.from + " -> " + t.to));
            continue;
        }
        boost::add_edge(static_cast<Vertex>(from->second), static_cast<Vertex>(to->second), g);
        ++outgoing[from->second];
        if (probabilities_ok) {
            for (std::size_t n = 0; n < kNeedLevels; ++n) {
                sums[from->second][n] += p[n];
            }
        }
    }

    const int closed_index = closed == index_of.end() ? -1 : closed->second;
    for (std::size_t i = 0; i < pathway.stages.size(); ++i) {
        const int si = static_cast<int>(i);
        const std::string& id = pathway.stages[i].id;
        if (si == closed_index) {
            if (outgoing[i] > 0) {
                problems.push_back(stage_problem(si, "id",
                                                 "\"closed\" must have no outgoing "
                                                 "transitions"));
            }
            continue;
        }
        if (outgoing[i] == 0) {
            problems.push_back(
                stage_problem(si, "id", "stage \"" + id + "\" has no outgoing transitions"));
            continue;
        }
        for (std::size_t n = 0; n < kNeedLevels; ++n) {
            if (std::fabs(sums[i][n] - 1.0) > kSumTolerance) {
                std::ostringstream os;
                os << "outgoing probabilities of stage \"" << id << "\" sum to " << sums[i][n]
                   << " for need level " << n << ", not 1";
                problems.push_back(stage_problem(si, "id", os.str()));
                break;
            }
        }
    }

    if (referral != index_of.end()) {
        const std::vector<bool> reach = reachable_from(g, static_cast<Vertex>(referral->second));
        for (std::size_t i = 0; i < pathway.stages.size(); ++i) {
            if (!reach[i]) {
                problems.push_back(stage_problem(
                    static_cast<int>(i), "id",
                    "stage \"" + pathway.stages[i].id + "\" cannot be reached from \"referral\""));
            }
        }
    }
    if (closed != index_of.end()) {
        const boost::reverse_graph<Graph> reversed(g);
        const std::vector<bool> reach =
            reachable_from(reversed, static_cast<Vertex>(closed->second));
        for (std::size_t i = 0; i < pathway.stages.size(); ++i) {
            if (!reach[i]) {
                problems.push_back(stage_problem(
                    static_cast<int>(i), "id",
                    "\"closed\" cannot be reached from stage \"" + pathway.stages[i].id + "\""));
            }
        }
    }
    return problems;
}

}  // namespace cssim::department
