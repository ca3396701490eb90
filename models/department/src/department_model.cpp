/**
 * @file department_model.cpp
 * @brief Demand, the front door, the pathway and allocation (mechanisms 1-4), and the event
 * dispatch of one replication.
 */
#include <algorithm>
#include <cmath>
#include <stdexcept>

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

}  // namespace

Model::Model(const DepartmentConfig& config, std::uint64_t master_seed, std::uint64_t replication,
             bool with_detail)
    : cfg_(config),
      detail_(with_detail),
      seed_(master_seed),
      replication_(replication),
      calendar_(parse_date_or_throw(config.run.start_date),
                static_cast<int>(std::ceil(config.run.years)) + 2),
      rng_referrals_(core::RandomStream::derive(master_seed, replication, "referrals")),
      rng_need_(core::RandomStream::derive(master_seed, replication, "need")),
      rng_front_door_(core::RandomStream::derive(master_seed, replication, "front_door")),
      rng_pathway_(core::RandomStream::derive(master_seed, replication, "pathway")),
      rng_durations_(core::RandomStream::derive(master_seed, replication, "durations")),
      rng_sickness_(core::RandomStream::derive(master_seed, replication, "sickness")),
      rng_resignation_(core::RandomStream::derive(master_seed, replication, "resignation")),
      rng_recruitment_(core::RandomStream::derive(master_seed, replication, "recruitment")),
      rng_agency_(core::RandomStream::derive(master_seed, replication, "agency")),
      rng_quality_(core::RandomStream::derive(master_seed, replication, "quality")),
      rng_re_referral_(core::RandomStream::derive(master_seed, replication, "re_referral")),
      rng_placements_(core::RandomStream::derive(master_seed, replication, "placements")),
      rng_initial_(core::RandomStream::derive(master_seed, replication, "initial_state")),
      rng_inspection_(core::RandomStream::derive(master_seed, replication, "inspection")),
      rng_culture_(core::RandomStream::derive(master_seed, replication, "culture")),
      rng_management_(core::RandomStream::derive(master_seed, replication, "management")) {
    end_day_ = static_cast<core::DayIndex>(std::llround(config.run.years * 365.25));
    warmup_day_ = static_cast<core::DayIndex>(std::llround(config.run.warmup_years * 365.25));
}

double Model::residual_of(const core::Distribution& d) {
    // At a random moment, the spell in progress is length-biased (long spells are more likely to
    // be under way): accept a draw with probability proportional to its length, then take a
    // uniform part of it as what remains.
    const double cap = 4.0 * std::max(1e-9, d.mean());
    double x = std::max(0.0, d.sample(rng_initial_));
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (rng_initial_.uniform01() * cap < std::min(x, cap)) {
            break;
        }
        x = std::max(0.0, d.sample(rng_initial_));
    }
    return x * rng_initial_.uniform01();
}

core::DayIndex Model::day_of_date(const std::string& iso) const {
    return calendar_.day_index_of(parse_date_or_throw(iso));
}

