#!/usr/bin/env bash
# Installs everything cssim needs to build, test and benchmark, from Debian 12 packages only.
# Idempotent: packages already present are left alone. Must run as root (or with sudo available).
#
#   bash scripts/install-deps.sh          # build, test, viewer and benchmark dependencies
# slurm-wlm and munge are for the single-node Slurm test (tests/slurm/, CTest label "slurm"):
# it starts its own daemons in a temp dir and needs no configuration under /etc.
# chromium renders `cssim report`'s page headless in the browser test (tests/cli/report_*).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    libboost-graph-dev libtbb-dev nlohmann-json3-dev libcli11-dev libsqlite3-dev sqlite3
    libgtest-dev libgmock-dev libbenchmark-dev
    libimgui-dev libglfw3-dev libstb-dev libgl-dev fonts-dejavu-core
    xvfb xauth
    python3 python3-simpy python3-jsonschema
    clang clang-format libclang-rt-14-dev
    slurm-wlm munge
    chromium
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages present" >&2
    exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
