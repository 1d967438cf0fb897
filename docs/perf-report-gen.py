import numpy as np, sys
n, k = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(42)
y = rng.integers(0, k, n)
z = rng.normal(size=(n, k)).astype(np.float32)
z[np.arange(n), y] += 1.5
p = np.exp(z); p /= p.sum(axis=1, keepdims=True)
names = [f"family_{i:02d}" for i in range(k)]
with open(sys.argv[3], "w") as f:
    f.write("label," + ",".join(names) + "\n")
    lab = np.array(names)[y]
    chunk = 100000
    for s in range(0, n, chunk):
        block = p[s:s+chunk]
        lines = [lab[s+i] + "," + ",".join("%.6g" % v for v in row) for i, row in enumerate(block)]
        f.write("\n".join(lines) + "\n")
