#!/usr/bin/python3
"""Times scikit-learn's binary metrics on the arrays the JMH benchmarks use.

The data comes from org.discern.bench.BinaryData (written as scores_N.npy, float32, and
labels_N.npy, bool). Each function is called `--repeat` times after one untimed warm-up call;
min, median and mean wall time per call are reported in milliseconds, with the metric value so
the Java side can be checked against it.

Usage: sklearn_binary.py DATA_DIR N [N ...] [--repeat R] [--json FILE] [--only rocAuc,...]
"""
import argparse
import json
import platform
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve


def timed(fn, repeat):
    fn()  # warm-up: imports, first-touch of memory
    times = []
    value = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return times, value


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--only", help="comma-separated subset of rocAuc,rocCurve,averagePrecision")
    args = ap.parse_args()

    results = []
    for n in args.sizes:
        s = np.load(f"{args.data_dir}/scores_{n}.npy")
        y = np.load(f"{args.data_dir}/labels_{n}.npy")
        assert s.dtype == np.float32 and y.dtype == np.bool_ and s.shape == y.shape == (n,)
        cases = {
            "rocAuc": lambda: roc_auc_score(y, s),
            "rocCurve": lambda: len(roc_curve(y, s)[0]),
            "averagePrecision": lambda: average_precision_score(y, s),
        }
        wanted = args.only.split(",") if args.only else list(cases)
        for name, fn in cases.items():
            if name not in wanted:
                continue
            times, value = timed(fn, args.repeat)
            row = {
                "benchmark": name,
                "n": n,
                "min_ms": min(times),
                "median_ms": statistics.median(times),
                "mean_ms": statistics.fmean(times),
                "repeat": args.repeat,
                "value": float(value),
            }
            results.append(row)
            print(f"{name:18s} n={n:<9d} min {row['min_ms']:9.1f} ms  median {row['median_ms']:9.1f} ms"
                  f"  mean {row['mean_ms']:9.1f} ms  value {row['value']!r}", flush=True)
    meta = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "executable": sys.executable,
    }
    print(f"# python {meta['python']}, numpy {meta['numpy']}, scikit-learn {meta['sklearn']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
