#pragma once
/**
 * @file department_stability.hpp
 * @brief Private: who has held a case — the different social workers of its current stage
 * episode (for the archive's episode records) and of its time looked after in the current year
 * (for `looked_after_three_plus_workers_share`, the DfE's social worker stability measure).
 *
 * A social worker is a person, not a post: each holder of a post gets its own number when they
 * start (Workforce::next_holder_), so a new starter in the post a child's worker left is a new
 * worker, and a child who goes back to an earlier worker is not (the DfE counts each social
 * worker once: A, B, then A again is 2).
 */
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "cssim/core/working_calendar.hpp"

namespace cssim::department::detail {

/** @brief The number of a person holding a social worker post; kNoHolder for nobody. */
using HolderId = std::uint32_t;
inline constexpr HolderId kNoHolder = 0;

/** @brief A set of different social workers, exact at any size; the first few held inline (no
 * allocation for almost every child). */
class WorkerSet {
public:
    /** @brief Forgets everyone. */
    void clear() {
        inline_count_ = 0;
        more_.clear();
    }
    /** @brief Adds a worker (kNoHolder is ignored); a worker already in the set counts once. */
    void add(HolderId holder) {
        if (holder == kNoHolder || contains(holder)) {
            return;
        }
        if (inline_count_ < inline_.size()) {
            inline_[inline_count_++] = holder;
        } else {
            more_.push_back(holder);
        }
    }
    /** @brief True when `holder` is in the set. */
    bool contains(HolderId holder) const {
        const auto end = inline_.begin() + inline_count_;
        return std::find(inline_.begin(), end, holder) != end ||
               std::find(more_.begin(), more_.end(), holder) != more_.end();
    }
    /** @brief Number of different workers. */
    int size() const { return static_cast<int>(inline_count_ + more_.size()); }

private:
    std::array<HolderId, 4> inline_{};
    std::size_t inline_count_ = 0;
    std::vector<HolderId> more_;  ///< beyond four workers (rare)
};

/** @brief A case's social workers in its current stage episode and its current care year. */
struct WorkerHistory {
    core::DayIndex episode_start = 0;  ///< day the current stage episode began
    int episode_post = -1;             ///< post that last held the case in this episode, or -1
    WorkerSet episode;                 ///< different workers in this stage episode
    /// Different workers while looked after, since the later of entering care and the last
    /// 31 March census (only kept while looked_after).
    WorkerSet care_year;
    bool looked_after = false;

    /** @brief A stage episode starts on `day`, held by `post`/`holder` (-1/kNoHolder when
     * unallocated). Entering care starts the care year afresh. */
    void start_episode(core::DayIndex day, int post, HolderId holder, bool now_looked_after) {
        episode_start = day;
        episode_post = post;
        episode.clear();
        episode.add(holder);
        if (now_looked_after) {
            if (!looked_after) {
                care_year.clear();  // a new period of care
            }
            care_year.add(holder);
        }
        looked_after = now_looked_after;
    }
    /** @brief A (possibly different) social worker takes the case. */
    void worker_takes_over(int post, HolderId holder) {
        episode_post = post;
        episode.add(holder);
        if (looked_after) {
            care_year.add(holder);
        }
    }
    /** @brief After the 31 March census: the new year starts with the current worker only. */
    void start_care_year(HolderId current) {
        care_year.clear();
        care_year.add(current);
    }
};

}  // namespace cssim::department::detail
