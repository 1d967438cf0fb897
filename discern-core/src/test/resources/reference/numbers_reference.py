#!/usr/bin/python3
"""Reference values for issue 11's numeric decisions, from scikit-learn 1.2.1 (Debian's
python3-sklearn). Run: /usr/bin/python3 numbers_reference.py   (writes numbers_reference.json here)

Sections:
  zero_weights_binary      rows of weight 0 next to the same data without them: scikit-learn drops
                           weight-0 samples before building curves (_binary_clf_curve), so both give
                           the same curves and areas; pr_auc_trapezoid is auc(recall, precision).
  zero_weights_multiclass  per-class one-vs-rest curves, the micro curve and the averages, with
                           weight-0 rows, again equal to the data without them.
  weighted_ratios          a weighted binary case at unit scale (roc_auc, AP, MCC, kappa, ... at a
                           threshold): the values any positive rescaling of the weights must keep.
  one_class                average precision without negatives, balanced accuracy with one class
                           (binary and the same data as two classes), with scikit-learn's warnings.
Conventions as the golden fixtures: ROC thresholds start at "inf"; PR and DET arrays in
scikit-learn's (ascending-threshold) order.
"""
import json, math, os, warnings
import numpy as np
import sklearn
import sklearn.metrics as M
from sklearn.preprocessing import label_binarize

HERE = os.path.dirname(os.path.abspath(__file__))


def fl(a):
    return [float(x) if math.isfinite(float(x)) else ("inf" if x > 0 else "-inf")
            for x in np.asarray(a, dtype=np.float64).ravel()]


def roc(y, s, w, drop):
    fpr, tpr, thr = M.roc_curve(y, s, sample_weight=w, drop_intermediate=drop)
    thr = thr.astype(np.float64)
    thr[0] = np.inf
    return {"fpr": fl(fpr), "tpr": fl(tpr), "thresholds": fl(thr)}


def binary_expected(y, s, w, threshold):
    p, r, t = M.precision_recall_curve(y, s, sample_weight=w)
    dfpr, dfnr, dthr = M.det_curve(y, s, sample_weight=w)
    pred = (s >= threshold).astype(int)
    tn, fp, fn, tp = M.confusion_matrix(y, pred, sample_weight=w, labels=[0, 1]).ravel()
    return {
        "roc_auc": M.roc_auc_score(y, s, sample_weight=w),
        "average_precision": M.average_precision_score(y, s, sample_weight=w),
        "pr_auc_trapezoid": M.auc(r, p),
        "roc_curve": roc(y, s, w, True),
        "roc_curve_all_thresholds": roc(y, s, w, False),
        "precision_recall_curve": {"precision": fl(p), "recall": fl(r), "thresholds": fl(t)},
        "det_curve": {"fpr": fl(dfpr), "fnr": fl(dfnr), "thresholds": fl(dthr)},
        "threshold": threshold,
        "confusion": {"tp": float(tp), "fp": float(fp), "tn": float(tn), "fn": float(fn)},
        "mcc": M.matthews_corrcoef(y, pred, sample_weight=w),
        "cohen_kappa": M.cohen_kappa_score(y, pred, sample_weight=w),
        "balanced_accuracy": M.balanced_accuracy_score(y, pred, sample_weight=w),
        "f1": M.f1_score(y, pred, sample_weight=w),
        "accuracy": M.accuracy_score(y, pred, sample_weight=w),
    }


def zero_weights_binary():
    cases = []
    # the kind of four-row case: a weight-0 negative above every positive
    y = np.array([0, 1, 1, 0]); s = np.array([0.9, 0.8, 0.7, 0.1]); w = np.array([0.0, 1, 1, 1])
    cases.append(("four_rows", y, s, w))
    rng = np.random.RandomState(11)
    n = 60
    y = rng.randint(0, 2, n)
    s = np.round(rng.normal(y * 0.8, 1.0), 1)  # ties
    w = rng.randint(0, 4, n).astype(float)      # about a quarter zeros, some at tied scores
    w[np.argmax(s)] = 0                        # the top score only has weight 0
    w[np.argmin(s)] = 0                        # and the bottom one
    cases.append(("sixty_rows_ties", y, s, w))
    out = []
    for name, y, s, w in cases:
        keep = w != 0
        e = binary_expected(y, s, w, 0.5)
        e2 = binary_expected(y[keep], s[keep], w[keep], 0.5)
        assert json.dumps(e) == json.dumps(e2), name  # scikit-learn: weight 0 = no sample
        out.append({"name": name, "labels": [int(v) for v in y], "scores": fl(s), "weights": fl(w),
                    "expected": e})
    return out


