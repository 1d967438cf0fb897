#!/usr/bin/python3
"""scikit-learn's side of the multi-class benchmark (org.discern.bench.MulticlassBench).

Generates the benchmark data (n = 1e6 rows, K = 25 classes, unbalanced families, float32
softmax probabilities), writes it as a raw little-endian file the Java benchmark reads, and
times scikit-learn on it in the same session:
  - roc_auc_score(multi_class="ovr", average="macro")
  - roc_auc_score(multi_class="ovo", average="macro")
  - the 25 per-class roc_curve calls (one-vs-rest)

Usage: /usr/bin/python3 discern-bench/scripts/sklearn_multiclass.py [OUT.bin] [--repeat R] [--no-time]
  OUT.bin defaults to /tmp/discern-multiclass-1e6x25.bin. Layout: int32 n, int32 K,
  n int32 labels, n*K float32 scores (row-major), all little-endian.
"""
import os
import time

import numpy as np

N = 1_000_000
K = 25
SEED = 25


def make_data(n=N, k=K, seed=SEED):
    rng = np.random.default_rng(seed)
    prior = 1.0 / np.arange(1, k + 1) ** 0.8          # unbalanced families (Zipf-like)
    prior /= prior.sum()
    y = rng.choice(k, size=n, p=prior).astype(np.int32)
    logits = rng.normal(size=(n, k)).astype(np.float32)
    logits[np.arange(n), y] += 2.0                      # a useful but imperfect model
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    p = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return y, p


def write(path, y, p):
    with open(path, "wb") as f:
        np.array([y.shape[0], p.shape[1]], dtype="<i4").tofile(f)
        y.astype("<i4").tofile(f)
        p.astype("<f4").tofile(f)


def best_of(fn, repeat):
    """Best wall time and best CPU time (process_time) of `repeat` runs, and the last result."""
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    return min(walls), min(cpus), result


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default="/tmp/discern-multiclass-1e6x25.bin")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-time", action="store_true", help="only write the data")
    a = ap.parse_args()
    y, p = make_data()
    write(a.out, y, p)
    print(f"data: n={y.shape[0]} K={p.shape[1]} float32, written to {a.out}")
    if a.no_time:
        return
    import sklearn
    from sklearn.metrics import roc_auc_score, roc_curve
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; best of {a.repeat}")
    print(os.popen("uptime").read().strip())
    t, c, ovr = best_of(lambda: roc_auc_score(y, p, multi_class="ovr", average="macro"), a.repeat)
    print(f"ovr macro AUC      wall {t:7.3f} s  cpu {c:7.3f} s  (value {ovr:.12f})")
    t, c, ovo = best_of(lambda: roc_auc_score(y, p, multi_class="ovo", average="macro"), a.repeat)
    print(f"ovo macro AUC      wall {t:7.3f} s  cpu {c:7.3f} s  (value {ovo:.12f})")
    t, c, _ = best_of(lambda: [roc_curve(y == c, p[:, c]) for c in range(K)], a.repeat)
    print(f"25 roc_curve calls wall {t:7.3f} s  cpu {c:7.3f} s")
    print(os.popen("uptime").read().strip())


if __name__ == "__main__":
    main()