void Model::initialise() {
    const PathwayConfig& p = cfg_.pathway;
    referral_stage_ = find_stage(p, "referral");
    screening_stage_ = find_stage(p, "screening");
    assessment_stage_ = find_stage(p, "assessment");
    closed_stage_ = find_stage(p, "closed");
    cp_stage_ = find_stage(p, "child_protection_plan");
    lac_stage_ = find_stage(p, "looked_after");
    if (referral_stage_ < 0 || closed_stage_ < 0) {
        throw std::invalid_argument("pathway needs stages \"referral\" and \"closed\"");
    }
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
    stage_counts_.assign(p.stages.size(), 0);
    acc_.stage_entries.assign(p.stages.size(), 0.0);
    placement_counts_.assign(cfg_.money.placements.size(), 0);
    early_help_capacity_ = cfg_.early_help.capacity_families;
    cases_.reserve(8192);

    blame_mode_ = cfg_.culture.mode == "blame";
    learning_mode_ = cfg_.culture.mode == "learning";
    resolve_kpis();
    health_visitors_ = cfg_.prevention.enabled ? cfg_.prevention.health_visitors : 0.0;
    initialise_posts();
    initialise_managers();
    build_referral_process();
    initialise_cases();
    // The open cases of day 0 start with their workers (day 0 may fall on a weekend, and the
    // first day's series should not show the whole caseload as unallocated).
    allocate(0);
    // Runaway guard: a base run dispatches ~30 events per referral plus a few per day; a run
    // past 100 times that is a bug or a pathological scenario, and stops with a clear error.
    const double referrals = referral_process_.expected_count(0, core::start_of_day(end_day_));
    sim_.set_event_limit(static_cast<std::uint64_t>(
        std::min(9e18, 100.0 * (30.0 * referrals + 10.0 * static_cast<double>(end_day_)) + 1e6)));

    sim_.schedule_at(tick_of(0, 8), kWorkingDay);
    schedule_next_referral();
    for (std::size_t i = 0; i < cfg_.money.funding_changes.size(); ++i) {
        const core::DayIndex d = day_of_date(cfg_.money.funding_changes[i].date);
        sim_.schedule_at(tick_of(std::max<core::DayIndex>(d, 0), 7), kFundingChange,
                         static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < cfg_.demand.shocks.size(); ++i) {
        const core::DayIndex d = day_of_date(cfg_.demand.shocks[i].start_date);
        if (d >= 0 && d < end_day_) {
            sim_.schedule_at(tick_of(d, 7), kShockStart, static_cast<std::uint32_t>(i));
        }
    }
    if (cfg_.inspection.enabled) {
        const core::DayIndex d = day_of_date(cfg_.inspection.first_date);
        if (d >= 0 && d < end_day_) {
            sim_.schedule_at(tick_of(d, 12), kInspection);
        }
    }
}

void Model::initialise_cases() {
    for (const InitialStock& stock : cfg_.initial.stocks) {
        const int stage = find_stage(cfg_.pathway, stock.stage.c_str());
        if (stage < 0 || (cfg_.pathway.stages[stage].kind != StageKind::SocialWork &&
                          cfg_.pathway.stages[stage].kind != StageKind::EarlyHelp)) {
            continue;  // the reader reports unknown stages; the model just skips them
        }
        const long n = std::lround(stock.per_10k_children * cfg_.population.children / 10000.0);
        for (long i = 0; i < n; ++i) {
            const int index = new_case();
            Case& c = cases_[index];
            c.need = std::clamp(stock.need, 0, static_cast<int>(kNeedLevels) - 1);
            c.perceived = c.need;
            c.referral_day = 0;
            enter_stage(index, stage, true);
        }
    }
}

void Model::build_referral_process() {
    // Monthly segments: base rate x seasonality x trend x shocks, evaluated at mid-month.
    const DemandConfig& d = cfg_.demand;
    const double base_per_day =
        d.referrals_per_10k_children_per_year * cfg_.population.children / 10000.0 / 365.25;
    std::vector<core::Tick> starts;
    std::vector<double> rates;
    std::vector<core::DayIndex> shock_start;
    for (const DemandShock& s : d.shocks) {
        shock_start.push_back(day_of_date(s.start_date));
    }
    core::Date date = calendar_.start();
    core::DayIndex day = 0;
    while (day <= end_day_ + 31) {
        core::Date next = date;
        next.day = 1;
        next.month = date.month == 12 ? 1 : date.month + 1;
        next.year = date.month == 12 ? date.year + 1 : date.year;
        const core::DayIndex next_day = calendar_.day_index_of(next);
        const double mid = 0.5 * static_cast<double>(day + next_day);
        double rate = base_per_day * d.seasonality[static_cast<std::size_t>(date.month - 1)] *
                      std::pow(1.0 + d.trend_per_year, mid / 365.25);
        for (std::size_t i = 0; i < d.shocks.size(); ++i) {
            const DemandShock& s = d.shocks[i];
            const double months_in = (mid - static_cast<double>(shock_start[i])) / 30.4375;
            if (months_in < 0.0 || (s.duration_months > 0.0 && months_in >= s.duration_months)) {
                continue;
            }
            const double ramp =
                s.ramp_months > 0.0 ? std::min(1.0, months_in / s.ramp_months) : 1.0;
            rate *= 1.0 + s.extra * ramp;
        }
        // Prevention lost earlier returns now as demand (department_system.cpp).
        rate *= advance_prevention(day, mid);
        starts.push_back(core::start_of_day(day));
        rates.push_back(std::max(0.0, rate));
        date = next;
        day = next_day;
    }
    referral_process_ = core::PiecewisePoissonProcess(std::move(starts), std::move(rates));
}

void Model::schedule_next_referral() {
    const core::Tick t = referral_process_.next_arrival(sim_.now(), rng_referrals_);
    if (t < core::start_of_day(end_day_)) {
        sim_.schedule_at(t, kReferral);
    }
}

int Model::new_case() {
    int index;
    if (!free_cases_.empty()) {
        index = free_cases_.back();
        free_cases_.pop_back();
        const std::uint32_t generation = cases_[index].generation + 1;
        cases_[index] = Case{};
        cases_[index].generation = generation;
    } else {
        index = static_cast<int>(cases_.size());
        cases_.emplace_back();
    }
    cases_[index].active = true;
    return index;
}

void Model::on_referral(int need, core::DayIndex previous_referral_day) {
    const core::DayIndex day = today();
    const int index = new_case();
    Case& c = cases_[index];
    c.need = need;
    c.perceived = need;
    c.referral_day = day;
    c.previous_referral_day = previous_referral_day;
    ++day_referrals_;
    if (measuring()) {
        acc_.referrals += 1.0;
        acc_.referrals_high_need += need >= 3 ? 1.0 : 0.0;
        if (day - previous_referral_day <= 365) {
            acc_.re_referrals += 1.0;
        }
    }
    c.stage = referral_stage_;
    ++stage_counts_[referral_stage_];
    if (measuring()) {
        acc_.stage_entries[static_cast<std::size_t>(referral_stage_)] += 1.0;
    }
    // The entry stage is instant: its transitions (normally to screening) are taken at once.
    const int next = choose_next_stage(c);
    leave_stage(index);
    enter_stage(index, next);
}

int Model::choose_next_stage(const Case& c) {
    const auto& options = out_[c.stage];
    const std::size_t level = static_cast<std::size_t>(c.perceived);
    double u = rng_pathway_.uniform01();
    for (const auto& [to, prob] : options) {
        u -= prob[level];
        if (u < 0.0) {
            return to;
        }
    }
    // Rounding: take the last option with positive probability.
    for (auto it = options.rbegin(); it != options.rend(); ++it) {
        if (it->second[level] > 0.0) {
            return it->first;
        }
    }
    return closed_stage_;
}

void Model::leave_stage(int case_index) {
    Case& c = cases_[case_index];
    --stage_counts_[c.stage];
    c.from_stage = c.stage;
    if (c.stage == lac_stage_ && c.placement >= 0) {
        --placement_counts_[c.placement];
        c.placement = -1;
    }
    if (cfg_.pathway.stages[c.stage].kind == StageKind::EarlyHelp) {
        --early_help_families_;
    }
    // Statutory visits still overdue when the stage ends were missed.
    if (c.next_visit >= 0 && c.next_visit < today() && measuring()) {
        acc_.visits_late += 1.0;
        ++c.visits_late;
    }
    ++c.generation;
}

void Model::enter_stage(int case_index, int stage, bool residual) {
    const PathwayStage& s = cfg_.pathway.stages[stage];
    const core::DayIndex day = today();
    // Early help only if it has room; otherwise moderate+ need goes to assessment, else closes.
    if (s.kind == StageKind::EarlyHelp &&
        static_cast<double>(early_help_families_) >= early_help_capacity_) {
        const int fallback = (cases_[case_index].perceived >= 2 && assessment_stage_ >= 0)
                                 ? assessment_stage_
                                 : closed_stage_;
        if (fallback != stage) {
            enter_stage(case_index, fallback);
            return;
        }
    }
    Case& c = cases_[case_index];
    c.stage = stage;
    ++stage_counts_[stage];
    if (measuring()) {
        acc_.stage_entries[static_cast<std::size_t>(stage)] += 1.0;
    }
    c.timer_done = false;
    c.visits_done = 0;
    c.next_visit = -1;
    c.next_review = -1;
    switch (s.kind) {
        case StageKind::Closed:
            close_case(case_index, c.from_stage);
            return;
        case StageKind::Entry:
            return;
        case StageKind::FrontDoor:
            screening_queue_.push_back(case_index);
            return;
        case StageKind::EarlyHelp: {
            ++early_help_families_;
            fy_spend_ += cfg_.early_help.cost_per_family;
            if (measuring()) {
                acc_.spend += cfg_.early_help.cost_per_family;
                acc_.prevention_spend += cfg_.early_help.cost_per_family;
            }
            break;
        }
        case StageKind::SocialWork:
            if (s.visit_interval_wd > 0) {
                c.next_visit = calendar_.add_working_days(day, std::min(5, s.visit_interval_wd));
                c.visit_open = day;
            }
            if (s.review_interval_wd > 0) {
                c.next_review = calendar_.add_working_days(day, s.review_interval_wd);
            }
            if (stage == lac_stage_ && !placement_counts_.empty()) {
                double u = rng_placements_.uniform01();
                int chosen = static_cast<int>(cfg_.money.placements.size()) - 1;
                for (std::size_t i = 0; i < cfg_.money.placements.size(); ++i) {
                    u -= cfg_.money.placements[i].share;
                    if (u < 0.0) {
                        chosen = static_cast<int>(i);
                        break;
                    }
                }
                c.placement = chosen;
                ++placement_counts_[chosen];
            }
            if (c.worker >= 0) {
                // Continuity: the same worker keeps the child, with the new stage's workload.
                Post& p = posts_[c.worker];
                add_load(p, s, 1.0);
            } else if (!c.in_queue) {
                enqueue_unallocated(case_index);
            }
            break;
    }
    const double duration =
        residual ? residual_of(s.duration_wd) : std::max(0.0, s.duration_wd.sample(rng_durations_));
    const core::DayIndex end =
        calendar_.add_working_days(day, static_cast<int>(std::ceil(duration)));
    sim_.schedule_at(std::max(sim_.now(), tick_of(end, 17)), kStageEnd,
                     static_cast<std::uint32_t>(case_index), c.generation);
}

void Model::on_stage_end(int case_index) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_.pathway.stages[c.stage];
    if (s.kind == StageKind::SocialWork && c.visits_done < s.required_visits) {
        c.timer_done = true;  // ends when the worker has done the visits (day process)
        return;
    }
    const core::DayIndex day = today();
    if (c.stage == assessment_stage_) {
        // The assessment decides with the true need unless it was rushed; without supervision a
        // rushed misjudgement is more likely to stand (no manager to challenge it).
        const double unsupervised = c.worker >= 0 ? 1.0 - supervision_of(c.worker) : 0.0;
        const double p_error = std::min(
            1.0, cfg_.quality.rushed_error_probability *
                     (1.0 + (cfg_.management.unsupervised_error_multiplier - 1.0) * unsupervised));
        c.perceived = c.rushed && rng_pathway_.bernoulli(p_error)
                          ? misjudge_need(c.need, rng_pathway_)
                          : c.need;
        if (blame_mode_ && is_blame(day) && c.perceived == 2 &&
            rng_culture_.bernoulli(cfg_.culture.defensive_section_47_probability)) {
            c.perceived = 3;  // defensive practice: moderate need treated as high
        }
        {
            const auto wd_taken = calendar_.working_days_between(c.referral_day, day);
            ++day_assessments_;
            day_assessments_on_time_ += wd_taken <= s.deadline_wd ? 1 : 0;
        }
        if (measuring()) {
            const double wd =
                static_cast<double>(calendar_.working_days_between(c.referral_day, day));
            acc_.assessments += 1.0;
            if (wd <= s.deadline_wd) {
                acc_.assessments_on_time += 1.0;
            }
            acc_.assessment_durations.push_back(wd);
        }
    } else if (s.kind == StageKind::SocialWork || s.kind == StageKind::EarlyHelp) {
        c.perceived = c.need;
    }
    const int next = choose_next_stage(c);
    if (c.stage == assessment_stage_ && measuring() &&
        cfg_.pathway.stages[next].kind != StageKind::SocialWork) {
        acc_.assessed_not_in_need += 1.0;  // closed or stepped down to early help
    }
    const bool keeps_worker = cfg_.pathway.stages[next].kind == StageKind::SocialWork;
    if (c.worker >= 0) {
        Post& p = posts_[c.worker];
        add_load(p, s, -1.0);
        if (!keeps_worker) {
            unassign(case_index, false);
        }
    }
    if (c.in_queue && !keeps_worker) {
        c.in_queue = false;  // the queue entry is skipped lazily
        --unallocated_count_;
    }
    leave_stage(case_index);
    c.rushed = false;
    enter_stage(case_index, next);
}

