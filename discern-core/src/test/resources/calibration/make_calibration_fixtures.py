"""Golden values for Discern's calibration and recalibration code.

Run with Debian's Python and scikit-learn 1.2.1 (python3-sklearn):

    /usr/bin/python3 make_calibration_fixtures.py OUTDIR

Writes calibration_binary.json and calibration_multiclass.json. The inputs are generated here
from a fixed seed, so the outputs are reproducible byte for byte with the same numpy/sklearn.
Floats are written with repr (shortest round-trip form).
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy.optimize import fmin_bfgs
from scipy.special import expit, xlogy
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import brier_score_loss


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=np.float64).ravel()]


def binary_input(rng, n):
    # probabilities on a 3-decimal grid (many ties), with values exactly on bin edges
    p = np.round(rng.beta(1.2, 2.5, size=n), 3)
    p[:8] = [0.0, 0.1, 0.2, 0.5, 1.0, 0.7, 0.3, 0.9]
    y = (rng.random(n) < p ** 1.4).astype(int)  # over-confident model
    w = rng.integers(1, 4, size=n).astype(float)
    w[10:15] = 0.0
    return p, y, w


def curves(y, p):
    out = {}
    for strategy in ("uniform", "quantile"):
        for bins in (5, 10):
            t, m = calibration_curve(y, p, n_bins=bins, strategy=strategy)
            out[f"{strategy}_{bins}"] = {"prob_true": floats(t), "prob_pred": floats(m)}
    return out


def tight_sigmoid(f, y, sample_weight=None):
    """sklearn's objective (Platt's smoothed targets), minimised to gtol 1e-12 instead of 1e-5."""
    mask_neg = y <= 0
    if sample_weight is not None:
        prior0 = sample_weight[mask_neg].sum()
        prior1 = sample_weight[~mask_neg].sum()
    else:
        prior0 = float(np.sum(mask_neg))
        prior1 = y.shape[0] - prior0
    t = np.zeros_like(y, dtype=np.float64)
    t[y > 0] = (prior1 + 1.0) / (prior1 + 2.0)
    t[y <= 0] = 1.0 / (prior0 + 2.0)
    sw = np.ones_like(f) if sample_weight is None else sample_weight

    def objective(ab):
        q = expit(-(ab[0] * f + ab[1]))
        return (sw * -(xlogy(t, q) + xlogy(1.0 - t, 1.0 - q))).sum()

    def grad(ab):
        q = expit(-(ab[0] * f + ab[1]))
        d = (t - q) * sw
        return np.array([np.dot(d, f), np.sum(d)])

    ab0 = np.array([0.0, np.log((prior0 + 1.0) / (prior1 + 1.0))])
    ab = fmin_bfgs(objective, ab0, fprime=grad, gtol=1e-12, disp=False)
    return float(ab[0]), float(ab[1])


def main(outdir):
    rng = np.random.default_rng(20261122)
    fit_p, fit_y, fit_w = binary_input(rng, 400)
    test_p, test_y, _ = binary_input(rng, 200)
    # test points outside the fitted range for the isotonic clip
    test_p = test_p.copy()
    test_p[-1] = 0.0
    test_p[-2] = 1.0
    # decision-function-like scores for Platt (not in [0, 1])
    fit_f = np.round(4 * (fit_p - 0.4) + rng.normal(0, 0.5, size=fit_p.size), 2)
    test_f = np.round(4 * (test_p - 0.4) + rng.normal(0, 0.5, size=test_p.size), 2)

    iso = IsotonicRegression(out_of_bounds="clip").fit(fit_p, fit_y)
    iso_w = IsotonicRegression(out_of_bounds="clip").fit(fit_p, fit_y, sample_weight=fit_w)
    a, b = _sigmoid_calibration(fit_f, fit_y)
    aw, bw = _sigmoid_calibration(fit_f, fit_y, sample_weight=fit_w)
    ta, tb = tight_sigmoid(fit_f, fit_y)
    taw, tbw = tight_sigmoid(fit_f, fit_y, fit_w)

    binary = {
        "name": "calibration_binary",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "input": {
            "fit_probabilities": floats(fit_p), "fit_labels": [int(v) for v in fit_y],
            "fit_weights": floats(fit_w), "fit_scores": floats(fit_f),
            "test_probabilities": floats(test_p), "test_labels": [int(v) for v in test_y],
            "test_scores": floats(test_f),
        },
        "expected": {
            "calibration_curve": curves(fit_y, fit_p),
            "brier_score_loss": float(brier_score_loss(fit_y, fit_p)),
            "brier_score_loss_weighted": float(brier_score_loss(fit_y, fit_p, sample_weight=fit_w)),
            "isotonic": {
                "X_thresholds": floats(iso.X_thresholds_), "y_thresholds": floats(iso.y_thresholds_),
                "predict_test": floats(iso.predict(test_p)), "predict_fit": floats(iso.predict(fit_p)),
            },
            "isotonic_weighted": {
                "X_thresholds": floats(iso_w.X_thresholds_), "y_thresholds": floats(iso_w.y_thresholds_),
                "predict_test": floats(iso_w.predict(test_p)),
            },
            "sigmoid": {"a": float(a), "b": float(b), "a_tight": ta, "b_tight": tb,
                        "predict_test_tight": floats(expit(-(ta * test_f + tb)))},
            "sigmoid_weighted": {"a": float(aw), "b": float(bw), "a_tight": taw, "b_tight": tbw},
        },
    }

    k = 4
    n = 300
    logits = rng.normal(0, 1.5, size=(n, k))
    prob = np.exp(logits)
    prob /= prob.sum(axis=1, keepdims=True)
    prob = np.round(prob, 3)
    prob /= prob.sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(k, p=row ** 1.5 / (row ** 1.5).sum()) for row in prob])
    per_class = {}
    for c in range(k):
        t, m = calibration_curve((labels == c).astype(int), prob[:, c], n_bins=10)
        per_class[str(c)] = {"prob_true": floats(t), "prob_pred": floats(m),
                             "brier_score_loss": float(brier_score_loss((labels == c).astype(int), prob[:, c]))}
    conf = prob.max(axis=1)
    correct = (prob.argmax(axis=1) == labels).astype(int)
    t, m = calibration_curve(correct, conf, n_bins=10)
    multi = {
        "name": "calibration_multiclass",
        "versions": binary["versions"],
        "input": {"classes": k, "labels": [int(v) for v in labels], "probabilities": [floats(r) for r in prob]},
        "expected": {
            "per_class_uniform_10": per_class,
            "top_label_uniform_10": {"prob_true": floats(t), "prob_pred": floats(m),
                                     "brier_score_loss": float(brier_score_loss(correct, conf))},
        },
    }
    for name, data in (("calibration_binary", binary), ("calibration_multiclass", multi)):
        with open(f"{outdir}/{name}.json", "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
