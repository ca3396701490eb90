#!/usr/bin/python3
"""Runs the hold-model benchmark of the event queues and prints throughputs and ratios.

Each benchmark (queue x pending-event count) runs in its own process, and the medians of the
repetitions are tabled against std::priority_queue at the same size. Memory per pending event is
reported twice: the queue's own count (memory_bytes() / size) and the peak resident set size
(VmHWM) of a probe process (the binary's --rss_probe=QUEUE/N mode) less that of an empty probe,
divided by N.

    python3 scripts/bench_calendar.py [--binary build/tests/benchmarks/cssim_bench_calendar]
                                      [--repetitions 5] [--min-time 0.5] [--json-out FILE]

Standard library only (runs with Debian's /usr/bin/python3).
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

BASELINE = "std_priority_queue"
DEFAULT_QUEUE = "adaptive"  # what make_event_queue() and Simulation use
TARGET_RATIO = 1.5


def find_binary(explicit):
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    for build in sorted(os.listdir(root)):
        candidate = os.path.join(root, build, "tests", "benchmarks", "cssim_bench_calendar")
        if build.startswith("build") and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("bench_calendar.py: no cssim_bench_calendar found; build it or pass --binary")


def list_benchmarks(binary):
    out = subprocess.run([binary, "--benchmark_list_tests=true"], check=True,
                         capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def peak_rss_kib(binary, queue, n):
    """Peak RSS (KiB) of a probe process that fills `queue` with n events and holds n times."""
    done = subprocess.run([binary, "--rss_probe=%s/%d" % (queue, n)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        sys.exit("bench_calendar.py: rss probe %s/%d failed" % (queue, n))
    return int(done.stdout.split()[3])


def run_one(binary, name, repetitions, min_time):
    """Runs one benchmark in a fresh process; returns its median entry and the context."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out_path = tmp.name
    args = [binary, "--benchmark_filter=^" + name + "$", "--benchmark_format=json",
            "--benchmark_out=" + out_path, "--benchmark_out_format=json",
            "--benchmark_min_time=%g" % min_time,
            "--benchmark_repetitions=%d" % repetitions]
    code = subprocess.run(args, stdout=subprocess.DEVNULL).returncode
    if code != 0:
        sys.exit("bench_calendar.py: %s failed with exit code %d" % (name, code))
    with open(out_path) as f:
        report = json.load(f)
    os.unlink(out_path)
    runs = [b for b in report["benchmarks"] if b.get("run_type") == "iteration"]
    rates = sorted(b["items_per_second"] for b in runs)
    median_rate = rates[len(rates) // 2] if len(rates) % 2 else \
        0.5 * (rates[len(rates) // 2 - 1] + rates[len(rates) // 2])
    entry = dict(runs[0])
    entry["items_per_second"] = median_rate
    entry["items_per_second_all"] = rates
    return entry, report.get("context", {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="path to cssim_bench_calendar")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds per repetition")
    parser.add_argument("--json-out", help="also write the raw results here")
    args = parser.parse_args()

    binary = find_binary(args.binary)
    results = {}  # (queue, pending) -> dict
    context = {}
    for name in list_benchmarks(binary):
        parts = name.split("/")  # BM_Hold/<queue>/<pending>
        queue, pending = parts[1], int(parts[2])
        entry, context = run_one(binary, name, args.repetitions, args.min_time)
        probe_queue = DEFAULT_QUEUE if queue == "default_via_interface" else queue
        results[(queue, pending)] = {
            "ns_per_hold": 1e9 / entry["items_per_second"],
            "holds_per_second": entry["items_per_second"],
            "all_rates": entry["items_per_second_all"],
            "bytes_per_event": entry.get("bytes_per_event", float("nan")),
            "rss_bytes_per_event": (peak_rss_kib(binary, probe_queue, pending) -
                                    peak_rss_kib(binary, probe_queue, 0)) * 1024.0 / pending,
        }
        print("  ran %-40s %8.1f ns/hold" % (name, results[(queue, pending)]["ns_per_hold"]),
              file=sys.stderr)

    sizes = sorted({p for _, p in results})
    queues = [BASELINE] + sorted({q for q, _ in results if q != BASELINE},
                                 key=lambda q: (q != DEFAULT_QUEUE, q))
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    print("Hold model, %s, %d CPUs, %s, %s UTC" % (cpu, os.cpu_count(), platform.platform(),
                                                  time.strftime("%Y-%m-%d %H:%M",
                                                                time.gmtime())))
    print("median of %d repetitions x %.2g s; ratio = throughput / std::priority_queue's"
          % (args.repetitions, args.min_time))
    print()
    print("| queue | pending | ns/hold | Mholds/s | ratio | bytes/event | RSS bytes/event |")
    print("|" + "---|" * 7)
    verdicts = []
    for queue in queues:
        for n in sizes:
            r = results.get((queue, n))
            if r is None:
                continue
            base = results.get((BASELINE, n))
            ratio = r["holds_per_second"] / base["holds_per_second"] if base else float("nan")
            # Below ~10^5 events the queue is lost in page granularity and allocator slack.
            rss = "%.0f" % r["rss_bytes_per_event"] if n >= 100000 else "-"
            print("| %s | %d | %.1f | %.2f | %.2f | %.1f | %s |" % (
                queue, n, r["ns_per_hold"], r["holds_per_second"] / 1e6, ratio,
                r["bytes_per_event"], rss))
            if queue == DEFAULT_QUEUE:
                verdicts.append((n, ratio))
    print()
    for n, ratio in verdicts:
        print("default queue (%s) at %d pending: %.2fx std::priority_queue -> %s" % (
            DEFAULT_QUEUE, n, ratio,
            "meets" if ratio >= TARGET_RATIO else "MISSES", ) + " the %.1fx target" % TARGET_RATIO)
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump({"context": context,
                       "results": {"%s/%d" % k: v for k, v in results.items()}}, f, indent=1)


if __name__ == "__main__":
    main()
