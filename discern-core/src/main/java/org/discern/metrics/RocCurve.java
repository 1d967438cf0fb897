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
