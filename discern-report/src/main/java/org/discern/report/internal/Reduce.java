package org.discern.report.internal;

import org.discern.metrics.OperatingPoints;

/**
 * Chooses a few thousand rows of an operating-point table to embed or draw. Kept rows are exact
 * rows of the table (so the confusion matrix at a kept threshold is exact); they are the union of
 * evenly spaced quantiles of the cumulative true positives, the cumulative false positives and
 * the cumulative predicted positives, plus the first and last rows. Between two kept rows the TPR,
 * the FPR and the depth each change by at most about 3 / max: below a pixel at any chart size.
 */
public final class Reduce {
    private Reduce() {
    }

    /**
     * Indices of the kept rows, ascending (descending thresholds).
     *
     * @param max at least 3; the result has at most about {@code 2 max} rows
     */
    public static int[] rows(OperatingPoints op, int max) {
        if (max < 3) {
            throw new IllegalArgumentException("max must be >= 3, got " + max);
        }
        int n = op.size();
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int per = max / 3;
        // binary searches on the table itself: no copies of million-row arrays
        mark(op::truePositives, n, per, keep);
        mark(op::falsePositives, n, per, keep);
        mark(i -> op.truePositives(i) + op.falsePositives(i), n, per, keep);
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        int[] out = new int[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    // marks, for k = 1..per, the first row whose cumulative value reaches k/per of the total
    private static void mark(java.util.function.IntToDoubleFunction cumulative, int n, int per, boolean[] keep) {
        double total = cumulative.applyAsDouble(n - 1);
        if (total <= 0) {
            return;
        }
        for (int k = 1; k <= per; k++) {
            double target = total * k / per;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative.applyAsDouble(mid) >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            keep[lo] = true;
            // the row before a jump keeps the corner of the step
            if (lo > 0) {
                keep[lo - 1] = true;
            }
        }
    }
}
