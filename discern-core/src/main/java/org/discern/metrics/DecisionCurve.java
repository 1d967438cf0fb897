package org.discern.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.discern.metrics.internal.Checks;

/**
 * A decision curve (Vickers &amp; Elkin 2006): the net benefit of acting on the model's
 * prediction, of treating everyone and of treating no one, at threshold probabilities
 * {@code pt}.
 *
 * <p>At a threshold probability {@code pt} in (0, 1), a case is treated iff its score is
 * {@code >= pt} (Discern's rule, {@link OperatingPoints}); scores are read as probabilities of
 * the positive class. With {@code n} the total (weighted) count, {@code TP} and {@code FP} the
 * (weighted) true and false positives of that rule and {@code p = P / n} the prevalence:
 * <ul>
 *   <li>net benefit of the model: {@code NB = TP/n - FP/n * pt/(1 - pt)};</li>
 *   <li>treat all: {@code p - (1 - p) * pt/(1 - pt)} (everyone flagged);</li>
 *   <li>treat none: {@code 0};</li>
 *   <li>standardized net benefit: {@code NB / p} (Kerr et al. 2016's sNB, the share of the
 *       largest possible benefit), NaN when the sample has no positives.</li>
 * </ul>
 * Weights enter every count; a row of weight 0 is the same as no row.
 *
 * <p>With {@link #bootstrap}, each model net benefit carries a percentile interval of the
 * stratified {@link Bootstrap} (positives and negatives resampled separately, the replicate's
 * table built from the one sort, no re-sort).
 *
 * <p>Immutable; arrays never leak.
 */
public final class DecisionCurve {
    /** Largest number of threshold probabilities of one curve (a grid of step 1e-4 over (0, 1)). */
    public static final int MAX_THRESHOLDS = 10_000;
    /** The default grid of threshold probabilities, 0.01, 0.02, ..., 0.99, as {@link #grid} reads it. */
    public static final String DEFAULT_GRID = "0.01:0.99:0.01";
    /**
     * Largest {@code replicates x thresholds} of a bootstrapped curve: the replicate values are
     * kept (8 bytes each) to take their quantiles, so this bounds that array at 160 MB.
     */
    public static final long MAX_BOOTSTRAP_VALUES = 20_000_000L;

    // thresholds[i] in (0, 1)
    private final double[] thresholds;
    // (weighted) true and false positives of "score >= thresholds[i]"
    private final double[] tp;
    private final double[] fp;
    private final double positives;
    private final double total;
    private final int rows;
    private final boolean weighted;
    // null without a bootstrap; else one interval per threshold
    private final ConfidenceInterval[] intervals;
    private final int replicates;
    private final long seed;
    private final List<String> warnings;

    private DecisionCurve(double[] thresholds, double[] tp, double[] fp, OperatingPoints points,
            ConfidenceInterval[] intervals, int replicates, long seed, List<String> warnings) {
        this.thresholds = thresholds;
        this.tp = tp;
        this.fp = fp;
        this.positives = points.positives();
        this.total = points.positives() + points.negatives();
        this.rows = points.rows();
        this.weighted = points.weighted();
        this.intervals = intervals;
        this.replicates = replicates;
        this.seed = seed;
        this.warnings = warnings;
    }

