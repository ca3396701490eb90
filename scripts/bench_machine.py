"""What machine a benchmark ran on, for the header every comparison script prints.

Imported by scripts/bench_phold.py and scripts/bench_queue_peers.py (Python puts the running
script's folder first on sys.path). Standard library only.
"""
import os
import platform


def cpu_model():
    """The processor's model name from /proc/cpuinfo, else what platform knows."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_line():
    """One line: processor, core count, kernel."""
    return f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
