// The workshop's overall score (docs/workshop.md, "The overall score"): points per item within
// the room, weighted means per family (children, staff, money), then across the families.
#include <algorithm>
#include <cmath>

#include "cssim/workshop/play.hpp"

namespace cssim::workshop {
namespace {

constexpr const char* kFamilies[] = {"children", "staff", "money"};

double family_weight(const scenario::FamilyWeights& w, const std::string& family) {
    return family == "children" ? w.children : family == "staff" ? w.staff : w.money;
}

double& family_score(OverallScore& s, const std::string& family) {
    return family == "children" ? s.children : family == "staff" ? s.staff : s.money;
}

double family_value(const OverallScore& s, const std::string& family) {
    return family == "children" ? s.children : family == "staff" ? s.staff : s.money;
}

}  // namespace

std::vector<OverallScore> overall_scores(const scenario::Workshop& workshop,
                                         const std::vector<ScoreItem>& items, std::size_t round) {
    std::vector<std::string> tables;
    for (const ScoreItem& i : items) {
        if (i.round == round && std::find(tables.begin(), tables.end(), i.table) == tables.end()) {
            tables.push_back(i.table);
        }
    }
    // points[t][term]: 0 to 100 within the room; NaN values score 0.
    std::vector<std::vector<double>> points(tables.size(),
                                            std::vector<double>(workshop.score.size(), 0.0));
    for (std::size_t k = 0; k < workshop.score.size(); ++k) {
        const scenario::WorkshopScoreTerm& term = workshop.score[k];
        std::vector<double> value(tables.size(), std::nan(""));
        for (const ScoreItem& i : items) {
            if (i.round == round && i.group == term.group && i.metric == term.metric) {
                const auto t = std::find(tables.begin(), tables.end(), i.table) - tables.begin();
                value[static_cast<std::size_t>(t)] = i.value;
            }
        }
        double low = INFINITY, high = -INFINITY;
        for (const double v : value) {
            if (!std::isnan(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (std::isnan(value[t])) {
                continue;
            }
            const double up = high > low ? (value[t] - low) / (high - low) : 1.0;
            points[t][k] = 100.0 * (high > low && term.direction < 0 ? 1.0 - up : up);
        }
    }
    std::vector<OverallScore> scores;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        OverallScore s;
        s.table = tables[t];
        s.round = round;
        double sum = 0.0, weights = 0.0;
        for (const char* family : kFamilies) {
            double family_sum = 0.0, family_weights = 0.0;
            for (std::size_t k = 0; k < workshop.score.size(); ++k) {
                if (workshop.score[k].group == family) {
                    family_sum += workshop.score[k].weight * points[t][k];
                    family_weights += workshop.score[k].weight;
                }
            }
            double& f = family_score(s, family);
            f = family_weights > 0.0 ? family_sum / family_weights : std::nan("");
            const double w = family_weight(workshop.overall_weights, family);
            if (!std::isnan(f) && w > 0.0) {
                sum += w * f;
                weights += w;
            }
        }
        s.overall = weights > 0.0 ? sum / weights : std::nan("");
        scores.push_back(s);
    }
    return scores;
}

std::string scoreboard_csv(const scenario::Workshop& workshop, const std::vector<ScoreItem>& items,
                           const scenario::WorkshopCalendar& calendar) {
    std::vector<std::size_t> rounds;
    for (const ScoreItem& i : items) {
        if (std::find(rounds.begin(), rounds.end(), i.round) == rounds.end()) {
            rounds.push_back(i.round);
        }
    }
    std::vector<ScoreItem> rows;
    for (const std::size_t round : rounds) {
        const std::vector<OverallScore> scores = overall_scores(workshop, items, round);
        for (const OverallScore& s : scores) {
            for (const ScoreItem& i : items) {
                if (i.round == round && i.table == s.table) {
                    rows.push_back(i);
                }
            }
            for (const char* family : kFamilies) {
                ScoreItem f;
                f.table = s.table;
                f.round = round;
                f.group = family;
                f.metric = "family_score";
                f.label = std::string(1, static_cast<char>(family[0] - 'a' + 'A')) +
                          std::string(family + 1) + " score";
                f.unit = "points (0-100)";
                f.value = family_value(s, family);
                f.weight = family_weight(workshop.overall_weights, family);
                f.better = "higher";
                rows.push_back(f);
            }
            ScoreItem o;
            o.table = s.table;
            o.round = round;
            o.group = "overall";
            o.metric = "overall_score";
            o.label = "Overall score";
            o.unit = "points (0-100)";
            o.value = s.overall;
            o.better = "higher";
            rows.push_back(o);
        }
    }
    return scoreboard_csv(rows, calendar);
}

}  // namespace cssim::workshop