    /**
     * The decision curve of a scored sample at the given threshold probabilities.
     *
     * @param points the sample's operating points
     * @param thresholds 1 to {@link #MAX_THRESHOLDS} threshold probabilities, each in (0, 1), in
     *     the order the rows should have
     * @throws IllegalArgumentException on no threshold, too many, or one outside (0, 1); on a
     *     sample of total weight 0
     */
    public static DecisionCurve of(OperatingPoints points, double... thresholds) {
        Checks.notNull(points, "points");
        double[] t = checkThresholds(thresholds);
        checkTotal(points);
        double[] tp = new double[t.length];
        double[] fp = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            int at = points.indexAt(t[i]);
            tp[i] = at < 0 ? 0 : points.truePositives(at);
            fp[i] = at < 0 ? 0 : points.falsePositives(at);
        }
        return new DecisionCurve(t, tp, fp, points, null, 0, 0, List.of());
    }

    /**
     * The decision curve with a stratified bootstrap percentile interval of the model's net
     * benefit at every threshold probability.
     *
     * @param scores finite scores (probabilities of the positive class)
     * @param labels true for positives
     * @param weights sample weights or null
     * @param options replicates, seed, threads, level
     * @param thresholds as {@link #of(OperatingPoints, double...)}
     * @throws IllegalArgumentException as {@link #of(OperatingPoints, double...)}, on invalid
     *     input, or when {@code replicates x thresholds > }{@link #MAX_BOOTSTRAP_VALUES}
     */
    public static DecisionCurve bootstrap(double[] scores, boolean[] labels, double[] weights,
            BootstrapOptions options, double... thresholds) {
        Checks.notNull(options, "options");
        double[] t = checkThresholds(thresholds);
        if ((long) options.replicates() * t.length > MAX_BOOTSTRAP_VALUES) {
            throw new IllegalArgumentException("replicates x thresholds must be <= " + MAX_BOOTSTRAP_VALUES
                    + ", got " + options.replicates() + " x " + t.length);
        }
        OperatingPoints points = OperatingPoints.of(scores, labels, weights);
        DecisionCurve curve = of(points, t);
        BinaryStatistic[] stats = new BinaryStatistic[t.length];
        for (int i = 0; i < t.length; i++) {
            double pt = t[i];
            stats[i] = p -> netBenefit(p, pt);
        }
        BootstrapResult r = Bootstrap.binary(scores, labels, weights, options, stats);
        ConfidenceInterval[] ci = new ConfidenceInterval[t.length];
        for (int i = 0; i < t.length; i++) {
            ci[i] = r.interval(i);
        }
        return new DecisionCurve(curve.thresholds, curve.tp, curve.fp, points, ci, r.replicates(), r.seed(), r.warnings());
    }

    /**
     * The model's net benefit at {@code pt} on a table: {@code TP/n - FP/n * pt/(1 - pt)} of the
     * rule "positive iff score &gt;= pt", n the total (weighted) count. NaN when n is 0.
     *
     * @param pt threshold probability in (0, 1)
     */
    public static double netBenefit(OperatingPoints points, double pt) {
        Checks.notNull(points, "points");
        checkThreshold(pt, "pt");
        int at = points.indexAt(pt);
        double n = points.positives() + points.negatives();
        return at < 0 ? netBenefit(0, 0, n, pt) : netBenefit(points.truePositives(at), points.falsePositives(at), n, pt);
    }

    private static double netBenefit(double tp, double fp, double n, double pt) {
        return tp / n - fp / n * (pt / (1 - pt));
    }

    /**
     * An evenly spaced grid {@code from, from + step, ...} up to {@code to} (included when it is
     * on the grid), computed in decimal so that {@code 0.01:0.5:0.01} gives exactly 0.01, 0.02,
     * ..., 0.5 (each the double nearest the decimal value).
     *
     * @param spec {@code FROM:TO:STEP}, decimal numbers with {@code 0 < FROM <= TO < 1} and
     *     {@code STEP > 0}, at most {@link #MAX_THRESHOLDS} points
     * @throws IllegalArgumentException naming the part that is wrong and its value
     */
    public static double[] grid(String spec) {
        Checks.notNull(spec, "grid");
        String[] parts = spec.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("grid must be FROM:TO:STEP (e.g. 0.01:0.5:0.01), got '" + spec + "'");
        }
        BigDecimal from = decimal(parts[0], "FROM");
        BigDecimal to = decimal(parts[1], "TO");
        BigDecimal step = decimal(parts[2], "STEP");
        if (from.signum() <= 0 || from.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("grid FROM must be in (0, 1), got " + parts[0].trim());
        }
        if (to.signum() <= 0 || to.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("grid TO must be in (0, 1), got " + parts[1].trim());
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("grid TO must be >= FROM, got " + parts[1].trim() + " < " + parts[0].trim());
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("grid STEP must be > 0, got " + parts[2].trim());
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_THRESHOLDS)) > 0) {
            throw new IllegalArgumentException("grid " + spec.trim() + " has " + count.toPlainString()
                    + " points; at most " + MAX_THRESHOLDS + " (use a larger STEP)");
        }
        double[] g = new double[count.intValueExact()];
        for (int i = 0; i < g.length; i++) {
            g[i] = from.add(step.multiply(BigDecimal.valueOf(i))).doubleValue();
        }
        return g;
    }

    private static BigDecimal decimal(String s, String part) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid " + part + " must be a decimal number, got '" + s.trim() + "'", e);
        }
    }

    private static double[] checkThresholds(double[] thresholds) {
        Checks.notNull(thresholds, "thresholds");
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("thresholds must not be empty");
        }
        if (thresholds.length > MAX_THRESHOLDS) {
            throw new IllegalArgumentException("at most " + MAX_THRESHOLDS + " thresholds, got " + thresholds.length);
        }
        for (int i = 0; i < thresholds.length; i++) {
            checkThreshold(thresholds[i], "thresholds[" + i + "]");
        }
        return thresholds.clone();
    }

    private static void checkThreshold(double pt, String name) {
        if (!(pt > 0 && pt < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + pt);
        }
    }

    private static void checkTotal(OperatingPoints points) {
        if (!(points.positives() + points.negatives() > 0)) {
            throw new IllegalArgumentException("the total weight of the sample must be > 0");
        }
    }

    /** Number of threshold probabilities (rows). */
    public int size() {
        return thresholds.length;
    }

    /** Threshold probability of row {@code i}. */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** Copy of the threshold probabilities. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** (Weighted) true positives of "score &gt;= threshold(i)". */
    public double truePositives(int i) {
        return tp[i];
    }

    /** (Weighted) false positives of "score &gt;= threshold(i)". */
    public double falsePositives(int i) {
        return fp[i];
    }

    /** The model's net benefit at row {@code i}. */
    public double netBenefit(int i) {
        return netBenefit(tp[i], fp[i], total, thresholds[i]);
    }

    /** Net benefit of treating everyone at row {@code i}: {@code p - (1 - p) pt/(1 - pt)}. */
    public double netBenefitAll(int i) {
        return netBenefit(positives, total - positives, total, thresholds[i]);
    }

    /** Net benefit of treating no one: 0 at every threshold. */
    public double netBenefitNone(int i) {
        java.util.Objects.checkIndex(i, thresholds.length);
        return 0;
    }

    /** The model's standardized net benefit at row {@code i}: {@code NB / prevalence}; NaN without positives. */
    public double standardizedNetBenefit(int i) {
        return positives > 0 ? netBenefit(i) / prevalence() : Double.NaN;
    }

    /** Prevalence {@code P / n} ((weighted) share of positives). */
    public double prevalence() {
        return positives / total;
    }

    /** Total (weighted) count n. */
    public double total() {
        return total;
    }

    /** Number of rows of the sample, whatever their weights. */
    public int rows() {
        return rows;
    }

    /** Whether counts are sums of weights. */
    public boolean weighted() {
        return weighted;
    }

    /** Whether the net benefits carry bootstrap intervals. */
    public boolean hasIntervals() {
        return intervals != null;
    }

    /** The bootstrap interval of the model's net benefit at row {@code i}, if bootstrapped. */
    public Optional<ConfidenceInterval> interval(int i) {
        return intervals == null ? Optional.empty() : Optional.of(intervals[i]);
    }

    /** Bootstrap replicates (0 without intervals). */
    public int replicates() {
        return replicates;
    }

    /** Bootstrap seed (0 without intervals). */
    public long seed() {
        return seed;
    }

    /** Warnings (the bootstrap's), in the order found. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "DecisionCurve[size=" + size() + ", thresholds=" + Arrays.toString(thresholds) + ", prevalence="
                + prevalence() + ", intervals=" + hasIntervals() + "]";
    }
}
