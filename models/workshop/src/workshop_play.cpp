// A table's rounds replayed from day 0 (docs/workshop.md): the scenario with the rounds' dated
// changes is built and checked by models/scenario; the department model runs it once.
#include <stdexcept>

#include "cssim/department/department.hpp"
#include "cssim/workshop/play.hpp"

namespace cssim::workshop {

Session::Session(scenario::Workshop workshop, std::optional<std::uint64_t> seed)
    : workshop_(std::move(workshop)) {
    const scenario::LoadResult base = scenario::load_scenario(workshop_.scenario_path);
    if (!base.scenario || !base.scenario->department) {
        throw std::runtime_error("the workshop's scenario " + workshop_.scenario_path +
                                 " does not load as a department scenario");
    }
    seed_ = seed.value_or(base.scenario->seed);
    dealt_ = scenario::deal_cards(workshop_, seed_);
    calendar_ = scenario::workshop_calendar(workshop_, *base.scenario->department);
}

std::vector<std::string> Session::cards_at(std::size_t round) const {
    std::vector<std::string> titles;
    for (std::size_t c = 0; c < workshop_.cards.size() && c < dealt_.size(); ++c) {
        if (dealt_[c] == round) {
            titles.push_back(workshop_.cards[c].title);
        }
    }
    return titles;
}

PlayedRound Session::play(const Table& table, std::size_t round, bool with_detail,
                          const std::atomic<bool>* cancel) const {
    PlayedRound played;
    scenario::LoadResult loaded = scenario::table_scenario(
        workshop_, table.decisions ? &*table.decisions : nullptr, dealt_, round, seed_);
    if (!loaded.scenario) {
        played.diagnostics = std::move(loaded.diagnostics);
        return played;
    }
    played.scenario = std::move(loaded.scenario);
    const department::DepartmentConfig& config = *played.scenario->department;
    played.record = department::run_replication(config, seed_, 0, with_detail, cancel);
    played.layout = department::layout(config);
    played.streams = department::stream_names();
    played.score = score_of(workshop_, played.record, played.layout.metrics, table.name, round);
    return played;
}

}  // namespace cssim::workshop
