#pragma once
/**
 * @file department_durations.hpp
 * @brief Private: durations that emerge from work and reviews (issue 11 item 3; docs/model.md
 * 7.3). An assessment ends when its worker has given it the hours its work needs, out of the
 * time the day leaves after admin, meetings and visits, pushed forward as its deadline nears, and
 * has written it up as compulsory admin; a
 * child protection plan or a looked-after episode ends at a review conference with a chance by
 * need and progress, or early (a plan, when the child becomes looked after). Pure functions of
 * their inputs, tested alone in `DepartmentDurations.*`.
 */
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "cssim/core/distribution.hpp"
#include "cssim/core/random.hpp"
#include "cssim/department/pathway_config.hpp"
#include "department_constants.hpp"

namespace cssim::department::detail {

/** @brief Sorts [first, last) stably by `less`: by insertion up to 32 elements (a worker's
 * day holds a handful, and std::stable_sort allocates a buffer on every call), else
 * std::stable_sort. The same order either way. */
template <typename It, typename Less>
void durations_stable_sort(It first, It last, Less less) {
    if (last - first > 32) {
        std::stable_sort(first, last, less);
        return;
    }
    for (It i = first; i != last; ++i) {
        auto x = std::move(*i);
        It j = i;
        for (; j != first && less(x, *(j - 1)); --j) {
            *j = std::move(*(j - 1));
        }
        *j = std::move(x);
    }
}

/** @brief One open assessment on a worker's desk today. */
struct AssessmentWork {
    double hours_left = 0.0;        ///< work still needed, in hours of a fully efficient worker
    bool pushed = false;            ///< inside its deadline push window (or overdue)
    std::int64_t deadline_day = 0;  ///< day index of its deadline (orders the pushed ones)
    int case_index = -1;            ///< the case it belongs to (for the caller)
    double given = 0.0;             ///< out: hours of the worker's time given today
};

/** @brief One assessment whose work is done, waiting to be written up. */
struct AssessmentWriting {
    double hours_left = 0.0;        ///< writing still needed, hours of a fully efficient worker
    std::int64_t deadline_day = 0;  ///< day index of its deadline (earliest written first)
    int case_index = -1;            ///< the case it belongs to (for the caller)
    double done = 0.0;              ///< out: hours of writing done today (worker's time units)
};

/** @brief What writing assessments up cost a worker's day. */
struct WritingDay {
    double own = 0.0;        ///< hours of the worker's own time (admin)
    double pa = 0.0;         ///< hours the PA took (its delegable share)
    double delegable = 0.0;  ///< of `own`, delegable hours the worker did without a PA
};

/**
 * @brief Writes up assessments whose work is done, earliest deadline first, as compulsory admin:
 * out of the worker's `available` hours (what the day leaves after its other admin, within the
 * same share of the day), at whatever pace that time allows (the writing waits on nobody). A PA
 * with `pa_left` hours types up the `delegable` share of what is written, as with the rest of the
 * admin. `slow` (>= 1) is the worker's time per hour of writing. `done` is each assessment's
 * progress in the worker's time units: the caller takes `done / slow` off its hours.
 */
inline WritingDay write_assessments_up(double available, double pa_left, double delegable,
                                       double slow, std::vector<AssessmentWriting>& items) {
    WritingDay day;
    double own_left = std::max(0.0, available);
    double pa = std::max(0.0, pa_left);
    const double d = std::clamp(delegable, 0.0, 1.0);
    const double s = std::max(1.0, slow);
    durations_stable_sort(items.begin(), items.end(),
                          [](const AssessmentWriting& a, const AssessmentWriting& b) {
                              return a.deadline_day < b.deadline_day;
                          });
    for (AssessmentWriting& w : items) {
        w.done = 0.0;
        const double need = std::max(0.0, w.hours_left) * s;
        // Progress x costs the worker x - min(pa, d x): all of it with the PA's help while the
        // PA has time, then the rest alone.
        double x = d < 1.0 ? own_left / (1.0 - d) : need;
        if (d * x > pa) {
            x = pa + own_left;
        }
        x = std::min(x, need);
        const double by_pa = std::min(pa, d * x);
        const double own = x - by_pa;
        w.done = x;
        pa -= by_pa;
        own_left -= own;
        day.own += own;
        day.pa += by_pa;
        day.delegable += d * x - by_pa;
    }
    return day;
}

/**
 * @brief Gives a worker's free hours of the day (what admin, meetings and visits leave) to
 * their open assessments before any other work. Pushed assessments come first, then the others,
 * each group earliest deadline first; each takes at most its day's pace: `pace_per_day` hours
 * (an assessment waits on appointments and other agencies' replies, so it cannot be done in one
 * sitting), `push_per_day` once pushed (the worker makes the time). `slow` (>= 1) is the
 * worker's time per hour of work (newly qualified workers take longer): an assessment's
 * remaining work costs `hours_left * slow` of the worker's time. What is left stays extra direct
 * work with families. Returns the hours given in all; the caller takes `given / slow` off each
 * assessment's work. When the free time covers every share the order decides nothing and is
 * not formed.
 */
inline double share_assessment_time(double free_hours, double pace_per_day, double push_per_day,
                                    double slow, std::vector<AssessmentWork>& items) {
    double left = std::max(0.0, free_hours);
    const double s = std::max(1.0, slow);
    if (!(left > 0.0)) {
        for (AssessmentWork& w : items) {
            w.given = 0.0;  // no free time: nothing to order
        }
        return 0.0;
    }
    {
        // When the free time covers every item's share with room to spare, the order decides
        // nothing: each takes its pace, or what its work still needs. The margin, far above the
        // rounding of a million subtractions, keeps every share the same number as when given
        // in order; the total is then summed in the items' order.
        double demand = 0.0;
        bool all_non_negative = true;
        for (AssessmentWork& w : items) {
            const double pace = w.pushed ? std::max(pace_per_day, push_per_day) : pace_per_day;
            w.given = std::min(std::max(0.0, pace) * s, w.hours_left * s);
            all_non_negative = all_non_negative && w.given >= 0.0;
            demand += w.given;
        }
        if (all_non_negative && items.size() <= (std::size_t{1} << 20) &&
            demand <= left * (1.0 - 1e-9)) {
            return demand;
        }
    }
    // The order of the items: pushed first, then by deadline, then by place (a total order, so
    // any sort gives the stable order). Each item's key is one integer (bit 63 not pushed, then
    // the deadline + 1, then the place in the low bits), sorted on the stack for a worker's
    // usual handful: no allocation, no indirect comparisons and no clearing per worker-day.
    constexpr unsigned kIndexBits = 20;
    constexpr std::uint64_t kIndexMask = (std::uint64_t{1} << kIndexBits) - 1;
    constexpr std::int64_t kLatestDeadline = (std::int64_t{1} << (63 - kIndexBits)) - 2;
    std::array<std::uint64_t, 32> small_keys;  // only the first items.size() are written and read
    std::vector<std::uint64_t> large_keys;
    std::uint64_t* keys = small_keys.data();
    if (items.size() > small_keys.size()) {
        large_keys.resize(items.size());
        keys = large_keys.data();
    }
    bool packed = items.size() <= kIndexMask + 1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].given = 0.0;
        const std::int64_t deadline = items[i].deadline_day;
        if (deadline < -1 || deadline > kLatestDeadline) {
            packed = false;
            continue;
        }
        keys[i] = (items[i].pushed ? 0 : std::uint64_t{1} << 63) |
                  (static_cast<std::uint64_t>(deadline + 1) << kIndexBits) |
                  (static_cast<std::uint64_t>(i) & kIndexMask);
    }
    if (packed) {
        std::sort(keys, keys + items.size());
    } else {
        // A deadline out of the keys' range (not a run's day): the same order, compared in full.
        std::vector<std::size_t> order(items.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::sort(order.begin(), order.end(), [&items](std::size_t x, std::size_t y) {
            if (items[x].pushed != items[y].pushed) {
                return items[x].pushed;
            }
            if (items[x].deadline_day != items[y].deadline_day) {
                return items[x].deadline_day < items[y].deadline_day;
            }
            return x < y;
        });
        for (std::size_t k = 0; k < order.size(); ++k) {
            keys[k] = order[k];
        }
    }
    double total = 0.0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        const std::size_t i = static_cast<std::size_t>(packed ? keys[k] & kIndexMask : keys[k]);
        const double pace = items[i].pushed ? std::max(pace_per_day, push_per_day) : pace_per_day;
        const double g = std::min({left, std::max(0.0, pace) * s, items[i].hours_left * s});
        items[i].given = g;
        left -= g;
        total += g;
    }
    return total;
}

