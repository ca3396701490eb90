#!/bin/bash
# Submits a cssim sweep as a Slurm job array of N shards plus a dependent merge job.
#   scripts/slurm/submit-sweep.sh SWEEP.json OUT_DIR N [extra sbatch options...]
# Prints the two job ids. Results: OUT_DIR/merged. Set CSSIM to the cssim binary if it is not
# on the compute nodes' PATH (it is passed to the jobs through the environment).
set -euo pipefail
sweep=${1:?usage: submit-sweep.sh SWEEP.json OUT_DIR N [sbatch options...]}
out=${2:?usage: submit-sweep.sh SWEEP.json OUT_DIR N [sbatch options...]}
n=${3:?usage: submit-sweep.sh SWEEP.json OUT_DIR N [sbatch options...]}
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
array=$(sbatch --parsable --export=ALL --array=0-$((n - 1)) --output="$out/sweep-%A_%a.out" \
    "$@" "$here/sweep-array.sbatch" "$sweep" "$out")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
    --output="$out/merge-%j.out" "$@" "$here/merge.sbatch" "$out")
echo "array job $array ($n shards), merge job $merge -> $out/merged"
