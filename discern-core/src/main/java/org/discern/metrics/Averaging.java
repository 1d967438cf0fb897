package org.discern.metrics;

import java.util.Arrays;
import java.util.List;

/** Averages over classes and the pooled (micro) table, shared by multi-class and multi-label. */
final class Averaging {
    private Averaging() {
    }

    /** Mean of the non-NaN values; NaN when there is none. */
    static double mean(double[] values) {
        double s = 0;
        int m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                m++;
            }
        }
        return m == 0 ? Double.NaN : s / m;
    }

    /** Weighted mean of the non-NaN values (sum w v / sum w over them); NaN when none or sum w = 0. */
    static double weightedMean(double[] values, double[] weights) {
        double s = 0;
        double ws = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                s += weights[i] * values[i];
                ws += weights[i];
            }
        }
        return ws == 0 ? Double.NaN : s / ws;
    }

    /**
     * The operating points of the pooled n x K decisions, pooled in row-major order (as
     * scikit-learn's {@code label_binarize(y).ravel()} and {@code scores.ravel()}), each decision
     * carrying the weight of its sample, so that tied weighted decisions accumulate in the same
     * order as there.
     *
     * @param positive positive[i * k + j] tells whether decision (i, j) is a positive
     */
    static OperatingPoints pooled(ScoreColumns s, boolean[] positive, double[] weights) {
        int n = s.n;
        int k = s.k;
        int total = Math.multiplyExact(n, k);
        double[] w = null;
        if (weights != null) {
            w = new double[total];
            for (int i = 0, at = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    w[at++] = weights[i];
                }
            }
        }
        if (s.f != null) {
            float[] pooled = new float[total];
            for (int j = 0; j < k; j++) {
                float[] col = s.f[j];
                for (int i = 0, at = j; i < n; i++, at += k) {
                    pooled[at] = col[i];
                }
            }
            return OperatingPoints.of(pooled, positive, w);
        }
        double[] pooled = new double[total];
        for (int j = 0; j < k; j++) {
            double[] col = s.d[j];
            for (int i = 0, at = j; i < n; i++, at += k) {
                pooled[at] = col[i];
            }
        }
        return OperatingPoints.of(pooled, positive, w);
    }

    /**
     * scikit-learn's documented macro-average ROC curve: every curve interpolated linearly
     * ({@code numpy.interp}) on the sorted union of all their FPR values, where a vertical step
     * contributes its highest TPR, then the TPRs averaged. Thresholds are NaN (the curve has none).
     *
     * @param curves the curves of the classes with both positives and negatives (at least one)
     */
    static RocCurve macroRocCurve(List<RocCurve> curves) {
        int total = 0;
        for (RocCurve c : curves) {
            total += c.size();
        }
        double[] all = new double[total];
        int at = 0;
        for (RocCurve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                all[at++] = c.fpr(i);
            }
        }
        Arrays.sort(all);
        int g = 0;
        for (int i = 0; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[g++] = all[i];
            }
        }
        return macroRocCurveAt(curves, Arrays.copyOf(all, g));
    }

    /**
     * The macro-average ROC curve of {@link #macroRocCurve} at the given FPRs only: for each
     * {@code grid[i]} the mean of the curves' TPRs interpolated there, by the same arithmetic (so
     * where {@code grid[i]} is a point of the whole curve, the TPR is the same double).
     *
     * @param grid distinct false-positive rates, ascending (not copied: the curve wraps it)
     */
    static RocCurve macroRocCurveAt(List<RocCurve> curves, double[] grid) {
        int g = grid.length;
        double[] sum = new double[g];
        for (RocCurve c : curves) {
            int m = c.size();
            int j = 0;
            for (int i = 0; i < g; i++) {
                double x = grid[i];
                // j = last index with fpr(j) <= x (numpy's binary search, so the top of a step)
                while (j + 1 < m && c.fpr(j + 1) <= x) {
                    j++;
                }
                double y;
                if (x < c.fpr(0)) {
                    y = c.tpr(0);
                } else if (j == m - 1 || c.fpr(j) == x) {
                    y = c.tpr(j);
                } else {
                    double slope = (c.tpr(j + 1) - c.tpr(j)) / (c.fpr(j + 1) - c.fpr(j));
                    y = slope * (x - c.fpr(j)) + c.tpr(j);
                }
                sum[i] += y;
            }
        }
        double[] thr = new double[g];
        for (int i = 0; i < g; i++) {
            sum[i] /= curves.size();
            thr[i] = Double.NaN;
        }
        return RocCurve.wrap(grid, sum, thr);
    }
}