/** @brief Visits a child at `need` must have before stage `s` can end: the stage's
 * `required_visits_by_need` where it has them (a proportionate assessment sees a child at low
 * need once), else `required_visits`. */
inline int required_visits_for(const PathwayStage& s, int need) {
    if (s.required_visits_by_need.empty()) {
        return s.required_visits;
    }
    const std::size_t n =
        std::min(static_cast<std::size_t>(std::max(need, 0)), s.required_visits_by_need.size() - 1);
    return std::max(0, s.required_visits_by_need[n]);
}

/** @brief Hours of work one assessment of a child at `need` needs: gamma around the stage's
 * hours for that need with its coefficient of variation (the mean exactly when cv is 0). */
inline double draw_work_hours(const PathwayStage& s, int need, core::RandomStream& rng) {
    if (s.work_hours_by_need.empty()) {
        return 0.0;
    }
    const std::size_t n =
        std::min(static_cast<std::size_t>(std::max(need, 0)), s.work_hours_by_need.size() - 1);
    const double mean = std::max(0.0, s.work_hours_by_need[n]);
    if (s.work_hours_cv <= 0.0 || mean <= 0.0) {
        return mean;
    }
    return std::max(0.0, core::Distribution::gamma(mean, s.work_hours_cv * mean).sample(rng));
}

