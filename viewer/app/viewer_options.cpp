#include "app/viewer_options.hpp"

#include <charconv>

namespace cssim::viewer {
namespace {

template <typename T>
bool parse_int(const std::string& s, T& out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && ptr == s.data() + s.size();
}

constexpr StartView kViews[] = {
    StartView::charts,       StartView::system_effects,      StartView::pathway,
    StartView::office_floor, StartView::office_floor_stress, StartView::time_use,
    StartView::events,       StartView::comparison};

}  // namespace

const char* start_view_name(StartView view) {
    switch (view) {
        case StartView::charts:
            return "charts";
        case StartView::system_effects:
            return "system-effects";
        case StartView::pathway:
            return "pathway";
        case StartView::office_floor:
            return "office-floor";
        case StartView::office_floor_stress:
            return "office-floor-stress";
        case StartView::time_use:
            return "time-use";
        case StartView::events:
            return "events";
        case StartView::comparison:
            return "comparison";
    }
    return "charts";
}

std::string start_view_names() {
    std::string out;
    for (StartView v : kViews)
        out += (out.empty() ? "" : ", ") + std::string(start_view_name(v));
    return out;
}

std::string viewer_usage() {
    return "usage: cssim-view [options] [A]\n"
           "  A, B are run archives (run.sqlite) or the directories that hold them.\n"
           "  --compare B            replay B beside A on the same clock\n"
           "  --replication N        replication of A to replay (default: the first)\n"
           "  --replication-b N      replication of B to replay\n"
           "  --day D                start at day D of A (a day index or YYYY-MM-DD)\n"
           "  --presenter            presenter mode: large fonts, high contrast, big charts\n"
           "  --view V               what to show first: charts, system-effects, pathway,\n"
           "                         office-floor, office-floor-stress, time-use, events or\n"
           "                         comparison (a full page in presenter mode, a tab or\n"
           "                         colouring on the dashboard)\n"
           "  --screenshot OUT.png   render one frame to OUT.png and exit\n"
           "  --size WxH             window size (default 1280x800)\n"
           "  --align calendar|elapsed  line runs up by date (default) or by days since start\n"
           "  --pause-when \"S > X\"   pause when series S crosses X (repeatable)\n"
           "  --bookmark D[=label]   bookmark day D (index or YYYY-MM-DD; repeatable)\n"
           "  --results DIR          where to look for recent runs (default results)\n"
           "  --scenarios DIR        presets for live what-if (default scenarios)\n"
           "  --detail auto|full|low drawing detail; auto (default) is low on software renderers\n"
           "  --measure SECONDS      play for SECONDS redrawing every frame, then SECONDS more\n"
           "                         redrawing only on change at 60 Hz; print timings, exit\n"
           "workshop mode: cssim-view --workshop FILE [--tables N] [options]\n"
           "  --workshop FILE        play a workshop (scenarios/workshops/*.json) with N tables:\n"
           "                         round, play, scoreboard and debrief screens (keys on screen)\n"
           "  --tables N             how many tables play (1-9; default: the decision files\n"
           "                         given, at least 2)\n"
           "  --decisions FILE       resume a table from its decision file (repeatable, in\n"
           "                         table order): its rounds are played before the first screen\n"
           "  --played K             play only rounds 1 to K of the decision files first\n"
           "  --save DIR             where each table's decisions are kept, DIR/table_N.json\n"
           "                         (default workshop-tables)\n"
           "  --screen S             first screen: round, play, scoreboard or debrief\n"
           "  --table N              the table in focus first (default 1)\n";
}

ParsedOptions parse_viewer_options(const std::vector<std::string>& args) {
    ParsedOptions p;
    ViewerOptions& o = p.options;
    auto fail = [&](std::string message) {
        p.error = std::move(message);
        return p;
    };
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.show_help = true;
        } else if (a == "--presenter") {
            o.presenter = true;
        } else if (a == "--compare" || a == "--screenshot" || a == "--day" ||
                   a == "--replication" || a == "--replication-b" || a == "--size" ||
                   a == "--align" || a == "--pause-when" || a == "--bookmark" || a == "--results" ||
                   a == "--scenarios" || a == "--measure" || a == "--detail" || a == "--view" ||
                   a == "--workshop" || a == "--tables" || a == "--decisions" || a == "--save" ||
                   a == "--played" || a == "--screen" || a == "--table") {
            if (!value(v))
                return fail(a + " needs a value");
            if (a == "--compare") {
                o.run_b = v;
            } else if (a == "--screenshot") {
                o.screenshot = v;
            } else if (a == "--day") {
                o.day = v;
            } else if (a == "--replication" || a == "--replication-b") {
                std::uint64_t n = 0;
                if (!parse_int(v, n))
                    return fail(a + " expects a replication number, got \"" + v + "\"");
                (a == "--replication" ? o.replication_a : o.replication_b) = n;
            } else if (a == "--size") {
                const auto x = v.find('x');
                if (x == std::string::npos || !parse_int(v.substr(0, x), o.width) ||
                    !parse_int(v.substr(x + 1), o.height) || o.width < 320 || o.height < 240 ||
                    o.width > 8192 || o.height > 8192) {
                    return fail(
                        "--size expects WIDTHxHEIGHT between 320x240 and 8192x8192, got \"" + v +
                        "\"");
                }
            } else if (a == "--align") {
                if (v == "calendar") {
                    o.align = AlignMode::calendar;
                } else if (v == "elapsed") {
                    o.align = AlignMode::elapsed;
                } else {
                    return fail("--align expects calendar or elapsed, got \"" + v + "\"");
                }
            } else if (a == "--detail") {
                if (v == "auto") {
                    o.detail = DetailRequest::automatic;
                } else if (v == "full") {
                    o.detail = DetailRequest::full;
                } else if (v == "low") {
                    o.detail = DetailRequest::low;
                } else {
                    return fail("--detail expects auto, full or low, got \"" + v + "\"");
                }
            } else if (a == "--view") {
                for (StartView view : kViews) {
                    if (v == start_view_name(view))
                        o.view = view;
                }
                if (!o.view)
                    return fail("--view expects one of " + start_view_names() + ", got \"" + v +
                                "\"");
            } else if (a == "--workshop") {
                o.workshop = v;
            } else if (a == "--tables") {
                if (!parse_int(v, o.tables) || o.tables < 1 || o.tables > 9)
                    return fail("--tables expects a number of tables from 1 to 9, got \"" + v +
                                "\"");
            } else if (a == "--table") {
                if (!parse_int(v, o.table) || o.table < 1 || o.table > 9)
                    return fail("--table expects a table number from 1 to 9, got \"" + v + "\"");
            } else if (a == "--decisions") {
                o.decisions.emplace_back(v);
            } else if (a == "--save") {
                o.save_dir = v;
            } else if (a == "--played") {
                std::size_t k = 0;
                if (!parse_int(v, k))
                    return fail("--played expects a number of rounds, got \"" + v + "\"");
                o.played = k;
            } else if (a == "--screen") {
                if (v != "round" && v != "play" && v != "scoreboard" && v != "debrief")
                    return fail("--screen expects round, play, scoreboard or debrief, got \"" + v +
                                "\"");
                o.screen = v;
            } else if (a == "--pause-when") {
                o.pause_conditions.push_back(v);
            } else if (a == "--bookmark") {
                o.bookmarks.push_back(v);
            } else if (a == "--results") {
                o.results_dir = v;
            } else if (a == "--scenarios") {
                o.scenarios_dir = v;
            } else if (a == "--measure") {
                int seconds = 0;
                if (!parse_int(v, seconds) || seconds <= 0 || seconds > 600) {
                    return fail("--measure expects a number of seconds (1-600), got \"" + v + "\"");
                }
                o.measure_seconds = seconds;
            }
        } else if (!a.empty() && a[0] == '-') {
            return fail("unknown option " + a);
        } else if (!o.run_a) {
            o.run_a = a;
        } else {
            return fail("unexpected argument \"" + a + "\" (use --compare for a second run)");
        }
    }
    const bool workshop_only =
        o.tables != 0 || !o.decisions.empty() || o.save_dir || o.played || o.screen;
    if (workshop_only && !o.workshop)
        return fail(
            "--tables, --table, --decisions, --played, --save and --screen need --workshop FILE");
    if (o.workshop && (o.run_a || o.run_b))
        return fail("--workshop plays a workshop; it does not open run archives");
    if (o.workshop && o.tables != 0 && o.tables < static_cast<int>(o.decisions.size()))
        return fail("--tables " + std::to_string(o.tables) + " is fewer than the " +
                    std::to_string(o.decisions.size()) + " decision files given");
    if (o.workshop && o.decisions.size() > 9)
        return fail("--decisions: at most 9 tables");
    if (o.screenshot && !o.run_a && !o.workshop)
        return fail("--screenshot needs a run archive to show");
    if (o.run_b && !o.run_a)
        return fail("--compare needs a first run A");
    return p;
}

}  // namespace cssim::viewer
