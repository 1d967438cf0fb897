package org.discern.metrics;

/** Reading the piecewise-linear ROC curve of a table at a given rate. */
final class RocInterpolation {
    private RocInterpolation() {
    }

    /**
     * TPR at FPR x: the last point with fpr &lt;= x, linearly interpolated towards the next one
     * (highest TPR on a vertical step). Points include (0, 0) at +Infinity.
     */
    static double tprAtFpr(OperatingPoints p, double x) {
        double pos = p.positives();
        double neg = p.negatives();
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        // last index j in [-1, size) with fpr(j) <= x; fpr(-1) = 0
        int lo = 0;
        int hi = p.size() - 1;
        int j = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (p.falsePositives(mid) / neg <= x) {
                j = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        double f0 = j < 0 ? 0 : p.falsePositives(j) / neg;
        double t0 = j < 0 ? 0 : p.truePositives(j) / pos;
        if (f0 == x || j == p.size() - 1) {
            return t0;
        }
        double f1 = p.falsePositives(j + 1) / neg;
        double t1 = p.truePositives(j + 1) / pos;
        return t0 + (x - f0) / (f1 - f0) * (t1 - t0);
    }

    /**
     * FPR at TPR y: the first point with tpr &gt;= y, linearly interpolated from the previous
     * one (lowest FPR on a horizontal step).
     */
    static double fprAtTpr(OperatingPoints p, double y) {
        double pos = p.positives();
        double neg = p.negatives();
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        if (y <= 0) {
            return 0;
        }
        // first index j in [0, size) with tpr(j) >= y (exists: the last row has tpr 1)
        int lo = 0;
        int hi = p.size() - 1;
        int j = hi;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (p.truePositives(mid) / pos >= y) {
                j = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        double f1 = p.falsePositives(j) / neg;
        double t1 = p.truePositives(j) / pos;
        if (t1 == y) {
            return f1;
        }
        double f0 = j == 0 ? 0 : p.falsePositives(j - 1) / neg;
        double t0 = j == 0 ? 0 : p.truePositives(j - 1) / pos;
        return f0 + (y - t0) / (t1 - t0) * (f1 - f0);
    }
}
