#!/usr/bin/env python3
"""Summarizes JFR recordings of blink-bench (JMH's -prof jfr) as the hottest frames.

Usage: profile.py RECORDING.jfr [...]

For each recording: the share of CPU samples per frame where the sample was taken (self), and
the share per frame anywhere on the stack (inclusive), restricted to the encoder paths' own code
(Blink, PgBulkInsert, Commons CSV, Hibernate, java.math, java.time). Needs the JDK's jfr tool.
"""
import collections
import json
import re
import subprocess
import sys

KEEP = ("dev.blink", "bytefish", "commons.csv", "hibernate", "java.math", "java.time")


def summarize(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    self_count = collections.Counter()
    inclusive = collections.Counter()
    samples = 0
    for event in json.loads(out)["recording"]["events"]:
        stack = event["values"].get("stackTrace")
        if not stack:
            continue
        names = [re.sub(r"\$\$Lambda\$\d+.*", "$$Lambda",
                        f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"])
                 for f in stack["frames"]]
        if not any("Benchmark" in name for name in names):
            continue
        samples += 1
        self_count[names[0]] += 1
        for name in set(names):
            inclusive[name] += 1
    print(f"== {path}: {samples} samples")
    print("-- self")
    for name, count in self_count.most_common(12):
        print(f"{100 * count / max(samples, 1):5.1f}% {name}")
    print("-- inclusive")
    shown = 0
    for name, count in inclusive.most_common(500):
        share = count / max(samples, 1)
        if share < 0.97 and any(k in name for k in KEEP) and "jmh_generated" not in name:
            print(f"{100 * share:5.1f}% {name}")
            shown += 1
            if shown == 25:
                break


if __name__ == "__main__":
    for recording in sys.argv[1:]:
        summarize(recording)
