#!/usr/bin/env bash
# CTest readme_default_job: README.md's default-job table is what the program prints.
# Runs the real default job (the README's own command: 20 paired replications, about 20-40 s on
# 2 cores) and checks that the block between <!-- regen:default-job --> markers equals the first
# lines of its output, line for line. Running the job, rather than comparing the README with a
# stored copy, is what makes the test fail when the model or the table format changes without
# `scripts/regen-docs.sh` being re-run. The output is deterministic whatever the thread count.
# Usage: readme_default_job_test.sh CSSIM SOURCE_DIR
set -euo pipefail
cssim=$1
root=$2
readme=$root/README.md
expected=$(mktemp)
actual=$(mktemp)
trap 'rm -f "$expected" "$actual"' EXIT
# The fenced block inside the markers, without the fences and the closing "…".
awk '/<!-- regen:default-job -->/{on=1; next} /<!-- \/regen:default-job -->/{on=0} on' "$readme" |
    grep -v '^```' | grep -v '^…$' >"$expected"
lines=$(wc -l <"$expected")
if [[ $lines -lt 5 ]]; then
    echo "FAIL: README.md has no default-job block between regen markers" >&2
    exit 1
fi
grep -q 'cssim compare scenarios/no_admin_support.json scenarios/pa_one_per_three.json' "$readme" || {
    echo "FAIL: README.md no longer names the default job's command" >&2
    exit 1
}
cd "$root"
"$cssim" compare scenarios/no_admin_support.json scenarios/pa_one_per_three.json -q \
    --colour never >"$actual.full"
head -n "$lines" "$actual.full" >"$actual"
rm -f "$actual.full"
if ! diff -u "$expected" "$actual"; then
    echo "FAIL: README.md's default-job table differs from what cssim prints (above: - README," \
        "+ cssim); run scripts/regen-docs.sh" >&2
    exit 1
fi
echo "PASS: README.md's default-job table ($lines lines) is what cssim compare prints"
