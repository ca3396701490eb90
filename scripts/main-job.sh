#!/usr/bin/env bash
# Installs the dependencies, builds cssim and runs the main job on its default scenarios:
# no admin support against one PA per three social workers, with common random numbers,
# printing the paired comparison of every required metric. Output folders go under results/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CSSIM_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
cd "$root"
"$build_dir/cli/cssim" compare scenarios/no_admin_support.json scenarios/pa_one_per_three.json "$@"
