#!/usr/bin/python3
"""Reference-queue benchmark against its peers, in one invocation: in process and whole process.

In process: cssim_bench_queue (Google Benchmark: the cssim model through the code `cssim run`
uses, and the hand-written flat event loop). Whole process: `cssim run` of the same scenario (one
replication of 10^6 customers, one thread, start-up, scenario loading and every output file
included), timed as a child process, and the SimPy 2.3 model (tests/benchmarks/peers/simpy_mm5.py
with /usr/bin/python3), timed both inside (its own clock) and as a whole process. Prints
customers per second and the ratios against the targets of issue 13 (whole process: cssim >=
0.75x the flat loop and >= 50x SimPy). M/M/5 at rho = 0.9: as scenarios/queue/mm5.json
(capacity 12) and without capacity. SimPy runs fewer customers (it is ~100x slower); rates are
per customer, so they compare. Whole-process figures are medians of --process-runs runs; both
wall-clock and CPU (user + sys of the child) rates are printed, because on a busy machine the
wall clock also measures the other processes. The load average is printed with the results,
and so are the best whole-process run by CPU, the minor page faults per `cssim run`, and what
faulting in a fresh page of memory costs on the machine before and after (first_touch_us_per_page:
on this virtual machine from ~1.5 us to ~60 us a page, which moves every whole-process figure).

Usage: scripts/bench_queue_peers.py [--build-dir build] [--simpy-customers 200000]
Standard library only.
"""
import argparse
import csv
import datetime
import json
import mmap
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench_machine import machine_line  # beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))



