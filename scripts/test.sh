#!/usr/bin/env bash
# Installs the dependencies, builds cssim and runs every test. This is what CI runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CSSIM_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cd "$build_dir"
ctest --output-on-failure -j "${CSSIM_JOBS:-2}" --timeout 900
