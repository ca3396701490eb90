#!/usr/bin/env bash
# Builds the test suite under sanitizers in separate build folders and runs it clean.
#
#   scripts/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (halt on the first
#                              report, leaks checked): every GoogleTest binary that
#                              tests/**/CMakeLists.txt defines (found there, not listed here);
#                              the CLI, sweep, analyst and reliability tests run the sanitized
#                              `cssim` that the same build makes, so its reports fail them
#                              (exit 134); then every department preset runs once through it.
#                              The viewer is not built here (its tests need ImGui, GLFW and an
#                              OpenGL context from unsanitized system libraries).
#   scripts/sanitize.sh tsan   ThreadSanitizer: the parallel runner's tests (jobs and logical
#                              processes) and PHOLD's on many threads; with
#                              CSSIM_TSAN_CLI=1 also the CLI's thread-count determinism,
#                              interrupt and compare tests against a TSan-built `cssim`.
#                              Debian's libtbb.so is not built with -fsanitize=thread, so
#                              run_jobs annotates the two hand-offs TBB guarantees
#                              (__tsan_release/__tsan_acquire) and tests/reliability/tsan.supp
#                              silences races whose racing frame is inside TBB's own headers;
#                              a race in a job body is still reported (docs/reliability.md).
#   scripts/sanitize.sh        both.
#
# Under ASan the whole-model statistical tests are left out (CSSIM_SANITIZE_SKIP, a gtest
# filter): DepartmentCalibration, DepartmentFaceValidity and SystemEffects each run 10-year
# department replications by the dozen (40-60 s apiece in Release, several minutes each
# under ASan) to check calibrated outputs, not memory safety; the same model code runs under
# ASan in the DepartmentModel, reader, CLI, sweep and reliability tests. Nothing else is
# skipped, and the statistical tests still run unsanitized in scripts/test.sh.
#
# Builds are RelWithDebInfo at -O1 -g1 (fast enough; -g1 keeps the line tables that stack
# traces need and builds and links faster than -g) and unity builds (CMAKE_UNITY_BUILD: a
# target's files compiled eight to a translation unit, so gtest, nlohmann/json and CLI11 are
# parsed and their templates compiled once per eight files; the few files and test binaries
# that repeat a neighbour's file-local names opt out in their CMakeLists.txt). Same code, same
# tests, same sanitizer flags: only the grouping of the compilation differs. The test binaries
# run slowest first, CSSIM_SANITIZE_TEST_JOBS at a time (default 1). CSSIM_JOBS sets the
# parallelism (default 2); CSSIM_SANITIZE_TESTS overrides the ASan test list (space-separated
# binary names, e.g. "cssim_core_tests cssim_department_tests"); CSSIM_SANITIZE_SKIP="" runs
# the statistical tests too. Each binary's wall time is printed (docs/reliability.md).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=${CSSIM_JOBS:-2}
mode=${1:-all}
common=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1"
        -DCMAKE_UNITY_BUILD=ON -DCSSIM_BUILD_VIEWER=OFF -DCSSIM_BUILD_BENCHMARKS=OFF
        -DCSSIM_BUILD_TESTS=ON)

# Path of a test binary inside a build folder (they mirror the source tree).
binary() { find "$1/tests" -type f -name "$2" -perm -u+x | head -n 1; }

# Background jobs of run_asan: its locals `running` and `failed` are visible here (bash's dynamic
# scope). wait_for_a_slot waits for one job when test_jobs are running; wait_for_all for every one.
wait_for_a_slot() {
    if ((running >= test_jobs)); then
        wait -n || failed=1
        running=$((running - 1))
    fi
}
wait_for_all() {
    while ((running > 0)); do
        wait -n || failed=1
        running=$((running - 1))
    done
}

