"""Cross-validated ROC and PR averaging as scikit-learn's plot_roc_crossval example, for FoldEvaluationTest.

The breast-cancer and fraud-like fixtures (../fixtures/<name>.csv, column "score"), each split into 5
folds by row number (fold = row % 5). Per fold: roc_curve (drop_intermediate=True), TPR at
numpy.linspace(0, 1, 100) by numpy.interp with the value at FPR 0 set to 0, the mean with the value
at FPR 1 set to 1, numpy.std (population); roc_auc_score per fold, their mean and std, and the
pooled roc_auc_score. PR: precision_recall_curve per fold, the step-wise precision at each grid
recall (the precision of the highest-threshold point whose recall reaches the grid value, up to 1e-12).
Run here with /usr/bin/python3 folds_reference.py (scikit-learn 1.2.1); writes
folds_<name>.csv.
"""
import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import precision_recall_curve, roc_auc_score, roc_curve

for name in ["binary_breast_cancer", "binary_fraudlike"]:
    d = pd.read_csv("../fixtures/" + name + ".csv")
    y = d["label"].to_numpy()
    s = d["score"].to_numpy()
    fold = np.arange(len(y)) % 5
    grid = np.linspace(0, 1, 100)
    tprs, precs, aucs = [], [], []
    for f in range(5):
        m = fold == f
        fpr, tpr, _ = roc_curve(y[m], s[m])
        t = np.interp(grid, fpr, tpr)
        t[0] = 0.0
        tprs.append(t)
        aucs.append(roc_auc_score(y[m], s[m]))
        p, r, _ = precision_recall_curve(y[m], s[m])
        p, r = p[::-1], r[::-1]  # highest threshold first: recall non-decreasing
        precs.append(np.array([p[np.argmax(r >= g - 1e-12)] for g in grid]))
    mean_tpr = np.mean(tprs, axis=0)
    mean_tpr[-1] = 1.0
    out = pd.DataFrame({"grid": grid, "mean_tpr": mean_tpr, "sd_tpr": np.std(tprs, axis=0),
                        "min_tpr": np.min(tprs, axis=0), "max_tpr": np.max(tprs, axis=0),
                        "mean_precision": np.mean(precs, axis=0), "sd_precision": np.std(precs, axis=0),
                        "min_precision": np.min(precs, axis=0), "max_precision": np.max(precs, axis=0)})
    out["auc_mean_of_folds"] = np.mean(aucs)
    out["auc_sd_of_folds"] = np.std(aucs)
    out["auc_pooled"] = roc_auc_score(y, s)
    out.to_csv("folds_" + name[len("binary_"):] + ".csv", index=False, float_format="%.17g")
    print(name, "scikit-learn", sklearn.__version__, "AUCs", aucs)
