#!/usr/bin/env bash
# Configures and builds cssim in build/ (Release). Extra arguments go to cmake's configure step.
#   bash scripts/build.sh                 # everything, including the viewer and benchmarks
#   bash scripts/build.sh -DCSSIM_BUILD_VIEWER=OFF
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CSSIM_BUILD_DIR:-$root/build}
jobs=${CSSIM_JOBS:-2}
generator=()
if command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
elif [[ $# -gt 0 ]]; then
    cmake -S "$root" -B "$build_dir" "$@"
fi
cmake --build "$build_dir" -j "$jobs"