run_asan() {
    local dir=${CSSIM_ASAN_DIR:-$root/build-asan}
    # Every GoogleTest binary the build defines (the viewer is not built here, see below), so a
    # new test binary is sanitized without anyone remembering to list it.
    local all_tests
    all_tests=$(grep -rhoE 'cssim_add_gtest\((cssim_[a-z_]+)' "$root/tests" --include=CMakeLists.txt |
        sed 's/cssim_add_gtest(//' | grep -v '^cssim_viewer' | sort -u | tr '\n' ' ')
    local tests=(${CSSIM_SANITIZE_TESTS:-$all_tests})
    local skip=${CSSIM_SANITIZE_SKIP-DepartmentCalibration.*:DepartmentFaceValidity.*:SystemEffects.*}
    cmake -S "$root" -B "$dir" "${common[@]}" "-DCSSIM_SANITIZE=address;undefined" >/dev/null
    # The CLI and reliability tests run the `cssim` binary; the others do not need it built.
    local extra=()
    if [[ " ${tests[*]} " == *" cssim_cli_tests "* || " ${tests[*]} " == *" cssim_sweep_tests "* ||
          " ${tests[*]} " == *" cssim_reliability_tests "* || " ${tests[*]} " == *" cssim_analyst_tests "* ]]; then
        extra=(cssim)
    fi
    cmake --build "$dir" -j "$jobs" --target "${extra[@]}" "${tests[@]}"
    export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    local filter=()
    if [[ -n "$skip" ]]; then
        filter=("--gtest_filter=-$skip")
    fi
    # The binaries run CSSIM_SANITIZE_TEST_JOBS at a time (default 1: two at once on 2 loaded
    # cores made StoreSafety.InterruptedMergeExits130..., whose SIGINT comes 150 ms after the
    # start, hit an ASan-built cssim before its handler was installed), the longest first;
    # each one's output is kept and shown if it fails.
    local test_jobs=${CSSIM_SANITIZE_TEST_JOBS:-1}
    local logs start=$SECONDS failed=0 running=0 t
    logs=$(mktemp -d)
    for t in $(longest_first "${tests[@]}"); do
        wait_for_a_slot
        asan_test "$dir" "$t" "$logs" "${filter[@]}" &
        running=$((running + 1))
    done
    wait_for_all
    # The statistical suites left out above check calibrated outputs; what they would add under
    # ASan is the code paths of every preset (inspection waves, blame culture, collapse...).
    # Those run here: each shipped department preset, one replication of three years with
    # detail, through the sanitized cssim (any report aborts the run and fails this step).
    local p
    for p in "$root"/scenarios/*.json; do
        wait_for_a_slot
        asan_preset "$dir" "$p" "$logs" &
        running=$((running + 1))
    done
    wait_for_all
    rm -rf "$logs"
    if ((failed)); then
        echo "== ASan+UBSan: FAILED (see above)" >&2
        return 1
    fi
    echo "== ASan+UBSan: every test binary and department preset ran clean in $((SECONDS - start)) s"
}

# The ASan test binaries, slowest first (their times under ASan are in docs/reliability.md);
# binaries not named here follow in the order given.
longest_first() {
    local slow=(cssim_reliability_tests cssim_sweep_tests cssim_workshop_cli_tests
                cssim_analyst_tests cssim_department_tests cssim_queue_tests cssim_cli_tests)
    local t s
    for s in "${slow[@]}"; do
        for t in "$@"; do [[ "$t" == "$s" ]] && echo "$t"; done
    done
    for t in "$@"; do
        [[ " ${slow[*]} " == *" $t "* ]] || echo "$t"
    done
}

# asan_test DIR BINARY LOGS [gtest args]: one test binary, its output shown if it fails.
asan_test() {
    local dir=$1 t=$2 logs=$3 start=$SECONDS
    shift 3
    if (cd "$dir" && "$(binary "$dir" "$t")" --gtest_brief=1 "$@") >"$logs/$t.log" 2>&1; then
        echo "== ASan+UBSan: $t passed in $((SECONDS - start)) s"
    else
        cat "$logs/$t.log"
        echo "== ASan+UBSan: $t FAILED after $((SECONDS - start)) s" >&2
        return 1
    fi
}

# asan_preset DIR SCENARIO LOGS: one replication of three years of a preset, with detail.
asan_preset() {
    local dir=$1 p=$2 logs=$3 name start=$SECONDS
    name=$(basename "$p" .json)
    if (cd "$dir" && ./cli/cssim run "$p" --replications 1 --threads 1 --quiet \
            --set run.years=3 --set run.warmup_years=1 --out "$logs/preset-$name") \
        >"$logs/preset-$name.log" 2>&1; then
        echo "== ASan+UBSan: preset $name ran clean in $((SECONDS - start)) s"
    else
        cat "$logs/preset-$name.log"
        echo "== ASan+UBSan: preset $name FAILED" >&2
        return 1
    fi
}

run_tsan() {
    local dir=${CSSIM_TSAN_DIR:-$root/build-tsan}
    cmake -S "$root" -B "$dir" "${common[@]}" -DCSSIM_SANITIZE=thread >/dev/null
    local targets=(cssim_parallel_tests cssim_phold_tests)
    if [[ "${CSSIM_TSAN_CLI:-0}" == "1" ]]; then
        targets+=(cssim cssim_cli_tests)
    fi
    cmake --build "$dir" -j "$jobs" --target "${targets[@]}"
    # Only races inside TBB's own headers are suppressed (see the file for why).
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/reliability/tsan.supp"
    echo "== TSan: cssim_parallel_tests"
    (cd "$dir" && "$(binary "$dir" cssim_parallel_tests)" --gtest_brief=1)
    # PHOLD's logical processes exchange messages across the run's threads at every epoch.
    echo "== TSan: cssim_phold_tests"
    (cd "$dir" && "$(binary "$dir" cssim_phold_tests)" --gtest_brief=1)
    if [[ "${CSSIM_TSAN_CLI:-0}" == "1" ]]; then
        echo "== TSan: cssim_cli_tests (thread-count determinism, interrupts)"
        (cd "$dir" && "$(binary "$dir" cssim_cli_tests)" --gtest_brief=1 \
            --gtest_filter='Cli.OutputsAreByteIdentical*:Cli.Interrupt*:Cli.Compare*')
    fi
}

case "$mode" in
    asan) run_asan ;;
    tsan) run_tsan ;;
    all) run_asan; run_tsan ;;
    *) echo "usage: $0 [asan|tsan|all]" >&2; exit 64 ;;
esac
echo "sanitizers: clean"
