package org.discern.metrics;

import org.discern.metrics.internal.Checks;

/**
 * A confidence interval of one number: the point estimate, the bounds, the confidence level and
 * the method that produced it.
 *
 * <p>Methods used in Discern (the {@code method} strings, also written to JSON):
 * <ul>
 *   <li>{@code "delong"}: Wald interval estimate &plusmn; z &middot; sqrt(DeLong variance),
 *       clipped to the range of the statistic (as pROC's {@code ci.auc(method = "delong")});</li>
 *   <li>{@code "delong_logit"}: the Wald interval on the logit scale, mapped back (stays
 *       inside (0, 1) without clipping; better coverage near AUC 1);</li>
 *   <li>{@code "bootstrap"}: percentile interval of a stratified bootstrap (quantiles of type 7,
 *       as R's {@code quantile} and pROC).</li>
 * </ul>
 * Bounds are NaN when the interval is undefined (for instance DeLong with fewer than two
 * positives); the object that produced the interval carries a warning saying why.
 *
 * @param estimate the point estimate on the full sample
 * @param lower lower bound, {@code <= upper} (or NaN)
 * @param upper upper bound (or NaN)
 * @param level confidence level in (0, 1), e.g. 0.95
 * @param method how the interval was computed: {@code "delong"}, {@code "delong_logit"} or
 *     {@code "bootstrap"}
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, String method) {
    /** DeLong's Wald interval. */
    public static final String DELONG = "delong";
    /** DeLong's variance on the logit scale. */
    public static final String DELONG_LOGIT = "delong_logit";
    /** Wilson score interval of a binomial proportion. */
    public static final String WILSON = "wilson";
    /** Percentile interval of the stratified bootstrap. */
    public static final String BOOTSTRAP = "bootstrap";

    /** Validates the level and the method name, and that {@code lower <= upper} when both are numbers. */
    public ConfidenceInterval {
        checkLevel(level);
        Checks.notNull(method, "method");
        if (lower > upper) {
            throw new IllegalArgumentException("lower must be <= upper, got " + lower + " > " + upper);
        }
    }

    /** Whether both bounds are numbers. */
    public boolean defined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** {@code upper - lower} (NaN when undefined). */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies in the closed interval (false when undefined). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /**
     * A confidence level as a percentage for labels, locale-independent: 0.95 gives "95", 0.995
     * gives "99.5".
     */
    public static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100)).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString();
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }
}
