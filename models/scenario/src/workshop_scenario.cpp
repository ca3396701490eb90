// A table's scenario in a workshop (docs/workshop.md): the workshop's scenario run from day 0 to
// the end of the rounds played, each round's decisions and each card dealt a dated change. The
// document is read by the scenario reader itself, so every change is checked as `changes` are.
#include <algorithm>
#include <cmath>

#include "cssim/core/time.hpp"
#include "cssim/department/department.hpp"
#include "cssim/department/run_calendar.hpp"
#include "cssim/scenario/workshop.hpp"
#include "document_loader.hpp"

namespace cssim::scenario {

using nlohmann::json;

namespace {

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

/** @brief `date` plus `months` calendar months, the day clamped to the month's length. */
core::Date add_months(const core::Date& date, std::size_t months) {
    const int total = date.year * 12 + (date.month - 1) + static_cast<int>(months);
    core::Date out;
    out.year = total / 12;
    out.month = total % 12 + 1;
    out.day = std::min(date.day, days_in_month(out.year, out.month));
    return out;
}

/** @brief SplitMix64 (Steele, Lea and Flood 2014): one well-mixed number from a seed. */
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/** @brief `text` with every character but letters, digits, '-', '_' and '.' as '_' (a
 * scenario's name names output folders). */
std::string name_part(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        out += ok ? c : '_';
    }
    return out;
}

/** @brief Where a change of the generated document came from, for messages. */
struct Origin {
    std::string prefix;  ///< "rounds[2].levers" or "cards[1].changes"; "" for the scenario's own
    std::vector<std::pair<std::string, std::string>> path_to_key;  ///< scenario path -> lever id
};

/** @brief Rewrites `changes[i].set.<path>...` into the decision or card that made change i. */
Diagnostic relocate(Diagnostic d, const std::vector<Origin>& origins) {
    if (!d.path.starts_with("changes[")) {
        return d;
    }
    const std::size_t close = d.path.find(']');
    const std::size_t index = std::stoul(d.path.substr(8, close - 8));
    if (index >= origins.size() || origins[index].prefix.empty()) {
        return d;
    }
    const Origin& origin = origins[index];
    const std::string rest = d.path.substr(close + 1);  // ".set.<path>..." or ""
    if (rest.starts_with(".set.")) {
        const std::string path = rest.substr(5);
        for (const auto& [scenario_path, key] : origin.path_to_key) {
            if (path == scenario_path || path.starts_with(scenario_path + ".") ||
                path.starts_with(scenario_path + "[")) {
                d.path = origin.prefix + "." + key;
                return d;
            }
        }
    }
    d.path = origin.prefix;
    return d;
}

/**
 * @brief The department's budget before the levers move, without its headroom: the planned
 * budget of the scenario with every lever at its default, divided by 1 + budget_headroom. Unset
 * when that scenario does not load (the run's own load reports why).
 */
std::optional<std::pair<double, double>> budget_at_defaults(const Workshop& workshop) {
    std::vector<std::string> overrides;
    for (const WorkshopLever& lever : workshop.levers) {
        overrides.push_back(lever.path + "=" + lever.default_value);
    }
    const LoadResult r = load_scenario(workshop.scenario_path, overrides);
    if (!r.scenario || !r.scenario->department) {
        return std::nullopt;
    }
    const double headroom = r.scenario->department->money.budget_headroom;
    return std::pair(
        department::planned_budget_per_year(*r.scenario->department) / (1.0 + headroom), headroom);
}

}  // namespace

WorkshopCalendar workshop_calendar(const Workshop& workshop,
                                   const department::DepartmentConfig& base) {
    WorkshopCalendar calendar;
    calendar.start_date = base.run.start_date;
    core::Date start;
    core::Date::parse(base.run.start_date, start);  // checked by the run reader
    const std::int64_t warmup =
        department::days_in_years(base.run.start_date, base.run.warmup_years);
    const core::Date first = core::Date::from_days_since_epoch(start.days_since_epoch() + warmup);
    for (std::size_t k = 0; k <= workshop.rounds; ++k) {
        const core::Date d = add_months(first, k * workshop.round_months);
        calendar.round_days.push_back(d.days_since_epoch() - start.days_since_epoch());
        calendar.round_dates.push_back(d.to_string());
    }
    return calendar;
}

std::vector<std::size_t> deal_cards(const Workshop& workshop, std::uint64_t seed) {
    std::vector<std::size_t> rounds;
    for (std::size_t i = 0; i < workshop.cards.size(); ++i) {
        const WorkshopCard& card = workshop.cards[i];
        if (card.round) {
            rounds.push_back(*card.round);
        } else if (card.draw) {
            const std::uint64_t span = card.draw->second - card.draw->first + 1;
            rounds.push_back(card.draw->first + mix(seed ^ mix(i + 1)) % span);
        } else {
            rounds.push_back(0);  // not dealt (the reader requires one of the two)
        }
    }
    return rounds;
}

