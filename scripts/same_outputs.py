#!/usr/bin/env python3
"""Checks that two cssim binaries give the same outputs, byte for byte, for base and presets.

For speed work: build the old and the new commit, then
    scripts/same_outputs.py OLD/cssim NEW/cssim
runs each scenario below with both binaries (same seed, replications and detail) and compares
replications.csv, summary.json and every table of the run archive (all rows, BLOBs by hash).
Only the run's own metadata may differ (wall time, command line, threads, commit, creation
time). Exit 0 when everything is identical, 1 otherwise, 2 on a failed run.
"""
import argparse
import hashlib
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (name, scenario, extra arguments): base with three replications, presets with two, a few
# with one thread or another seed, so thread count and seed handling are covered too. base.json
# runs in teams (practice model transfer), so base and its presets cover the teams; the teams
# presets besides are manager_absence, financial_collapse, blame_culture and teams_same_worker
# (practice model same_worker). About 1.8 s of CPU a run: 18 runs, 32 s of CPU in all (3 min
# wall on a 2-core machine busy with other builds).
RUNS = [
    ("base", "base.json", ["-r", "3", "--detail", "1"]),
    ("agency", "agency_heavy.json", ["-r", "2", "--detail", "1", "-t", "1"]),
    ("blame", "blame_culture.json", ["-r", "2", "--detail", "2"]),
    ("collapse", "financial_collapse.json", ["-r", "2", "--detail", "1", "-t", "1"]),
    ("pa3", "pa_one_per_three.json", ["-r", "2", "--detail", "1"]),
    ("surge", "referral_surge.json", ["-r", "2", "--detail", "1", "-s", "7", "-t", "1"]),
    ("manager", "manager_absence.json", ["-r", "2", "--detail", "1"]),
    ("learning", "learning_culture.json", ["-r", "2", "--detail", "1", "-t", "1"]),
    ("same_worker", "teams_same_worker.json", ["-r", "2", "--detail", "1", "-s", "11"]),
]
RUN_METADATA = {"wall_seconds", "command_line", "threads", "created_utc", "git_sha"}


def archive_digest(path):
    """One line per table: name, row count, hash of all rows in key order."""
    db = sqlite3.connect(path)
    lines = []
    tables = db.execute("select name from sqlite_master where type='table' order by name")
    for (table,) in tables.fetchall():
        cols = [r[1] for r in db.execute(f'pragma table_info("{table}")')]
        if table == "run":
            cols = [c for c in cols if c not in RUN_METADATA]
        quoted = ",".join(f'"{c}"' for c in cols)
        digest, rows = hashlib.sha256(), 0
        for row in db.execute(f'select {quoted} from "{table}" order by {quoted}'):
            digest.update(repr([hashlib.sha256(v).hexdigest() if isinstance(v, bytes) else v
                                for v in row]).encode())
            rows += 1
        lines.append(f"{table} {rows} {digest.hexdigest()}")
    db.close()
    return "\n".join(lines)


def run(binary, out, scenario, extra):
    cmd = [binary, "run", str(ROOT / "scenarios" / scenario), *extra, "-q", "--out", str(out)]
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(f"FAILED ({result.returncode}): {' '.join(cmd)}\n{result.stderr}", file=sys.stderr)
        sys.exit(2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the reference cssim binary")
    parser.add_argument("new", help="the cssim binary to check")
    args = parser.parse_args()
    different = 0
    with tempfile.TemporaryDirectory(prefix="cssim-same-") as tmp:
        for name, scenario, extra in RUNS:
            outs = []
            for label, binary in (("old", args.old), ("new", args.new)):
                out = Path(tmp) / label / name
                run(binary, out, scenario, extra)
                outs.append(out)
            for file in ("replications.csv", "summary.json"):
                if (outs[0] / file).read_bytes() != (outs[1] / file).read_bytes():
                    print(f"DIFFERENT {name}/{file}")
                    different += 1
            if archive_digest(outs[0] / "run.sqlite") != archive_digest(outs[1] / "run.sqlite"):
                print(f"DIFFERENT {name}/run.sqlite")
                different += 1
    if different:
        print(f"{different} outputs differ")
        return 1
    print(f"all outputs identical ({len(RUNS)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
