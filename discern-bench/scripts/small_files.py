#!/usr/bin/python3
"""Whole-process cost of `evaluate FILE --format json` on small binary CSVs, read by the parallel
reader (ChunkedCsv) and by the sequential one, interleaved: where the sequential path should take
over (ChunkedCsv.SEQUENTIAL_BELOW). Run under the benchmark lock:

    flock /tmp/discern-bench.lock /usr/bin/python3 discern-bench/scripts/small_files.py JAR ROUNDS FILE...

The jar must be a measuring build that reads the threshold from -Ddiscern.tmp.min=BYTES (files
below BYTES read sequentially): in ChunkedCsv.read(Path, InputSpec), compare the file size with
Long.getLong("discern.tmp.min", SEQUENTIAL_BELOW) instead of the constant. Prints the median wall
and the median CPU (user + sys of the child) per file and path, after two warm-up rounds.
"""
import os, resource, statistics, subprocess, sys, time

jar, rounds, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
paths = {"parallel": "0", "sequential": str(1 << 62)}
res = {(f, p): [] for f in files for p in paths}
for r in range(rounds + 2):
    for f in files:
        for p, v in paths.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(["java", "-Xshare:auto", "-Ddiscern.tmp.min=" + v, "-jar", jar, "evaluate", f,
                            "--format", "json"], stdout=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if r >= 2:  # two warm-up rounds
                res[(f, p)].append((wall, cpu))
print("load:", open("/proc/loadavg").read().split()[:3])
for f in files:
    for p in paths:
        w = statistics.median(x[0] for x in res[(f, p)])
        c = statistics.median(x[1] for x in res[(f, p)])
        print(f"{os.path.basename(f)} ({os.path.getsize(f)} B) {p}: wall {w:.3f} s, cpu {c:.3f} s")
