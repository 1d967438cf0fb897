package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The replicates of one or more statistics from a stratified bootstrap, with their percentile
 * intervals. Statistic {@code j} is the j-th statistic passed to the {@link Bootstrap} method
 * that made the result. Replicates on which a statistic is undefined (NaN) are left out of its
 * interval and standard error, and counted in a warning.
 *
 * <p>Percentile intervals use quantiles of type 7 (R's default, as pROC): the bounds of level
 * L are the (1 - L)/2 and (1 + L)/2 quantiles of the defined replicate values. The result carries
 * the seed; rerunning with the same options gives identical values on any number of threads.
 *
 * <p>Immutable; arrays never leak.
 */
public final class BootstrapResult {
    private final double[] estimates;
    // values[b * k + j]: replicate b of statistic j
    private final double[] values;
    private final int k;
    private final int replicates;
    private final long seed;
    private final double level;
    private final double[] lower;
    private final double[] upper;
    private final double[] standardError;
    private final int[] valid;
    private final List<String> warnings;

    BootstrapResult(double[] estimates, double[] values, BootstrapOptions options) {
        this.estimates = estimates;
        this.values = values;
        this.k = estimates.length;
        this.replicates = options.replicates();
        this.seed = options.seed();
        this.level = options.level();
        this.lower = new double[k];
        this.upper = new double[k];
        this.standardError = new double[k];
        this.valid = new int[k];
        List<String> w = new ArrayList<>();
        double[] column = new double[replicates];
        for (int j = 0; j < k; j++) {
            int m = 0;
            for (int b = 0; b < replicates; b++) {
                double v = values[b * k + j];
                if (!Double.isNaN(v)) {
                    column[m++] = v;
                }
            }
            valid[j] = m;
            if (m < replicates) {
                w.add("statistic " + j + ": " + (replicates - m) + " of " + replicates
                        + " replicates were undefined (NaN) and left out of the interval");
            }
            Arrays.sort(column, 0, m);
            lower[j] = quantile7(column, m, (1 - level) / 2);
            upper[j] = quantile7(column, m, (1 + level) / 2);
            standardError[j] = Math.sqrt(sampleVariance(column, m));
        }
        this.warnings = List.copyOf(w);
    }

    /** Quantile of type 7 of sorted[0, m): linear interpolation at (m - 1) q; NaN when m = 0. */
    static double quantile7(double[] sorted, int m, double q) {
        if (m == 0) {
            return Double.NaN;
        }
        double h = (m - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= m - 1) {
            return sorted[m - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    static double sampleVariance(double[] v, int m) {
        if (m < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += v[i];
        }
        mean /= m;
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double d = v[i] - mean;
            ss += d * d;
        }
        return ss / (m - 1);
    }

    /** Number of statistics. */
    public int statistics() {
        return k;
    }

    /** Number of replicates drawn. */
    public int replicates() {
        return replicates;
    }

    /** The seed the replicates were drawn with. */
    public long seed() {
        return seed;
    }

    /** Confidence level of the intervals. */
    public double level() {
        return level;
    }

    /** Statistic {@code j} on the original sample. */
    public double estimate(int j) {
        return estimates[j];
    }

    /** Statistic {@code j} on replicate {@code b} (NaN if undefined there). */
    public double value(int b, int j) {
        return values[b * k + j];
    }

    /** Copy of the replicate values of statistic {@code j}, in replicate order. */
    public double[] values(int j) {
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            out[b] = values[b * k + j];
        }
        return out;
    }

    /** Percentile interval of statistic {@code j} around its estimate (method "bootstrap"). */
    public ConfidenceInterval interval(int j) {
        return new ConfidenceInterval(estimates[j], lower[j], upper[j], level, ConfidenceInterval.BOOTSTRAP);
    }

    /** Lower percentile bound of statistic {@code j}. */
    public double lower(int j) {
        return lower[j];
    }

    /** Upper percentile bound of statistic {@code j}. */
    public double upper(int j) {
        return upper[j];
    }

    /** Standard deviation of the defined replicate values of statistic {@code j}. */
    public double standardError(int j) {
        return standardError[j];
    }

    /** Number of replicates on which statistic {@code j} was defined. */
    public int validReplicates(int j) {
        return valid[j];
    }

    /** Sample covariance of statistics {@code i} and {@code j} over the replicates defined for both. */
    public double covariance(int i, int j) {
        double mi = 0;
        double mj = 0;
        int m = 0;
        for (int b = 0; b < replicates; b++) {
            double x = values[b * k + i];
            double y = values[b * k + j];
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                mi += x;
                mj += y;
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        mi /= m;
        mj /= m;
        double s = 0;
        for (int b = 0; b < replicates; b++) {
            double x = values[b * k + i];
            double y = values[b * k + j];
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                s += (x - mi) * (y - mj);
            }
        }
        return s / (m - 1);
    }

    /** Replicates left out of intervals, per statistic; never null. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BootstrapResult[replicates=").append(replicates)
                .append(", seed=").append(seed).append(", level=").append(level);
        for (int j = 0; j < k; j++) {
            sb.append(", ").append(j).append(": ").append(estimates[j]).append(" [")
                    .append(lower[j]).append(", ").append(upper[j]).append(']');
        }
        return sb.append(']').toString();
    }
}
