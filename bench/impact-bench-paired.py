#!/usr/bin/env python3
"""Paired, interleaved whole-process benchmark (a program, not a test).

    impact-bench-paired.py [--pairs 20] -- 'COMMAND A' 'COMMAND B' ['COMMAND C' …]

Runs A B (C …) A B … so machine load falls on every command alike, and prints
for each the median CPU time (user + system, of the process and its
children), wall time and peak resident memory, each command's ratio of
median CPU to the first command's (put the floor first to get "× floor"),
and the median of the ratios within each round (a round runs every command
once, one after the other, so a slow minute of the machine weighs on both
sides of its ratio).
"""
import argparse
import os
import shlex
import statistics
import subprocess
import time


def run(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({status}): {cmd}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    results = {c: [] for c in args.commands}
    for c in args.commands:  # warm-up: page cache, fontconfig cache
        run(c)
    for _ in range(args.pairs):
        for c in args.commands:
            results[c].append(run(c))
    first = results[args.commands[0]]
    base = statistics.median(r[0] for r in first)
    for c in args.commands:
        cpu = statistics.median(r[0] for r in results[c]) * 1000
        wall = statistics.median(r[1] for r in results[c]) * 1000
        rss = max(r[2] for r in results[c])
        within = statistics.median(r[0] / f[0] for r, f in zip(results[c], first))
        print(f"{cpu:8.1f} ms CPU  {wall:8.1f} ms wall  {rss:6.1f} MiB peak  "
              f"{cpu / 1000 / base:5.2f}x  (rounds {within:4.2f}x)  {c}")


if __name__ == "__main__":
    main()
