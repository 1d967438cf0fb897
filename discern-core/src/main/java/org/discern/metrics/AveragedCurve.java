package org.discern.metrics;

import java.util.Arrays;

/**
 * Curves of several folds averaged vertically on a fixed grid of the x axis, as scikit-learn's
 * cross-validated ROC example ({@code plot_roc_crossval}) does: at each grid point, the mean of the
 * folds' y values, their standard deviation, the band mean &plusmn; sd clipped to [0, 1], and the
 * minimum and maximum over the folds.
 *
 * <p>{@link Axis#ROC}: x is the false-positive rate, y the true-positive rate read from each fold's
 * piecewise-linear ROC curve as {@code numpy.interp} reads it (at an FPR with a vertical segment,
 * the highest TPR there), with the TPR at FPR 0 set to 0 and the mean at FPR 1 set to 1, as the
 * example does. {@link Axis#PR}: x is the recall, y the precision of each fold's step-wise PR curve
 * (the curve average precision integrates): the precision of the highest-threshold operating
 * point whose recall reaches the grid value, up to 1e-12 for rounding (recall-averaged precision).
 *
 * <p>The standard deviation is the population one (divided by the number of folds), as
 * {@code numpy.std} in scikit-learn's example. Immutable; arrays never leak.
 */
public final class AveragedCurve {
    /** Which curve was averaged, naming the axes. */
    public enum Axis {
        /** x: false-positive rate, y: true-positive rate. */
        ROC("fpr", "tpr"),
        /** x: recall, y: precision. */
        PR("recall", "precision");

        private final String x;
        private final String y;

        Axis(String x, String y) {
            this.x = x;
            this.y = y;
        }

        /** Name of the x axis ("fpr" or "recall"). */
        public String x() {
            return x;
        }

        /** Name of the y axis ("tpr" or "precision"). */
        public String y() {
            return y;
        }
    }

    private final Axis axis;
    private final double[] grid;
    private final double[] mean;
    private final double[] sd;
    private final double[] min;
    private final double[] max;
    private final int curves;

    private AveragedCurve(Axis axis, double[] grid, double[] mean, double[] sd, double[] min, double[] max,
            int curves) {
        this.axis = axis;
        this.grid = grid;
        this.mean = mean;
        this.sd = sd;
        this.min = min;
        this.max = max;
        this.curves = curves;
    }

    /** The grid of {@code points} equally spaced values from 0 to 1 ({@code numpy.linspace(0, 1, points)}). */
    public static double[] linearGrid(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = (double) i / (points - 1);
        }
        return g;
    }

    /** TPR of a ROC curve at each grid FPR, as numpy.interp, with the value at FPR 0 set to 0. */
    static double[] rocAt(RocCurve c, double[] grid) {
        double[] y = new double[grid.length];
        int j = 0;
        for (int g = 0; g < grid.length; g++) {
            double x = grid[g];
            // the last point with fpr <= x (fpr is non-decreasing)
            while (j + 1 < c.size() && c.fpr(j + 1) <= x) {
                j++;
            }
            if (c.fpr(j) == x || j + 1 == c.size()) {
                y[g] = c.tpr(j);
            } else {
                double f0 = c.fpr(j);
                double f1 = c.fpr(j + 1);
                y[g] = c.tpr(j) + (c.tpr(j + 1) - c.tpr(j)) * (x - f0) / (f1 - f0);
            }
            if (x == 0) {
                y[g] = 0;
            }
        }
        return y;
    }

    /**
     * Step-wise precision of a PR curve at each ascending grid recall (recall is non-decreasing
     * along the curve).
     */
    static double[] precisionAt(PrecisionRecallCurve c, double[] grid) {
        double[] y = new double[grid.length];
        int j = 0; // grid ascending: the point only moves forward
        for (int g = 0; g < grid.length; g++) {
            // 1e-12: a recall equal to a grid value up to rounding (k / P against i / 99) reaches it
            while (j + 1 < c.size() && c.recall(j) < grid[g] - 1e-12) {
                j++;
            }
            y[g] = c.precision(j);
        }
        return y;
    }

    /** Averages the given curves' y values (one array per curve, each on {@code grid}). */
    static AveragedCurve of(Axis axis, double[] grid, java.util.List<double[]> ys) {
        int k = ys.size();
        double[] mean = new double[grid.length];
        double[] sd = new double[grid.length];
        double[] min = new double[grid.length];
        double[] max = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] y : ys) {
                sum += y[g];
                lo = Math.min(lo, y[g]);
                hi = Math.max(hi, y[g]);
            }
            double m = k == 0 ? Double.NaN : sum / k;
            double ss = 0;
            for (double[] y : ys) {
                ss += (y[g] - m) * (y[g] - m);
            }
            mean[g] = m;
            sd[g] = k == 0 ? Double.NaN : Math.sqrt(ss / k);
            min[g] = k == 0 ? Double.NaN : lo;
            max[g] = k == 0 ? Double.NaN : hi;
        }
        if (axis == Axis.ROC && k > 0 && grid[grid.length - 1] == 1) {
            mean[grid.length - 1] = 1;
        }
        return new AveragedCurve(axis, grid.clone(), mean, sd, min, max, k);
    }

    /** Which curve this is. */
    public Axis axis() {
        return axis;
    }

    /** Number of grid points. */
    public int size() {
        return grid.length;
    }

    /** Number of curves averaged. */
    public int curves() {
        return curves;
    }

    /** x value of grid point i. */
    public double x(int i) {
        return grid[i];
    }

    /** Mean y at grid point i. */
    public double mean(int i) {
        return mean[i];
    }

    /** Standard deviation (population) of y at grid point i. */
    public double sd(int i) {
        return sd[i];
    }

    /** max(mean - sd, 0) at grid point i. */
    public double lower(int i) {
        return Math.max(mean[i] - sd[i], 0);
    }

    /** min(mean + sd, 1) at grid point i. */
    public double upper(int i) {
        return Math.min(mean[i] + sd[i], 1);
    }

    /** Least y over the curves at grid point i. */
    public double min(int i) {
        return min[i];
    }

    /** Greatest y over the curves at grid point i. */
    public double max(int i) {
        return max[i];
    }

    /** Copy of the grid. */
    public double[] grid() {
        return grid.clone();
    }

    /** Copy of the means. */
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AveragedCurve a && axis == a.axis && curves == a.curves && Arrays.equals(grid, a.grid)
                && Arrays.equals(mean, a.mean) && Arrays.equals(sd, a.sd) && Arrays.equals(min, a.min)
                && Arrays.equals(max, a.max);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * axis.hashCode() + Arrays.hashCode(grid)) + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "AveragedCurve[" + axis + ", " + curves + " curves, " + grid.length + " points]";
    }
}
