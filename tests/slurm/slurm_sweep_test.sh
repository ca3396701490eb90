#!/bin/bash
# Real single-node Slurm test of sharded sweeps (CTest label "slurm").
#
# Starts its own munged, slurmctld and slurmd from Debian's munge and slurm-wlm packages with a
# throw-away configuration in a temp dir (nothing under /etc is touched), submits a small sweep
# as a job array of 3 shards plus a dependent merge job (scripts/slurm/submit-sweep.sh), waits
# with a bounded timeout, and checks that the merged outputs are byte-identical to a
# single-process run. Stops the daemons it started and removes the temp dir on any exit.
#
#   tests/slurm/slurm_sweep_test.sh CSSIM_BINARY SOURCE_DIR
# Exit: 0 pass, 1 fail, 77 skipped (slurm or munge binaries absent, or not root).
set -uo pipefail
cssim=$(realpath "${1:?usage: slurm_sweep_test.sh CSSIM SOURCE_DIR}")
source_dir=$(realpath "${2:?usage: slurm_sweep_test.sh CSSIM SOURCE_DIR}")
timeout_s=${SLURM_TEST_TIMEOUT:-90}

skip() { echo "SKIP: $*"; exit 77; }
for b in munged slurmctld slurmd sbatch squeue scontrol; do
    command -v "$b" >/dev/null 2>&1 || [ -x "/usr/sbin/$b" ] || skip "$b not installed (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" -eq 0 ] || skip "must run as root (it starts slurmd, which runs jobs as their user)"
PATH=$PATH:/usr/sbin

tmp=$(mktemp -d /tmp/cssim-slurm.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for f in "$tmp"/slurmctld.log "$tmp"/slurmd.log "$tmp"/out/*.out; do
        [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }
    done
    exit 1
}

# Free TCP ports for the two daemons (so that a real Slurm on this host is not disturbed).
read -r port_ctld port_d < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

# munge: our own key, socket and state, all in the temp dir.
mkdir -m 700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
munged --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
    --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" \
    --seed-file="$tmp/munge/munged.seed" || fail "munged did not start"
for _ in $(seq 50); do [ -s "$tmp/munge/munged.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$tmp/munge/munged.pid")")

# slurm.conf: one node with this machine's real CPUs and memory.
read -r cpus mem < <(slurmd -C | awk '/NodeName/ {for (i = 1; i <= NF; i++) {split($i, kv, "=");
    if (kv[1] == "CPUs") c = kv[2]; if (kv[1] == "RealMemory") m = kv[2]}} END {print c, m}')
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/out"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=cssimtest
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port_ctld
SlurmdPort=$port_d
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -f "$SLURM_CONF" -i || fail "slurmctld did not start"
for _ in $(seq 50); do [ -s "$tmp/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$tmp/slurmctld.pid")")
slurmd -f "$SLURM_CONF" -N localhost || fail "slurmd did not start"
for _ in $(seq 50); do [ -s "$tmp/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$tmp/slurmd.pid")")
ready=0
for _ in $(seq 100); do
    state=$(sinfo -h -n localhost -o %t 2>/dev/null)
    case "$state" in idle*|mix*|alloc*) ready=1; break ;; esac
    sleep 0.2
done
[ "$ready" = 1 ] || fail "the node did not come up (sinfo state '$state')"

# The sweep: a 3 x 2 grid over a small queue, 3 replications per point (18 jobs).
cat > "$tmp/q.json" <<'JSON'
{"model": "queue", "name": "q", "arrival": {"distribution": "exponential", "mean": 0.6},
 "service": {"distribution": "exponential", "mean": 1.0}, "servers": 2,
 "horizon_days": 5000, "warmup_days": 100, "seed": 7}
JSON
cat > "$tmp/sweep.json" <<'JSON'
{"name": "slurm_test", "base": "q.json",
 "factors": [{"path": "servers", "levels": [2, 3, 4]}, {"path": "service.mean", "levels": [0.8, 1.0]}],
 "design": {"type": "grid"}, "replications": 3, "seed": 99}
JSON
"$cssim" sweep "$tmp/sweep.json" --out "$tmp/single" -q >/dev/null || fail "single-process sweep"

export CSSIM=$cssim
submitted=$("$source_dir/scripts/slurm/submit-sweep.sh" "$tmp/sweep.json" "$tmp/out" 3 \
    --cpus-per-task=1) || fail "submission failed"
echo "$submitted"
merge_id=$(echo "$submitted" | sed -n 's/.*merge job \([0-9]*\).*/\1/p')
deadline=$((SECONDS + timeout_s))
while [ $SECONDS -lt $deadline ]; do
    [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
    sleep 1
done
[ -z "$(squeue -h -o %i)" ] || fail "jobs still queued after ${timeout_s}s: $(squeue -h)"
merge_state=$(scontrol show job "$merge_id" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
[ "$merge_state" = COMPLETED ] || fail "merge job $merge_id ended $merge_state"

status=0
for f in replications.csv points.csv summary.json design.csv sweep-state.json; do
    if cmp -s "$tmp/single/$f" "$tmp/out/merged/$f"; then
        echo "identical: $f"
    else
        echo "DIFFERS: $f"; status=1
    fi
done
[ $status = 0 ] || fail "merged outputs differ from the single-process run"
echo "PASS: 3 Slurm array shards merged == single process"
