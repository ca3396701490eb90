// The report page's style sheet and self-check script (kept apart from the page's logic).
#include "report_html.hpp"

namespace cssim::cli {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1d2430; --muted: #5b6472; --rule: #d5d9e0; --better: #1e7b34; --worse: #b3261e; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .2rem; }
.sub, .note, figcaption { color: var(--muted); font-size: .88rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .4rem 0 1rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
th { background: #f2f4f7; font-weight: 600; }
td { white-space: nowrap; }
td:first-child, td.ci { white-space: normal; }
.nb { white-space: nowrap; }
td.verdict { font-weight: 600; text-align: center; white-space: normal; }
td.better { color: var(--better); } td.worse { color: var(--worse); } td.neutral { color: var(--muted); }
ul.changes li { margin: .2rem 0; }
.old { text-decoration: line-through; color: var(--muted); }
figure { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
svg.chart { width: 100%; height: auto; display: block; }
svg .grid { stroke: #e3e6eb; stroke-width: 1; }
svg .axis { stroke: #8a93a0; stroke-width: 1; }
svg .tick { font-size: 11px; fill: #5b6472; }
svg .unit, svg .note { font-size: 11px; fill: #5b6472; font-style: italic; }
svg .legend { font-size: 12px; fill: #1d2430; }
svg .warmup { fill: #eef0f3; }
svg .band { fill-opacity: .18; stroke: none; }
svg .line { fill: none; stroke-width: 2; }
svg .errorbar { fill: none; stroke-width: 1.6; }
code { font-size: .85em; background: #f2f4f7; padding: 0 .2em; }
.small td, .small th { font-size: .8rem; padding: .15rem .4rem; white-space: normal; }
@media print {
  body { max-width: none; margin: 0; padding: 0 8mm; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
  .noprint { display: none; }
  @page { size: A4; margin: 14mm 10mm; }
}
)css";

// A self-check for tests and the curious: counts the chart paths the browser actually drew
// and records script errors, in attributes of <body>. The report needs no script to be read.
constexpr const char* kSelfCheck = R"js(
window.onerror = function (message) {
  document.body.setAttribute('data-errors', (document.body.getAttribute('data-errors') || '') + message + ';');
};
window.addEventListener('load', function () {
  var drawn = 0;
  document.querySelectorAll('svg.chart path').forEach(function (p) {
    if (p.getTotalLength() > 0 && p.getBBox().width + p.getBBox().height > 0) drawn++;
  });
  document.body.setAttribute('data-drawn-paths', String(drawn));
  document.body.setAttribute('data-charts', String(document.querySelectorAll('svg.chart').length));
});
)js";

}  // namespace

const char* report_css() {
    return kStyle;
}

const char* report_self_check_js() {
    return kSelfCheck;
}

}  // namespace cssim::cli
