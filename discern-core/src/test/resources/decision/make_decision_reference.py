"""Net benefit of the binary fixtures, computed independently of Discern with numpy.

Run from this directory with /usr/bin/python3 (numpy 1.24): writes decision_reference.json.
Vickers & Elkin 2006: at threshold probability pt, treat iff score >= pt;
NB = TP/n - FP/n * pt/(1 - pt); treat all = p - (1 - p) * pt/(1 - pt); sNB = NB / p.
Weights (where the fixture has them) enter every count; n is the total weight.
"""
import json
from decimal import Decimal

import numpy as np

FIXTURES = ["binary_small_ties", "binary_weighted", "binary_breast_cancer", "binary_fraudlike"]
GRID = [float(Decimal("0.01") * i) for i in range(1, 100)]  # 0.01 .. 0.99


def curve(y, s, w):
    n = w.sum()
    p = w[y].sum() / n
    rows = []
    for pt in GRID:
        treat = s >= pt
        tp = w[treat & y].sum()
        fp = w[treat & ~y].sum()
        odds = pt / (1 - pt)
        nb = tp / n - fp / n * odds
        rows.append({"threshold": pt, "tp": tp, "fp": fp, "net_benefit": nb,
                     "net_benefit_all": p - (1 - p) * odds, "standardized_net_benefit": nb / p})
    return rows


out = {"numpy": np.__version__, "grid": "0.01:0.99:0.01", "curves": {}}
for name in FIXTURES:
    inp = json.load(open("../fixtures/" + name + ".json"))["input"]
    y = np.array(inp["labels"]) == 1
    s = np.array(inp["scores"], dtype=float)
    w = np.ones(len(y)) if inp.get("weights") is None else np.array(inp["weights"], dtype=float)
    out["curves"][name] = curve(y, s, w)
with open("decision_reference.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
