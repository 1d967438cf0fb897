#!/usr/bin/python3
"""Writes the 25-class report benchmark input: `label,p0..p{K-1}`, unbalanced classes.

Usage: /usr/bin/python3 discern-bench/scripts/report_multiclass_gen.py N K OUT.csv [SEED]
(defaults used in docs/PERFORMANCE.md: N = 1000000, K = 25, seed 25).

Class priors fall geometrically (class 0 about 12x as frequent as class K-1); scores are a
softmax of Gaussian logits with the true class shifted up by 1.5, printed with 6 significant
digits (so ties occur, as in real exported probabilities). Labels are the class names p0..p{K-1}
(the score columns' headers, as `discern report` expects).
"""
import sys

import numpy as np

n, k = int(sys.argv[1]), int(sys.argv[2])
out = sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 25
rng = np.random.default_rng(seed)
prior = 0.9 ** np.arange(k)
prior /= prior.sum()
y = rng.choice(k, size=n, p=prior)
z = rng.normal(size=(n, k)).astype(np.float32)
z[np.arange(n), y] += 1.5
p = np.exp(z)
p /= p.sum(axis=1, keepdims=True)
with open(out, "w") as f:
    f.write("label," + ",".join(f"p{i}" for i in range(k)) + "\n")
    chunk = 100000
    for s in range(0, n, chunk):
        block = p[s:s + chunk]
        lines = ["p" + str(y[s + i]) + "," + ",".join("%.6g" % v for v in row) for i, row in enumerate(block)]
        f.write("\n".join(lines) + "\n")
