// The debrief's loops: series differences and chains of the model's mechanisms along them.
#include "app/workshop_loops.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace cssim::viewer {
namespace {

// Each link is a mechanism of the department model (docs/model.md): who is in post sets the
// caseload, caseload and admin set stress, stress sets sickness and leaving, and so on.
constexpr MechanismLink kLinks[] = {
    {"agency_share", "social_workers_in_post", +1, "agency cover"},
    {"agency_share", "churn/two_plus_changes_share", +1, "agency moves on"},
    {"agency_share", "spend_to_date", +1, "agency premium"},
    {"vacancy_rate", "social_workers_in_post", -1, ""},
    {"vacancy_rate", "churn/two_plus_changes_share", +1, "new workers"},
    {"social_workers_in_post", "caseload_mean", -1, ""},
    {"social_workers_in_post", "unallocated_cases", -1, ""},
    {"pa_count", "time_use/admin", -1, "PAs take admin"},
    {"pa_count", "spend_to_date", +1, "PA salaries"},
    {"time_use/admin", "time_use/direct", -1, ""},
    {"time_use/admin", "stress_mean", +1, ""},
    {"caseload_mean", "stress_mean", +1, ""},
    {"caseload_mean", "unallocated_cases", +1, "caseload cap"},
    {"stress_mean", "sickness_absence", +1, ""},
    {"stress_mean", "vacancy_rate", +1, "leavers"},
    {"sickness_absence", "unallocated_cases", +1, "cases of the sick"},
    {"unallocated_cases", "assessments_overdue", +1, ""},
    {"unallocated_cases", "harm_events", +1, "unseen children"},
    {"referrals", "front_door_queue", +1, ""},
    {"referrals", "caseload_mean", +1, ""},
    {"referrals", "unallocated_cases", +1, ""},
    {"management/managers_present", "management/supervision_coverage", +1, ""},
    {"management/supervision_coverage", "stress_mean", -1, "supervision"},
    {"prevention/capacity", "prevention/referral_multiplier", -1, "early help"},
    {"prevention/referral_multiplier", "referrals", +1, ""},
};

constexpr double kMaxEffect = 10.0;

}  // namespace

std::span<const MechanismLink> mechanism_links() {
    return kLinks;
}

SeriesDifference series_difference(std::string series, std::string label, std::span<const double> a,
                                   std::span<const double> b) {
    SeriesDifference d;
    d.series = std::move(series);
    d.label = std::move(label);
    const std::size_t n = std::min(a.size(), b.size());
    double sa = 0.0, sb = 0.0, qa = 0.0, qb = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i]))
            continue;
        sa += a[i];
        sb += b[i];
        qa += a[i] * a[i];
        qb += b[i] * b[i];
        ++count;
    }
    if (count == 0)
        return d;
    const double c = static_cast<double>(count);
    d.mean_a = sa / c;
    d.mean_b = sb / c;
    const double var =
        std::max(0.0, (qa / c - d.mean_a * d.mean_a + qb / c - d.mean_b * d.mean_b) / 2.0);
    const double scale =
        std::sqrt(var) + 0.02 * std::max(std::fabs(d.mean_a), std::fabs(d.mean_b)) + 1e-12;
    const double gap = d.mean_b - d.mean_a;
    d.effect = std::min(kMaxEffect, std::fabs(gap) / scale);
    d.sign = gap > 0.0 ? 1 : (gap < 0.0 ? -1 : 0);
    if (d.sign != 0) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!std::isnan(a[i]) && !std::isnan(b[i]) &&
                (b[i] - a[i]) * d.sign >= 0.25 * std::fabs(gap)) {
                d.onset = static_cast<std::int64_t>(i);
                break;
            }
        }
    }
    return d;
}

std::vector<NamedLoop> name_loops(const std::vector<SeriesDifference>& differences,
                                  std::size_t max_loops, double threshold) {
    std::map<std::string, const SeriesDifference*, std::less<>> strong;
    for (const auto& d : differences) {
        if (d.sign != 0 && d.effect >= threshold)
            strong[d.series] = &d;
    }
    // Every simple path along links whose ends both differ, in the directions the links imply.
    std::vector<NamedLoop> paths;
    std::vector<const SeriesDifference*> chain;
    std::vector<std::string> via;
    std::function<void()> extend = [&] {
        const SeriesDifference* last = chain.back();
        bool extended = false;
        for (const MechanismLink& link : kLinks) {
            if (last->series != link.from)
                continue;
            const auto it = strong.find(link.to);
            if (it == strong.end() || it->second->sign != link.sign * last->sign)
                continue;
            if (std::find(chain.begin(), chain.end(), it->second) != chain.end())
                continue;
            chain.push_back(it->second);
            via.emplace_back(link.via);
            extend();
            chain.pop_back();
            via.pop_back();
            extended = true;
        }
        if (extended || chain.size() < 2)
            return;
        NamedLoop loop;
        for (const auto* d : chain) {
            loop.chain.push_back(*d);
            loop.strength += d->effect;
        }
        loop.via = via;
        // Closing: a link from the last series back to one in the chain, directions agreeing.
        for (const MechanismLink& link : kLinks) {
            if (last->series != link.from)
                continue;
            for (std::size_t k = 0; k + 1 < chain.size(); ++k) {
                if (chain[k]->series == link.to && chain[k]->sign == link.sign * last->sign) {
                    loop.closes = true;
                    int product = link.sign;
                    for (std::size_t j = k; j + 1 < chain.size(); ++j)
                        product *= chain[j]->sign * chain[j + 1]->sign;
                    loop.reinforcing = product > 0;
                }
            }
        }
        paths.push_back(std::move(loop));
    };
    for (const auto& [name, d] : strong) {
        chain.assign(1, d);
        via.clear();
        extend();
    }
    std::stable_sort(paths.begin(), paths.end(), [](const NamedLoop& x, const NamedLoop& y) {
        if (x.strength != y.strength)
            return x.strength > y.strength;
        return x.chain.front().onset < y.chain.front().onset;
    });
    std::vector<NamedLoop> chosen;
    for (auto& p : paths) {
        if (chosen.size() >= max_loops)
            break;
        bool distinct = true;
        for (const auto& c : chosen) {
            std::size_t shared = 0;
            for (const auto& s : p.chain) {
                shared += std::any_of(c.chain.begin(), c.chain.end(),
                                      [&](const auto& t) { return t.series == s.series; })
                              ? 1
                              : 0;
            }
            distinct = distinct && 2 * shared <= p.chain.size();
        }
        if (distinct)
            chosen.push_back(std::move(p));
    }
    return chosen;
}

std::string loop_text(const NamedLoop& loop, const std::string& arrow) {
    std::string out;
    for (std::size_t i = 0; i < loop.chain.size(); ++i) {
        if (i > 0) {
            out += arrow;
            if (i - 1 < loop.via.size() && !loop.via[i - 1].empty())
                out += "(" + loop.via[i - 1] + ") ";
        }
        const auto& d = loop.chain[i];
        out += d.label + (d.sign > 0 ? " up" : " down");
    }
    if (loop.closes)
        out += arrow + "and round again";
    return out;
}

}  // namespace cssim::viewer
