#!/usr/bin/python3
"""PHOLD on logical processes against the one-thread limit, in one invocation.

Runs cssim_bench_phold (Google Benchmark): PHOLD with 152 LPs, 16 events each, 10% remote,
lookahead 0.1, mean delay 1, over horizons 200 (about 440,000 events) and 2000 (the scenario's,
about 4.4 million) through models/phold at 1 and 2 threads, and the hand-written sequential loop
(tests/benchmarks/peers/flat_phold_loop.cpp), all in wall-clock time. Prints events per second,
the parallel efficiency at 2 threads (speed-up / 2, target >= 0.85) and the one-thread ratio to
the loop (target >= 0.6) for each horizon, with the load average; the targets are judged on the
scenario's horizon. 2-thread figures mean something only on an otherwise idle machine with 2
free cores.

Also where the time goes (BM_PholdWhereTheTimeGoes: the same runs with LpRunOptions::times):
per epoch and thread, delivering messages, running LPs and waiting for the epoch to complete,
at 1 and 2 threads, and how much more LP time two threads spend than one.

Also the cost of the epoch barrier itself (BM_EpochBarrier: two LPs in two groups with one event
each per epoch, with and without one message each way), in ns per epoch at 1 and 2 threads.

Then, unless --no-ceiling, two copies of the 1-thread case run at the same time as separate
processes: how fast each goes against its solo speed is the most any 2-thread efficiency can be
on this machine (shared caches, memory bandwidth, virtual CPUs that share a physical core).

Usage: scripts/bench_phold.py [--build-dir build] [--min-time 2] [--repetitions 5] [--no-ceiling]
Standard library only.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

from bench_machine import machine_line  # beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def median_rates(output):
    """events_per_s of each benchmark's median, by run name, from Google Benchmark's JSON."""
    rates = {}
    for b in json.loads(output)["benchmarks"]:
        if b.get("aggregate_name", "median") == "median":
            rates[b.get("run_name", b["name"])] = b["events_per_s"]
    return rates


def median_values(output, counter):
    """`counter` of each benchmark's median, by run name, from Google Benchmark's JSON."""
    values = {}
    for b in json.loads(output)["benchmarks"]:
        if b.get("aggregate_name", "median") == "median":
            values[b.get("run_name", b["name"])] = b[counter]
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    parser.add_argument("--min-time", default="2", help="seconds per Google Benchmark case")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--no-ceiling", action="store_true",
                        help="skip the two concurrent 1-thread copies")
    args = parser.parse_args()
    binary = os.path.join(args.build_dir, "tests", "benchmarks", "cssim_bench_phold")
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: build the cssim_bench_phold target (Release) first")

    print(machine_line())
    print(f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    load_before = os.getloadavg()
    cmd = [binary, "--benchmark_format=json", f"--benchmark_min_time={args.min_time}",
           f"--benchmark_repetitions={args.repetitions}", "--benchmark_report_aggregates_only=true"]
    rates = median_rates(subprocess.run(
        cmd + ["--benchmark_filter=BM_Phold(LogicalProcesses|FlatLoop)"], check=True,
        capture_output=True, text=True).stdout)
    where_out = subprocess.run(cmd + ["--benchmark_filter=WhereTheTimeGoes"], check=True,
                               capture_output=True, text=True).stdout
    where = {counter: median_values(where_out, counter)
             for counter in ("deliver_ns", "run_ns", "run_max_ns", "wait_ns")}
    barrier = median_values(subprocess.run(cmd + ["--benchmark_filter=EpochBarrier"], check=True,
                                           capture_output=True, text=True).stdout, "ns_per_epoch")
    ceiling = None
    if not args.no_ceiling:
        solo = cmd + ["--benchmark_filter=BM_PholdLogicalProcesses/threads:1/horizon:2000/"]
        copies = [subprocess.Popen(solo, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        outs = [copy.communicate()[0] for copy in copies]
        if any(copy.returncode != 0 for copy in copies):
            sys.exit("a concurrent copy of the benchmark failed")
        key = "BM_PholdLogicalProcesses/threads:1/horizon:2000/real_time"
        together = [median_rates(out)[key] for out in outs]
        ceiling = sum(together) / (2 * rates[key])
    load_after = os.getloadavg()
    figures = {}
    print()
    print("| PHOLD 152 LPs, 10% remote | horizon 200 (~25 ms runs) | horizon 2000 (the scenario) |")
    print("|---|---|---|")
    for horizon in (200, 2000):
        flat = rates[f"BM_PholdFlatLoop/horizon:{horizon}/real_time"]
        one = rates[f"BM_PholdLogicalProcesses/threads:1/horizon:{horizon}/real_time"]
        two = rates[f"BM_PholdLogicalProcesses/threads:2/horizon:{horizon}/real_time"]
        figures[horizon] = (flat, one, two)
    rows = [("hand-written sequential loop", 0), ("cssim LPs, 1 thread", 1),
            ("cssim LPs, 2 threads", 2)]
    for label, i in rows:
        print(f"| {label} | {figures[200][i] / 1e6:.2f} M events/s | "
              f"{figures[2000][i] / 1e6:.2f} M events/s |")
    print()
    for horizon in (200, 2000):
        flat, one, two = figures[horizon]
        print(f"horizon {horizon}: one thread / sequential loop {one / flat:.2f} (target >= 0.6); "
              f"parallel efficiency at 2 threads {two / one / 2:.2f} (target >= 0.85)")
    print()
    print("epoch barrier (two LPs in two groups, one event each per epoch), ns per epoch:")
    for messages in (0, 1):
        one_b = barrier[f"BM_EpochBarrier/threads:1/messages:{messages}/real_time"] * 1e9
        two_b = barrier[f"BM_EpochBarrier/threads:2/messages:{messages}/real_time"] * 1e9
        what = "one message each way" if messages else "no messages"
        print(f"  {what}: 1 thread {one_b:.0f} ns, 2 threads {two_b:.0f} ns")
    print()
    print("where the time goes, horizon 2000, ns per epoch (BM_PholdWhereTheTimeGoes: the same "
          "runs with LpRunOptions::times, whose clock reads they pay):")
    w1, w2 = ("BM_PholdWhereTheTimeGoes/threads:%d/horizon:2000/real_time" % n for n in (1, 2))
    print(f"  1 thread: delivering {where['deliver_ns'][w1]:.0f}, LPs {where['run_ns'][w1]:.0f}")
    print(f"  2 threads, per thread: delivering {where['deliver_ns'][w2]:.0f}, "
          f"LPs {where['run_ns'][w2]:.0f} (busier thread {where['run_max_ns'][w2]:.0f}), "
          f"waiting for the epoch to complete {where['wait_ns'][w2]:.0f}")
    print(f"  LP time of both threads together / 1 thread's: "
          f"{2 * where['run_ns'][w2] / where['run_ns'][w1]:.3f} (1 = no work lost to the "
          "second core)")
    flat, one, two = figures[2000]
    efficiency = two / one / 2
    if ceiling is not None:
        print(f"two 1-thread copies at once, each against its solo speed: {ceiling:.2f} "
              "(this machine's ceiling for the efficiency)")
    print(f"median of {args.repetitions} repetitions; load average (1, 5, 15 min) before: " +
          ", ".join(f"{x:.2f}" for x in load_before) + "; after: " +
          ", ".join(f"{x:.2f}" for x in load_after))
    ok = one / flat >= 0.6 and efficiency >= 0.85
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
