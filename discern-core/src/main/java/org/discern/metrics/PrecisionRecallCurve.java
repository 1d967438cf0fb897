package org.discern.metrics;

import java.util.Arrays;

/**
 * A precision-recall curve with scikit-learn 1.2's points, stored in Discern's order: thresholds
 * strictly descending. Point 0 is the end point (recall 0, precision 1) at threshold
 * {@code +Infinity} (scikit-learn lists it last, without a threshold); then one point per
 * distinct score, down to the lowest.
 */
public final class PrecisionRecallCurve {
    private final double[] precision;
    private final double[] recall;
    private final double[] thresholds;

    private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
        this.precision = precision;
        this.recall = recall;
        this.thresholds = thresholds;
    }

    /** A curve from its parts (copied). */
    public static PrecisionRecallCurve of(double[] precision, double[] recall, double[] thresholds) {
        if (precision.length != recall.length || precision.length != thresholds.length
                || precision.length == 0) {
            throw new IllegalArgumentException(
                    "precision, recall and thresholds must have one equal, non-zero length, got "
                            + precision.length + ", " + recall.length + ", " + thresholds.length);
        }
        return new PrecisionRecallCurve(precision.clone(), recall.clone(), thresholds.clone());
    }

    static PrecisionRecallCurve wrap(double[] precision, double[] recall, double[] thresholds) {
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /** Number of points. */
    public int size() {
        return precision.length;
    }

    /** Precision of point i. */
    public double precision(int i) {
        return precision[i];
    }

    /** Recall of point i. */
    public double recall(int i) {
        return recall[i];
    }

    /** Threshold of point i (point 0: +Infinity). */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** Copy of the precisions. */
    public double[] precision() {
        return precision.clone();
    }

    /** Copy of the recalls (non-decreasing). */
    public double[] recall() {
        return recall.clone();
    }

    /** Copy of the thresholds (descending, first +Infinity). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The curve reduced to the points where it changes direction, for drawing (first and last
     * kept).
     */
    public PrecisionRecallCurve corners() {
        boolean[] keep = Curves.corners(recall, precision);
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        double[] p = new double[m];
        double[] r = new double[m];
        double[] t = new double[m];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                p[j] = precision[i];
                r[j] = recall[i];
                t[j] = thresholds[i];
                j++;
            }
        }
        return new PrecisionRecallCurve(p, r, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && Arrays.equals(precision, c.precision)
                && Arrays.equals(recall, c.recall) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(precision) + Arrays.hashCode(recall)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[size=" + size() + "]";
    }
}
