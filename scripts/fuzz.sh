#!/usr/bin/env bash
# Fuzzes the scenario loader and validator (load_scenario_text) with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, for a bounded time.
#
#   scripts/fuzz.sh [seconds]        default 60; CSSIM_FUZZ_DIR sets the build folder.
#
# Needs Debian's clang 14 and libclang-rt-14-dev (scripts/install-deps.sh installs both). Seeds:
# the preset scenarios and tests/reliability/corpus. New inputs the fuzzer finds go to a scratch
# corpus under the build folder (kept between runs, never committed). A crash leaves
# crash-<sha1> in the build folder and fails the script: turn it into a regression test by adding
# it to tests/reliability/corpus with its .expected file.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
dir=${CSSIM_FUZZ_DIR:-$root/build-fuzz}
jobs=${CSSIM_JOBS:-2}

cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link" \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCSSIM_SANITIZE=address;undefined" \
    -DCSSIM_BUILD_FUZZERS=ON -DCSSIM_BUILD_VIEWER=OFF -DCSSIM_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$dir" -j "$jobs" --target cssim_scenario_fuzzer

# The fuzzer runs in a work folder holding copies of the presets, so that `extends` in mutated
# inputs reaches real files (base.json, queue/mm1.json, the corpus's files).
work="$dir/fuzz-work"
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/found" "$work/queue"
cp "$root"/scenarios/*.json "$work/"
cp "$root"/scenarios/queue/*.json "$work/queue/"
cp "$root"/scenarios/*.json "$root"/scenarios/queue/*.json "$work/seeds/"
cp "$root"/tests/reliability/corpus/*.json "$work/seeds/"
printf -- '--set servers=7\n--set arrival.mean=0.5\n' | cat - "$root/scenarios/queue/mm1.json" \
    > "$work/seeds/with_sets.json"

fuzzer=$(find "$dir/tests/fuzz" -type f -name cssim_scenario_fuzzer -perm -u+x | head -n 1)
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cd "$work"
# stdin is /dev/null so that a mutated `"extends": "/dev/stdin"` ends instead of waiting.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$root/tests/fuzz/scenario.dict" -artifact_prefix="$dir/" -print_final_stats=1 \
    found seeds </dev/null
echo "fuzz: no crash in ${seconds} s"
