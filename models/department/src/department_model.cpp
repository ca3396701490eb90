/**
 * @file department_model.cpp
 * @brief One replication's construction and initial state, and its event dispatch (the order of
 * the working day is in department_day.cpp).
 */
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "cssim/department/run_calendar.hpp"
#include "department_state.hpp"

namespace cssim::department::detail {
namespace {

core::Date parse_date_or_throw(const std::string& iso) {
    core::Date d;
    if (!core::Date::parse(iso, d)) {
        throw std::invalid_argument("invalid date \"" + iso + "\" (expected YYYY-MM-DD)");
    }
    return d;
}

int find_stage(const PathwayConfig& p, const char* id) {
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        if (p.stages[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

/**
 * @brief The working-day calendar of a run: one immutable table per (start date, horizon),
 * shared by every replication and thread (building it was ~15% of a replication). The cache is
 * process-wide on purpose; it only ever holds pure functions of its key.
 */
core::WorkingCalendar shared_calendar(const DepartmentConfig& config) {
    static core::WorkingCalendarCache cache;
    return cache.get(parse_date_or_throw(config.run.start_date),
                     static_cast<int>(std::ceil(config.run.years)) + 2);
}

}  // namespace

Model::Model(const DepartmentConfig& config, std::uint64_t master_seed, std::uint64_t replication,
             bool with_detail, bool with_episodes)
    : cfg_(&config),
      changes_(config.changes),
      detail_(with_detail),
      episodes_(with_detail && with_episodes),
      seed_(master_seed),
      replication_(replication),
      calendar_(shared_calendar(config)),
      rng_front_door_(core::RandomStream::derive(master_seed, replication, "front_door")),
      rng_pathway_(core::RandomStream::derive(master_seed, replication, "pathway")),
      rng_durations_(core::RandomStream::derive(master_seed, replication, "durations")),
      rng_re_referral_(core::RandomStream::derive(master_seed, replication, "re_referral")),
      rng_initial_(core::RandomStream::derive(master_seed, replication, "initial_state")),
      money_(config, calendar_, core::RandomStream::derive(master_seed, replication, "placements")),
      demand_(config, calendar_, sim_, *this, master_seed, replication),
      outputs_(with_detail),
      system_(config, calendar_, sim_, outputs_,
              core::RandomStream::derive(master_seed, replication, "inspection"),
              core::RandomStream::derive(master_seed, replication, "culture")),
      quality_(config, master_seed, replication, outputs_, *this, with_detail),
      managers_(config, calendar_, sim_, outputs_,
                core::RandomStream::derive(master_seed, replication, "management")),
      workforce_(config, calendar_, sim_, outputs_, *this,
                 WorkforceStreams::derive(master_seed, replication), with_detail),
      posts_(workforce_.posts()),
      allocation_(config, calendar_, *this) {
    end_day_ = days_in_years(config.run.start_date, config.run.years);
    warmup_day_ = days_in_years(config.run.start_date, config.run.warmup_years);
}

double Model::residual_of(const core::Distribution& d) {
    return residual_spell(d, rng_initial_);
}

core::DayIndex Model::day_of_date(const std::string& iso) const {
    return calendar_.day_index_of(parse_date_or_throw(iso));
}

void Model::initialise() {
    const PathwayConfig& p = cfg_->pathway;
    referral_stage_ = find_stage(p, "referral");
    screening_stage_ = find_stage(p, "screening");
    assessment_stage_ = find_stage(p, "assessment");
    closed_stage_ = find_stage(p, "closed");
    cp_stage_ = find_stage(p, "child_protection_plan");
    lac_stage_ = find_stage(p, "looked_after");
    if (referral_stage_ < 0 || closed_stage_ < 0) {
        throw std::invalid_argument("pathway needs stages \"referral\" and \"closed\"");
    }
    build_transitions();
    stage_counts_.assign(p.stages.size(), 0);
    outputs_.acc.stage_entries.assign(p.stages.size(), 0.0);
    early_help_capacity_ = cfg_->early_help.capacity_families;
    cases_.reserve(8192);
    histories_.reserve(8192);

    health_visitors_ = cfg_->prevention.enabled ? cfg_->prevention.health_visitors : 0.0;
    initialise_posts();
    managers_.initialise(manager_count_);
    outputs_.acc.team_cases.assign(allocation_.teams().size(), 0.0);
    outputs_.acc.team_holders.assign(allocation_.teams().size(), 0.0);
    demand_.initialise(end_day_);
    initialise_cases();
    // The open cases of day 0 start with their workers (day 0 may fall on a weekend, and the
    // first day's series should not show the whole caseload as unallocated).
    allocation_.allocate(0, true);
    // Runaway guard: a base run dispatches ~30 events per referral plus a few per day; a run
    // past 100 times that is a bug or a pathological scenario, and stops with a clear error.
    const double referrals = demand_.expected_referrals(end_day_);
    sim_.set_event_limit(static_cast<std::uint64_t>(
        std::min(9e18, 100.0 * (30.0 * referrals + 10.0 * static_cast<double>(end_day_)) + 1e6)));

    sim_.schedule_at(tick_of(0, 8), kWorkingDay);
    demand_.schedule_next();
    for (std::size_t i = 0; i < cfg_->money.funding_changes.size(); ++i) {
        const core::DayIndex d = day_of_date(cfg_->money.funding_changes[i].date);
        sim_.schedule_at(tick_of(std::max<core::DayIndex>(d, 0), 7), kFundingChange,
                         static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < cfg_->demand.shocks.size(); ++i) {
        const core::DayIndex d = day_of_date(cfg_->demand.shocks[i].start_date);
        if (d >= 0 && d < end_day_) {
            sim_.schedule_at(tick_of(d, 7), kShockStart, static_cast<std::uint32_t>(i));
        }
    }
    if (cfg_->inspection.enabled) {
        const core::DayIndex d = day_of_date(cfg_->inspection.first_date);
        if (d >= 0 && d < end_day_) {
            sim_.schedule_at(tick_of(d, 12), kInspection);
        }
    }
    schedule_changes();
    schedule_care_census(0);
}

void Model::build_transitions() {
    const PathwayConfig& p = cfg_->pathway;
    out_.assign(p.stages.size(), {});
    for (const PathwayTransition& t : p.transitions) {
        const int from = find_stage(p, t.from.c_str());
        const int to = find_stage(p, t.to.c_str());
        if (from < 0 || to < 0) {
            throw std::invalid_argument("pathway transition names an unknown stage");
        }
        std::array<double, 5> prob{};
        for (std::size_t n = 0; n < kNeedLevels; ++n) {
            prob[n] = t.probability_by_need.empty() ? t.probability : t.probability_by_need[n];
        }
        out_[from].emplace_back(to, prob);
    }
    early_exit_stage_.assign(p.stages.size(), -1);
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        if (!p.stages[i].early_exit_to.empty()) {
            early_exit_stage_[i] = find_stage(p, p.stages[i].early_exit_to.c_str());
        }
    }
}

void Model::throw_if_cancelled() const {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
        throw core::RunCancelled("replication " + std::to_string(replication_) +
                                 " cancelled on day " + std::to_string(today()));
    }
}

void Model::initialise_cases() {
    for (const InitialStock& stock : cfg_->initial.stocks) {
        const int stage = find_stage(cfg_->pathway, stock.stage.c_str());
        if (stage < 0 || (cfg_->pathway.stages[stage].kind != StageKind::SocialWork &&
                          cfg_->pathway.stages[stage].kind != StageKind::EarlyHelp)) {
            continue;  // the reader reports unknown stages; the model just skips them
        }
        const long n = std::lround(stock.per_10k_children * cfg_->population.children / 10000.0);
        for (long i = 0; i < n; ++i) {
            if ((i & 4095) == 0) {
                throw_if_cancelled();
            }
            const int index = new_case();
            Case& c = cases_[index];
            c.need = std::clamp(stock.need, 0, static_cast<int>(kNeedLevels) - 1);
            c.perceived = c.need;
            c.referral_day = 0;
            enter_stage(index, stage, true);
        }
    }
}

void Model::operator()(const core::Event& e) {
    mark_due_periods();  // the financial-year boundaries: before anything happens that day
    switch (e.kind) {
        case kReferral: {
            if (!demand_.accept(e.payload, today())) {
                break;  // drawn from a referral process a dated change has replaced
            }
            on_referral(demand_.draw_need(today()), -100000);
            demand_.schedule_next();
            break;
        }
        case kReReferral:
            on_referral(static_cast<int>(e.payload & 0xff),
                        static_cast<core::DayIndex>(e.payload >> 8) - 1000000);
            break;
        case kWorkingDay:
            throw_if_cancelled();
            on_working_day(today());
            if (today() + 1 < end_day_) {
                sim_.schedule_at(tick_of(today() + 1, 8), kWorkingDay);
            }
            break;
        case kStageEnd:
            if (cases_[e.target].active && cases_[e.target].generation == e.payload) {
                on_stage_end(static_cast<int>(e.target));
            }
            break;
        case kSicknessEnd:
            workforce_.on_sickness_end(static_cast<int>(e.target), e.payload);
            break;
        case kNoticeEnd:
            workforce_.on_notice_end(static_cast<int>(e.target), e.payload);
            break;
        case kHireArrives:
            workforce_.on_hire(static_cast<int>(e.target), e.payload);
            break;
        case kAgencyArrives:
            workforce_.on_agency_arrives(static_cast<int>(e.target), e.payload);
            break;
        case kAgencyEnd:
            workforce_.on_agency_end(static_cast<int>(e.target), e.payload);
            break;
        case kFundingChange:
            on_funding_change(static_cast<int>(e.target));
            break;
        case kFreezeEnd:
            if (workforce_.on_freeze_end(e.payload)) {
                managers_.readvertise(workforce_.recruitment_allowed());
            }
            break;
        case kInspection:
            on_inspection();
            break;
        case kManagerBack:
            managers_.on_back(static_cast<int>(e.target), e.payload);
            break;
        case kManagerLeaves:
            managers_.on_leaves(static_cast<int>(e.target), e.payload,
                                workforce_.recruitment_allowed());
            break;
        case kManagerHire:
            managers_.on_hire(static_cast<int>(e.target), e.payload,
                              workforce_.recruitment_allowed());
            break;
        case kConfigChange:
            on_config_change(static_cast<int>(e.target));
            break;
        case kCareCensus:
            on_care_census();
            break;
        case kCoverStarts:
            on_cover_starts(static_cast<int>(e.target), e.payload);
            break;
        case kShockStart: {
            const DemandShock& s = cfg_->demand.shocks[e.target];
            add_event("referral_surge", -1,
                      s.label + " starts: referrals rise by " +
                          std::to_string(static_cast<int>(std::lround(s.extra * 100))) + "% over " +
                          std::to_string(static_cast<int>(s.ramp_months)) + " months");
            break;
        }
        default:
            break;
    }
}

}  // namespace cssim::department::detail
