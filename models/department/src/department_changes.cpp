/**
 * @file department_changes.cpp
 * @brief Dated changes of levers (scenario `changes`, issue 11 item 5).
 *
 * Each change carries the whole configuration from its date on (the scenario reader applies the
 * change's `set` and checks every path and value). At 00:00 of the date the model switches to
 * it. Most mechanisms read the configuration when they act, so they follow at once; the state
 * derived from it once at the start is re-derived here, for the sections the change touches.
 * Nothing drawn before the date depends on the change: the event is the only trace it leaves
 * before it fires, and events keep their relative order.
 */
#include <algorithm>
#include <cmath>
#include <string_view>

#include "department_state.hpp"

namespace cssim::department::detail {
namespace {

/** @brief True when one of `paths` is `prefix` or lies under it. */
bool touches(const std::vector<std::string>& paths, std::string_view prefix) {
    for (const std::string& p : paths) {
        if (p == prefix || (p.size() > prefix.size() && p.starts_with(prefix) &&
                            (p[prefix.size()] == '.' || p[prefix.size()] == '['))) {
            return true;
        }
    }
    return false;
}

}  // namespace

int pa_posts_for(const DepartmentConfig& config, int social_worker_posts) {
    const double wpp = config.admin_support.workers_per_pa;
    return wpp > 0.0 ? static_cast<int>(std::ceil(social_worker_posts / wpp - 1e-9)) : 0;
}

void Model::schedule_changes() {
    for (std::size_t i = 0; i < changes_.size(); ++i) {
        const core::DayIndex d = day_of_date(changes_[i].date);
        if (d > 0 && d < end_day_) {
            sim_.schedule_at(tick_of(d, 0), kConfigChange, static_cast<std::uint32_t>(i));
        }
    }
}

void Model::recompute_loads() {
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        Post& p = posts_[i];
        p.weighted_caseload = 0.0;
        time_use_.clear_load(static_cast<int>(i));
        for (int index : p.cases) {
            add_load(p, cfg_->pathway.stages[static_cast<std::size_t>(cases_[index].stage)], 1.0);
        }
    }
}

void Model::on_config_change(int index) {
    const DatedChange& change = changes_[static_cast<std::size_t>(index)];
    const DepartmentConfig& before = *cfg_;
    cfg_ = change.config.get();
    money_.on_config_changed(*cfg_);
    system_.on_config_changed(*cfg_);
    managers_.on_config_changed(*cfg_);
    workforce_.on_config_changed(*cfg_);
    allocation_.on_config_changed(*cfg_);
    quality_.on_config_changed(*cfg_);
    demand_.on_config_changed(*cfg_);
    const std::vector<std::string>& paths = change.paths;
    const core::DayIndex day = today();
    // The funding changes already applied scale what they scaled before the change.
    double budget_scale = 1.0, early_help_scale = 1.0, health_visiting_scale = 1.0;
    for (const FundingChange& f : cfg_->money.funding_changes) {
        if (std::max<core::DayIndex>(day_of_date(f.date), 0) <= day) {
            budget_scale *= 1.0 + f.budget_change;
            early_help_scale *= 1.0 - f.early_help_cut;
            health_visiting_scale *= 1.0 - f.health_visiting_cut;
        }
    }
    if (touches(paths, "admin_support")) {
        pa_count_ = pa_posts_for(*cfg_, static_cast<int>(posts_.size()));
    }
    if (touches(paths, "early_help.capacity_families")) {
        early_help_capacity_ = cfg_->early_help.capacity_families * early_help_scale;
    }
    if (touches(paths, "prevention.enabled") || touches(paths, "prevention.health_visitors")) {
        health_visitors_ = (cfg_->prevention.enabled ? cfg_->prevention.health_visitors : 0.0) *
                           health_visiting_scale;
    }
    if (touches(paths, "money.budget_per_year") && cfg_->money.budget_per_year > 0.0) {
        money_.set_budget(cfg_->money.budget_per_year * budget_scale);
    }
    if (touches(paths, "inspection")) {
        if (!before.inspection.enabled && cfg_->inspection.enabled) {
            const core::DayIndex d = std::max(day, day_of_date(cfg_->inspection.first_date));
            if (d < end_day_) {
                sim_.schedule_at(tick_of(d, 12), kInspection);
            }
        }
    }
    if (touches(paths, "pathway")) {
        build_transitions();
        recompute_loads();
    }
    if (touches(paths, "demand") || touches(paths, "population") || touches(paths, "prevention")) {
        // Rebuild the referral process from the new settings and draw the next referral afresh
        // (memoryless): the referral already drawn under the old rate is dropped.
        system_.reset_prevention();
        demand_.rebuild(day);
    }
    std::string text =
        (change.label.empty() ? "Change" : change.label) + " from " + change.date + " (";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        text += (i == 0 ? "" : ", ") + paths[i];
    }
    text += ")";
    add_event("config_change", -1, text);
}

}  // namespace cssim::department::detail