std::vector<std::string> lever_values(const Workshop& workshop, const DecisionFile* decisions,
                                      std::size_t round) {
    std::vector<std::string> values;
    for (const WorkshopLever& lever : workshop.levers) {
        values.push_back(lever.default_value);
    }
    if (decisions == nullptr) {
        return values;
    }
    for (const RoundDecisions& r : decisions->rounds) {
        if (r.round > round) {
            break;
        }
        for (const auto& [id, value] : r.levers) {
            for (std::size_t i = 0; i < workshop.levers.size(); ++i) {
                if (workshop.levers[i].id == id) {
                    values[i] = value;
                }
            }
        }
    }
    return values;
}

LoadResult table_scenario(const Workshop& workshop, const DecisionFile* decisions,
                          const std::vector<std::size_t>& dealt, std::size_t rounds_played,
                          std::optional<std::uint64_t> seed) {
    LoadResult base = load_scenario(workshop.scenario_path);
    if (!base.scenario || !base.scenario->department) {
        if (base.scenario) {
            base.diagnostics.push_back(
                {"scenario", "a workshop plays a department scenario", "", 0, 0});
            base.scenario.reset();
        }
        return base;
    }
    if (rounds_played < 1 || rounds_played > workshop.rounds) {
        LoadResult out;
        out.diagnostics.push_back({"rounds",
                                   "round " + std::to_string(rounds_played) +
                                       " does not exist: the workshop has rounds 1 to " +
                                       std::to_string(workshop.rounds),
                                   "", 0, 0});
        return out;
    }
    const WorkshopCalendar calendar = workshop_calendar(workshop, *base.scenario->department);
    json document = json::parse(base.scenario->canonical_json);
    document["name"] =
        name_part(workshop.title) + "-" + name_part(decisions ? decisions->table : "default");
    document["run"]["years"] =
        department::years_for_days(calendar.start_date, calendar.round_days[rounds_played]);
    if (seed) {
        document["seed"] = *seed;
    }

    // The scenario's own changes inside the run stay, before any round's of the same date.
    json changes = json::array();
    std::vector<Origin> origins;
    const std::string end_date = calendar.round_dates[rounds_played];
    if (document.contains("changes") && document["changes"].is_array()) {
        for (const json& c : document["changes"]) {
            if (c.value("date", "") < end_date) {
                changes.push_back(c);
                origins.push_back({});
            }
        }
    }
    auto add = [&](const std::string& date, json change, Origin origin) {
        const auto at = std::find_if(changes.begin(), changes.end(),
                                     [&](const json& c) { return c.value("date", "") > date; });
        origins.insert(origins.begin() + (at - changes.begin()), std::move(origin));
        change["date"] = date;
        changes.insert(at, std::move(change));
    };
    // The table's budget (docs/workshop.md, "Money"): the department's planned budget with the
    // levers at their defaults, plus the workshop's budget_per_year for the levers, set when
    // round 1 starts; a card changing money.budget_headroom (a funding cut) rescales the first
    // part. What the levers cost is in the spend, priced as levers_cost_per_year prices them.
    const auto budget = budget_at_defaults(workshop);
    auto table_budget = [&](double headroom) {
        return budget->first * (1.0 + headroom) + workshop.budget_per_year;
    };
    std::vector<std::string> before;
    for (std::size_t round = 1; round <= rounds_played; ++round) {
        const std::string& date = calendar.round_dates[round - 1];
        const std::vector<std::string> values = lever_values(workshop, decisions, round);
        json set = json::object();
        Origin origin;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (round == 1 || values[i] != before[i]) {
                set[workshop.levers[i].path] = json::parse(values[i]);
                origin.path_to_key.emplace_back(workshop.levers[i].path, workshop.levers[i].id);
            }
        }
        if (decisions != nullptr) {
            for (std::size_t j = 0; j < decisions->rounds.size(); ++j) {
                if (decisions->rounds[j].round == round) {
                    origin.prefix = "rounds[" + std::to_string(j) + "].levers";
                }
            }
        }
        if (origin.prefix.empty()) {
            origin.prefix = "levers";  // the defaults
        }
        if (round == 1 && budget) {
            set["money.budget_per_year"] = table_budget(budget->second);
        }
        if (!set.empty()) {
            add(date, {{"label", "Round " + std::to_string(round) + " decisions"}, {"set", set}},
                std::move(origin));
        }
        before = values;
        for (std::size_t c = 0; c < workshop.cards.size() && c < dealt.size(); ++c) {
            if (dealt[c] != round) {
                continue;
            }
            json card_set = json::object();
            Origin card_origin{"cards[" + std::to_string(c) + "].changes", {}};
            for (const WorkshopChange& change : workshop.cards[c].changes) {
                card_set[change.path] = json::parse(change.value);
                card_origin.path_to_key.emplace_back(change.path, change.path);
                const json value = json::parse(change.value);
                if (change.path == "money.budget_headroom" && budget && value.is_number()) {
                    card_set["money.budget_per_year"] = table_budget(value.get<double>());
                }
            }
            add(date, {{"label", "Card: " + workshop.cards[c].title}, {"set", card_set}},
                std::move(card_origin));
        }
    }
    document["changes"] = changes;
    LoadResult result = load_scenario_text(document.dump(), workshop.scenario_path);
    for (Diagnostic& d : result.diagnostics) {
        d = relocate(std::move(d), origins);
    }
    return result;
}

}  // namespace cssim::scenario
