#!/usr/bin/python3
"""End-to-end side of the multi-class benchmark: pandas.read_csv + the scikit-learn calls that
give what `discern evaluate FILE --format json` prints for a multi-class file.

Usage:
  /usr/bin/python3 discern-bench/scripts/sklearn_multiclass_csv.py --write [CSV]
      writes the benchmark data of sklearn_multiclass.py (n = 1e6, K = 25, float32 softmax) as
      CSV: a `label` column of class names (family_0 .. family_24) and one score column per class
  /usr/bin/python3 discern-bench/scripts/sklearn_multiclass_csv.py [CSV]
      times read_csv + every metric once; prints wall and CPU time and a few values

Compare with:
  /usr/bin/time -f "%e s wall, %U s user, %S s sys" \\
      java -jar discern-cli/target/discern.jar evaluate CSV --format json > /tmp/discern.json
"""
import argparse
import os
import time

import numpy as np

from sklearn_multiclass import make_data, K

DEFAULT = "/tmp/discern-multiclass-1e6x25.csv"


def write_csv(path):
    import pandas as pd
    y, p = make_data()
    names = [f"family_{c}" for c in range(K)]
    df = pd.DataFrame(p, columns=names)
    df.insert(0, "label", np.array(names, dtype=object)[y])
    df.to_csv(path, index=False)
    print(f"wrote {path}: {len(df)} rows, {os.path.getsize(path) / 1e6:.0f} MB")


def evaluate(path):
    import pandas as pd
    from sklearn import metrics as M
    df = pd.read_csv(path)
    names = [c for c in df.columns if c != "label"]
    y = df["label"].map({n: i for i, n in enumerate(names)}).to_numpy()
    P = df[names].to_numpy()
    labels = list(range(len(names)))
    pred = P.argmax(axis=1)
    Y = (y[:, None] == np.arange(len(names))[None, :]).astype(int)
    out = {}
    for avg in ["macro", "weighted", "micro"]:
        out[f"roc_auc_ovr_{avg}"] = M.roc_auc_score(y, P, multi_class="ovr", average=avg, labels=labels)
        out[f"average_precision_{avg}"] = M.average_precision_score(Y, P, average=avg)
    for avg in ["macro", "weighted"]:
        out[f"roc_auc_ovo_{avg}"] = M.roc_auc_score(y, P, multi_class="ovo", average=avg, labels=labels)
    out["accuracy"] = M.accuracy_score(y, pred)
    out["balanced_accuracy"] = M.balanced_accuracy_score(y, pred)
    out["cohen_kappa"] = M.cohen_kappa_score(y, pred)
    out["mcc"] = M.matthews_corrcoef(y, pred)
    out["log_loss"] = M.log_loss(y, P, labels=labels)
    for k in (2, 3):
        out[f"top_{k}_accuracy"] = M.top_k_accuracy_score(y, P, k=k, labels=labels)
    for avg in ["macro", "weighted", "micro"]:
        p_, r_, f_, _ = M.precision_recall_fscore_support(y, pred, labels=labels, average=avg, zero_division=0)
        out[f"precision_{avg}"], out[f"recall_{avg}"], out[f"f1_{avg}"] = p_, r_, f_
    out["confusion_matrix"] = M.confusion_matrix(y, pred, labels=labels)
    M.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    out["per_class_auc"] = [M.roc_auc_score(Y[:, c], P[:, c]) for c in labels]
    out["per_class_ap"] = [M.average_precision_score(Y[:, c], P[:, c]) for c in labels]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", nargs="?", default=DEFAULT)
    ap.add_argument("--write", action="store_true", help="write the CSV and stop")
    a = ap.parse_args()
    if a.write:
        write_csv(a.csv)
        return
    print(os.popen("uptime").read().strip())
    w0, c0 = time.perf_counter(), time.process_time()
    out = evaluate(a.csv)
    w1, c1 = time.perf_counter(), time.process_time()
    print(f"pandas.read_csv + scikit-learn: wall {w1 - w0:.3f} s, cpu {c1 - c0:.3f} s")
    for key in ["roc_auc_ovr_macro", "roc_auc_ovo_macro", "roc_auc_ovr_micro", "average_precision_micro",
                "log_loss", "top_3_accuracy"]:
        print(f"  {key} = {out[key]:.12f}")
    print(os.popen("uptime").read().strip())


if __name__ == "__main__":
    main()