/** @brief Hours of writing up an assessment of a child at `need` whose work drew `work` hours:
 * the stage's writing hours for that need, scaled by the work's draw against its mean (a more
 * complex assessment has more to write; no draw of its own). 0 without writing hours. */
inline double writing_hours_for(const PathwayStage& s, int need, double work) {
    if (s.writing_hours_by_need.empty()) {
        return 0.0;
    }
    const std::size_t n =
        std::min(static_cast<std::size_t>(std::max(need, 0)), s.writing_hours_by_need.size() - 1);
    const double writing = std::max(0.0, s.writing_hours_by_need[n]);
    double mean = 0.0;
    if (!s.work_hours_by_need.empty()) {
        mean = std::max(0.0, s.work_hours_by_need[std::min(n, s.work_hours_by_need.size() - 1)]);
    }
    return mean > 0.0 ? writing * std::max(0.0, work) / mean : writing;
}

/** @brief Working days from one review conference (or the stage's start, k = 0) to review k+1
 * under the stage's schedule: the k-th value, the last one repeating. */
inline int review_gap_wd(const PathwayStage& s, int k) {
    if (s.review_schedule_wd.empty()) {
        return s.review_interval_wd;
    }
    const std::size_t i =
        std::min(static_cast<std::size_t>(std::max(k, 0)), s.review_schedule_wd.size() - 1);
    return std::max(1, s.review_schedule_wd[i]);
}

/** @brief The chance that review conference `k` (0 = the first) ends the stage for a child at
 * `need` whose statutory visits were `late_share` late: by need, lower at the first review,
 * lower when the plan's work has slipped (progress). */
inline double review_exit_probability(const PathwayStage& s, int need, int k, double late_share) {
    if (s.review_exit_probability_by_need.empty()) {
        return 1.0;
    }
    const std::size_t n = std::min(static_cast<std::size_t>(std::max(need, 0)),
                                   s.review_exit_probability_by_need.size() - 1);
    double p = s.review_exit_probability_by_need[n];
    if (k == 0) {
        p *= s.first_review_exit_factor;
    }
    p *= 1.0 - s.review_exit_loss_per_late_share * std::clamp(late_share, 0.0, 1.0);
    return std::clamp(p, 0.0, 1.0);
}

/** @brief Working days until the early exit (e.g. into care) of a child at `need`, drawn on
 * entry: exponential with the stage's rate per year of working days; negative = none. */
inline double draw_early_exit_wd(const PathwayStage& s, int need, core::RandomStream& rng) {
    if (s.early_exit_to.empty() || s.early_exit_rate_by_need.empty()) {
        return -1.0;
    }
    const std::size_t n =
        std::min(static_cast<std::size_t>(std::max(need, 0)), s.early_exit_rate_by_need.size() - 1);
    const double rate = s.early_exit_rate_by_need[n];
    const double u = rng.uniform01();  // one draw whatever the rate (aligned streams)
    if (rate <= 0.0) {
        return -1.0;
    }
    return -std::log(1.0 - u) / rate * kWorkingDaysPerYear;
}

}  // namespace cssim::department::detail