void Model::close_case(int case_index, int from_stage) {
    Case& c = cases_[case_index];
    const PathwayStage& s = cfg_.pathway.stages[from_stage];
    const QualityConfig& q = cfg_.quality;
    // Premature closure: late visits and handovers lower the chance that need was met.
    const double visits = static_cast<double>(c.visits_done + c.visits_late);
    const double late_share = visits > 0.0 ? c.visits_late / visits : 0.0;
    const double resolved =
        std::clamp(s.resolution_probability_by_need[static_cast<std::size_t>(c.need)] -
                       q.resolution_loss_per_late_share * late_share -
                       q.resolution_loss_per_handover * c.handovers,
                   0.0, 1.0);
    const double u_resolved = rng_re_referral_.uniform01();
    const double u_back = rng_re_referral_.uniform01();
    const double delay = cfg_.demand.re_referral_delay_days.sample(rng_re_referral_);
    if (measuring()) {
        acc_.closures += 1.0;
        acc_.social_workers_at_closure += c.social_workers;
    }
    if (u_resolved >= resolved &&
        u_back < cfg_.demand.re_referral_probability_by_need[static_cast<std::size_t>(c.need)]) {
        const core::Tick when = sim_.now() + core::ticks_from_days(std::max(0.0, delay));
        if (when < core::start_of_day(end_day_)) {
            const std::uint64_t payload =
                static_cast<std::uint64_t>(c.need) |
                (static_cast<std::uint64_t>(c.referral_day + 1000000) << 8);
            sim_.schedule_at(when, kReReferral, 0, payload);
        }
    }
    // The case record is freed; the child lives on only in a pending re-referral.
    --stage_counts_[closed_stage_];
    if (c.worker >= 0) {
        unassign(case_index, false);
    }
    c.active = false;
    ++c.generation;
    free_cases_.push_back(case_index);
}

