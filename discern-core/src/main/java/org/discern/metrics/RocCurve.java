package org.discern.metrics;

import java.util.Arrays;

/**
 * A receiver operating characteristic curve: points from (0, 0) at threshold {@code +Infinity} to
 * (1, 1) at the lowest score, thresholds strictly descending. Point {@code i} is the rule
 * "positive iff score &gt;= threshold(i)".
 *
 * <p>Rates are NaN when the sample has no positives (TPR) or no negatives (FPR).
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
    }

    /**
     * A curve from its parts (copied).
     *
     * @throws IllegalArgumentException when the lengths differ or the curve is empty
     */
    public static RocCurve of(double[] fpr, double[] tpr, double[] thresholds) {
        if (fpr.length != tpr.length || fpr.length != thresholds.length || fpr.length == 0) {
            throw new IllegalArgumentException("fpr, tpr and thresholds must have one equal, non-zero length, got "
                    + fpr.length + ", " + tpr.length + ", " + thresholds.length);
        }
        return new RocCurve(fpr.clone(), tpr.clone(), thresholds.clone());
    }

    /**
     * scikit-learn's documented macro-average ROC curve of several curves (e.g. the one-vs-rest
     * curves of the classes): every curve interpolated linearly on the sorted union of all their
     * false-positive rates (where a curve has a vertical step, its highest TPR), the TPRs
     * averaged. The result has no thresholds ({@code threshold(i)} is NaN). As
     * {@link MulticlassEvaluation#rocCurveMacro()} for curves of one evaluation.
     *
     * @param curves at least one curve whose rates are defined (no NaN)
     */
    public static RocCurve macroAverage(java.util.List<RocCurve> curves) {
        checkCurves(curves);
        return Averaging.macroRocCurve(curves);
    }

    private static void checkCurves(java.util.List<RocCurve> curves) {
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("curves must hold at least one curve");
        }
        for (int c = 0; c < curves.size(); c++) {
            RocCurve r = curves.get(c);
            if (r == null || Double.isNaN(r.area())) {
                throw new IllegalArgumentException("curves[" + c + "] must be a curve with defined rates, got " + r);
            }
        }
    }

    /**
     * The points of {@link #macroAverage(java.util.List)} at the given false-positive rates only
     * (e.g. to draw the average of many long curves at the resolution of a chart): for each rate,
     * the curves' TPRs interpolated there (where a curve has a vertical step, its highest TPR) and
     * averaged, by the same arithmetic, so a rate that is a point of the whole average gets the
     * same TPR, to the last bit. Between the rates given the whole average may bend: choose them
     * where the curves do (their own points, or a subset dense enough for the purpose). Linear in
     * the curves' points plus {@code fpr.length} per curve.
     *
     * @param curves at least one curve whose rates are defined (no NaN)
     * @param fpr the rates, in [0, 1], ascending and distinct, at least one
     * @throws IllegalArgumentException when a curve is undefined or a rate is out of range or order
     */
    public static RocCurve macroAverage(java.util.List<RocCurve> curves, double[] fpr) {
        checkCurves(curves);
        if (fpr == null || fpr.length == 0) {
            throw new IllegalArgumentException("fpr must hold at least one rate");
        }
        for (int i = 0; i < fpr.length; i++) {
            if (!(fpr[i] >= 0 && fpr[i] <= 1) || (i > 0 && !(fpr[i] > fpr[i - 1]))) {
                throw new IllegalArgumentException("fpr[" + i + "] must be in [0, 1] and above fpr[" + (i - 1)
                        + "], got " + fpr[i]);
            }
        }
        return Averaging.macroRocCurveAt(curves, fpr.clone());
    }

    /**
     * Points of the micro-average (pooled) ROC curve at the given thresholds, from tables that
     * together hold the pooled decisions: one table per class of a one-vs-rest multi-class or
     * multi-label evaluation (decision (i, c) is a row of class c's table). At each threshold t,
     * TP(t) and FP(t) are the sums of the tables' counts at t (positive iff score &gt;= t) and the
     * point is (FP / sum of negatives, TP / sum of positives): a point of the pooled table's ROC
     * curve (bit for bit when unweighted; weighted sums may differ in the last bits), possibly one
     * the whole curve drops as collinear, without pooling and sorting the n x K decisions. For
     * drawing the pooled curve at the resolution of the class curves' own points.
     *
     * @param tables the classes' operating points, at least one, with positives and negatives in total
     * @param thresholds descending and distinct (+Infinity allowed: the point (0, 0)), at least one
     * @throws IllegalArgumentException when a table is null, the totals have no positive or no
     *     negative, or the thresholds are not descending, distinct and non-NaN
     */
    public static RocCurve microAverage(java.util.List<OperatingPoints> tables, double[] thresholds) {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("tables must hold at least one table");
        }
        if (thresholds == null || thresholds.length == 0) {
            throw new IllegalArgumentException("thresholds must hold at least one threshold");
        }
        double p = 0;
        double n = 0;
        for (int c = 0; c < tables.size(); c++) {
            OperatingPoints op = tables.get(c);
            if (op == null) {
                throw new IllegalArgumentException("tables[" + c + "] must not be null");
            }
            p += op.positives();
            n += op.negatives();
        }
        if (!(p > 0) || !(n > 0)) {
            throw new IllegalArgumentException("the tables must hold positives and negatives, got " + p + " and " + n);
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (Double.isNaN(thresholds[i]) || (i > 0 && !(thresholds[i] < thresholds[i - 1]))) {
                throw new IllegalArgumentException("thresholds[" + i + "] must be below thresholds[" + (i - 1)
                        + "], got " + thresholds[i]);
            }
        }
        int m = thresholds.length;
        double[] tp = new double[m];
        double[] fp = new double[m];
        for (OperatingPoints op : tables) {
            for (int i = 0; i < m; i++) {
                int row = op.indexAt(thresholds[i]);
                if (row >= 0) {
                    tp[i] += op.truePositives(row);
                    fp[i] += op.falsePositives(row);
                }
            }
        }
        double[] fpr = new double[m];
        double[] tpr = new double[m];
        for (int i = 0; i < m; i++) {
            fpr[i] = fp[i] / n;
            tpr[i] = tp[i] / p;
        }
        return new RocCurve(fpr, tpr, thresholds.clone());
    }

    static RocCurve wrap(double[] fpr, double[] tpr, double[] thresholds) {
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Number of points. */
    public int size() {
        return fpr.length;
    }

    /** False-positive rate of point i. */
    public double fpr(int i) {
        return fpr[i];
    }

    /** True-positive rate of point i. */
    public double tpr(int i) {
        return tpr[i];
    }

    /** Threshold of point i; point 0 is +Infinity. */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** Copy of the false-positive rates. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** Copy of the true-positive rates. */
    public double[] tpr() {
        return tpr.clone();
    }

    /** Copy of the thresholds (descending, first +Infinity). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Trapezoidal area under the curve; NaN when a rate is undefined. */
    public double area() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) {
            a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return a;
    }

    /**
     * The curve reduced to its corner points: a point is kept only where the curve changes
     * direction (first and last always). Good for drawing; the area is unchanged.
     */
    public RocCurve corners() {
        boolean[] keep = Curves.corners(fpr, tpr);
        return select(keep);
    }

    RocCurve select(boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        double[] f = new double[m];
        double[] t = new double[m];
        double[] th = new double[m];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                f[j] = fpr[i];
                t[j] = tpr[i];
                th[j] = thresholds[i];
                j++;
            }
        }
        return new RocCurve(f, t, th);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve r && Arrays.equals(fpr, r.fpr) && Arrays.equals(tpr, r.tpr)
                && Arrays.equals(thresholds, r.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[size=" + size() + "]";
    }
}
