// `cssim report` through the real binary, and its page in a real browser: Debian's chromium,
// headless, renders the report to PNG and to a DOM in which the page's self-check wrote how many
// chart paths were drawn and whether a script error happened. Skips only without chromium.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli_test_support.hpp"
#include "subprocess.hpp"

namespace cssim::testing {
namespace {

namespace fs = std::filesystem;

std::string find_chromium() {
    for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
        if (fs::exists(path))
            return path;
    }
    return "";
}

/** @brief A compare folder: base against an agency ban, small enough to run in seconds. Each
 * test has its own (CTest runs the tests of this file as parallel processes). */
std::string compare_folder(const std::string& name) {
    const std::string dir = [&] {
        const std::string d = fresh_directory(name);
        std::ofstream(d + "/ban.json")
            << R"({"extends": ")" << kSource << R"(/scenarios/base.json", "name": "agency_ban",
                  "description": "No agency <b>social workers</b> & \"no\" cover",
                  "recruitment": {"agency_allowed": false}})";
        const ProcessResult r = run_process(
            {kExe, "compare", kSource + "/scenarios/base.json", d + "/ban.json", "-r", "3", "-q",
             "--set", "run.years=2.5", "--set", "run.warmup_years=0.5", "--out", d + "/cmp"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return d;
    }();
    return dir;
}

TEST(Report, CompareFolderGivesOneSelfContainedEscapedPage) {
    const std::string dir = compare_folder("report-page");
    const ProcessResult r =
        run_process({kExe, "report", dir + "/cmp", "--out", dir + "/report.html", "--force"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = read_file(dir + "/report.html");
    // The question, from the scenario files: the one field that differs.
    EXPECT_NE(html.find("recruitment.agency_allowed"), std::string::npos);
    // Every key metric's row, with units and verdicts.
    for (const char* text :
         {"Unallocated work", "Caseload", "Direct time with families", "Turnover", "Agency share",
          "Spend", "Serious harm", "Verdict", "£ per year", "Provenance", "Scenario SHA-256"}) {
        EXPECT_NE(html.find(text), std::string::npos) << text;
    }
    // Text from files is escaped.
    EXPECT_EQ(html.find("<b>social workers</b>"), std::string::npos);
    EXPECT_NE(html.find("No agency &lt;b&gt;social workers&lt;/b&gt; &amp; &quot;no&quot; cover"),
              std::string::npos);
    // Self-contained: nothing fetched (the SVG namespace is a name, not a request).
    EXPECT_EQ(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"?(https?:)?//)")), false);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    // Seven charts, each with drawn paths.
    std::size_t charts = 0;
    for (std::size_t at = html.find("<svg class=\"chart\""); at != std::string::npos;
         at = html.find("<svg class=\"chart\"", at + 1)) {
        ++charts;
    }
    EXPECT_EQ(charts, 7u);
}

TEST(Report, RendersInChromiumWithChartsDrawnAndNoErrors) {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
    }
    const std::string dir = compare_folder("report-browser");
    ASSERT_EQ(run_process({kExe, "report", dir + "/cmp", "--out", dir + "/browser.html", "--force"})
                  .exit_code,
              0);
    std::ofstream(dir + "/blank.html") << "<!DOCTYPE html><html><body></body></html>\n";
    auto browser = [&](const std::vector<std::string>& args, const std::string& page) {
        std::vector<std::string> argv = {chromium,
                                         "--headless",
                                         "--no-sandbox",  // CI runs as root
                                         "--disable-gpu",
                                         "--disable-dev-shm-usage",
                                         "--user-data-dir=" + dir + "/chromium-profile",
                                         "--hide-scrollbars",
                                         "--window-size=1000,2400"};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("file://" + dir + "/" + page);
        return run_process(argv);
    };
    const ProcessResult shot = browser({"--screenshot=" + dir + "/report.png"}, "browser.html");
    ASSERT_TRUE(fs::exists(dir + "/report.png")) << shot.err;
    browser({"--screenshot=" + dir + "/blank.png"}, "blank.html");
    ASSERT_TRUE(fs::exists(dir + "/blank.png"));
    // Not blank: a page of charts compresses far worse than an empty page of the same size.
    EXPECT_GT(fs::file_size(dir + "/report.png"), 10 * fs::file_size(dir + "/blank.png"));

    const ProcessResult dom =
        browser({"--virtual-time-budget=3000", "--enable-logging=stderr", "--v=0", "--dump-dom"},
                "browser.html");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(dom.out, m, std::regex(R"re(data-drawn-paths="(\d+)")re")))
        << "the page's self-check did not run: " << dom.out.substr(0, 400);
    // Each of the 7 charts draws at least one path (lines, bands, error bars).
    EXPECT_GE(std::stoi(m[1]), 7);
    EXPECT_NE(dom.out.find("data-charts=\"7\""), std::string::npos);
    // The onerror hook writes data-errors="..." on <body> (the script's own text names it too).
    std::smatch body;
    ASSERT_TRUE(std::regex_search(dom.out, body, std::regex("<body[^>]*>")));
    EXPECT_EQ(body.str().find("data-errors"), std::string::npos) << body.str();
    EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
}

TEST(Report, RunFolderAndBadInputs) {
    const std::string dir = compare_folder("report-inputs");
    ProcessResult r =
        run_process({kExe, "report", dir + "/cmp/base", "--out", dir + "/run.html", "--force"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(dir + "/run.html").find("What does the department look like"),
              std::string::npos);

    r = run_process({kExe, "report", dir + "/no-such-folder", "--out", dir + "/x.html"});
    EXPECT_EQ(r.exit_code, 66);
    r = run_process({kExe, "report", dir, "--out", dir + "/x.html"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("neither a run folder"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir + "/x.html"));

    std::ofstream(dir + "/mine.html") << "mine\n";
    r = run_process({kExe, "report", dir + "/cmp", "--out", dir + "/mine.html"});
    EXPECT_EQ(r.exit_code, 73);
    EXPECT_EQ(read_file(dir + "/mine.html"), "mine\n");
}

}  // namespace
}  // namespace cssim::testing