void Model::operator()(const core::Event& e) {
    switch (e.kind) {
        case kReferral: {
            on_referral(draw_referral_need(), -100000);
            schedule_next_referral();
            break;
        }
        case kReReferral:
            on_referral(static_cast<int>(e.payload & 0xff),
                        static_cast<core::DayIndex>(e.payload >> 8) - 1000000);
            break;
        case kWorkingDay:
            if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
                throw core::RunCancelled("replication " + std::to_string(replication_) +
                                         " cancelled on day " + std::to_string(today()));
            }
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
            on_sickness_end(static_cast<int>(e.target), e.payload);
            break;
        case kNoticeEnd:
            on_notice_end(static_cast<int>(e.target), e.payload);
            break;
        case kHireArrives:
            on_hire(static_cast<int>(e.target), e.payload);
            break;
        case kAgencyArrives:
            on_agency_arrives(static_cast<int>(e.target), e.payload);
            break;
        case kAgencyEnd:
            on_agency_end(static_cast<int>(e.target), e.payload);
            break;
        case kFundingChange:
            on_funding_change(static_cast<int>(e.target));
            break;
        case kFreezeEnd:
            on_freeze_end(e.payload);
            break;
        case kInspection:
            on_inspection();
            break;
        case kManagerBack:
            on_manager_back(static_cast<int>(e.target), e.payload);
            break;
        case kManagerLeaves:
            on_manager_leaves(static_cast<int>(e.target), e.payload);
            break;
        case kManagerHire:
            on_manager_hire(static_cast<int>(e.target), e.payload);
            break;
        case kShockStart: {
            const DemandShock& s = cfg_.demand.shocks[e.target];
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
