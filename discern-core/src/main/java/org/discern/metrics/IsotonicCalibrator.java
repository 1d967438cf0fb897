package org.discern.metrics;

import java.util.Arrays;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;

/**
 * Isotonic regression calibration: a non-decreasing, piecewise-linear map from score to
 * probability, fitted by weighted pool-adjacent-violators. Reproduces scikit-learn's
 * {@code IsotonicRegression(increasing=True, out_of_bounds="clip")} fitted on (score, label):
 * <ol>
 * <li>rows with weight 0 are dropped;</li>
 * <li>rows are sorted by score; scores closer than 1e-15 to the first of a run are merged into
 *     one point whose value is the weighted mean label and whose weight is the sum (scikit-learn's
 *     {@code _make_unique});</li>
 * <li>pool adjacent violators over those points: adjacent blocks are pooled (weighted mean) when
 *     the left one is not strictly below the right one;</li>
 * <li>interior points whose value equals both neighbours' are removed (they do not change the
 *     map); the rest are the knots {@link #x()} and {@link #y()}.</li>
 * </ol>
 * {@link #apply(double)} clips the score to [x_first, x_last] and interpolates linearly between
 * knots (numpy's {@code interp}, which scikit-learn uses), so a score tied to a knot gets that
 * knot's value exactly.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class IsotonicCalibrator implements Calibrator {
    private static final double EPS = 1e-15;

    // strictly increasing knots
    private final double[] x;
    // non-decreasing values in [min label, max label]
    private final double[] y;

    private IsotonicCalibrator(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * A calibrator from knots, e.g. read back from JSON.
     *
     * @param x strictly increasing finite knots, at least one
     * @param y non-decreasing probabilities in [0, 1], same length
     */
    public static IsotonicCalibrator of(double[] x, double[] y) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        Checks.nonEmpty(x.length, "x");
        Checks.sameLength(x.length, y.length, "x", "y");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
            if (!(y[i] >= 0 && y[i] <= 1)) {
                // the values are probabilities (found by fuzzing the calibrator JSON: 12 was accepted)
                throw new IllegalArgumentException("y[" + i + "] must be a probability in [0, 1], got " + y[i]);
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x[" + i + "] must be > x[" + (i - 1) + "] = " + x[i - 1]
                        + ", got " + x[i]);
            }
            if (i > 0 && !(y[i] >= y[i - 1])) {
                throw new IllegalArgumentException("y[" + i + "] must be >= y[" + (i - 1) + "] = " + y[i - 1]
                        + ", got " + y[i]);
            }
        }
        return new IsotonicCalibrator(x.clone(), y.clone());
    }

    /**
     * Fits on a calibration set (see the class documentation for the steps).
     *
     * @param scores finite scores
     * @param labels true for positives
     * @param weights non-negative weights or null
     * @throws IllegalArgumentException on invalid input or when every weight is 0
     */
    public static IsotonicCalibrator fit(double[] scores, boolean[] labels, double[] weights) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        int n = scores.length;
        int[] order = Sorting.argsort(scores);
        // unique points, in score order; within a tie negatives come first (lexsort by (y, x))
        double[] ux = new double[n];
        double[] uy = new double[n];
        double[] uw = new double[n];
        int m = 0;
        double curX = Double.NaN;
        double curY = 0;
        double curW = 0;
        {
            int k = 0;
            while (k < n) {
                // the run of equal scores in order[k..end)
                int end = k;
                double s = scores[order[k]];
                while (end < n && scores[order[end]] == s) {
                    end++;
                }
                // negatives then positives, as numpy's lexsort((y, X))
                for (int want = 0; want < 2; want++) {
                    for (int r = k; r < end; r++) {
                        int i = order[r];
                        if ((labels[i] ? 1 : 0) != want) {
                            continue;
                        }
                        double w = weights == null ? 1 : weights[i];
                        if (!(w > 0)) {
                            continue;
                        }
                        double v = scores[i];
                        if (Double.isNaN(curX)) {
                            curX = v;
                            curW = w;
                            curY = want * w;
                        } else if (v - curX >= EPS) {
                            ux[m] = curX;
                            uw[m] = curW;
                            uy[m] = curY / curW;
                            m++;
                            curX = v;
                            curW = w;
                            curY = want * w;
                        } else {
                            curW += w;
                            curY += want * w;
                        }
                    }
                }
                k = end;
            }
        }
        if (Double.isNaN(curX)) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        ux[m] = curX;
        uw[m] = curW;
        uy[m] = curY / curW;
        m++;
        pav(uy, uw, m);
        // keep the ends and every point that differs from a neighbour
        double[] kx = new double[m];
        double[] ky = new double[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || i == m - 1 || uy[i] != uy[i - 1] || uy[i] != uy[i + 1]) {
                kx[kept] = ux[i];
                ky[kept] = uy[i];
                kept++;
            }
        }
        return new IsotonicCalibrator(Arrays.copyOf(kx, kept), Arrays.copyOf(ky, kept));
    }

    /**
     * In-place weighted pool adjacent violators over y[0..n), the algorithm (and operation order)
     * of scikit-learn's {@code _inplace_contiguous_isotonic_regression}: blocks [i..target[i]],
     * w[i] and y[i] holding the block's weight and mean, backtracking after each merge.
     */
    private static void pav(double[] y, double[] w, int n) {
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
        }
        int i = 0;
        while (i < n) {
            int k = target[i] + 1;
            if (k == n) {
                break;
            }
            if (y[i] < y[k]) {
                i = k;
                continue;
            }
            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true) {
                double prevY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || prevY < y[k]) {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0) {
                        i = target[i - 1];
                    }
                    break;
                }
            }
        }
        i = 0;
        while (i < n) {
            int k = target[i] + 1;
            for (int j = i + 1; j < k; j++) {
                y[j] = y[i];
            }
            i = k;
        }
    }

    /** Number of knots. */
    public int size() {
        return x.length;
    }

    /** Copy of the strictly increasing knots (scikit-learn's {@code X_thresholds_}). */
    public double[] x() {
        return x.clone();
    }

    /** Copy of the values at the knots (scikit-learn's {@code y_thresholds_}). */
    public double[] y() {
        return y.clone();
    }

    /** The calibrated value: clip to the knots' range, then linear interpolation. */
    @Override
    public double apply(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
        int last = x.length - 1;
        if (score <= x[0]) {
            return y[0];
        }
        if (score >= x[last]) {
            return y[last];
        }
        // j = last knot <= score, with j < last here
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= score) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (x[lo] == score) {
            return y[lo];
        }
        double slope = (y[lo + 1] - y[lo]) / (x[lo + 1] - x[lo]);
        return slope * (score - x[lo]) + y[lo];
    }

    @Override
    public String type() {
        return "isotonic";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibrator && Arrays.equals(x, ((IsotonicCalibrator) o).x)
                && Arrays.equals(y, ((IsotonicCalibrator) o).y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "IsotonicCalibrator[knots=" + x.length + "]";
    }
}
