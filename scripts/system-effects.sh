#!/usr/bin/env bash
# Regenerates the paired comparisons and the run archives behind docs/system-effects.md: one
# `cssim compare` per loop (base or its partner against the loop's preset, common random
# numbers, the presets' 20 replications and seed), printed and saved under results/system-effects/.
# Usage: bash scripts/system-effects.sh [--no-archives]   (builds cssim first if it is missing)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cssim=${CSSIM_BUILD_DIR:-$root/build}/cli/cssim
out=$root/results/system-effects
archives=1
[[ ${1:-} == --no-archives ]] && archives=0
if [[ ! -x $cssim ]]; then
    echo "system-effects: $cssim is not built; building (scripts/build.sh)" >&2
    bash "$root/scripts/build.sh"
fi
mkdir -p "$out"
cd "$root"

compare() {  # compare NAME METRICS A B [C]
    local name=$1 metrics=$2
    shift 2
    echo "== $name: cssim compare $* --metrics ..." >&2
    "$cssim" compare "$@" -q --colour never --metrics "$metrics" | tee "$out/$name.txt"
    echo
}

compare prevention \
    prevention_spend,referrals_per_year,high_need_referral_share,cin_per_10k,cp_plans_per_10k,looked_after_per_10k,harm_events_per_10k_children,caseload_mean,spend_total,overspend \
    scenarios/base.json scenarios/prevention_cut.json
compare inspection \
    inadequate_time_share,inspection_kpi_points_mean,turnover_rate,vacancy_rate,agency_share,admin_time_share,stress_mean,children_two_plus_changes_share,visits_on_time_share,spend_total \
    scenarios/base.json scenarios/inadequate_judgement.json
compare culture \
    blame_time_share,near_misses_reviewed_per_year,harm_events_per_10k_children,turnover_rate,entries_per_year/section_47,admin_time_share,stress_mean,caseload_mean \
    scenarios/base.json scenarios/blame_culture.json scenarios/learning_culture.json
compare management \
    supervision_coverage,manager_vacancy_rate,harm_events_per_10k_children,stress_mean,cp_plans_per_10k,turnover_rate \
    scenarios/base.json scenarios/manager_absence.json
compare churn \
    children_two_plus_changes_share,social_workers_per_child_mean,handovers_per_year,harm_per_100_child_years_fewer_changes,harm_per_100_child_years_two_plus_changes,harm_events_per_10k_children,re_referral_share \
    scenarios/base.json scenarios/agency_heavy.json
compare financial_collapse \
    caseload_mean,caseload_p90,caseload_over_30_share,unallocated_cases_mean,visits_on_time_share,supervision_coverage,harm_events_per_10k_children,turnover_rate,agency_share,spend_total,overspend,inadequate_time_share \
    scenarios/base.json scenarios/financial_collapse.json

if [[ $archives == 1 ]]; then
    # Archives for the viewer (one replication with detail each is enough to replay).
    for s in base prevention_cut inadequate_judgement blame_culture learning_culture \
        manager_absence agency_heavy financial_collapse; do
        "$cssim" run "scenarios/$s.json" --replications 5 --out "$out/$s" --force -q >/dev/null
    done
    echo "archives in $out/<scenario>/run.sqlite; open a pair with:" >&2
    echo "  build/viewer/cssim-view --compare results/system-effects/prevention_cut results/system-effects/base" >&2
fi