def zero_weights_multiclass():
    rng = np.random.RandomState(5)
    n, k = 40, 3
    y = rng.randint(0, k, n)
    raw = rng.randint(0, 6, (n, k)).astype(float) + 3 * label_binarize(y, classes=range(k))
    p = raw / raw.sum(axis=1, keepdims=True)
    # small integers over their row sum: many ties, rows sum to 1
    w = rng.randint(0, 3, n).astype(float)
    keep = w != 0
    yb = label_binarize(y, classes=range(k))
    e = {"per_class": [], "roc_auc_ovr_macro": M.roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w),
         "roc_auc_ovr_weighted": M.roc_auc_score(y, p, multi_class="ovr", average="weighted", sample_weight=w),
         "average_precision_macro": M.average_precision_score(yb, p, average="macro", sample_weight=w),
         "average_precision_micro": M.average_precision_score(yb, p, average="micro", sample_weight=w),
         "roc_curve_micro": roc(yb.ravel(), p.ravel(), np.repeat(w, k), True)}
    e["roc_auc_ovr_micro"] = M.roc_auc_score(yb.ravel(), p.ravel(), sample_weight=np.repeat(w, k))
    for c in range(k):
        pc, rc, tc = M.precision_recall_curve(yb[:, c], p[:, c], sample_weight=w)
        e["per_class"].append({"roc_curve": roc(yb[:, c], p[:, c], w, True),
                               "precision_recall_curve": {"precision": fl(pc), "recall": fl(rc), "thresholds": fl(tc)},
                               "roc_auc": M.roc_auc_score(yb[:, c], p[:, c], sample_weight=w),
                               "average_precision": M.average_precision_score(yb[:, c], p[:, c], sample_weight=w)})
    # the same without the weight-0 rows
    yk, pk, wk = y[keep], p[keep], w[keep]
    ybk = label_binarize(yk, classes=range(k))
    assert json.dumps(roc(ybk.ravel(), pk.ravel(), np.repeat(wk, k), True)) == json.dumps(e["roc_curve_micro"])
    for c in range(k):
        assert json.dumps(roc(ybk[:, c], pk[:, c], wk, True)) == json.dumps(e["per_class"][c]["roc_curve"])
    return {"labels": [int(v) for v in y], "scores": [fl(r) for r in p], "weights": fl(w), "expected": e}


def weighted_ratios():
    rng = np.random.RandomState(3)
    n = 80
    y = rng.randint(0, 2, n)
    s = np.round(rng.normal(y * 1.0, 1.0), 2)
    w = rng.uniform(0.5, 4.0, n)
    return {"labels": [int(v) for v in y], "scores": fl(s), "weights": fl(w),
            "expected": binary_expected(y, s, w, 0.3)}


def one_class():
    out = {}
    y = np.array([1, 1, 1, 1]); s = np.array([0.9, 0.6, 0.4, 0.2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ap = M.average_precision_score(y, s)
    out["average_precision_no_negatives"] = {"labels": [1, 1, 1, 1], "scores": fl(s), "average_precision": ap,
                                             "warnings": [str(c.message) for c in caught]}
    # balanced accuracy at threshold 0.5: two positives predicted negative
    pred = (s >= 0.5).astype(int)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ba = M.balanced_accuracy_score(y, pred)
    # the same data as two classes (columns: negative, positive), argmax predictions
    with warnings.catch_warnings(record=True) as caught2:
        warnings.simplefilter("always")
        ba2 = M.balanced_accuracy_score(y, np.argmax(np.column_stack([1 - s, s]), axis=1))
    with warnings.catch_warnings(record=True) as caught3:
        warnings.simplefilter("always")
        ba_all = M.balanced_accuracy_score(y, np.ones(4, dtype=int))
    out["balanced_accuracy_one_class"] = {
        "labels": [1, 1, 1, 1], "scores": fl(s), "threshold": 0.5, "balanced_accuracy": ba,
        "warnings": [str(c.message) for c in caught], "balanced_accuracy_as_two_classes": ba2,
        "warnings_as_two_classes": [str(c.message) for c in caught2],
        "balanced_accuracy_all_predicted_positive": ba_all,
        "warnings_all_predicted_positive": [str(c.message) for c in caught3]}
    yn = np.array([0, 0, 0]); sn = np.array([0.3, 0.7, 0.1])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        apn = M.average_precision_score(yn, sn)
    out["average_precision_no_positives"] = {"labels": [0, 0, 0], "scores": fl(sn), "average_precision": apn,
                                             "warnings": [str(c.message) for c in caught]}
    return out


result = {"generator": "scikit-learn " + sklearn.__version__ + ", numpy " + np.__version__,
          "zero_weights_binary": zero_weights_binary(),
          "zero_weights_multiclass": zero_weights_multiclass(),
          "weighted_ratios": weighted_ratios(),
          "one_class": one_class()}
with open(os.path.join(HERE, "numbers_reference.json"), "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
