#!/usr/bin/python3
"""Benchmark peer: the reference queue (M/M/c, optional capacity) in SimPy 2.3.

Run with Debian's /usr/bin/python3 and python3-simpy (SimPy 2.3, the classic process API).
Same model as models/queue: exponential inter-arrival and service times (days), FIFO, `servers`
servers, arrivals that find `capacity` customers present are blocked. Prints one JSON object:
customers generated, wall seconds, customers per second and the mean wait (a sanity check
against theory: 0.4486 days for M/M/5/12 at rho 0.9, 1.525 for M/M/5).
"""
import argparse
import json
import random
import time

from SimPy.Simulation import (Process, Resource, activate, hold, initialize, now, release,
                              request, simulate)


class Stats:
    def __init__(self):
        self.waits = 0.0
        self.started = 0
        self.blocked = 0
        self.in_system = 0


class Customer(Process):
    def visit(self, server, service_mean, rng, stats):
        arrived = now()
        yield request, self, server
        stats.waits += now() - arrived
        stats.started += 1
        yield hold, self, rng.expovariate(1.0 / service_mean)
        yield release, self, server
        stats.in_system -= 1


class Source(Process):
    def generate(self, customers, arrival_mean, service_mean, capacity, server, rng, stats):
        for _ in range(customers):
            if capacity is not None and stats.in_system >= capacity:
                stats.blocked += 1
            else:
                stats.in_system += 1
                customer = Customer()
                activate(customer, customer.visit(server, service_mean, rng, stats))
            yield hold, self, rng.expovariate(1.0 / arrival_mean)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100000)
    parser.add_argument("--servers", type=int, default=5)
    parser.add_argument("--capacity", type=int, default=12, help="0 = unlimited")
    parser.add_argument("--arrival-mean", type=float, default=0.2222222)
    parser.add_argument("--service-mean", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    stats = Stats()
    start = time.perf_counter()
    initialize()
    server = Resource(capacity=args.servers, name="servers", unitName="server")
    source = Source()
    activate(source, source.generate(args.customers, args.arrival_mean, args.service_mean,
                                     args.capacity or None, server, rng, stats))
    simulate(until=1e18)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "customers": args.customers,
        "seconds": seconds,
        "customers_per_s": args.customers / seconds,
        "blocked": stats.blocked,
        "wait_mean_days": stats.waits / max(stats.started, 1),
    }))


if __name__ == "__main__":
    main()
