#!/usr/bin/env bash
# Regenerates every example output in docs/ and README.md's default-job table from real runs of
# this build, so that the docs say what the program prints. Each generated block sits between
#   <!-- regen:NAME -->  and  <!-- /regen:NAME -->
# in a Markdown file; this script replaces what is between the markers and nothing else.
#
#   bash scripts/regen-docs.sh [--skip-system-effects] [--skip-screenshots]
#
# Regions: README.md default-job; docs/experiments.md compare-json, crn-table, reps-relative,
# reps-absolute, warmup-base, welch-head, warmup-presets; docs/scenarios.md validate-council,
# validate-warnings; docs/analysts.md analysts-* (init, validate, compare, compare-money, by-year, calibration,
# report and its screenshots); docs/system-effects.md se-* (through scripts/system-effects.sh). The viewer
# screenshots of docs/viewer.md and docs/system-effects.md are re-rendered when cssim-view and
# xvfb-run are available.
# Outputs are deterministic (same scenario + seed => same numbers whatever the thread count),
# so a re-run on an unchanged model changes nothing. About 5 minutes on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CSSIM_BUILD_DIR:-$root/build}
cssim=$build_dir/cli/cssim
viewer=$build_dir/viewer/cssim-view
system_effects=1
screenshots=1
for arg in "$@"; do
    case $arg in
    --skip-system-effects) system_effects=0 ;;
    --skip-screenshots) screenshots=0 ;;
    *) echo "regen-docs: unknown option $arg" >&2; exit 64 ;;
    esac
done
if [[ ! -x $cssim ]]; then
    echo "regen-docs: $cssim is not built; building (scripts/build.sh)" >&2
    bash "$root/scripts/build.sh"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

