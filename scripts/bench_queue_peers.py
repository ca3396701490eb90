#!/usr/bin/python3
"""Reference-queue benchmark against its peers, in one invocation.

Runs cssim_bench_queue (Google Benchmark: the cssim model through the code `cssim run` uses, and
the hand-written flat event loop), then the SimPy 2.3 model of the same queue
(tests/benchmarks/peers/simpy_mm5.py, with /usr/bin/python3), and prints customers per second
and the ratios against the targets of issue 2 (model >= 0.5x the flat loop, >= 50x SimPy).
M/M/5 at rho = 0.9: as scenarios/queue/mm5.json (capacity 12) and without capacity.
SimPy runs fewer customers (it is ~100x slower); rates are per customer, so they compare.

Usage: scripts/bench_queue_peers.py [--build-dir build] [--simpy-customers 200000]
Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


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


def run_simpy(customers, capacity):
    script = os.path.join(ROOT, "tests", "benchmarks", "peers", "simpy_mm5.py")
    out = subprocess.run(["/usr/bin/python3", script, "--customers", str(customers),
                          "--capacity", str(capacity)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    parser.add_argument("--simpy-customers", type=int, default=200000)
    parser.add_argument("--min-time", default="2", help="seconds per Google Benchmark case")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()

    binary = os.path.join(args.build_dir, "tests", "benchmarks", "cssim_bench_queue")
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: build the cssim_bench_queue target (Release) first")

    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; python {platform.python_version()}")
    print(f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    rates = run_benchmark(binary, args.min_time, args.repetitions)
    rows = []
    for label, arg, capacity in (("M/M/5/12 (mm5.json)", 0, 12), ("M/M/5 unlimited", 1, 0)):
        model = rates[f"BM_QueueModelMM5/unlimited:{arg}"]
        flat = rates[f"BM_FlatLoopMM5/unlimited:{arg}"]
        simpy = run_simpy(args.simpy_customers, capacity)
        rows.append((label, model, flat, simpy["customers_per_s"], simpy["wait_mean_days"]))

    print()
    print("| queue | cssim model (customers/s) | flat loop | SimPy 2.3 | model / flat (target >= 0.5) "
          "| model / SimPy (target >= 50) |")
    print("|---|---|---|---|---|---|")
    ok = True
    for label, model, flat, simpy, _ in rows:
        r_flat, r_simpy = model / flat, model / simpy
        ok = ok and r_flat >= 0.5 and r_simpy >= 50
        print(f"| {label} | {model / 1e6:.2f} M | {flat / 1e6:.2f} M | {simpy / 1e3:.0f} k "
              f"| {r_flat:.2f} | {r_simpy:.0f} |")
    print()
    print(f"cssim and flat loop: 10^6 customers per iteration, median of {args.repetitions} "
          f"repetitions; SimPy: {args.simpy_customers} customers, one run.")
    print("SimPy wait_mean_days (sanity; theory 0.4486 and 1.525): " +
          ", ".join(f"{r[4]:.3f}" for r in rows))
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
