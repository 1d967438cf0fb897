package org.discern.metrics;

import java.util.Arrays;

/**
 * A detection error tradeoff curve (false-negative rate against false-positive rate), with
 * scikit-learn's points stored with thresholds strictly descending: from the lowest threshold
 * whose false-positive count still equals that of the highest score, down to the highest
 * threshold that already reaches full recall. (scikit-learn lists the same points in increasing
 * threshold order.)
 */
public final class DetCurve {
    private final double[] fpr;
    private final double[] fnr;
    private final double[] thresholds;

    private DetCurve(double[] fpr, double[] fnr, double[] thresholds) {
        this.fpr = fpr;
        this.fnr = fnr;
        this.thresholds = thresholds;
    }

    static DetCurve wrap(double[] fpr, double[] fnr, double[] thresholds) {
        return new DetCurve(fpr, fnr, thresholds);
    }

    /** Number of points. */
    public int size() {
        return fpr.length;
    }

    /** False-positive rate of point i. */
    public double fpr(int i) {
        return fpr[i];
    }

    /** False-negative rate of point i. */
    public double fnr(int i) {
        return fnr[i];
    }

    /** Threshold of point i. */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** Copy of the false-positive rates. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** Copy of the false-negative rates. */
    public double[] fnr() {
        return fnr.clone();
    }

    /** Copy of the thresholds (descending). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The curve reduced to its corner points: a point is kept only where the curve changes
     * direction (first and last always). Good for drawing.
     */
    public DetCurve corners() {
        boolean[] keep = Curves.corners(fpr, fnr);
        return new DetCurve(Curves.select(fpr, keep), Curves.select(fnr, keep), Curves.select(thresholds, keep));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetCurve c && Arrays.equals(fpr, c.fpr) && Arrays.equals(fnr, c.fnr)
                && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(fnr)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "DetCurve[size=" + size() + "]";
    }
}
