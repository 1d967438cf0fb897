package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The replicates of one or more statistics from a stratified bootstrap, with their percentile
 * intervals. Statistic {@code j} is the j-th statistic passed to the {@link Bootstrap} method
 * that made the result. Named statistics (the metrics of the outputs: {@code roc_auc},
 * {@code roc_auc_ovr_macro}, per class {@code roc_auc[cat]}, see {@link #classStatistic}) are
 * read by name with {@link #interval(MetricKey)} and {@link #interval(String)}, never by
 * position. Replicates on which a statistic is undefined (NaN) are left out of its interval and
 * standard error, and counted in a warning.
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
    // names.get(j): the name of statistic j, or null when unnamed
    private final List<String> names;
    private final List<String> warnings;

    BootstrapResult(double[] estimates, double[] values, BootstrapOptions options) {
        this(estimates, values, options, null);
    }

    /**
     * @param names the name of each statistic (null entries: unnamed), or null when none is
     *     named; names must be distinct
     */
    BootstrapResult(double[] estimates, double[] values, BootstrapOptions options, List<String> names) {
        this.names = names(names, estimates.length);
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
                String name = this.names.get(j) == null ? "statistic " + j : this.names.get(j);
                w.add(name + ": " + (replicates - m) + " of " + replicates
                        + " replicates were undefined (NaN) and left out of the interval");
            }
            Arrays.sort(column, 0, m);
            lower[j] = quantile7(column, m, (1 - level) / 2);
            upper[j] = quantile7(column, m, (1 + level) / 2);
            standardError[j] = Math.sqrt(sampleVariance(column, m));
        }
        this.warnings = List.copyOf(w);
    }

    private static List<String> names(List<String> names, int k) {
        if (names != null && names.size() != k) {
            throw new IllegalArgumentException("names must have " + k + " entries, got " + names.size());
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String name = names == null ? null : names.get(j);
            if (name != null && out.contains(name)) {
                throw new IllegalArgumentException("statistic names must be distinct, got " + name + " twice");
            }
            out.add(name);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The name of a per-class statistic: {@code roc_auc} of class {@code cat} is
     * {@code roc_auc[cat]}.
     */
    public static String classStatistic(MetricKey metric, String className) {
        return metric.key() + "[" + className + "]";
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

    /** The name of statistic {@code j}, if it has one. */
    public Optional<String> name(int j) {
        return Optional.ofNullable(names.get(j));
    }

    /** The index of the statistic named {@code name}, or -1 when there is none. */
    public int indexOf(String name) {
        return name == null ? -1 : names.indexOf(name);
    }

    /**
     * Percentile interval of the statistic named {@code name} (method "bootstrap").
     *
     * @throws IllegalArgumentException when no statistic has that name
     */
    public ConfidenceInterval interval(String name) {
        int j = indexOf(name);
        if (j < 0) {
            List<String> named = new ArrayList<>();
            for (String n : names) {
                if (n != null) {
                    named.add(n);
                }
            }
            throw new IllegalArgumentException("no statistic named " + name + "; named: " + named);
        }
        return interval(j);
    }

    /** {@link #interval(String)} of the metric's key, e.g. {@code roc_auc_ovr_macro}. */
    public ConfidenceInterval interval(MetricKey metric) {
        return interval(metric.key());
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

    /** Equal when drawn with the same settings and holding the same estimates and replicate values. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BootstrapResult)) {
            return false;
        }
        BootstrapResult r = (BootstrapResult) o;
        return replicates == r.replicates && seed == r.seed && Double.compare(level, r.level) == 0
                && Arrays.equals(estimates, r.estimates) && Arrays.equals(values, r.values) && names.equals(r.names);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(seed) + Arrays.hashCode(estimates)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BootstrapResult[replicates=").append(replicates)
                .append(", seed=").append(seed).append(", level=").append(level);
        for (int j = 0; j < k; j++) {
            String name = names.get(j) == null ? Integer.toString(j) : names.get(j);
            sb.append(", ").append(name).append(": ").append(estimates[j]).append(" [")
                    .append(lower[j]).append(", ").append(upper[j]).append(']');
        }
        return sb.append(']').toString();
    }
}