def run_benchmark(binary, min_time, repetitions):
    cmd = [binary, "--benchmark_format=json", f"--benchmark_min_time={min_time}",
           f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rates = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("error_occurred"):
            sys.exit(f"{b['name']}: {b.get('error_message')}")
        if b.get("aggregate_name", "median") != "median":
            continue
        name = b.get("run_name", b["name"])  # e.g. BM_QueueModelMM5/unlimited:0
        rates[name] = b["customers_per_s"]
    return rates


def timed_process(cmd, faults=None):
    """Runs cmd; returns (stdout, wall seconds, CPU seconds of the child: user + sys).
    Appends the child's minor page faults to `faults` when given."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if faults is not None:
        faults.append(after.ru_minflt - before.ru_minflt)
    return out, wall, cpu


def first_touch_us_per_page(megabytes=8):
    """Microseconds to fault in one fresh 4 KiB page of anonymous memory (`megabytes` of them).

    On a virtual machine whose host takes back the guest's free memory (free page reporting,
    as on this Firecracker VM), a page the guest has not touched for a while costs a fault in
    the host too: from ~1.5 us to ~60 us per page. Every process pays that for the memory it
    touches first and for the page cache of the files it writes, so the whole-process figures
    move with it while the in-process ones (memory reused) do not. Printed to say which state
    the machine was in."""
    size = megabytes << 20
    area = mmap.mmap(-1, size)
    start = time.perf_counter()
    for offset in range(0, size, 4096):
        area[offset] = 1
    elapsed = time.perf_counter() - start
    area.close()
    return elapsed / (size // 4096) * 1e6


def run_simpy(customers, capacity):
    script = os.path.join(ROOT, "tests", "benchmarks", "peers", "simpy_mm5.py")
    out, wall, cpu = timed_process(["/usr/bin/python3", script, "--customers", str(customers),
                                    "--capacity", str(capacity)])
    result = json.loads(out)
    result["process_wall_rate"] = customers / wall
    result["process_cpu_rate"] = customers / cpu
    return result


def run_cssim_process(cssim, unlimited, runs):
    """Whole-process rates of `cssim run` (10^6 customers, one replication, one thread): median
    by wall clock, median and best by CPU, and the median minor page faults per process."""
    scenario = os.path.join(ROOT, "scenarios", "queue", "mm5.json")
    sets = ["horizon_days=222222.2", "warmup_days=0"] + (["capacity=null"] if unlimited else [])
    walls, cpus, faults, customers = [], [], [], 0
    workdir = tempfile.mkdtemp(prefix="cssim-bench-")
    try:
        for i in range(runs):
            out_dir = os.path.join(workdir, f"run{i}")
            cmd = [cssim, "run", scenario, "--replications", "1", "--threads", "1", "--quiet",
                   "--out", out_dir]
            for s in sets:
                cmd += ["--set", s]
            _, wall, cpu = timed_process(cmd, faults)
            walls.append(wall)
            cpus.append(cpu)
            with open(os.path.join(out_dir, "replications.csv")) as f:
                for row in csv.DictReader(f):
                    if row["period"] == "all" and row["metric"] == "arrivals":
                        customers = float(row["value"])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return (customers / statistics.median(walls), customers / statistics.median(cpus),
            customers / min(cpus), statistics.median(faults))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    parser.add_argument("--simpy-customers", type=int, default=200000)
    parser.add_argument("--min-time", default="2", help="seconds per Google Benchmark case")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--process-runs", type=int, default=5,
                        help="whole-process runs of `cssim run` per queue (median)")
    args = parser.parse_args()

    binary = os.path.join(args.build_dir, "tests", "benchmarks", "cssim_bench_queue")
    cssim = os.path.join(args.build_dir, "cli", "cssim")
    for path, target in ((binary, "cssim_bench_queue"), (cssim, "cssim")):
        if not os.path.exists(path):
            sys.exit(f"{path} not found: build the {target} target (Release) first")

    print(f"{machine_line()}; python {platform.python_version()}")
    print(f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    load_before = os.getloadavg()
    touch_before = first_touch_us_per_page()
    rates = run_benchmark(binary, args.min_time, args.repetitions)
    rows = []
    for label, arg, capacity in (("M/M/5/12 (mm5.json)", 0, 12), ("M/M/5 unlimited", 1, 0)):
        model = rates[f"BM_QueueModelMM5/unlimited:{arg}"]
        flat = rates[f"BM_FlatLoopMM5/unlimited:{arg}"]
        wall, cpu, best_cpu, faults = run_cssim_process(cssim, arg == 1, args.process_runs)
        simpy = run_simpy(args.simpy_customers, capacity)
        rows.append((label, model, flat, wall, cpu, simpy, best_cpu, faults))
    load_after = os.getloadavg()
    touch_after = first_touch_us_per_page()

    print()
    print("In process (Google Benchmark; CPU time):")
    print()
    print("| queue | cssim model (customers/s) | flat loop | SimPy 2.3 (own clock) "
          "| model / flat | model / SimPy |")
    print("|---|---|---|---|---|---|")
    for label, model, flat, _, _, simpy, _, _ in rows:
        print(f"| {label} | {model / 1e6:.2f} M | {flat / 1e6:.2f} M "
              f"| {simpy['customers_per_s'] / 1e3:.0f} k | {model / flat:.2f} "
              f"| {model / simpy['customers_per_s']:.0f} |")
    print()
    print("Whole process (`cssim run`, 10^6 customers, one thread, outputs written; SimPy as a "
          "python3 process), wall clock [CPU]:")
    print()
    print("| queue | cssim run (customers/s) | SimPy 2.3 process | cssim / flat loop "
          "(target >= 0.75) | cssim / SimPy (target >= 50) |")
    print("|---|---|---|---|---|")
    ok = True
    for label, _, flat, wall, cpu, simpy, _, _ in rows:
        s_wall, s_cpu = simpy["process_wall_rate"], simpy["process_cpu_rate"]
        ok = ok and cpu / flat >= 0.75 and cpu / s_cpu >= 50
        print(f"| {label} | {wall / 1e6:.2f} M [{cpu / 1e6:.2f} M] "
              f"| {s_wall / 1e3:.0f} k [{s_cpu / 1e3:.0f} k] "
              f"| {wall / flat:.2f} [{cpu / flat:.2f}] | {wall / s_wall:.0f} [{cpu / s_cpu:.0f}] |")
    print()
    print("Whole process, best of the runs by CPU (the run least slowed by the machine), and "
          "minor page faults per `cssim run` (median):")
    print()
    print("| queue | cssim run best CPU (customers/s) | best / flat loop | page faults |")
    print("|---|---|---|---|")
    for label, _, flat, _, _, _, best_cpu, faults in rows:
        print(f"| {label} | {best_cpu / 1e6:.2f} M | {best_cpu / flat:.2f} | {faults:.0f} |")
    print()
    print(f"cssim and flat loop: 10^6 customers per iteration, median of {args.repetitions} "
          f"repetitions; cssim run: median of {args.process_runs} processes; SimPy: "
          f"{args.simpy_customers} customers, one process.")
    print("SimPy wait_mean_days (sanity; theory 0.4486 and 1.525): " +
          ", ".join(f"{r[5]['wait_mean_days']:.3f}" for r in rows))
    print("load average (1, 5, 15 min) before: " + ", ".join(f"{x:.2f}" for x in load_before) +
          "; after: " + ", ".join(f"{x:.2f}" for x in load_after))
    print(f"first touch of a fresh 4 KiB page (8 MB, see first_touch_us_per_page): "
          f"{touch_before:.1f} us before, {touch_after:.1f} us after")
    print("targets met (CPU rates)" if ok else "TARGETS NOT MET (CPU rates)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