# splice FILE NAME < content: replaces the block between the NAME markers of FILE.
splice() {
    python3 - "$1" "$2" "$tmp/splice.in" <<'EOF'
import sys
path, name, content_path = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
begin, end = f"<!-- regen:{name} -->", f"<!-- /regen:{name} -->"
if text.count(begin) != 1 or text.count(end) != 1:
    sys.exit(f"regen-docs: {path}: expected one pair of {begin} ... {end}")
head, rest = text.split(begin)
_, tail = rest.split(end)
body = open(content_path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(head + begin + "\n" + body.rstrip("\n") + "\n" + end + tail)
EOF
}
# fenced FILE NAME [LANG] < text: splices the text as a fenced code block.
fenced() {
    { echo '```'"${3:-}"; cat; echo '```'; } >"$tmp/splice.in"
    splice "$1" "$2"
    echo "regen-docs: $1 [$2]" >&2
}

# 1. The default job (README.md) and its comparison.json (experiments.md), one real run.
echo "regen-docs: the default job (20 paired replications)" >&2
"$cssim" compare scenarios/no_admin_support.json scenarios/pa_one_per_three.json -q \
    --colour never --out "$tmp/pa" --force >"$tmp/default-job.txt"
{ head -n 26 "$tmp/default-job.txt"; echo "…"; } | fenced README.md default-job
python3 - "$tmp/pa/comparison.json" >"$tmp/compare-json.txt" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
m = c["comparisons"][0]["metrics"]["caseload_mean"]
print('"caseload_mean": ' + json.dumps(m, indent=2))
EOF
fenced docs/experiments.md compare-json json <"$tmp/compare-json.txt"
python3 - "$tmp/pa/comparison.json" >"$tmp/splice.in" <<'EOF'
import json, statistics, sys
c = json.load(open(sys.argv[1]))
print("| metric | difference (PA 1:3 − none) | paired 95% CI half-width | unpaired (Welch) half-width | unpaired / paired |")
print("|---|---:|---:|---:|---:|")
ratios = []
for name, m in c["comparisons"][0]["metrics"].items():
    if m.get("ci_low") is None or m.get("unpaired_ci_low") is None:
        continue
    paired = (m["ci_high"] - m["ci_low"]) / 2
    unpaired = (m["unpaired_ci_high"] - m["unpaired_ci_low"]) / 2
    ratio = "—"
    if paired > 0:
        ratios.append(unpaired / paired)
        ratio = f"{unpaired / paired:.1f}×"
    print(f'| {name} | {m["difference"]:.4g} | {paired:.3g} | {unpaired:.3g} | {ratio} |')
print()
print(f"median ratio {statistics.median(ratios):.2f}, min {min(ratios):.2f}, "
      f"max {max(ratios):.2f}, metrics {len(ratios)}")
EOF
splice docs/experiments.md crn-table
echo "regen-docs: docs/experiments.md [crn-table]" >&2

# 2. cssim reps (experiments.md).
"$cssim" reps scenarios/base.json --pilot 10 -t 2 -q 2>&1 | grep -v '^entries_per_year/' |
    fenced docs/experiments.md reps-relative
"$cssim" reps scenarios/base.json --pilot 10 -t 2 -q --target-half-width caseload_mean=0.1 \
    --target-half-width assessments_within_45wd_share=0.005 2>&1 |
    fenced docs/experiments.md reps-absolute

# 3. cssim warmup: base in detail, then every preset's recommendation (experiments.md).
{
    "$cssim" warmup scenarios/base.json -r 5 -t 2 -q --csv "$tmp/welch.csv"
    "$cssim" warmup scenarios/base.json -r 5 -t 2 -q --metric stress_mean --csv "$tmp/welch_stress.csv"
} | fenced docs/experiments.md warmup-base
head -n 4 "$tmp/welch.csv" | fenced docs/experiments.md welch-head
{
    echo "| preset | run.warmup_years | MSER-5 truncation of caseload_mean (5 replications) | cssim warmup recommends |"
    echo "|---|---:|---:|---:|"
    for p in scenarios/*.json; do
        name=$(basename "$p" .json)
        out=$("$cssim" warmup "$p" -r 5 -t 2 -q --csv "$tmp/w-$name.csv")
        years=$(sed -n 's/.*MSER-5 truncation.* \([0-9.]*\) years\./\1/p' <<<"$out")
        rec=$(sed -n 's/^Recommendation: run.warmup_years >= \([0-9.]*\) (the scenario has \([0-9.]*\)).*/\1 \2/p' <<<"$out")
        limit=$(grep -q "MSER-5's limit" <<<"$out" && echo " (at MSER-5's limit)" || true)
        echo "| $name | ${rec#* } | $years years$limit | ${rec%% *} |"
    done
} >"$tmp/splice.in"
splice docs/experiments.md warmup-presets
echo "regen-docs: docs/experiments.md [warmup-presets]" >&2

# 4. cssim validate (scenarios.md).
"$cssim" validate scenarios/base.json --set population.children=120000 \
    --set council.referrals_per_10k_children_per_year=481 2>&1 |
    { echo '$ cssim validate scenarios/base.json --set population.children=120000 --set council.referrals_per_10k_children_per_year=481'; cat; } |
    fenced docs/scenarios.md validate-council
"$cssim" validate scenarios/base.json --set population.children=120000 \
    --set workforce.social_worker_posts=168 --set council.referrals_per_10k_children_per_year=481 \
    --set 'money.funding_changes=[{"date": "2034-04-01", "agency_ban": true}]' 2>&1 >/dev/null |
    fenced docs/scenarios.md validate-warnings

# 5. The system-effect comparisons (system-effects.md), through their own script (with the
#    archives its screenshots replay when the screenshots are wanted).
archives=--no-archives
[[ $screenshots == 1 && -x $viewer ]] && command -v xvfb-run >/dev/null && archives=
if [[ $system_effects == 1 ]]; then
    bash scripts/system-effects.sh $archives >/dev/null
    for name in prevention inspection culture management churn financial_collapse; do
        fenced docs/system-effects.md "se-$name" <"results/system-effects/$name.txt"
    done
fi

# 6. The viewer's screenshots (viewer.md), when the viewer and a virtual display exist.
if [[ $screenshots == 1 && -x $viewer ]] && command -v xvfb-run >/dev/null; then
    runs=$tmp/runs
    for s in no_admin_support pa_one_per_three base inadequate_judgement; do
        "$cssim" run "scenarios/$s.json" --seed 1 --replications 3 -q --out "$runs/$s" >/dev/null
    done
    # As docs/viewer.md, "Screenshots and tests without a display", says they were made.
    shot() { xvfb-run -a -s "-screen 0 1920x1080x24" "$viewer" "$@"; }
    shot --size 1200x750 --screenshot docs/images/viewer-comparison.png --day 2027-06-01 \
        "$runs/no_admin_support" --compare "$runs/pa_one_per_three"
    shot --size 1200x750 --screenshot docs/images/viewer-presenter.png --presenter --day 2027-06-01 \
        "$runs/no_admin_support" --compare "$runs/pa_one_per_three"
    if "$viewer" --help 2>&1 | grep -q -- '--view'; then
        shot --size 1920x1080 --screenshot docs/images/viewer-presenter-floor.png --presenter \
            --view office-floor-stress --day 2027-06-01 \
            "$runs/no_admin_support" --compare "$runs/pa_one_per_three"
    fi
    shot --size 1200x750 --screenshot docs/images/viewer-system-effects.png --day 2026-02-02 \
        "$runs/base" --compare "$runs/inadequate_judgement"
    if [[ $system_effects == 1 ]]; then
        # system-effects.md's images: a 1280x800 window on 1 June 2028, five years in.
        se=results/system-effects
        shot --size 1280x800 --screenshot docs/images/system-prevention.png --day 2028-06-01 \
            "$se/base" --compare "$se/prevention_cut"
        shot --size 1280x800 --screenshot docs/images/system-culture.png --day 2028-06-01 \
            "$se/blame_culture" --compare "$se/learning_culture"
        shot --size 1280x800 --screenshot docs/images/system-management.png --day 2028-06-01 \
            "$se/base" --compare "$se/manager_absence"
        shot --size 1280x800 --screenshot docs/images/system-churn.png --day 2028-06-01 \
            "$se/base" --compare "$se/agency_heavy"
        shot --size 1280x800 --screenshot docs/images/system-financial_collapse.png --day 2028-06-01 \
            "$se/base" --compare "$se/financial_collapse"
    fi
    rm -f docs/images/*.png.panels.json
    echo "regen-docs: docs/images/viewer-*.png" >&2
else
    echo "regen-docs: screenshots skipped (needs $viewer and xvfb-run)" >&2
fi
# 7. The analysts' walk-through (analysts.md): init from the fixtures, validate, compare, the
#    calibration check and the report, run in a scratch folder that sees scenarios/ and tests/.
walk=$tmp/walk
mkdir -p "$walk/councils" "$walk/results"
ln -s "$root/scenarios" "$walk/scenarios"
ln -s "$root/tests" "$walk/tests"
(
    cd "$walk"
    fixtures=tests/fixtures/ees
    {
        echo "\$ cssim init --ees $fixtures/csww_indicators_2023_fixture.csv \\"
        echo "             $fixtures/cin_referrals_2025_fixture.csv \\"
        echo "             --la Northby --children 45000 --out councils/northby.json"
        "$cssim" init --ees $fixtures/csww_indicators_2023_fixture.csv \
            $fixtures/cin_referrals_2025_fixture.csv --la Northby --children 45000 \
            --out councils/northby.json 2>&1
    } | fenced "$root/docs/analysts.md" analysts-init
    fenced "$root/docs/analysts.md" analysts-scenario json <councils/northby.json
    {
        for args in "--la Nortby" "--la North East" "--la Northby --year 2019"; do
            shown=$args
            [[ $args == "--la North East" ]] && shown='--la "North East"'
            echo "\$ cssim init --ees $fixtures/csww_indicators_2023_fixture.csv $shown --out councils/x.json"
            set +e
            if [[ $args == "--la North East" ]]; then
                "$cssim" init --ees $fixtures/csww_indicators_2023_fixture.csv --la "North East" \
                    --out councils/x.json 2>&1
            else
                # shellcheck disable=SC2086
                "$cssim" init --ees $fixtures/csww_indicators_2023_fixture.csv $args \
                    --out councils/x.json 2>&1
            fi
            echo "(exit $?)"
            set -e
        done
    } | fenced "$root/docs/analysts.md" analysts-errors
    {
        echo "\$ cssim init --ees $fixtures/csww_indicators_2023_fixture.csv --la Suppressford --children 60000 --out councils/suppressford.json"
        "$cssim" init --ees $fixtures/csww_indicators_2023_fixture.csv --la Suppressford \
            --children 60000 --out councils/suppressford.json 2>&1 >/dev/null
    } | fenced "$root/docs/analysts.md" analysts-suppressed
    { echo '$ cssim validate councils/northby.json'; "$cssim" validate councils/northby.json 2>&1; } |
        fenced "$root/docs/analysts.md" analysts-validate
    cat >councils/northby_agency_ban.json <<'JSON'
{
  "extends": "northby.json",
  "name": "northby_agency_ban",
  "description": "Northby without agency social workers: no new agency contracts and none renewed.",
  "recruitment": {"agency_allowed": false}
}
JSON
    metrics=unallocated_cases_mean,caseload_mean,direct_time_share,turnover_rate,agency_share,spend_total,harm_events_per_10k_children
    {
        echo '$ cssim compare councils/northby.json councils/northby_agency_ban.json -r 10 \'
        echo "    --metrics $metrics \\"
        echo '    --out results/northby-ban'
        "$cssim" compare councils/northby.json councils/northby_agency_ban.json -r 10 -q \
            --colour never --metrics "$metrics" --out results/northby-ban
    } | fenced "$root/docs/analysts.md" analysts-compare
    # The same ban, spend by line (analysts.md "Where the money goes").
    metrics=spend_total,staff_cost_per_year,social_worker_cost_per_year,agency_cost_per_year,manager_cost_per_year,pa_cost_per_year,placement_cost_per_year,prevention_spend
    {
        echo '$ cssim compare councils/northby.json councils/northby_agency_ban.json -r 10 \'
        echo "    --metrics $metrics \\"
        echo '    --out results/northby-ban-money'
        "$cssim" compare councils/northby.json councils/northby_agency_ban.json -r 10 -q \
            --colour never --metrics "$metrics" --out results/northby-ban-money
    } | fenced "$root/docs/analysts.md" analysts-compare-money
    # Year by year: the ban from 1 April 2026, each financial year (analysts.md "Year by year").
    cat >councils/northby_ban_2026.json <<'JSON'
{
  "extends": "northby.json",
  "name": "northby_ban_2026",
  "description": "Northby bans agency social workers from 1 April 2026.",
  "money": {"funding_changes": [{"date": "2026-04-01", "agency_ban": true}]}
}
JSON
    fenced "$root/docs/analysts.md" analysts-ban-2026 json <councils/northby_ban_2026.json
    {
        echo '$ cssim compare councils/northby.json councils/northby_ban_2026.json -r 10 --by-year \'
        echo '    --metrics unallocated_cases_mean,agency_share,turnover_rate'
        "$cssim" compare councils/northby.json councils/northby_ban_2026.json -r 10 -q --by-year \
            --metrics unallocated_cases_mean,agency_share,turnover_rate
    } | fenced "$root/docs/analysts.md" analysts-by-year
    {
        echo '$ cssim run councils/northby.json -r 10 --by-year --metrics caseload_mean,spend_total \'
        echo '    --out results/northby-years'
        "$cssim" run councils/northby.json -r 10 -q --by-year --metrics caseload_mean,spend_total \
            --out results/northby-years
        echo '$ grep -m1 -n ",2025-26," results/northby-years/replications.csv'
        grep -m1 -n ",2025-26," results/northby-years/replications.csv
        echo '$ head -n 3 results/northby-years/replications.csv'
        head -n 3 results/northby-years/replications.csv
    } | fenced "$root/docs/analysts.md" analysts-run-by-year
    python3 - results/northby-years/summary.json >"$tmp/splice.in" <<'PY'
import json, sys
period = json.load(open(sys.argv[1]))["periods"][0]
period["metrics"] = {"caseload_mean": period["metrics"]["caseload_mean"]}
print("```json")
print('"periods": [' + json.dumps(period, indent=2) + ", …]")
print("```")
PY
    splice "$root/docs/analysts.md" analysts-summary-periods
    python3 - councils/northby.published.json results/northby-ban/northby/summary.json \
        >"$tmp/splice.in" <<'PY'
import json, sys
published = json.load(open(sys.argv[1]))
summary = json.load(open(sys.argv[2]))["metrics"]
print("| metric | published | model, northby |")
print("|---|---|---|")
for target in published["targets"]:
    name, value = target["metric"], target["published"]
    m = summary.get(name)
    if m is None or m.get("mean") is None:
        continue
    print(f"| `{name}` | {value:g} | {m['mean']:.3f} [{m['ci95_low']:.3f}, {m['ci95_high']:.3f}] |")
PY
    splice "$root/docs/analysts.md" analysts-calibration
    {
        echo '$ cssim report results/northby-ban --out results/northby-ban.html'
        "$cssim" report results/northby-ban --out results/northby-ban.html 2>&1
    } | fenced "$root/docs/analysts.md" analysts-report
    if command -v chromium >/dev/null; then
        for shot in "report-northby 1000,1300" "report-northby-charts 1000,4200"; do
            set -- $shot
            chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
                --user-data-dir="$tmp/chromium" --window-size="$2" \
                --screenshot="$tmp/$1.png" "file://$walk/results/northby-ban.html" 2>/dev/null
        done
        cp "$tmp/report-northby.png" "$root/docs/images/report-northby.png"
        # The charts image is the part of the page below the headline table.
        if command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; then
            convert "$tmp/report-northby-charts.png" -crop 1000x1700+0+2180 +repage \
                "$root/docs/images/report-northby-charts.png"
        else
            echo "regen-docs: report-northby-charts.png kept (cropping needs ImageMagick's convert)" >&2
        fi
        echo "regen-docs: docs/images/report-northby*.png" >&2
    fi
)
echo "regen-docs: done; review with git diff" >&2
